import { useMemo, useState } from 'react';
import { localToday } from '../../shared/calendar.ts';
import { driCheck } from '../../shared/dri.ts';
import { FIT_LABEL, whoReviews } from '../../shared/fit.ts';
import { engineerGaps, itemWarnings, teamGaps } from '../../shared/gaps.ts';
import { STATUS_LABEL, levelName } from '../../shared/ladder.ts';
import { type LoadPart, estimates, partsInWords } from '../../shared/load.ts';
import { itemFit, teamLanes } from '../../shared/plan.ts';
import type { Engineer, Snapshot, WorkItem } from '../../shared/schemas.ts';
import { loadText, plural } from '../../shared/words.ts';
import { saveReportPdf, savedNotice, useShellFeatures } from '../files.ts';
import { DriTable } from '../ui/DriTable.tsx';
import './report.css';
import { notices } from '../store/notice.ts';
import { Notices } from '../ui/Notices.tsx';
import { useLadder } from '../ladder/useLadder.ts';
import { ColumnHeads } from '../ui/ColumnHeads.tsx';

// The printable staffing report for a quarter: the plan by engineer, warnings, DRI check and
// delegation gaps. The browser prints it with report.css's print rules; in Electron the main
// process renders the same screen, with the same rules, to an A4 PDF (webContents.printToPDF).

const reviewerOf = (item: WorkItem, engineers: ReadonlyMap<number, Engineer>): string => {
  const a = item.assignment;
  if (!a) return '';
  return whoReviews(a.reviewerId !== null ? engineers.get(a.reviewerId)?.name : null, a.leadReviews) ?? '';
};

/** What an item adds to its carrier's load: an initiative only the part not yet in its stories, "3 of 13". */
function pointsCell(part: LoadPart | undefined): string {
  if (!part || part.item.size === null) return '';
  return part.kind === 'dri_remainder' && part.estimate.inStories > 0 ? `${part.points} of ${part.item.size}` : String(part.points);
}

export function Report({ snapshot }: { snapshot: Snapshot }) {
  const ladder = useLadder();
  const teams = useMemo(() => teamLanes(snapshot.teams, snapshot.engineers, snapshot.items), [snapshot]);
  const warnings = useMemo(() => itemWarnings(snapshot), [snapshot]);
  const dri = useMemo(() => driCheck(snapshot), [snapshot]);
  const gaps = useMemo(() => engineerGaps(snapshot).filter((e) => e.gaps.length > 0), [snapshot]);
  const team = useMemo(() => teamGaps(snapshot), [snapshot]);
  const estimateOf = useMemo(() => estimates(snapshot), [snapshot]);
  const engineers = useMemo(() => new Map(snapshot.engineers.map((e) => [e.id, e])), [snapshot]);
  const unassigned = snapshot.items.filter((i) => !i.assignment);
  // The date the report was opened, fixed for the life of the screen.
  const [today] = useState(() => localToday());
  const { pdf } = useShellFeatures();
  const savePdf = async () => {
    const r = await saveReportPdf(snapshot.quarter.name);
    if (!r.ok) return notices.refused(r.error.message);
    const said = savedNotice('the report', r.value);
    if (said) notices.said(said);
    else notices.clear();
  };

  return (
    <article className="report" aria-labelledby="report-h">
      <header className="report-head">
        <h2 id="report-h">Staffing report, {snapshot.quarter.name}</h2>
        <p className="report-meta">
          {plural(snapshot.engineers.filter((e) => e.active).length, 'engineer')} · {plural(snapshot.items.length, 'item')} ·{' '}
          {unassigned.length} unassigned · generated {today}
        </p>
        <button type="button" className="report-print" onClick={() => void savePdf()}>
          {pdf ? 'Save as PDF' : 'Print or save as PDF'}
        </button>
        <Notices statusClass="report-saved" />
      </header>

      <section aria-labelledby="report-plan-h">
        <h3 id="report-plan-h">Plan by engineer</h3>
        {teams.map(({ team: t, lanes }) => (
          <table key={t.id} className="data-table grid compact" aria-label={`Plan for team ${t.name}`}>
            <caption>Team {t.name}</caption>
            <ColumnHeads columns={['Engineer', 'Item', 'Rung', 'Fit', 'Reviewer', 'Status', 'Points']} />
            {lanes.map(({ engineer, items, load }) => (
              <tbody key={engineer.id} className="report-engineer">
                {(items.length > 0 ? items : [null]).map((item, n) => (
                  <tr key={item?.id ?? 'none'}>
                    {n === 0 && (
                      <th scope="rowgroup" rowSpan={Math.max(items.length, 1)}>
                        {engineer.name}
                        <span className="report-sub">
                          {levelName(ladder, engineer.level)} · {loadText(load.points, engineer.capacity)}
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
                        <td>{reviewerOf(item, engineers)}</td>
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
          </table>
        ))}
        {unassigned.length > 0 && (
          <p>
            <strong>Unassigned:</strong> {unassigned.map((i) => `${i.title} (${levelName(ladder, i.rung)} rung)`).join('; ')}
          </p>
        )}
      </section>

      <section aria-labelledby="report-warnings-h">
        <h3 id="report-warnings-h">Warnings</h3>
        {warnings.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {warnings.map((w) => (
              <li key={`${w.kind}-${w.item.id}`} className={w.acknowledged ? 'report-muted' : ''}>
                {w.message}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="report-dri-h">
        <h3 id="report-dri-h">DRI check</h3>
        <DriTable rows={dri} estimateOf={estimateOf} compact />
      </section>

      <section aria-labelledby="report-gaps-h">
        <h3 id="report-gaps-h">Delegation gaps</h3>
        {gaps.map(({ engineer, gaps: list }) => (
          <div key={engineer.id} className="report-gap">
            <h4>
              {engineer.name}, {levelName(ladder, engineer.level)}
            </h4>
            <ul>
              {list.map((g, i) => (
                <li key={i} className={g.acknowledged ? 'report-muted' : ''}>
                  <strong>{g.label}:</strong> {g.message}
                </li>
              ))}
            </ul>
          </div>
        ))}
        <h4>Team</h4>
        <ul>
          <li>Initiatives without a DRI: {team.initiativesWithoutDri.map((i) => i.title).join('; ') || 'none'}</li>
          <li>Stories without an owner: {team.storiesWithoutOwner.map((i) => i.title).join('; ') || 'none'}</li>
          {team.spreadNotes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}
