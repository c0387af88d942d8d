import { type DriRow, DRI_STATUS_LABEL } from '../../shared/dri.ts';
import { whoReviews } from '../../shared/fit.ts';
import { levelName } from '../../shared/ladder.ts';
import type { Estimate } from '../../shared/load.ts';
import type { Go } from '../navigation.ts';
import { EstimateCell, FitTag, ItemLink, rungLabel } from './plan.tsx';
import { useLadder } from '../ladder/useLadder.ts';
import { ColumnHeads } from './ColumnHeads.tsx';
import { useNameOf } from '../store/engineerNames.ts';

/**
 * The DRI check: every initiative of the quarter with its DRI, initiatives without one first. One
 * table in one wording for Insights and the report; with `go`, each title jumps to its card.
 */
export function DriTable({
  rows,
  estimateOf,
  go,
  compact = false,
}: {
  rows: readonly DriRow[];
  estimateOf: ReadonlyMap<number, Estimate>;
  go?: Go;
  /** The report's smaller print. */
  compact?: boolean;
}) {
  const ladder = useLadder();
  const nameOf = useNameOf();
  return (
    <table className={`data-table grid${compact ? ' compact' : ''}`}>
      <caption className="table-note">Every initiative of the quarter with its DRI; initiatives without a DRI first.</caption>
      <ColumnHeads columns={['Initiative', 'Rung', 'DRI', 'Fit', 'Reviewer', 'Check', 'Estimate']} />
      <tbody>
        {rows.map((r) => (
          <tr key={r.initiative.id} data-id={`dri-${r.initiative.id}`} className={`dri-${r.status}`}>
            <th scope="row">{go ? <ItemLink item={r.initiative} go={go} /> : r.initiative.title}</th>
            <td>{rungLabel(ladder, r.initiative)}</td>
            <td>{r.dri ? `${nameOf(r.dri)}, ${levelName(ladder, r.dri.level)}` : '—'}</td>
            <td>{r.fit ? <FitTag fit={r.fit} /> : '—'}</td>
            <td>{whoReviews(r.reviewer && nameOf(r.reviewer), r.leadReviews) ?? (r.status === 'stretch' ? 'none yet' : '—')}</td>
            <td>
              <span className={`dri-check dri-check-${r.status}`}>
                {DRI_STATUS_LABEL[r.status]}
                {r.acknowledged ? ' (kept on purpose)' : ''}
              </span>
            </td>
            <EstimateCell initiative={r.initiative} estimate={estimateOf.get(r.initiative.id)!} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
