import type { EngineerImpact } from '../../shared/contract/roster.ts';
import { useNameOf } from '../store/engineerNames.ts';

/** What happens to someone's work when they leave the board, deleted or deactivated (and handed to someone, by name). */
export function WorkImpact({ impact, handTo = null }: { impact: EngineerImpact; handTo?: string | null }) {
  const name = useNameOf()(impact.engineer);
  return (
    <>
      {impact.items.length > 0 && (
        <>
          {handTo ? (
            <p>
              {impact.items.length === 1 ? 'This item goes' : `These ${impact.items.length} items go`} to {handTo}, as a drop on their lane
              would:
            </p>
          ) : (
            <p>
              {impact.items.length === 1 ? 'This item returns' : `These ${impact.items.length} items return`} to the backlog, without a{' '}
              {impact.items.length === 1 ? 'DRI or owner' : 'DRI or owner each'}:
            </p>
          )}
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
          {impact.reviews === 1 ? '1 stretch assignment loses' : `${impact.reviews} stretch assignments lose`} {name} as reviewer.
        </p>
      )}
    </>
  );
}
