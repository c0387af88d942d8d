import { memo } from 'react';
import { FIT_LABEL, describeFit } from '../../shared/fit.ts';
import { levelName } from '../../shared/ladder.ts';
import { type Lane as LaneModel, backlog, itemFit, teamLanes } from '../../shared/plan.ts';
import type { Engineer, Snapshot, WorkItem } from '../../shared/schemas.ts';

export function Board({ snapshot }: { snapshot: Snapshot }) {
  const teams = teamLanes(snapshot.teams, snapshot.engineers, snapshot.items);
  const { groups, loose } = backlog(snapshot.items);
  return (
    <div className="board">
      <section className="lanes" aria-label="Engineers">
        {teams.map(({ team, lanes }) => (
          <section key={team.id} className="team" aria-label={`Team ${team.name}`}>
            <h2>{team.name}</h2>
            <div className="team-lanes">
              {lanes.map((lane) => (
                <Lane key={lane.engineer.id} lane={lane} />
              ))}
            </div>
          </section>
        ))}
      </section>
      <section className="backlog" aria-label="Backlog">
        <h2>Backlog</h2>
        {groups.map((g) => (
          <div key={g.initiative!.id} className="backlog-group">
            <Card item={g.initiative!} engineer={null} />
            <ul className="stories">
              {g.stories.map((s) => (
                <li key={s.id}>
                  <Card item={s} engineer={null} />
                </li>
              ))}
            </ul>
          </div>
        ))}
        {loose.length > 0 && (
          <div className="backlog-group">
            <h3>Stories without an initiative</h3>
            <ul className="stories">
              {loose.map((s) => (
                <li key={s.id}>
                  <Card item={s} engineer={null} />
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </div>
  );
}

const Lane = memo(function Lane({ lane }: { lane: LaneModel }) {
  const { engineer, items, load, counts } = lane;
  return (
    <section className="lane" data-id={`lane-${engineer.id}`} aria-label={`${engineer.name}, ${levelName(engineer.level)}`}>
      <header className="lane-head">
        <span className="lane-name">{engineer.name}</span>
        <span className={`level level-${engineer.level}`}>{levelName(engineer.level)}</span>
        <span className="load">
          {load}
          {engineer.capacity !== null ? ` / ${engineer.capacity}` : ''} pts
        </span>
        <span className="counts">
          {counts.in_reach} in reach · {counts.stretch} stretch · {counts.overreach} overreach
        </span>
      </header>
      <ul className="lane-items">
        {items.map((item) => (
          <li key={item.id}>
            <Card item={item} engineer={engineer} />
          </li>
        ))}
      </ul>
    </section>
  );
});

const Card = memo(function Card({ item, engineer }: { item: WorkItem; engineer: Engineer | null }) {
  const f = engineer ? itemFit(item, engineer) : null;
  return (
    <article className={`card card-${item.kind} ${f ? `fit-${f.kind}` : ''}`} data-id={`item-${item.id}`}>
      <span className="card-kind">{item.kind === 'initiative' ? 'Initiative' : 'Story'}</span>
      <span className="card-title">{item.title}</span>
      <span className="card-rung">{levelName(item.rung)} rung</span>
      {f && (
        <span className={`fit-badge fit-${f.kind}`} title={describeFit(f)}>
          {FIT_LABEL[f.kind]}
        </span>
      )}
    </article>
  );
});
