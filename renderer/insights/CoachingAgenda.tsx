import { useMemo } from 'react';
import { agendaHeadings, agendaMarkdown, coachingAgenda, rungAndKind } from '../../shared/coaching.ts';
import { touchpointAnchor } from '../../shared/competency-map.ts';
import type { EngineerGaps } from '../../shared/gaps.ts';
import { levelName } from '../../shared/ladder.ts';
import type { Snapshot, WorkItem } from '../../shared/schemas.ts';
import { saveTextFile, savedNotice } from '../files.ts';
import { useCompetencyMap } from '../map/useCompetencyMap.ts';
import type { Go } from '../navigation.ts';
import { ItemLink } from '../ui/plan.tsx';
import { notices } from '../store/notice.ts';
import { Notices } from '../ui/Notices.tsx';
import { useLadder } from '../ladder/useLadder.ts';
import { useNameOf } from '../store/engineerNames.ts';

/** The agenda's download says where it went beside its button, not at the top of Insights. */
const WHERE = 'agenda';

// The screen renders the entries shared/coaching.ts builds, line for line as the Markdown
// download does; it adds only links (items to the board, touchpoints to the map's rows).

/** Items as board links, each with its rung and kind: "Checkout revamp (Mid-rung initiative), …". */
function NamedItems({ items, go, withRung }: { items: readonly WorkItem[]; go: Go; withRung: boolean }) {
  const ladder = useLadder();
  return items.map((item, n) => (
    <span key={item.id}>
      {n > 0 && ', '}
      <ItemLink item={item} go={go} />
      {withRung && ` (${rungAndKind(ladder, item)})`}
    </span>
  ));
}

export function CoachingAgenda({ snapshot, perEngineer, go }: { snapshot: Snapshot; perEngineer: readonly EngineerGaps[]; go: Go }) {
  const ladder = useLadder();
  const { map, error } = useCompetencyMap();
  const nameOf = useNameOf();
  const agenda = useMemo(
    () => (map ? coachingAgenda(perEngineer, snapshot.engineers, ladder, nameOf) : []),
    [map, perEngineer, snapshot.engineers, ladder, nameOf],
  );
  const save = async (filename: string, text: string) => {
    const r = await saveTextFile({ filename, mediaType: 'text/markdown', text });
    if (!r.ok) return notices.refused(r.error.message, WHERE);
    const said = savedNotice(filename, r.value);
    if (said) notices.said(said, WHERE);
    else notices.clear();
  };
  return (
    <section id="ins-agenda" aria-labelledby="ins-agenda-h" className="ins-panel">
      <h2 id="ins-agenda-h">Coaching agenda</h2>
      {error && <p role="alert">The competency map could not be loaded: {error}</p>}
      {map && (
        <>
          <p className="quote">{map.coachingLine}</p>
          <button
            type="button"
            onClick={() =>
              void save(
                `coaching-agenda-${snapshot.quarter.name.replace(/\s+/g, '-')}.md`,
                agendaMarkdown(agenda, snapshot.quarter.name, ladder),
              )
            }
          >
            Download as Markdown
          </button>
          <Notices where={WHERE} statusClass="ins-saved" />
          {agenda.length === 0 && <p className="ins-empty">Nothing to coach this quarter: no stretch, no overreach, no delegation gap.</p>}
          <div className="ins-agenda">
            {agenda.map(({ engineer, name, points, cells, delegate, move }) => {
              const headings = agendaHeadings(ladder, engineer.level);
              return (
                <article key={engineer.id} data-id={`agenda-${engineer.id}`} aria-labelledby={`agenda-h-${engineer.id}`}>
                  <h3 id={`agenda-h-${engineer.id}`}>
                    {name} <span className="level">{levelName(ladder, engineer.level)}</span>
                  </h3>
                  <h4>To coach</h4>
                  <ul aria-label={`To coach with ${name}`}>
                    {points.map((p, i) => (
                      <li key={i} className={`ins-point-${p.kind}${p.muted ? ' ins-muted' : ''}`}>
                        <strong>{p.label}</strong>
                        {(p.items.length > 0 || p.detail) && ': '}
                        <NamedItems items={p.items} go={go} withRung />
                        {p.detail && `${p.items.length > 0 ? '; ' : ''}${p.detail}`}
                      </li>
                    ))}
                  </ul>
                  {cells.length > 0 && (
                    <>
                      <h4>{headings.cells}</h4>
                      <ul className="ins-cells" aria-label={headings.cells}>
                        {cells.map((c) => (
                          <li key={c.touchpoint}>
                            <a
                              className="tag"
                              href={`#${touchpointAnchor(c.touchpoint)}`}
                              onClick={(e) => {
                                e.preventDefault();
                                go({ screen: 'Competency map', focus: `#${touchpointAnchor(c.touchpoint)}`, engineerId: engineer.id });
                              }}
                            >
                              {c.touchpoint}
                            </a>
                            : {c.text} (<NamedItems items={c.items} go={go} withRung={false} />)
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                  <h4>{headings.delegate}</h4>
                  <p className="quote">{delegate}</p>
                  <h4>The next move: {move.label}</h4>
                  <p className="quote">{move.text}</p>
                  <button type="button" className="link-button" onClick={() => go({ screen: 'Competency map', engineerId: engineer.id })}>
                    Open {name}’s column on the map
                  </button>
                </article>
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}
