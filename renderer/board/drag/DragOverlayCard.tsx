import { useMemo } from 'react';
import { estimateOf } from '../../../shared/load.ts';
import type { Engineer, WorkItem } from '../../../shared/schemas.ts';
import { CardFace, estimateProps } from '../Card.tsx';
import { useDragState } from './dragState.ts';
import { engineerIdOf } from './ids.ts';

export type OverlayProps = { itemsById: ReadonlyMap<number, WorkItem>; engineersById: ReadonlyMap<number, Engineer> };

/** The card in the air: its face, with the fit for the engineer it is over. Presentational. */
export function DragOverlayCard({ itemsById, engineersById }: OverlayProps) {
  const { itemId, overId } = useDragState();
  const item = itemId === null ? undefined : itemsById.get(itemId);
  // The card in the air says what it said where it was picked up (an initiative's estimate note).
  const estimate = useMemo(
    () => (item?.kind === 'initiative' ? estimateOf(item, { items: [...itemsById.values()] }) : undefined),
    [item, itemsById],
  );
  if (!item) return null;
  const overEngineerId = engineerIdOf(overId);
  const overEngineer = overEngineerId === null ? null : (engineersById.get(overEngineerId) ?? null);
  return (
    <div className={`card card-${item.kind} overlay`}>
      <div className="card-handle">
        <CardFace item={item} engineer={overEngineer} {...estimateProps(estimate)} />
      </div>
    </div>
  );
}
