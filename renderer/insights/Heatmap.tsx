import { useMemo } from 'react';
import { FIT_LABEL, fit } from '../../shared/fit.ts';
import { heatmap, teamHeatmap } from '../../shared/heatmap.ts';
import { type Rank, levelName, ranksOf } from '../../shared/ladder.ts';
import type { Snapshot } from '../../shared/schemas.ts';
import { withArticle } from '../../shared/words.ts';
import { useLadder } from '../ladder/useLadder.ts';
import { ColumnHeads } from '../ui/ColumnHeads.tsx';
import { useNameOf } from '../store/engineerNames.ts';

// The heatmap is a real table (headers, scope), coloured as a second signal: every coloured cell
// also says in words whether it is a stretch or an overreach.

function Legend() {
  return (
    <ul className="ins-legend" aria-label="Legend">
      <li>
        <span className="ins-swatch ins-heat-in_reach" aria-hidden="true" /> In reach: the rung is at or below the level
      </li>
      <li>
        <span className="ins-swatch ins-heat-stretch" aria-hidden="true" /> Stretch: one rung past, needs a reviewer
      </li>
      <li>
        <span className="ins-swatch ins-heat-overreach" aria-hidden="true" /> Overreach: more than one rung past
      </li>
    </ul>
  );
}

const cellText = (count: number, kind: 'in_reach' | 'stretch' | 'overreach') =>
  count === 0 ? '0' : kind === 'in_reach' ? String(count) : `${count} ${FIT_LABEL[kind].toLowerCase()}`;

export function Heatmap({ snapshot }: { snapshot: Snapshot }) {
  const nameOf = useNameOf();
  const ladder = useLadder();
  const rows = useMemo(() => heatmap(snapshot), [snapshot]);
  const levels = ranksOf(ladder)
    .toReversed()
    .filter((r) => rows.some((row) => row.engineer.level === r));
  return (
    <>
      <Legend />
      <table className="data-table grid ins-heat" aria-label="Engineers by rung of their work">
        <caption className="table-note">
          Engineers (rows, by level) against the rungs of the work they carry (columns): items per cell.
        </caption>
        <ColumnHeads columns={['Engineer', ...ranksOf(ladder).map((r) => `${levelName(ladder, r)} rung`)]} />
        {levels.map((level) => (
          <tbody key={level}>
            <tr className="ins-heat-group">
              <th scope="rowgroup" colSpan={ladder.levels.length + 1}>
                {levelName(ladder, level)}s
              </th>
            </tr>
            {rows
              .filter((row) => row.engineer.level === level)
              .map(({ engineer, cells }) => (
                <tr key={engineer.id} data-id={`heat-${engineer.id}`}>
                  <th scope="row">{nameOf(engineer)}</th>
                  {cells.map((c) => (
                    <td
                      key={c.rung}
                      className={c.count > 0 ? `ins-heat-${c.fit.kind}` : 'ins-heat-empty'}
                      data-id={`heat-${engineer.id}-${c.rung}`}
                    >
                      {cellText(c.count, c.fit.kind)}
                    </td>
                  ))}
                </tr>
              ))}
          </tbody>
        ))}
      </table>
    </>
  );
}

export function TeamHeatmap({ snapshot }: { snapshot: Snapshot }) {
  const ladder = useLadder();
  const team = useMemo(() => teamHeatmap(snapshot), [snapshot]);
  return (
    <table className="data-table grid ins-heat" aria-label="Rungs of work against levels on the roster">
      <caption className="table-note">
        The team: rungs of the quarter’s work (rows) by the level of whoever carries it (columns), and the levels on the roster.
      </caption>
      <ColumnHeads
        columns={['Rung of work', ...ranksOf(ladder).map((r) => `On ${withArticle(levelName(ladder, r))}`), 'Unassigned', 'Total']}
      />
      <tbody>
        {team.rows.toReversed().map((row) => (
          <tr key={row.rung} data-id={`team-heat-${row.rung}`}>
            <th scope="row">{levelName(ladder, row.rung)} rung</th>
            {row.byLevel.map((count, level) => {
              const kind = fit(row.rung, level as Rank).kind;
              return (
                <td key={level} className={count > 0 ? `ins-heat-${kind}` : 'ins-heat-empty'}>
                  {cellText(count, kind)}
                </td>
              );
            })}
            <td className={row.unassigned > 0 ? 'ins-heat-unassigned' : 'ins-heat-empty'}>{row.unassigned}</td>
            <td>{row.total}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Engineers on the roster</th>
          {team.roster.map((n, level) => (
            <td key={level}>{n}</td>
          ))}
          <td colSpan={2} />
        </tr>
      </tfoot>
    </table>
  );
}
