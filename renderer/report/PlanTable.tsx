import { FIT_LABEL, whoReviews } from '../../shared/fit.ts';
import { STATUS_LABEL, levelName } from '../../shared/ladder.ts';
import { type LoadPart, partsInWords } from '../../shared/load.ts';
import { type TeamLanes, itemFit } from '../../shared/plan.ts';
import type { Engineer, WorkItem } from '../../shared/schemas.ts';
import { overCapacity, teamTotals, totalsText } from '../../shared/team-totals.ts';
import { loadAgainstCapacity, plural } from '../../shared/words.ts';
import { useLadder } from '../ladder/useLadder.ts';
import { ColumnHeads } from '../ui/ColumnHeads.tsx';
import { type NameOf, useNameOf } from '../store/engineerNames.ts';

const reviewerOf = (item: WorkItem, engineers: ReadonlyMap<number, Engineer>, nameOf: NameOf): string => {
  const a = item.assignment;
  if (!a) return '';
  const reviewer = a.reviewerId !== null ? engineers.get(a.reviewerId) : undefined;
  return whoReviews(reviewer && nameOf(reviewer), a.leadReviews) ?? '';
};

/** What an item adds to its carrier's load: an initiative only the part not yet in its stories, "3 of 13". */
function pointsCell(part: LoadPart | undefined): string {
  if (!part || part.item.size === null) return '';
  return part.kind === 'dri_remainder' && part.estimate.inStories > 0 ? `${part.points} of ${part.item.size}` : String(part.points);
}

/** One team's plan in the report: each engineer's items, then the team's totals (shared/team-totals.ts). */
export function PlanTable({ team: { team, lanes }, engineers }: { team: TeamLanes; engineers: ReadonlyMap<number, Engineer> }) {
  const ladder = useLadder();
  const nameOf = useNameOf();
  const totals = teamTotals(lanes);
  const { in_reach, stretch, overreach } = totals.counts;
  return (
    <table className="data-table grid compact" aria-label={`Plan for team ${team.name}`}>
      <caption>Team {team.name}</caption>
      <ColumnHeads columns={['Engineer', 'Item', 'Rung', 'Fit', 'Reviewer', 'Status', 'Points']} />
      {lanes.map(({ engineer, items, load }) => (
        <tbody key={engineer.id} className="report-engineer">
          {(items.length > 0 ? items : [null]).map((item, n) => (
            <tr key={item?.id ?? 'none'}>
              {n === 0 && (
                <th scope="rowgroup" rowSpan={Math.max(items.length, 1)}>
                  {nameOf(engineer)}
                  <span className="report-sub">
                    {levelName(ladder, engineer.level)} · {loadAgainstCapacity(load.points, engineer.capacity)}
                  </span>
                  {load.parts.length > 0 && <span className="report-sub">{partsInWords(load)}</span>}
                </th>
              )}
              {item ? (
                <>
                  <td>
                    {item.title}
                    <span className="report-sub">{item.kind === 'initiative' ? 'Initiative (DRI)' : 'Story (owner)'}</span>
                  </td>
                  <td>{levelName(ladder, item.rung)}</td>
                  <td className={`report-fit-${itemFit(item, engineer).kind}`}>{FIT_LABEL[itemFit(item, engineer).kind]}</td>
                  <td>{reviewerOf(item, engineers, nameOf)}</td>
                  <td>{STATUS_LABEL[item.status]}</td>
                  <td>{pointsCell(load.parts.find((p) => p.item === item))}</td>
                </>
              ) : (
                <td colSpan={6} className="report-none">
                  Nothing assigned
                </td>
              )}
            </tr>
          ))}
        </tbody>
      ))}
      <tfoot className="report-totals" data-id={`totals-${team.id}`}>
        <tr>
          <th scope="row">
            Team total
            <span className="report-sub">{plural(totals.engineers, 'engineer')}</span>
          </th>
          <td colSpan={5}>
            <span className={overCapacity(totals) ? 'report-over' : undefined}>Load {totalsText(totals)}</span>
            <span className="report-sub">
              {plural(in_reach + stretch + overreach, 'item')}: {in_reach} in reach, {stretch} stretch, {overreach} overreach
            </span>
          </td>
          <td>{totals.points}</td>
        </tr>
      </tfoot>
    </table>
  );
}
