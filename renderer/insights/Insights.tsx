import { useEffect, useMemo } from 'react';
import { driCheck } from '../../shared/dri.ts';
import { type ItemWarning, delegation, gapSummary, teamGaps } from '../../shared/gaps.ts';
import { levelName } from '../../shared/ladder.ts';
import { estimates, partsInWords } from '../../shared/load.ts';
import type { Snapshot } from '../../shared/schemas.ts';
import { loadAgainstCapacity } from '../../shared/words.ts';
import { api } from '../api.ts';
import { planStore } from '../store/plan.ts';
import { useMutation } from '../store/useMutation.ts';
import { Notices } from '../ui/Notices.tsx';
import type { Go } from '../navigation.ts';
import { CoachingAgenda } from './CoachingAgenda.tsx';
import { Heatmap, TeamHeatmap } from './Heatmap.tsx';
import { DriTable } from '../ui/DriTable.tsx';
import { FitTag, ItemLink, ItemLinks, rungLabel } from '../ui/plan.tsx';
import './insights.css';
import { useLadder } from '../ladder/useLadder.ts';
import { useNameOf } from '../store/engineerNames.ts';

// Insights are computed here, from the snapshot the board shows, with the same shared/ rules the
// main process uses: a change on the board changes them at once, without another request.

const WARNING_LABEL: Record<ItemWarning['kind'], string> = {
  overreach: 'Overreach',
  stretch_without_reviewer: 'Stretch without a reviewer',
  inactive_assignee: 'On an inactive engineer',
};

export function Insights({ snapshot, go }: { snapshot: Snapshot; go: Go }) {
  const nameOf = useNameOf();
  const ladder = useLadder();
  const { run } = useMutation();
  const { warnings, perEngineer } = useMemo(() => delegation(snapshot, nameOf), [snapshot, nameOf]);
  const team = useMemo(() => teamGaps(snapshot), [snapshot]);
  const dri = useMemo(() => driCheck(snapshot), [snapshot]);
  const estimateOf = useMemo(() => estimates(snapshot), [snapshot]);
  const summary = useMemo(() => gapSummary(perEngineer, ladder), [perEngineer, ladder]);
  // Opening insights refetches the plan: a change made in another tab or window must not be missed.
  useEffect(() => {
    void planStore.fetch();
  }, []);

  return (
    <div className="insights">
      <h2 className="sr-only">Insights, {snapshot.quarter.name}</h2>
      <nav className="ins-toc" aria-label="Insights sections">
        <a href="#ins-warnings">Warnings</a>
        <a href="#ins-dri">DRI check</a>
        <a href="#ins-gaps">Delegation gaps</a>
        <a href="#ins-agenda">Coaching agenda</a>
        <a href="#ins-heatmap">Heatmap</a>
      </nav>
      <Notices statusClass="ins-status" />

      <section aria-labelledby="ins-summary-h" className="ins-panel">
        <h2 id="ins-summary-h">Team summary, {snapshot.quarter.name}</h2>
        <ul className="ins-summary" aria-label="Gaps by kind">
          {summary.map((s) => (
            <li key={s.key} className={s.count > 0 ? 'ins-has' : ''}>
              <span className="ins-count">{s.count}</span> {s.label}
            </li>
          ))}
          <li className={team.initiativesWithoutDri.length > 0 ? 'ins-has' : ''}>
            <span className="ins-count">{team.initiativesWithoutDri.length}</span> Initiatives without a DRI
          </li>
          <li className={team.storiesWithoutOwner.length > 0 ? 'ins-has' : ''}>
            <span className="ins-count">{team.storiesWithoutOwner.length}</span> Stories without an owner
          </li>
        </ul>
      </section>

      <section id="ins-warnings" aria-labelledby="ins-warnings-h" className="ins-panel">
        <h2 id="ins-warnings-h">Warnings</h2>
        {warnings.length === 0 ? (
          <p className="ins-empty">No overreach, no unreviewed stretch.</p>
        ) : (
          <ul className="ins-warnings" aria-label="Warnings">
            {warnings.map((w) => (
              <li
                key={`${w.kind}-${w.item.id}`}
                data-id={`warning-${w.kind}-${w.item.id}`}
                className={`ins-warning ins-warning-${w.kind}${w.acknowledged ? ' ins-muted' : ''}`}
                aria-label={`${WARNING_LABEL[w.kind]}${w.acknowledged ? ', kept on purpose' : ''}: ${w.item.title} on ${nameOf(w.engineer)}`}
              >
                <span className="ins-warning-kind">
                  {WARNING_LABEL[w.kind]}
                  {w.acknowledged ? ' (kept on purpose)' : ''}
                </span>
                <span className="ins-warning-what">
                  <ItemLink item={w.item} go={go} /> ({rungLabel(ladder, w.item)}) on {nameOf(w.engineer)},{' '}
                  {levelName(ladder, w.engineer.level)} <FitTag fit={w.fit} />
                  {w.item.assignment?.ackNote && <span className="ins-note">Note: {w.item.assignment.ackNote}</span>}
                </span>
                <span className="ins-actions">
                  {w.kind === 'stretch_without_reviewer' && (
                    <button
                      type="button"
                      onClick={() => void run(() => api['plan.setReviewer']({ itemId: w.item.id, reviewerId: null, leadReviews: true }))}
                    >
                      I’ll review it
                    </button>
                  )}
                  {w.kind !== 'stretch_without_reviewer' && (
                    <button type="button" onClick={() => void run(() => api['plan.assign']({ itemId: w.item.id, engineerId: null }))}>
                      Return to backlog
                    </button>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section id="ins-dri" aria-labelledby="ins-dri-h" className="ins-panel">
        <h2 id="ins-dri-h">DRI check</h2>
        <DriTable rows={dri} estimateOf={estimateOf} go={go} />
      </section>

      <section id="ins-gaps" aria-labelledby="ins-gaps-h" className="ins-panel">
        <h2 id="ins-gaps-h">Delegation gaps</h2>
        <ul className="ins-engineers" aria-label="Delegation gaps by engineer">
          {perEngineer
            .filter((e) => e.gaps.length > 0)
            .map(({ engineer, gaps, load }) => (
              <li
                key={engineer.id}
                data-id={`gaps-${engineer.id}`}
                aria-label={`${nameOf(engineer)}, ${levelName(ladder, engineer.level)}`}
              >
                <h3>
                  {nameOf(engineer)} <span className="level">{levelName(ladder, engineer.level)}</span>{' '}
                  <span className="ins-load">{loadAgainstCapacity(load.points, engineer.capacity)}</span>
                </h3>
                {load.parts.length > 0 && <p className="ins-load-parts">Load: {partsInWords(load)}</p>}
                <ul>
                  {gaps.map((g, i) => (
                    <li key={i} className={g.acknowledged ? 'ins-muted' : ''}>
                      <strong>{g.label}</strong>
                      {g.acknowledged ? ' (kept on purpose)' : ''}: {g.message}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
        </ul>
        <h3>Team</h3>
        <ul className="ins-team" aria-label="Team gaps">
          <li>
            <strong>Initiatives without a DRI:</strong> <ItemLinks items={team.initiativesWithoutDri} go={go} />
          </li>
          <li>
            <strong>Stories without an owner:</strong> <ItemLinks items={team.storiesWithoutOwner} go={go} />
          </li>
          {team.spreadNotes.map((note) => (
            <li key={note}>
              <strong>Rungs against levels:</strong> {note}
            </li>
          ))}
        </ul>
      </section>

      <CoachingAgenda snapshot={snapshot} perEngineer={perEngineer} go={go} />

      <section id="ins-heatmap" aria-labelledby="ins-heatmap-h" className="ins-panel">
        <h2 id="ins-heatmap-h">Heatmap</h2>
        <Heatmap snapshot={snapshot} />
        <TeamHeatmap snapshot={snapshot} />
      </section>
    </div>
  );
}
