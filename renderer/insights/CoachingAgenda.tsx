import { useMemo, useState } from 'react';
import { agendaMarkdown, coachingAgenda } from '../../shared/coaching.ts';
import { type EngineerGaps, GAP_LABEL } from '../../shared/gaps.ts';
import { levelName } from '../../shared/ladder.ts';
import type { Snapshot } from '../../shared/schemas.ts';
import { saveTextFile, savedNotice } from '../files.ts';
import { useCompetencyMap } from '../map/useCompetencyMap.ts';
import type { Go } from '../navigation.ts';
import { ItemLink, TouchpointTags, rungLabel } from './parts.tsx';

export function CoachingAgenda({ snapshot, perEngineer, go }: { snapshot: Snapshot; perEngineer: readonly EngineerGaps[]; go: Go }) {
  const { map, error } = useCompetencyMap();
  const agenda = useMemo(() => (map ? coachingAgenda(perEngineer, map) : []), [map, perEngineer]);
  const [saved, setSaved] = useState<{ kind: 'status' | 'alert'; text: string }>({ kind: 'status', text: '' });
  const save = async (filename: string, text: string) => {
    const r = await saveTextFile({ filename, mediaType: 'text/markdown', text });
    setSaved(r.ok ? { kind: 'status', text: savedNotice(filename, r.value) } : { kind: 'alert', text: r.error.message });
  };
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
              void save(
                `coaching-agenda-${snapshot.quarter.name.replace(/\s+/g, '-')}.md`,
                agendaMarkdown(agenda, snapshot.quarter.name, map),
              )
            }
          >
            Download as Markdown
          </button>
          <p role={saved.kind} className="ins-saved">
            {saved.text}
          </p>
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
