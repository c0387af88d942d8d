import { type CSSProperties, memo, useCallback, useMemo, useRef, useState } from 'react';
import { levelName } from '../../shared/ladder.ts';
import { describeEstimate } from '../../shared/load.ts';
import type { BacklogGroup } from '../../shared/plan.ts';
import type { Engineer, WorkItem } from '../../shared/schemas.ts';
import { carriedOverText } from '../../shared/work-team.ts';
import { DraggableCard, estimateProps, useCarriedFrom } from './Card.tsx';
import { useDropTarget } from './drag/DropTarget.tsx';
import { useOverBacklog } from './drag/dragState.ts';
import { BACKLOG_ID } from './drag/ids.ts';
import { useCameNear } from './near.ts';
import { stageEnds, useMountedInStages } from './firstScreen.ts';
import { counted } from './renderCount.ts';
import { useLadder } from '../ladder/useLadder.ts';
import { useNameOf } from '../store/engineerNames.ts';

type BacklogProps = {
  groups: BacklogGroup[];
  loose: WorkItem[];
  engineers: readonly Engineer[];
};

/** How many groups (or chunks of loose stories) fill the side panel's first screen: mounted at once. */
const FIRST_SCREEN = 4;
/**
 * Groups in the first render, and in each later stage (firstScreen.ts): at 1,000 engineers the
 * backlog's ~500 groups were three quarters of the board's first render's elements.
 */
const FIRST_GROUPS = 12;
const STAGE_GROUPS = 100;
/** Loose stories are windowed in chunks of this many, like the groups. */
const CHUNK = 12;
/** Stand-ins for unmounted cards are `--cards` story cards tall (board-density.css's estimate, for the density in use). */
const cards = (n: number) => ({ '--cards': n }) as CSSProperties;

/** The backlog: a drop target that is always mounted; its cards mount once near the visible part of the side panel. */
export const Backlog = memo(function Backlog({ groups, loose, engineers }: BacklogProps) {
  const ref = useRef<HTMLElement>(null);
  useDropTarget(BACKLOG_ID, ref);
  const over = useOverBacklog(BACKLOG_ID);
  return (
    <section ref={ref} className={`backlog${over ? ' preview' : ''}`} aria-label="Backlog" data-id="backlog">
      <h2>Backlog</h2>
      {over && (
        <p className="lane-preview backlog-preview" data-id="backlog-preview">
          Drop to return it to the backlog, unassigned
        </p>
      )}
      <BacklogBody groups={groups} loose={loose} engineers={engineers} />
    </section>
  );
});

const BacklogBody = memo(function BacklogBody({ groups, loose, engineers }: BacklogProps) {
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
  // The loose stories come last, as one more entry.
  const ends = useMemo(
    () =>
      stageEnds(
        Array.from({ length: groups.length + 1 }, () => 1),
        FIRST_GROUPS,
        STAGE_GROUPS,
      ),
    [groups.length],
  );
  const mounted = useMountedInStages(ends);
  if (groups.length === 0 && loose.length === 0) return <p className="empty">Nothing unassigned matches.</p>;
  const chunks: WorkItem[][] = [];
  for (let i = 0; i < loose.length; i += CHUNK) chunks.push(loose.slice(i, i + CHUNK));
  return (
    <>
      {groups.slice(0, mounted).map((g, i) => (
        <Group
          key={g.initiative!.id}
          group={g}
          engineers={engineers}
          collapsed={collapsed.has(g.initiative!.id)}
          onToggle={toggle}
          firstScreen={i < FIRST_SCREEN}
        />
      ))}
      {loose.length > 0 && mounted > groups.length && (
        <div className="backlog-group">
          <h3>Stories without an initiative</h3>
          {chunks.map((chunk, i) => (
            <LooseChunk key={chunk[0]!.id} stories={chunk} firstScreen={groups.length + i < FIRST_SCREEN} />
          ))}
        </div>
      )}
    </>
  );
});

/** Stories not mounted yet: as tall as their cards will be, and busy, so assistive tech knows more is coming. */
const Unmounted = ({ n }: { n: number }) => <li className="stories-later" style={cards(n)} aria-hidden="true" />;

type ChunkProps = { stories: WorkItem[]; firstScreen: boolean };
/** Chunks are sliced afresh on each render of the backlog: equal when they hold the same items. */
const sameChunk = (a: ChunkProps, b: ChunkProps) =>
  a.firstScreen === b.firstScreen && a.stories.length === b.stories.length && a.stories.every((s, i) => s === b.stories[i]);

const LooseChunk = memo(function LooseChunk({ stories, firstScreen }: ChunkProps) {
  const ref = useRef<HTMLUListElement>(null);
  const near = useCameNear(ref, '.side', firstScreen);
  counted('backlogGroups');
  return (
    <ul ref={ref} className="stories" aria-busy={!near || undefined}>
      {near ? (
        stories.map((s) => (
          <li key={s.id}>
            <DraggableCard item={s} engineer={null} />
          </li>
        ))
      ) : (
        <Unmounted n={stories.length} />
      )}
    </ul>
  );
}, sameChunk);

type GroupProps = {
  group: BacklogGroup;
  engineers: readonly Engineer[];
  collapsed: boolean;
  onToggle: (id: number) => void;
  firstScreen: boolean;
};

const Group = memo(function Group({ group, engineers, collapsed, onToggle, firstScreen }: GroupProps) {
  const ladder = useLadder();
  const ref = useRef<HTMLDivElement>(null);
  const near = useCameNear(ref, '.side', firstScreen);
  counted('backlogGroups');
  const initiative = group.initiative!;
  const carriedFrom = useCarriedFrom(initiative);
  const dri = initiative.assignment ? engineers.find((e) => e.id === initiative.assignment!.engineerId) : undefined;
  const nameOf = useNameOf();
  const listId = `stories-of-${initiative.id}`;
  const n = group.stories.length;
  return (
    // A group named by its initiative, so each "Hide n stories" button is heard in context.
    <div ref={ref} className="backlog-group" role="group" aria-label={initiative.title}>
      {dri ? (
        // Already staffed: only its stories wait here. Not a card, so it cannot be dragged.
        <div className="group-header assigned" data-id={`group-${initiative.id}`}>
          <span className="card-kind">Initiative · staffed</span>
          <span className="group-title">{initiative.title}</span>
          <span className="group-dri">
            DRI: {nameOf(dri)} ({levelName(ladder, dri.level)}) · {levelName(ladder, initiative.rung)} rung
          </span>
          {carriedFrom !== null && (
            <span className="card-carried" data-id="card-carried">
              {carriedOverText(carriedFrom)}
            </span>
          )}
          <span className={`card-estimate${group.estimate.overEstimateBy > 0 ? ' out-of-date' : ''}`} data-id="card-estimate">
            {describeEstimate(initiative, group.estimate)}
          </span>
        </div>
      ) : near ? (
        <DraggableCard item={initiative} engineer={null} {...estimateProps(group.estimate)} />
      ) : (
        // Far from view: the initiative's card mounts when it scrolls near (a plain, equally tall stand-in).
        <div className="card card-initiative card-later" aria-hidden="true" style={cards(1)} />
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
        <ul className="stories" id={listId} hidden={collapsed} aria-busy={!near || undefined}>
          {near ? (
            group.stories.map((s) => (
              <li key={s.id}>
                <DraggableCard item={s} engineer={null} />
              </li>
            ))
          ) : (
            <Unmounted n={n} />
          )}
        </ul>
      )}
    </div>
  );
});
