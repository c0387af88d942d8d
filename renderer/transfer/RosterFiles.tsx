import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { RosterFile } from '../../shared/contract/roster-files.ts';
import type { Result } from '../../shared/errors.ts';
import { api } from '../api.ts';
import { shownError } from '../files.ts';
import { notices } from '../store/notice.ts';
import { useMutation } from '../store/useMutation.ts';
import { ColumnHeads } from '../ui/ColumnHeads.tsx';
import { Field } from '../ui/Field.tsx';
import { Notices } from '../ui/Notices.tsx';
import { size, when } from './Backups.tsx';

const WHERE = 'roster-files';

type Listing = { current: string; folder: string; rosters: RosterFile[]; recent: string[] };
type Switched = { current: string; notes: string[] };

/**
 * The roster files of the data folder: a new roster (empty, so the board opens on its first-run
 * guide), the ones opened lately, and every roster in the folder. Opening one closes this one as on
 * quit; a roster another Rungs holds is refused and this one stays open.
 */
export function RosterFiles({ onOpened, version }: { onOpened: () => void; version: unknown }) {
  const [listing, setListing] = useState<Listing | null>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const { run, pending: busy } = useMutation();

  const load = useCallback(async () => {
    const r = await api['rosterFiles.list']({});
    if (!r.ok) return notices.refused(shownError(r.error), WHERE);
    setListing(r.value);
    if (r.value.dropped.length > 0) {
      const gone = r.value.dropped.join(', ');
      notices.show({ text: `No longer there (moved or deleted), so taken off the recent rosters: ${gone}.`, tone: 'info', where: WHERE });
    }
  }, []);
  useEffect(() => {
    // oxlint-disable-next-line react/set-state-in-effect -- the roster files are the folder's; this lists them.
    void load();
  }, [load, version]);

  const opened = async (call: () => Promise<Result<Switched>>): Promise<Result<Switched>> => {
    // The notice goes to the screen's own line, so the board the lead lands on says what opened.
    const r = await run(call, {
      refusal: 'form',
      notice: ({ current, notes }) => [`Opened the roster ${current}.`, ...notes].join(' '),
    });
    if (r.ok) onOpened();
    return r;
  };
  const open = async (roster: string) => {
    const r = await opened(() => api['rosterFiles.open']({ name: roster }));
    if (!r.ok) {
      notices.refused(shownError(r.error), WHERE);
      await load();
    }
  };
  const create = async (e: FormEvent) => {
    e.preventDefault();
    const r = await opened(() => api['rosterFiles.create']({ name }));
    if (r.ok) return setName('');
    if (r.error.code === 'invalid_input') return setNameError(r.error.issues?.[0]?.message ?? r.error.message);
    notices.refused(shownError(r.error), WHERE);
  };

  const others = listing?.rosters.filter((r) => r.name !== listing.current) ?? [];
  return (
    <section className="transfer-block roster-files" aria-labelledby="roster-files-title">
      <h3 id="roster-files-title">Roster files</h3>
      <p className="hint">
        Each roster is a file of its own. Open now: <strong data-id="current-roster">{listing?.current ?? '…'}</strong>
        {listing && (
          <>
            {' '}
            in <code>{listing.folder}</code>
          </>
        )}
        . Opening another closes this one, saved as it is.
      </p>
      <Notices where={WHERE} />
      <form className="inline-form" onSubmit={(e) => void create(e)} aria-label="Create a roster file">
        <Field id="new-roster-name" label="New roster" error={nameError}>
          {(a11y) => (
            <input
              {...a11y}
              value={name}
              maxLength={64}
              placeholder="e.g. Platform 2026"
              onChange={(e) => {
                setName(e.target.value);
                setNameError(undefined);
              }}
            />
          )}
        </Field>
        <button type="submit" disabled={busy}>
          Create and open
        </button>
      </form>
      {listing && listing.recent.length > 0 && (
        <nav aria-labelledby="recent-rosters-title">
          <h4 id="recent-rosters-title">Open recent</h4>
          <ul className="row-actions recent-rosters">
            {listing.recent.map((r) => (
              <li key={r}>
                <button type="button" disabled={busy} onClick={() => void open(r)}>
                  {r}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {others.length > 0 && (
        <table className="data-table compact" aria-label="Other rosters in this folder">
          <ColumnHeads columns={['Roster', 'Last changed', 'Size', { label: 'Action', hidden: true }]} />
          <tbody>
            {others.map((r) => (
              <tr key={r.name} data-id={`roster-file-${r.name}`}>
                <th scope="row">{r.name}</th>
                <td>
                  <time dateTime={r.modifiedAt}>{when(r.modifiedAt)}</time>
                </td>
                <td className="num">{size(r.bytes)}</td>
                <td>
                  <button type="button" disabled={busy} aria-label={`Open the roster ${r.name}`} onClick={() => void open(r.name)}>
                    Open
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
