import { useState } from 'react';
import { WorkFields, rungProblem } from '../../shared/contract/work.ts';
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
import { useMutation } from '../store/useMutation.ts';
import { EditorForm } from '../ui/EditorForm.tsx';
import { Field } from '../ui/Field.tsx';
import { type FieldErrors, fieldErrors, pointsFromText, storedOrShown } from '../ui/form.ts';
import { TouchpointChecks } from '../ui/TouchpointChecks.tsx';
import { IdSelect } from '../ui/IdSelect.tsx';

/** What the form edits: an item, or a new one of a kind (a story possibly under an initiative). */
export type Editing = { item: WorkItem } | { kind: WorkKind; parentId: number | null };

/** Add an initiative or a story (several in a row, with "Add and add another") or edit one. */
export function WorkForm({
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

  /** Resolves true once stored. */
  const submit = async (): Promise<boolean> => {
    const parsed = WorkFields.safeParse({ title, description, rung, size: pointsFromText(size), touchpoints, status, parentId, teamId });
    const errs = fieldErrors(parsed.error);
    const rp = rungProblem(ladder, kind, rung);
    if (rp) errs.rung ??= rp;
    setErrors(errs);
    if (!parsed.success || rp) return false;
    const fields = { ...parsed.data, teamId: parentId === null ? parsed.data.teamId : undefined };
    const r = await run(
      () =>
        item ? api['work.update']({ itemId: item.id, ...fields }) : api['work.create']({ quarterId: snapshot.quarter.id, kind, ...fields }),
      { refusal: 'form' },
    );
    return storedOrShown(r, setErrors, setFormError);
  };
  /** The next item is most often of the same initiative, team, rung and status: those stay, the rest is cleared. */
  const addAnother = async () => {
    if (!(await submit())) return false;
    setTitle('');
    setDescription('');
    setSize('');
    setTouchpoints([]);
    setFormError(null);
    return true;
  };

  const heading = item ? `Edit '${item.title}'` : `Add ${kind === 'initiative' ? 'an initiative' : 'a story'} to ${snapshot.quarter.name}`;
  return (
    <EditorForm
      title={heading}
      formError={formError}
      submitLabel={item ? 'Save' : kind === 'initiative' ? 'Add initiative' : 'Add story'}
      onSubmit={async () => void ((await submit()) && onSaved())}
      onSubmitAnother={item ? undefined : addAnother}
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
            <IdSelect
              {...a11y}
              options={initiatives.map((i) => ({ id: i.id, label: i.title }))}
              none="None (a loose story)"
              value={parentId}
              onChange={setParentId}
            />
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
            <IdSelect
              {...a11y}
              options={snapshot.teams.map((t) => ({ id: t.id, label: t.name }))}
              none="No team"
              value={teamId}
              onChange={setTeamId}
            />
          )}
        </Field>
      )}
      {item?.kind === 'initiative' && snapshot.items.some((s) => s.parentId === item.id) && teamId !== item.teamId && (
        <p className="muted">Its stories move to {teamName(teamId)} with it.</p>
      )}
      <Field id="work-description" label="Description" error={errors.description}>
        {(a11y) => <textarea {...a11y} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <TouchpointChecks all={allTouchpoints} value={touchpoints} onChange={setTouchpoints} />
    </EditorForm>
  );
}
