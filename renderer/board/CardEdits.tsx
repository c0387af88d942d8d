import { useCallback } from 'react';
import { reviewerProblem } from '../../shared/assignment.ts';
import { STATUSES, STATUS_LABEL, allowedRungs, levelName, rungMeaning } from '../../shared/ladder.ts';
import type { Rank, Status } from '../../shared/ladder.ts';
import type { Engineer, Snapshot, WorkItem } from '../../shared/schemas.ts';
import { api } from '../api.ts';
import { useMutation } from '../store/useMutation.ts';
import { withItemFields } from './optimistic.ts';
import { IdSelect } from '../ui/IdSelect.tsx';
import { InlineText } from '../ui/InlineText.tsx';
import { useLadder } from '../ladder/useLadder.ts';
import { useNameOf } from '../store/engineerNames.ts';

// The card detail panel's fields that edit in place. Each edit is one call on the channel the
// Work screen and the board already use (work.update, plan.setReviewer, plan.assign), through
// useMutation: one change each in History, undone in one step, its reply patching the plan store.

type WorkPatch = Partial<Pick<WorkItem, 'title' | 'description' | 'rung' | 'size' | 'status' | 'touchpoints' | 'parentId' | 'teamId'>>;

const LEAD = 'lead';

/** The panel's edits of one item, each a single undoable change. */
export function useCardEdits(item: WorkItem) {
  const { run, pending } = useMutation();
  const update = useCallback(
    (patch: WorkPatch) =>
      run(() => api['work.update']({ itemId: item.id, ...patch }), {
        failure: `Could not change '${item.title}'`,
        // A tick or a pick shows at once; a move to another initiative or team waits for the reply,
        // which says where its stories went.
        optimistic: 'parentId' in patch || 'teamId' in patch ? undefined : (s) => withItemFields(s, [item.id], patch),
      }),
    [run, item.id, item.title],
  );
  const setReviewer = useCallback(
    (reviewerId: number | null, leadReviews: boolean) =>
      run(() => api['plan.setReviewer']({ itemId: item.id, reviewerId, leadReviews }), {
        failure: `Could not set the reviewer of '${item.title}'`,
      }),
    [run, item.id, item.title],
  );
  const unassign = useCallback(
    () => run(() => api['plan.assign']({ itemId: item.id, engineerId: null }), { failure: `Could not unassign '${item.title}'` }),
    [run, item.id, item.title],
  );
  return { update, setReviewer, unassign, pending };
}

type TextProps = {
  id: string;
  label: string;
  value: string;
  multiline?: boolean;
  /** Stores the new text; the field shows the stored value again when it is refused. */
  save: (text: string) => unknown;
};

/** A labelled text of the card, edited in place (ui/InlineText.tsx). */
export function CardText({ id, label, value, multiline, save }: TextProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <InlineText id={id} label={label} value={value} multiline={multiline} onSave={save} />
    </div>
  );
}

/** Size in points: empty means not sized. */
export function InlineSize({ id, value, save }: { id: string; value: number | null; save: (size: number | null) => unknown }) {
  return (
    <CardText
      id={id}
      label="Size (points)"
      value={value === null ? '' : String(value)}
      save={(text) => save(text.trim() === '' ? null : Number(text))}
    />
  );
}

export function StatusSelect({ id, value, save }: { id: string; value: Status; save: (status: Status) => unknown }) {
  return (
    <div className="field">
      <label htmlFor={id}>Status</label>
      <select id={id} value={value} onChange={(e) => save(e.target.value as Status)}>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABEL[s]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The rungs this kind of work may take, with the meaning of the one chosen in the map's words. */
export function RungSelect({ id, item, save }: { id: string; item: WorkItem; save: (rung: Rank) => unknown }) {
  const ladder = useLadder();
  const meaning = rungMeaning(ladder, item.kind, item.rung);
  return (
    <div className="field">
      <label htmlFor={id}>Rung</label>
      <select id={id} value={item.rung} aria-describedby={`${id}-meaning`} onChange={(e) => save(Number(e.target.value) as Rank)}>
        {allowedRungs(ladder, item.kind).map((r) => (
          <option key={r} value={r}>
            {levelName(ladder, r)}
          </option>
        ))}
      </select>
      <span id={`${id}-meaning`} className="field-hint" data-id="rung-meaning">
        {meaning ? `${levelName(ladder, item.rung)} rung: ${meaning}` : `${levelName(ladder, item.rung)} rung`}
      </span>
    </div>
  );
}

type ReviewerProps = {
  id: string;
  item: WorkItem;
  assignee: Engineer;
  engineers: readonly Engineer[];
  save: (reviewerId: number | null, leadReviews: boolean) => unknown;
};

/** Who reviews the work: an engineer at least one level above the assignee, or the lead. */
export function ReviewerSelect({ id, item, assignee, engineers, save }: ReviewerProps) {
  const ladder = useLadder();
  const nameOf = useNameOf();
  const a = item.assignment;
  const value = a?.reviewerId ? String(a.reviewerId) : a?.leadReviews ? LEAD : '';
  const offered = engineers.filter((e) => e.active && reviewerProblem(e, assignee) === null);
  // A reviewer recorded before a level change stays listed, so the select shows what is stored.
  const recorded = a?.reviewerId ? engineers.find((e) => e.id === a.reviewerId) : undefined;
  const options = recorded && !offered.includes(recorded) ? [recorded, ...offered] : offered;
  return (
    <div className="field">
      <label htmlFor={id}>Reviewer</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const v = e.target.value;
          if (v === LEAD) save(null, true);
          else save(v === '' ? null : Number(v), false);
        }}
      >
        <option value="">No reviewer</option>
        <option value={LEAD}>The lead</option>
        {options.map((e) => (
          <option key={e.id} value={String(e.id)}>
            {nameOf(e)} ({levelName(ladder, e.level)})
          </option>
        ))}
      </select>
    </div>
  );
}

type PlaceProps = { id: string; item: WorkItem; snapshot: Snapshot; save: (patch: WorkPatch) => unknown };

/**
 * Where the work sits: a story's initiative, and the team of an initiative or a loose story (a
 * story under an initiative is in its initiative's team, as the work form says).
 */
export function PlaceSelects({ id, item, snapshot, save }: PlaceProps) {
  const parent = item.parentId === null ? undefined : snapshot.items.find((i) => i.id === item.parentId);
  const initiatives = snapshot.items.filter((i) => i.kind === 'initiative');
  return (
    <div className="card-detail-row">
      {item.kind === 'story' && (
        <div className="field">
          <label htmlFor={`${id}-parent`}>Initiative</label>
          <IdSelect
            id={`${id}-parent`}
            options={initiatives.map((i) => ({ id: i.id, label: i.title }))}
            none="None (a loose story)"
            value={item.parentId}
            onChange={(parentId) => save({ parentId })}
          />
        </div>
      )}
      {parent ? (
        <p className="field card-detail-kind" data-id="card-detail-team-inherited">
          Team: {snapshot.teams.find((t) => t.id === parent.teamId)?.name ?? 'none'}, as its initiative
        </p>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-team`}>Team</label>
          <IdSelect
            id={`${id}-team`}
            options={snapshot.teams.map((t) => ({ id: t.id, label: t.name }))}
            none="No team"
            value={item.teamId}
            onChange={(teamId) => save({ teamId })}
          />
        </div>
      )}
    </div>
  );
}
