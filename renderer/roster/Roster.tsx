import { useState } from 'react';
import { calendarQuarterStart, dayText, levelOn, localToday, threeMonthsAfter } from '../../shared/calendar.ts';
import { EngineerFields, type EngineerImpact } from '../../shared/contract/roster.ts';
import { LEVELS, type Rank, levelName, nextRank } from '../../shared/ladder.ts';
import { byLevelThenName, byName } from '../../shared/plan.ts';
import { Name } from '../../shared/schemas.ts';
import type { Engineer, LevelChange, Snapshot } from '../../shared/schemas.ts';
import { plural, withArticle } from '../../shared/words.ts';
import { api } from '../api.ts';
import { notices } from '../store/notice.ts';
import { useMutation } from '../store/useMutation.ts';
import { Notices } from '../ui/Notices.tsx';
import { Confirm, EditorForm, Field, type FieldErrors, fieldErrors, pointsFromText, serverErrors } from './forms.tsx';
import './roster.css';

type Props = { snapshot: Snapshot };

const today = () => localToday();
/** Later than any recorded change: the level a person holds once every dated change has come. */
const LAST_DAY = '9999-12-31';

const REACTIVATE_NOTE = 'Work carried before stays in the backlog or with whoever has it now.';
/** Said of one named person: "They leave the board" read as if a whole team were going. */
const deactivateNote = (name: string) => `${name} leaves the board; reactivation later does not give this work back.`;

const carriesWork = (impact: EngineerImpact) => impact.items.length > 0 || impact.reviews > 0;

/** What happens to someone's work when they leave the board, deleted or deactivated. */
function WorkImpact({ impact }: { impact: EngineerImpact }) {
  return (
    <>
      {impact.items.length > 0 && (
        <>
          <p>
            {impact.items.length === 1 ? 'This item returns' : `These ${impact.items.length} items return`} to the backlog, without a{' '}
            {impact.items.length === 1 ? 'DRI or owner' : 'DRI or owner each'}:
          </p>
          <ul>
            {impact.items.map((i) => (
              <li key={i.id}>
                {i.title}{' '}
                <span className="muted">
                  ({i.kind === 'initiative' ? 'DRI' : 'owner'}, {i.quarter})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {impact.reviews > 0 && (
        <p>
          {impact.reviews === 1 ? '1 stretch assignment loses' : `${impact.reviews} stretch assignments lose`} {impact.engineer.name} as
          reviewer.
        </p>
      )}
    </>
  );
}

/** Teams, engineers and their promotion history: the roster every quarter shares. */
export function Roster({ snapshot }: Props) {
  const { run } = useMutation();
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

  /** Someone who carries work is deactivated only after the lead has read what happens to it. */
  const askDeactivate = async (e: Engineer) => {
    const r = await api['engineers.deleteImpact']({ engineerId: e.id });
    if (!r.ok) return notices.refused(r.error.message);
    if (carriesWork(r.value)) setDeactivating(r.value);
    else await setActive(e, false);
  };

  const showHistory = async (e: Engineer) => {
    if (history?.engineer.id === e.id) return setHistory(null);
    const r = await api['engineers.levelHistory']({ engineerId: e.id });
    if (r.ok) setHistory({ engineer: e, changes: r.value });
    else notices.refused(r.error.message);
  };

  return (
    <section className="roster" aria-labelledby="roster-title">
      <header className="screen-head">
        <h2 id="roster-title">Roster</h2>
        <button type="button" onClick={() => setEditing('new')} disabled={snapshot.teams.length === 0}>
          Add engineer
        </button>
        {snapshot.teams.length === 0 && <span className="hint">Add a team first, or import your roster from a CSV (Import/Export).</span>}
      </header>
      <Notices />
      {editing !== null && (
        <EngineerForm
          key={editing === 'new' ? 'new' : editing.id}
          snapshot={snapshot}
          engineer={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
      {promoting && (
        <PromoteDialog
          engineer={promoting.engineer}
          to={promoting.to}
          quarterStart={snapshot.quarter.startsOn}
          onCancel={() => setPromoting(null)}
          onConfirm={(day) => void promote(promoting.engineer, promoting.to, day)}
        />
      )}
      {deleting && (
        <Confirm
          title={`Delete ${deleting.engineer.name}?`}
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
        <Confirm
          title={`Deactivate ${deactivating.engineer.name}?`}
          confirmLabel="Deactivate and return their work to the backlog"
          onCancel={() => setDeactivating(null)}
          onConfirm={() => {
            const e = deactivating.engineer;
            setDeactivating(null);
            void setActive(e, false);
          }}
        >
          <WorkImpact impact={deactivating} />
          <p>{deactivateNote(deactivating.engineer.name)} You can undo it from History.</p>
        </Confirm>
      )}
      <Teams snapshot={snapshot} />
      {[...snapshot.teams].sort(byName).map((team) => {
        const members = people.filter((e) => e.teamId === team.id).sort(byLevelThenName);
        return (
          <table key={team.id} className="roster-table" aria-label={`Roster of ${team.name}`}>
            <caption>
              {team.name} <span className="muted">({members.length})</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Level</th>
                <th scope="col">Capacity</th>
                <th scope="col">Active</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((e) => {
                const next = nextRank(e.level);
                return (
                  <tr key={e.id} data-id={`engineer-${e.id}`}>
                    <th scope="row">{e.name}</th>
                    <td>
                      <span className={`level level-${e.level}`}>{levelName(e.level)}</span>
                    </td>
                    <td>{e.capacity === null ? '—' : plural(e.capacity, 'pt')}</td>
                    <td>{e.active ? 'Yes' : 'No'}</td>
                    <td>
                      <div className="row-actions">
                        <button type="button" onClick={() => setEditing(e)} aria-label={`Edit ${e.name}`}>
                          Edit
                        </button>
                        {next !== null && (
                          <button
                            type="button"
                            onClick={() => setPromoting({ engineer: e, to: next })}
                            aria-label={`Promote ${e.name} to ${levelName(next)}`}
                          >
                            Promote to {levelName(next)}
                          </button>
                        )}
                        <button
                          type="button"
                          aria-expanded={history?.engineer.id === e.id}
                          onClick={() => void showHistory(e)}
                          aria-label={`Promotion history of ${e.name}`}
                        >
                          History
                        </button>
                        {e.active ? (
                          <button type="button" onClick={() => void askDeactivate(e)} aria-label={`Deactivate ${e.name}`}>
                            Deactivate
                          </button>
                        ) : (
                          <button type="button" onClick={() => void setActive(e, true)} aria-label={`Reactivate ${e.name}`}>
                            Reactivate
                          </button>
                        )}
                        <button type="button" className="danger" onClick={() => void askDelete(e)} aria-label={`Delete ${e.name}`}>
                          Delete
                        </button>
                        {history?.engineer.id === e.id && (
                          <ol className="level-history" aria-label={`Levels of ${e.name}`}>
                            {history.changes.map((c) => (
                              <li key={c.id}>
                                <time dateTime={c.changedOn}>{c.changedOn}</time>:{' '}
                                {c.fromLevel === null
                                  ? `joined as ${levelName(c.toLevel)}`
                                  : `${levelName(c.fromLevel)} → ${levelName(c.toLevel)}`}
                              </li>
                            ))}
                          </ol>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        );
      })}
    </section>
  );
}

/**
 * A level change is deliberate and dated: the lead confirms it and says from when. Today is the
 * default; the first days of this quarter and the next are a click away, since a promotion usually
 * takes effect with a quarter. The date decides which quarters' plans see the new level.
 */
function PromoteDialog({
  engineer,
  to,
  quarterStart,
  onConfirm,
  onCancel,
}: {
  engineer: Engineer;
  to: Rank;
  quarterStart: string | null;
  onConfirm: (day: string) => void;
  onCancel: () => void;
}) {
  const now = localToday();
  const thisQuarter = calendarQuarterStart(now);
  const nextQuarter = threeMonthsAfter(thisQuarter);
  const [day, setDay] = useState(now);
  const valid = /^\d{4}-\d\d-\d\d$/.test(day);
  const choices = [
    { label: 'Today', day: now },
    { label: 'This quarter’s start', day: thisQuarter },
    { label: 'Next quarter’s start', day: nextQuarter },
    ...(quarterStart && ![now, thisQuarter, nextQuarter].includes(quarterStart)
      ? [{ label: 'The shown quarter’s start', day: quarterStart }]
      : []),
  ];
  return (
    <Confirm
      title={`Promote ${engineer.name} to ${levelName(to)}?`}
      confirmLabel={valid ? `Promote from ${dayText(day)}` : 'Promote'}
      danger={false}
      onCancel={onCancel}
      onConfirm={() => valid && onConfirm(day)}
    >
      <p>
        {engineer.name} is {withArticle(levelName(engineer.level))}. From the day you choose, fits are judged at {levelName(to)}; quarters
        that start before it keep the level held then.
      </p>
      <div className="field">
        <label htmlFor="promote-on">Effective from</label>
        <input id="promote-on" className="promote-date" type="date" value={day} required onChange={(e) => setDay(e.target.value)} />
      </div>
      <div className="date-choices" role="group" aria-label="Common dates">
        {choices.map((c) => (
          <button key={c.label} type="button" aria-pressed={day === c.day} onClick={() => setDay(c.day)}>
            {c.label} ({dayText(c.day)})
          </button>
        ))}
      </div>
    </Confirm>
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

function EngineerForm({
  snapshot,
  engineer,
  onCancel,
  onSaved,
}: {
  snapshot: Snapshot;
  engineer: Engineer | null;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { run } = useMutation();
  const [name, setName] = useState(engineer?.name ?? '');
  const [level, setLevel] = useState<Rank>(engineer?.level ?? 1);
  const [teamId, setTeamId] = useState(engineer?.teamId ?? snapshot.teams[0]?.id ?? 0);
  const [capacity, setCapacity] = useState(engineer?.capacity === null || engineer === null ? '' : String(engineer.capacity));
  const [active, setActive] = useState(engineer?.active ?? true);
  const [changedOn, setChangedOn] = useState(today());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [impact, setImpact] = useState<EngineerImpact | null>(null);
  const levelChanges = engineer === null || engineer.level !== level;
  const deactivates = engineer !== null && engineer.active && !active;

  const submit = async (confirmed = false) => {
    const parsed = EngineerFields.safeParse({ name, level, teamId, capacity: pointsFromText(capacity), active });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    // Unticking Active releases their work: say what happens first, as the Deactivate button does.
    if (deactivates && !confirmed) {
      const r = await api['engineers.deleteImpact']({ engineerId: engineer.id });
      if (!r.ok) return setFormError(r.error.message);
      if (carriesWork(r.value)) return setImpact(r.value);
    }
    const fields = { ...parsed.data, ...(levelChanges ? { changedOn } : {}) };
    const reactivates = engineer !== null && !engineer.active && active;
    const r = await run(
      () =>
        engineer === null
          ? api['engineers.create'](fields)
          : api['engineers.update']({ engineerId: engineer.id, ...fields, fromLevel: engineer.level }),
      {
        refusal: 'form',
        notice: ({ summary }) =>
          deactivates ? `${summary}. Undo it from History.` : reactivates ? `${summary}. ${REACTIVATE_NOTE}` : summary,
      },
    );
    if (!r.ok) {
      const e = serverErrors(r.error);
      setErrors(e.fields);
      setFormError(e.message);
      return;
    }
    onSaved();
  };

  const title = engineer ? `Edit ${engineer.name}` : 'Add an engineer';
  return (
    <EditorForm
      title={title}
      formError={formError}
      submitLabel={engineer ? 'Save' : 'Add engineer'}
      onSubmit={() => submit()}
      onCancel={onCancel}
      after={
        impact && (
          <Confirm
            title={`Deactivate ${impact.engineer.name}?`}
            confirmLabel="Deactivate and return their work to the backlog"
            onCancel={() => setImpact(null)}
            onConfirm={() => {
              setImpact(null);
              void submit(true);
            }}
          >
            <WorkImpact impact={impact} />
            <p>{deactivateNote(impact.engineer.name)} You can undo it from History.</p>
          </Confirm>
        )
      }
    >
      <Field id="eng-name" label="Name" error={errors.name}>
        {(a11y) => <input {...a11y} value={name} onChange={(e) => setName(e.target.value)} autoFocus />}
      </Field>
      <Field id="eng-level" label="Level" error={errors.level}>
        {(a11y) => (
          <select {...a11y} value={level} onChange={(e) => setLevel(Number(e.target.value) as Rank)}>
            {LEVELS.map((l, i) => (
              <option key={l} value={i}>
                {l}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="eng-team" label="Team" error={errors.teamId}>
        {(a11y) => (
          <select {...a11y} value={teamId} onChange={(e) => setTeamId(Number(e.target.value))}>
            {snapshot.teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="eng-capacity" label="Capacity (points, optional)" error={errors.capacity}>
        {(a11y) => <input {...a11y} inputMode="numeric" value={capacity} onChange={(e) => setCapacity(e.target.value)} />}
      </Field>
      {levelChanges && (
        <Field id="eng-changed-on" label={engineer ? 'Level change dated' : 'At this level since'} error={errors.changedOn}>
          {(a11y) => <input {...a11y} type="date" value={changedOn} onChange={(e) => setChangedOn(e.target.value)} />}
        </Field>
      )}
      <div className="field field-check">
        <input id="eng-active" type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
        <label htmlFor="eng-active">Active (shown on the board)</label>
        {deactivates && <span className="hint">Saving returns their work to the backlog.</span>}
        {engineer !== null && !engineer.active && active && <span className="hint">{REACTIVATE_NOTE}</span>}
      </div>
    </EditorForm>
  );
}
