import { useCallback, useEffect, useState } from 'react';
import type { Backup, DamagedBackup } from '../../shared/contract/safety.ts';
import { api } from '../api.ts';
import { Confirm } from '../ui/Confirm.tsx';
import { shownError } from '../files.ts';
import { notices } from '../store/notice.ts';
import { useMutation } from '../store/useMutation.ts';
import { Notices } from '../ui/Notices.tsx';
import { ColumnHeads } from '../ui/ColumnHeads.tsx';

const WHERE = 'backups';

const WHY: Record<Backup['reason'], string> = {
  launch: 'At launch',
  migration: 'Before an update of Rungs',
  import: 'Before an import',
  restore: 'The roster set aside by a restore',
  manual: 'Backed up by you',
};

/** Local time, to the second: two backups a minute apart must not read the same. */
export const when = (iso: string): string => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export const size = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/**
 * The backups kept next to the roster, newest first, with "Back up now" and "Restore…". A restore
 * replaces everything, undo history included, so it asks first and says what happens to today's roster.
 */
/** `version` changes whenever the roster does (an import takes a backup first), so the list reloads with it. */
export function Backups({ onRestored, version }: { onRestored: () => void; version: unknown }) {
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [damaged, setDamaged] = useState<DamagedBackup[]>([]);
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const { run, pending: busy } = useMutation();

  const load = useCallback(async () => {
    const r = await api['backups.list']({});
    if (r.ok) {
      setBackups(r.value.backups);
      setDamaged(r.value.damaged);
    } else notices.refused(shownError(r.error), WHERE);
  }, []);
  useEffect(() => {
    // oxlint-disable-next-line react/set-state-in-effect -- the backups are files the main process lists; this loads them.
    void load();
  }, [load, version]);

  const backUp = async () => {
    const r = await run(() => api['backups.create']({}), {
      where: WHERE,
      refusal: 'form',
      notice: (b) => `Backed up the roster (${size(b.bytes)}, ${when(b.createdAt)}).`,
    });
    if (!r.ok) return notices.refused(shownError(r.error), WHERE);
    await load();
  };
  const restore = async (backup: Backup) => {
    setRestoring(null);
    const r = await run(() => api['backups.restore']({ name: backup.name }), {
      where: WHERE,
      refusal: 'form',
      notice: ({ setAside }) =>
        `Restored the backup of ${when(backup.createdAt)}. The roster as it was is kept as the newest backup (${setAside}); restore that one to go back.`,
    });
    if (!r.ok) return notices.refused(shownError(r.error), WHERE);
    await load();
    // Everything changed: the plan is fetched afresh, on the restored roster's latest quarter.
    onRestored();
  };

  return (
    <section className="transfer-block backups" aria-labelledby="backups-title">
      <h3 id="backups-title">Backups</h3>
      <p className="hint">
        Rungs keeps the newest 10 copies of the roster in a <code>backups</code> folder beside it: one at launch each day, and one before
        every import, update and restore. Each copy is checked before it counts; one that is damaged or empty is listed apart and never
        offered for restore.
      </p>
      <div className="form-actions">
        <button type="button" onClick={() => void backUp()} disabled={busy}>
          Back up now
        </button>
      </div>
      <Notices where={WHERE} />
      {restoring && (
        <Confirm
          title={`Restore the backup of ${when(restoring.createdAt)}?`}
          confirmLabel="Restore this backup"
          onConfirm={() => void restore(restoring)}
          onCancel={() => setRestoring(null)}
        >
          <p>
            Every team, engineer, quarter and assignment becomes what it was in this backup ({WHY[restoring.reason].toLowerCase()},{' '}
            {size(restoring.bytes)}). The undo history becomes the backup&apos;s too, so History shows its changes, not today&apos;s.
          </p>
          <p>The roster as it is now is not deleted: it is set aside as a new backup first, and you can restore that one to come back.</p>
        </Confirm>
      )}
      {backups === null ? (
        <p className="hint">Loading the backups…</p>
      ) : backups.length === 0 ? (
        <p className="hint">{damaged.length > 0 ? 'No backup that can be restored.' : 'No backups yet.'}</p>
      ) : (
        <table className="data-table compact backups-table" aria-label="Backups, newest first">
          <ColumnHeads columns={['Taken', 'Why', 'Size', { label: 'Action', hidden: true }]} />
          <tbody>
            {backups.map((b) => (
              <tr key={b.name} data-id={`backup-${b.name}`}>
                <th scope="row">
                  <time dateTime={b.createdAt}>{when(b.createdAt)}</time>
                </th>
                <td>{WHY[b.reason]}</td>
                <td className="num">{size(b.bytes)}</td>
                <td>
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={`Restore the backup of ${when(b.createdAt)} (${WHY[b.reason].toLowerCase()})`}
                    onClick={() => setRestoring(b)}
                  >
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {damaged.length > 0 && (
        // Shown, not hidden: the lead should know a copy they might count on is not there, and the files
        // stay (Rungs never deletes what it cannot read) until the lead removes them from the folder.
        <>
          <h4 id="damaged-backups-title">Copies that cannot be restored</h4>
          <table className="data-table compact backups-table" aria-labelledby="damaged-backups-title">
            <ColumnHeads columns={['Taken', 'Why', 'Size', 'Cannot be restored']} />
            <tbody>
              {damaged.map((b) => (
                <tr key={b.name} data-id={`damaged-backup-${b.name}`}>
                  <th scope="row">
                    <time dateTime={b.createdAt}>{when(b.createdAt)}</time>
                  </th>
                  <td>{WHY[b.reason]}</td>
                  <td className="num">{b.bytes === 0 ? '0 KB' : size(b.bytes)}</td>
                  <td>{b.problem}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
