import { useDroppable } from '@dnd-kit/core';
import { memo, useCallback, useState } from 'react';
import { levelName } from '../../shared/ladder.ts';
import type { BacklogGroup } from '../../shared/plan.ts';
import type { Engineer, WorkItem } from '../../shared/schemas.ts';
import { DraggableCard } from './Card.tsx';
import { BACKLOG_ID } from './ids.ts';

type BacklogProps = {
  groups: BacklogGroup[];
  loose: WorkItem[];
  engineers: readonly Engineer[];
  /** True while a card from a lane hovers here: dropping it unassigns it. */
  over: boolean;
};

export function Backlog({ groups, loose, engineers, over }: BacklogProps) {
  const { setNodeRef } = useDroppable({ id: BACKLOG_ID });
  return (
    <section ref={setNodeRef} className={`backlog${over ? ' preview' : ''}`} aria-label="Backlog" data-id="backlog">
      <h2>Backlog</h2>
      {over && (
        <p className="lane-preview backlog-preview" data-id="backlog-preview">
          Drop to return it to the backlog, unassigned
        </p>
      )}
      <BacklogBody groups={groups} loose={loose} engineers={engineers} />
    </section>
  );
}

const BacklogBody = memo(function BacklogBody({ groups, loose, engineers }: Omit<BacklogProps, 'over'>) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const toggle = useCallback(
    (id: number) =>
      setCollapsed((prev) => {
        const next = new Set(prev);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  if (groups.length === 0 && loose.length === 0) return <p className="empty">Nothing unassigned matches.</p>;
  return (
    <>
      {groups.map((g) => (
        <Group key={g.initiative!.id} group={g} engineers={engineers} collapsed={collapsed.has(g.initiative!.id)} onToggle={toggle} />
      ))}
      {loose.length > 0 && (
        <div className="backlog-group">
          <h3>Stories without an initiative</h3>
          <ul className="stories">
            {loose.map((s) => (
              <li key={s.id}>
                <DraggableCard item={s} engineer={null} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
});

type GroupProps = { group: BacklogGroup; engineers: readonly Engineer[]; collapsed: boolean; onToggle: (id: number) => void };

const Group = memo(function Group({ group, engineers, collapsed, onToggle }: GroupProps) {
  const initiative = group.initiative!;
  const dri = initiative.assignment ? engineers.find((e) => e.id === initiative.assignment!.engineerId) : undefined;
  const listId = `stories-of-${initiative.id}`;
  const n = group.stories.length;
  return (
    // A group named by its initiative, so each "Hide n stories" button is heard in context.
    <div className="backlog-group" role="group" aria-label={initiative.title}>
      {dri ? (
        // Already staffed: only its stories wait here. Not a card, so it cannot be dragged.
        <div className="group-header assigned" data-id={`group-${initiative.id}`}>
          <span className="card-kind">Initiative · staffed</span>
          <span className="group-title">{initiative.title}</span>
          <span className="group-dri">
            DRI: {dri.name} ({levelName(dri.level)}) · {levelName(initiative.rung)} rung
          </span>
        </div>
      ) : (
        <DraggableCard item={initiative} engineer={null} />
      )}
      {n > 0 && (
        <button
          type="button"
          className="toggle-stories"
          aria-expanded={!collapsed}
          aria-controls={listId}
          onClick={() => onToggle(initiative.id)}
        >
          {collapsed ? 'Show' : 'Hide'} {n} unassigned {n === 1 ? 'story' : 'stories'}
        </button>
      )}
      {n > 0 && (
        <ul className="stories" id={listId} hidden={collapsed}>
          {group.stories.map((s) => (
            <li key={s.id}>
              <DraggableCard item={s} engineer={null} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
