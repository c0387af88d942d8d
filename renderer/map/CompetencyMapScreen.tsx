import { useEffect, useState } from 'react';
import { whoReviews } from '../../shared/fit.ts';
import { touchpointAnchor } from '../../shared/competency-map.ts';
import type { GrowthTrail as GrowthTrailData } from '../../shared/contract/insights.ts';
import { levelName, nextRank } from '../../shared/ladder.ts';
import { byLevelThenName } from '../../shared/plan.ts';
import type { Snapshot } from '../../shared/schemas.ts';
import { withArticle } from '../../shared/words.ts';
import { api } from '../api.ts';
import { FitTag, ItemLink, TouchpointTags, rungLabel } from '../ui/plan.tsx';
import type { Go } from '../navigation.ts';
import { useCompetencyMap } from './useCompetencyMap.ts';
import './map.css';
import { useLadder } from '../ladder/useLadder.ts';
import { useNameOf } from '../store/engineerNames.ts';

// The competency map, cell for cell as the document has it, with one engineer's column highlighted
// and the column after it marked "next level"; below it, that engineer's growth trail.

export function CompetencyMapScreen({
  snapshot,
  engineerId,
  onSelect,
  go,
}: {
  snapshot: Snapshot;
  engineerId: number | null;
  onSelect: (id: number | null) => void;
  go: Go;
}) {
  const ladder = useLadder();
  const { map, error } = useCompetencyMap();
  const nameOf = useNameOf();
  const engineers = snapshot.engineers.filter((e) => e.active).toSorted(byLevelThenName);
  const engineer = snapshot.engineers.find((e) => e.id === engineerId) ?? null;
  const selected = engineer?.level ?? null;
  const next = selected !== null ? nextRank(ladder, selected) : null;

  return (
    <div className="map-screen">
      <div className="map-head">
        <h2>Competency map</h2>
        <label>
          Engineer{' '}
          <select value={engineerId ?? ''} onChange={(e) => onSelect(e.target.value === '' ? null : Number(e.target.value))}>
            <option value="">Nobody selected</option>
            {engineers.map((e) => (
              <option key={e.id} value={e.id}>
                {nameOf(e)} ({levelName(ladder, e.level)})
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && <p role="alert">The competency map could not be loaded: {error}</p>}
      {map && (
        <>
          <table className="data-table grid map-table" aria-label="Competency map">
            <caption className="table-note">
              What a product engineer at each level does at each touchpoint
              {engineer ? `; ${nameOf(engineer)}’s column (${levelName(ladder, engineer.level)}) highlighted` : ''}.
            </caption>
            <thead>
              <tr>
                <th scope="col">Touchpoint</th>
                {map.levels.map((level, rank) => (
                  <th
                    key={level}
                    scope="col"
                    className={rank === selected ? 'map-selected' : rank === next ? 'map-next' : ''}
                    data-id={`map-level-${rank}`}
                  >
                    {level}
                    {rank === selected && engineer && <span className="map-col-note">{nameOf(engineer)}</span>}
                    {rank === next && <span className="map-col-note">next level</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {map.rows.map((row) => (
                <tr key={row.touchpoint} id={touchpointAnchor(row.touchpoint)} tabIndex={-1}>
                  <th scope="row">{row.touchpoint}</th>
                  {row.cells.map((cell, rank) => (
                    <td key={rank} className={rank === selected ? 'map-selected' : rank === next ? 'map-next' : ''}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {engineer && (
            <div className="map-engineer">
              <section aria-labelledby="map-delegate-h">
                <h3 id="map-delegate-h">What you can delegate to {withArticle(levelName(ladder, engineer.level))}</h3>
                <p className="quote">{map.delegate[engineer.level]!.text}</p>
              </section>
              <section aria-labelledby="map-move-h">
                <h3 id="map-move-h">
                  Reading {nameOf(engineer)}’s column: {map.moves[engineer.level]!.label}
                </h3>
                <p className="quote">{map.moves[engineer.level]!.text}</p>
              </section>
              <GrowthTrail engineerId={engineer.id} snapshot={snapshot} go={go} />
            </div>
          )}
          {!engineer && (
            <div className="map-engineer">
              <section aria-labelledby="map-delegate-all-h">
                <h3 id="map-delegate-all-h">What you can delegate at each level</h3>
                <p className="quote">{map.delegateRule}</p>
                <dl>
                  {map.levels.map((_, r) => (
                    <div key={r}>
                      <dt>{levelName(ladder, r)}</dt>
                      <dd>{map.delegate[r]!.text}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function GrowthTrail({ engineerId, snapshot, go }: { engineerId: number; snapshot: Snapshot; go: Go }) {
  const ladder = useLadder();
  const nameOf = useNameOf();
  const [trail, setTrail] = useState<GrowthTrailData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // Refetched when the plan changes (a new reviewer, a new stretch), not only on a new engineer.
    void api['insights.growthTrail']({ engineerId }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setTrail(r.value);
        setError(null);
      } else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [engineerId, snapshot]);
  return (
    <section aria-labelledby="map-trail-h" className="map-trail">
      <h3 id="map-trail-h">Growth trail{trail ? `: ${nameOf(trail.engineer)}` : ''}</h3>
      {error && <p role="alert">{error}</p>}
      {trail && trail.quarters.length === 0 && <p className="ins-empty">No stretch assignments yet.</p>}
      {trail &&
        trail.quarters.map((q) => (
          <div key={q.quarter.id} data-id={`trail-${q.quarter.id}`}>
            <h4>
              {q.quarter.name} <span className="level">as {levelName(ladder, q.levelThen)}</span>
            </h4>
            <ul>
              {q.items.map((t) => (
                <li key={t.item.id}>
                  {t.item.quarterId === snapshot.quarter.id ? <ItemLink item={t.item} go={go} /> : t.item.title} (
                  {rungLabel(ladder, t.item)}) <FitTag fit={t.fit} /> reviewed by{' '}
                  {whoReviews(t.reviewer && `${nameOf(t.reviewer)} (${levelName(ladder, t.reviewer.level)})`, t.leadReviews) ??
                    'nobody yet'}{' '}
                  <TouchpointTags item={t.item} go={go} engineerId={engineerId} />
                </li>
              ))}
            </ul>
          </div>
        ))}
      {trail && trail.levelChanges.length > 0 && (
        <p className="map-levels">
          Level history:{' '}
          {trail.levelChanges
            .map(
              (c) =>
                `${c.fromLevel === null ? 'joined as' : `${levelName(ladder, c.fromLevel)} →`} ${levelName(ladder, c.toLevel)} on ${c.changedOn}`,
            )
            .join('; ')}
        </p>
      )}
    </section>
  );
}
