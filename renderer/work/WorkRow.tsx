import type { WorkImpact } from '../../shared/contract/work.ts';
import { STATUS_LABEL, levelName } from '../../shared/ladder.ts';
import type { WorkItem } from '../../shared/schemas.ts';
import { plural } from '../../shared/words.ts';
import { useLadder } from '../ladder/useLadder.ts';

/** One initiative or story: what it is, who carries it, and its actions. */
export function WorkRow({
  item: i,
  owner,
  team,
  onEdit,
  onAddStory,
  onDelete,
}: {
  item: WorkItem;
  owner: string | undefined;
  /** Its team's name; null when it has none. */
  team: string | null;
  onEdit: () => void;
  onAddStory: () => void;
  onDelete: () => void;
}) {
  const ladder = useLadder();
  return (
    <div className={`work-row work-${i.kind}`} data-id={`work-${i.id}`}>
      <span className="work-title">{i.title}</span>
      <span className="muted">
        {levelName(ladder, i.rung)} rung · {i.size === null ? '? pts' : plural(i.size, 'pt')} · {STATUS_LABEL[i.status]} ·{' '}
        {owner ? `${i.kind === 'initiative' ? 'DRI' : 'owner'} ${owner}` : 'in the backlog'}
        {team !== null ? ` · ${team}` : ''}
      </span>
      <span className="row-actions">
        <button type="button" onClick={onEdit} aria-label={`Edit '${i.title}'`}>
          Edit
        </button>
        {i.kind === 'initiative' && (
          <button type="button" onClick={onAddStory} aria-label={`Add a story to '${i.title}'`}>
            Add story
          </button>
        )}
        <button type="button" className="danger" onClick={onDelete} aria-label={`Delete '${i.title}'`}>
          Delete
        </button>
      </span>
    </div>
  );
}

/** What deleting an item does to its carrier and its stories. */
export function WorkDeleteImpact({ impact: deleting }: { impact: WorkImpact }) {
  return (
    <>
      {deleting.assignee && (
        <p>
          {deleting.assignee} stops being its {deleting.kind === 'initiative' ? 'DRI' : 'owner'}.
        </p>
      )}
      {deleting.stories.length > 0 && (
        <>
          <p>
            {deleting.stories.length === 1 ? 'Its story stays' : `Its ${deleting.stories.length} stories stay`}, in the backlog without an
            initiative, and {deleting.stories.length === 1 ? 'loses its owner' : 'lose their owners'}:
          </p>
          <ul>
            {deleting.stories.map((s) => (
              <li key={s.id}>
                {s.title} {s.owner && <span className="muted">(owner {s.owner})</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
