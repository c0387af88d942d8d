import { useState } from 'react';
import { WorkFields, type WorkImpact, rungProblem } from '../../shared/contract/work.ts';
import {
  type Rank,
  STATUSES,
  STATUS_LABEL,
  type Touchpoint,
  type WorkKind,
  allowedRungs,
  defaultRung,
  levelName,
  rungMeaning,
  touchpointNames,
} from '../../shared/ladder.ts';
import type { Snapshot, WorkItem } from '../../shared/schemas.ts';
import { api } from '../api.ts';
import { notices } from '../store/notice.ts';
import { useMutation } from '../store/useMutation.ts';
import { Notices } from '../ui/Notices.tsx';
import { Confirm } from '../ui/Confirm.tsx';
import { EditorForm } from '../ui/EditorForm.tsx';
import { Field } from '../ui/Field.tsx';
import { type FieldErrors, fieldErrors, pointsFromText, serverErrors } from '../ui/form.ts';
import { ScreenHead } from '../ui/ScreenHead.tsx';
import { WorkDeleteImpact, WorkRow } from './WorkRow.tsx';
import './work.css';

type Props = { snapshot: Snapshot };
type Editing = { item: WorkItem } | { kind: WorkKind; parentId: number | null };

/** Initiatives and stories of the quarter on screen, with their editors. */
export function Work({ snapshot }: Props) {
  const { run } = useMutation();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<(WorkImpact & { id: number }) | null>(null);
  const initiatives = snapshot.items.filter((i) => i.kind === 'initiative');
  const loose = snapshot.items.filter((i) => i.kind === 'story' && (i.parentId === null || !initiatives.some((p) => p.id === i.parentId)));
  const owner = (i: WorkItem) => snapshot.engineers.find((e) => e.id === i.assignment?.engineerId)?.name;

  const askDelete = async (i: WorkItem) => {
    const r = await api['work.deleteImpact']({ itemId: i.id });
    if (r.ok) setDeleting({ ...r.value, id: i.id });
    else notices.refused(r.error.message);
  };

  const row = (i: WorkItem) => (
    <WorkRow
      item={i}
      owner={owner(i)}
      team={i.teamId !== null ? (snapshot.teams.find((t) => t.id === i.teamId)?.name ?? '') : null}
      onEdit={() => setEditing({ item: i })}
      onAddStory={() => setEditing({ kind: 'story', parentId: i.id })}
      onDelete={() => void askDelete(i)}
    />
  );

  return (
    <section className="work" aria-labelledby="work-title">
      <ScreenHead id="work-title" title={`Work of ${snapshot.quarter.name}`}>
        <button type="button" onClick={() => setEditing({ kind: 'initiative', parentId: null })}>
          Add initiative
        </button>
        <button type="button" onClick={() => setEditing({ kind: 'story', parentId: null })}>
          Add story
        </button>
      </ScreenHead>
      <Notices />
      {editing && (
        <WorkForm
          key={'item' in editing ? editing.item.id : `${editing.kind}-${editing.parentId}`}
          snapshot={snapshot}
          editing={editing}
          onCancel={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
      {deleting && (
        <Confirm
          title={`Delete '${deleting.title}'?`}
          confirmLabel="Delete"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            void (async () => {
              const itemId = deleting.id;
              setDeleting(null);
              await run(() => api['work.delete']({ itemId }), { notice: ({ summary }) => `${summary}. Undo it from History.` });
            })();
          }}
        >
          <WorkDeleteImpact impact={deleting} />
          <p>You can undo it from History.</p>
        </Confirm>
      )}
      {snapshot.items.length === 0 && (
        <p className="hint">No work in {snapshot.quarter.name} yet. Add an initiative, or import a backlog CSV (Import/Export).</p>
      )}
      <ul className="work-list" aria-label="Initiatives">
        {initiatives.map((i) => (
          <li key={i.id}>
            {row(i)}
            <ul className="work-stories" aria-label={`Stories of '${i.title}'`}>
              {snapshot.items
                .filter((s) => s.parentId === i.id)
                .map((s) => (
                  <li key={s.id}>{row(s)}</li>
                ))}
            </ul>
          </li>
        ))}
      </ul>
      {loose.length > 0 && (
        <>
          <h3>Stories without an initiative</h3>
          <ul className="work-stories" aria-label="Stories without an initiative">
            {loose.map((s) => (
              <li key={s.id}>{row(s)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function WorkForm({
  snapshot,
  editing,
  onCancel,
  onSaved,
}: {
  snapshot: Snapshot;
  editing: Editing;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { run } = useMutation();
  const ladder = snapshot.ladder;
  const allTouchpoints = touchpointNames(ladder);
  const item = 'item' in editing ? editing.item : null;
  const kind: WorkKind = item ? item.kind : (editing as { kind: WorkKind }).kind;
  const [title, setTitle] = useState(item?.title ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [rung, setRung] = useState<Rank>(item?.rung ?? defaultRung(ladder, kind));
  const [size, setSize] = useState(item?.size === null || item === null ? '' : String(item.size));
  const [touchpoints, setTouchpoints] = useState<Touchpoint[]>(item?.touchpoints ?? []);
  const [status, setStatus] = useState(item?.status ?? 'planned');
  const [parentId, setParentId] = useState<number | null>(item ? item.parentId : (editing as { parentId: number | null }).parentId);
  const [teamId, setTeamId] = useState<number | null>(item ? item.teamId : null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const initiatives = snapshot.items.filter((i) => i.kind === 'initiative');
  // A story under an initiative is its initiative's team's: shown, not chosen (work-team.ts).
  const parent = parentId === null ? null : (initiatives.find((i) => i.id === parentId) ?? null);
  const teamName = (id: number | null) => (id === null ? 'no team' : (snapshot.teams.find((t) => t.id === id)?.name ?? 'no team'));

  const submit = async () => {
    const parsed = WorkFields.safeParse({ title, description, rung, size: pointsFromText(size), touchpoints, status, parentId, teamId });
    const errs = fieldErrors(parsed.error);
    const rp = rungProblem(ladder, kind, rung);
    if (rp) errs.rung ??= rp;
    setErrors(errs);
    if (!parsed.success || rp) return;
    const fields = { ...parsed.data, teamId: parentId === null ? parsed.data.teamId : undefined };
    const r = await run(
      () =>
        item ? api['work.update']({ itemId: item.id, ...fields }) : api['work.create']({ quarterId: snapshot.quarter.id, kind, ...fields }),
      { refusal: 'form' },
    );
    if (!r.ok) {
      const e = serverErrors(r.error);
      setErrors(e.fields);
      setFormError(e.message);
      return;
    }
    onSaved();
  };

  const heading = item ? `Edit '${item.title}'` : `Add ${kind === 'initiative' ? 'an initiative' : 'a story'} to ${snapshot.quarter.name}`;
  return (
    <EditorForm
      title={heading}
      formError={formError}
      submitLabel={item ? 'Save' : kind === 'initiative' ? 'Add initiative' : 'Add story'}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Field id="work-title-input" label="Title" error={errors.title}>
        {(a11y) => <input {...a11y} value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />}
      </Field>
      <Field id="work-rung" label="Rung" error={errors.rung}>
        {(a11y) => (
          <select {...a11y} value={rung} onChange={(e) => setRung(Number(e.target.value) as Rank)}>
            {allowedRungs(ladder, kind).map((r) => (
              <option key={r} value={r}>
                {levelName(ladder, r)}: {rungMeaning(ladder, kind, r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="work-size" label="Size (points, optional)" error={errors.size}>
        {(a11y) => <input {...a11y} inputMode="numeric" value={size} onChange={(e) => setSize(e.target.value)} />}
      </Field>
      <Field id="work-status" label="Status" error={errors.status}>
        {(a11y) => (
          <select {...a11y} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {kind === 'story' && (
        <Field id="work-parent" label="Initiative" error={errors.parentId}>
          {(a11y) => (
            <select {...a11y} value={parentId ?? ''} onChange={(e) => setParentId(e.target.value === '' ? null : Number(e.target.value))}>
              <option value="">None (a loose story)</option>
              {initiatives.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {parent ? (
        <p className="field" data-id="work-team-inherited">
          Team: {teamName(parent.teamId)}, as its initiative
        </p>
      ) : (
        <Field id="work-team" label={kind === 'initiative' ? 'Team' : 'Team (optional)'} error={errors.teamId}>
          {(a11y) => (
            <select {...a11y} value={teamId ?? ''} onChange={(e) => setTeamId(e.target.value === '' ? null : Number(e.target.value))}>
              <option value="">No team</option>
              {snapshot.teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {item?.kind === 'initiative' && snapshot.items.some((s) => s.parentId === item.id) && teamId !== item.teamId && (
        <p className="muted">Its stories move to {teamName(teamId)} with it.</p>
      )}
      <Field id="work-description" label="Description" error={errors.description}>
        {(a11y) => <textarea {...a11y} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <fieldset className="touchpoints">
        <legend>Touchpoints</legend>
        {allTouchpoints.map((t) => (
          <label key={t}>
            <input
              type="checkbox"
              checked={touchpoints.includes(t)}
              onChange={(e) =>
                setTouchpoints(
                  e.target.checked ? allTouchpoints.filter((x) => x === t || touchpoints.includes(x)) : touchpoints.filter((x) => x !== t),
                )
              }
            />{' '}
            {t}
          </label>
        ))}
      </fieldset>
    </EditorForm>
  );
}
