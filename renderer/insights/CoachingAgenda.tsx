import { useMemo } from 'react';
import { agendaMarkdown, coachingAgenda } from '../../shared/coaching.ts';
import { type EngineerGaps, GAP_LABEL } from '../../shared/gaps.ts';
import { levelName } from '../../shared/ladder.ts';
import type { Snapshot } from '../../shared/schemas.ts';
import { useCompetencyMap } from '../map/useCompetencyMap.ts';
import type { Go } from '../navigation.ts';
import { ItemLink, TouchpointTags, rungLabel } from './parts.tsx';

/** Save text as a file through the browser's download (Electron shows its save dialog). */
export function download(fileName: string, text: string, type = 'text/markdown'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function CoachingAgenda({ snapshot, perEngineer, go }: { snapshot: Snapshot; perEngineer: readonly EngineerGaps[]; go: Go }) {
  const { map, error } = useCompetencyMap();
  const agenda = useMemo(() => (map ? coachingAgenda(perEngineer, map) : []), [map, perEngineer]);
  return (
    <section id="ins-agenda" aria-labelledby="ins-agenda-h" className="ins-panel">
      <h2 id="ins-agenda-h">Coaching agenda</h2>
      {error && <p role="alert">The competency map could not be loaded: {error}</p>}
      {map && (
        <>
          <p className="ins-quote">{map.coachingLine}</p>
          <button
            type="button"
            onClick={() =>
              download(
                `coaching-agenda-${snapshot.quarter.name.replace(/\s+/g, '-')}.md`,
                agendaMarkdown(agenda, snapshot.quarter.name, map),
              )
            }
          >
            Download as Markdown
          </button>
          <div className="ins-agenda">
            {agenda.map(({ engineer, gaps, delegate, move }) => (
              <article key={engineer.id} data-id={`agenda-${engineer.id}`} aria-labelledby={`agenda-h-${engineer.id}`}>
                <h3 id={`agenda-h-${engineer.id}`}>
                  {engineer.name} <span className="ins-level">{levelName(engineer.level)}</span>
                </h3>
                <ul>
                  {gaps.map((g, i) => (
                    <li key={i} className={g.acknowledged ? 'ins-muted' : ''}>
                      <strong>{GAP_LABEL[g.kind]}</strong>: {g.message}
                      {g.kind !== 'only_below_level' && g.kind !== 'over_capacity' && g.items.length > 0 && (
                        <ul>
                          {g.items.map((item) => (
                            <li key={item.id}>
                              <ItemLink item={item} go={go} /> ({rungLabel(item)}){' '}
                              <TouchpointTags item={item} go={go} engineerId={engineer.id} />
                            </li>
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ul>
                <h4>What you can delegate to a {levelName(engineer.level)}</h4>
                <p className="ins-quote">{delegate}</p>
                <h4>The next move: {move.label}</h4>
                <p className="ins-quote">{move.text}</p>
                <button type="button" className="ins-link" onClick={() => go({ screen: 'Competency map', engineerId: engineer.id })}>
                  Open {engineer.name}’s column on the map
                </button>
              </article>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
