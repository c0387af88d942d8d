import { useState } from 'react';
import { levelChangeableFrom, levelOn } from '../../shared/calendar.ts';
import type { EngineerImpact } from '../../shared/contract/roster.ts';
import type { Rank } from '../../shared/ladder.ts';
import { byLevelThenName, byName } from '../../shared/plan.ts';
import { Name } from '../../shared/schemas.ts';
import type { Engineer, LevelChange, Snapshot } from '../../shared/schemas.ts';
import { api } from '../api.ts';
import { notices } from '../store/notice.ts';
import { useMutation } from '../store/useMutation.ts';
import { Notices } from '../ui/Notices.tsx';
import { Confirm } from '../ui/Confirm.tsx';
import { Field } from '../ui/Field.tsx';
import { DeactivateConfirm } from './DeactivateConfirm.tsx';
import { PromoteDialog } from './PromoteDialog.tsx';
import { EngineerForm, REACTIVATE_NOTE, carriesWork } from './EngineerForm.tsx';
import { TeamTable } from './TeamTable.tsx';
import { WorkImpact } from './WorkImpact.tsx';
import { ScreenHead } from '../ui/ScreenHead.tsx';
import './roster.css';
import { useNameOf } from '../store/engineerNames.ts';

type Props = { snapshot: Snapshot };

/** Later than any recorded change: the level a person holds once every dated change has come. */
const LAST_DAY = '9999-12-31';

/** Teams, engineers and their promotion history: the roster every quarter shares. */
export function Roster({ snapshot }: Props) {
  const { run } = useMutation();
  const nameOf = useNameOf();
  const [editing, setEditing] = useState<Engineer | 'new' | null>(null);
  const [deleting, setDeleting] = useState<EngineerImpact | null>(null);
  const [deactivating, setDeactivating] = useState<EngineerImpact | null>(null);
  const [history, setHistory] = useState<{ engineer: Engineer; changes: LevelChange[] } | null>(null);
  const [promoting, setPromoting] = useState<{ engineer: Engineer; to: Rank } | null>(null);
  // The plan screens judge the selected quarter by the levels held then; the roster shows each
  // person's latest recorded level, the one a promotion changes from.
  const people = snapshot.engineers.map((e) => {
    const level = levelOn(e, snapshot.levelChanges, LAST_DAY);
    return level === e.level ? e : { ...e, level };
  });

  const close = () => setEditing(null);

  const promote = async (e: Engineer, to: Rank, changedOn: string) => {
    setPromoting(null);
    await run(() => api['engineers.update']({ engineerId: e.id, level: to, fromLevel: e.level, changedOn }));
  };

  const askDelete = async (e: Engineer) => {
    const r = await api['engineers.deleteImpact']({ engineerId: e.id });
    if (r.ok) setDeleting(r.value);
    else notices.refused(r.error.message);
  };

  const setActive = async (e: Engineer, active: boolean) => {
    await run(() => api['engineers.update']({ engineerId: e.id, active }), {
      notice: ({ summary }) => (active ? `${summary}. ${REACTIVATE_NOTE}` : `${summary}. Undo it from History.`),
    });
  };

  /** One change: they leave the board, their work goes to `handTo` or back to the backlog. */
  const deactivate = async (e: Engineer, handTo: Engineer | null) => {
    await run(() => api['engineers.deactivate']({ engineerId: e.id, handTo: handTo?.id ?? null }), {
      notice: ({ summary }) => `${summary}. Undo it from History.`,
    });
  };

  /** Someone who carries work is deactivated only after the lead has read what happens to it. */
  const askDeactivate = async (e: Engineer) => {
    const r = await api['engineers.deleteImpact']({ engineerId: e.id });
    if (!r.ok) return notices.refused(r.error.message);
    if (carriesWork(r.value)) setDeactivating(r.value);
    else await deactivate(e, null);
  };

  const showHistory = async (e: Engineer) => {
    if (history?.engineer.id === e.id) return setHistory(null);
    const r = await api['engineers.levelHistory']({ engineerId: e.id });
    if (r.ok) setHistory({ engineer: e, changes: r.value });
    else notices.refused(r.error.message);
  };

  const inactive = people.filter((e) => !e.active).sort(byName);
  const teamName = (e: Engineer) => snapshot.teams.find((t) => t.id === e.teamId)?.name ?? '';
  /** What every roster table does with its rows. */
  const rows = {
    history,
    onEdit: setEditing,
    // The edit form opens under the row it edits, where the lead's eyes already are.
    editor:
      editing !== null && editing !== 'new'
        ? {
            engineerId: editing.id,
            form: <EngineerForm key={editing.id} snapshot={snapshot} engineer={editing} onCancel={close} onSaved={close} />,
          }
        : null,
    onPromote: (engineer: Engineer, to: Rank) => setPromoting({ engineer, to }),
    onHistory: (e: Engineer) => void showHistory(e),
    onDeactivate: (e: Engineer) => void askDeactivate(e),
    onReactivate: (e: Engineer) => void setActive(e, true),
    onDelete: (e: Engineer) => void askDelete(e),
  };

  return (
    <section className="roster" aria-labelledby="roster-title">
      <ScreenHead id="roster-title" title="Roster">
        <button type="button" onClick={() => setEditing('new')} disabled={snapshot.teams.length === 0}>
          Add engineer
        </button>
        {snapshot.teams.length === 0 && <span className="hint">Add a team first, or import your roster from a CSV (Import/Export).</span>}
      </ScreenHead>
      <Notices />
      {editing === 'new' && <EngineerForm snapshot={snapshot} engineer={null} onCancel={close} onSaved={close} />}
      {promoting && (
        <PromoteDialog
          engineer={promoting.engineer}
          to={promoting.to}
          quarterStart={snapshot.quarter.startsOn}
          changeableFrom={levelChangeableFrom(promoting.engineer.id, snapshot.levelChanges)}
          onCancel={() => setPromoting(null)}
          onConfirm={(day) => void promote(promoting.engineer, promoting.to, day)}
        />
      )}
      {deleting && (
        <Confirm
          title={`Delete ${nameOf(deleting.engineer)}?`}
          confirmLabel={deleting.items.length > 0 ? 'Delete and return their work to the backlog' : 'Delete'}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            void (async () => {
              const engineerId = deleting.engineer.id;
              setDeleting(null);
              await run(() => api['engineers.delete']({ engineerId }), { notice: ({ summary }) => `${summary}. Undo it from History.` });
            })();
          }}
        >
          {deleting.items.length === 0 && <p>They carry no work.</p>}
          <WorkImpact impact={deleting} />
          <p>Their promotion history goes too. You can undo all of it from History.</p>
        </Confirm>
      )}
      {deactivating && (
        <DeactivateConfirm
          impact={deactivating}
          engineers={people}
          onCancel={() => setDeactivating(null)}
          onConfirm={(handTo) => {
            setDeactivating(null);
            void deactivate(deactivating.engineer, handTo);
          }}
        />
      )}
      <Teams snapshot={snapshot} />
      {[...snapshot.teams].sort(byName).map((team) => (
        <TeamTable
          key={team.id}
          team={team}
          members={people.filter((e) => e.active && e.teamId === team.id).sort(byLevelThenName)}
          {...rows}
        />
      ))}
      {/* Off the board: kept apart from the teams, so a team's table lists the people who take work. */}
      {inactive.length > 0 && (
        <TeamTable team={{ id: 0, name: 'Inactive' }} title="Inactive engineers" members={inactive} showTeam={teamName} {...rows} />
      )}
    </section>
  );
}

function Teams({ snapshot }: { snapshot: Snapshot }) {
  const { run } = useMutation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const add = async () => {
    const parsed = Name.safeParse(name);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    const r = await run(() => api['teams.create']({ name: parsed.data }), { refusal: 'form' });
    if (!r.ok) return setError(r.error.message);
    setName('');
    setError(undefined);
  };
  const rename = async (teamId: number, current: string) => {
    const next = window.prompt(`Rename the team ${current} to:`, current);
    if (next === null || next.trim() === current) return;
    await run(() => api['teams.rename']({ teamId, name: next }));
  };
  const remove = async (teamId: number) => {
    await run(() => api['teams.delete']({ teamId }));
  };
  return (
    <section className="teams" aria-label="Teams">
      <h3>Teams</h3>
      <ul className="team-list">
        {snapshot.teams.map((t) => (
          <li key={t.id}>
            {t.name}
            <button type="button" onClick={() => void rename(t.id, t.name)} aria-label={`Rename the team ${t.name}`}>
              Rename
            </button>
            <button type="button" onClick={() => void remove(t.id)} aria-label={`Delete the team ${t.name}`}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <Field id="new-team" label="New team" error={error}>
          {(a11y) => <input {...a11y} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <button type="submit">Add team</button>
      </form>
    </section>
  );
}
