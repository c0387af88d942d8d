import { useDraggable } from '@dnd-kit/core';
import { type RefObject, type SyntheticEvent, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { DragStore } from './dragState.ts';
import { cardId } from './ids.ts';

/** The press events dnd-kit's sensors start from (mouse, touch, keyboard), by their React names. */
export type Press = 'onMouseDown' | 'onTouchStart' | 'onKeyDown';

/** Marks a card's drag handle (Card.tsx); its value is the item's id. */
const HANDLE_ATTRIBUTE = 'data-card-handle';

export type GripControl = { press: (event: SyntheticEvent, kind: Press) => void };

type Held = { itemId: number; handle: HTMLElement };

/**
 * The board's one dnd-kit draggable. Cards do not each call useDraggable: every draggable reads
 * dnd-kit's context and renders again whenever a drag starts, crosses a lane or ends, and at 300
 * engineers re-rendering every mounted card made the pick-up one long task of 50–70 ms (npm run
 * bench). Instead a press on a card's handle (a mouse button, a touch, a key) reaches the board,
 * which hands it here: the grip takes hold of that card's handle, synchronously, then passes the
 * very same event on to dnd-kit's sensors, so the activation rules (6 px of travel, a 200 ms
 * touch hold, Space or Enter) and everything after are dnd-kit's own.
 */
export function Grip({ control, dragStore }: { control: RefObject<GripControl | null>; dragStore: DragStore }) {
  const [held, setHeld] = useState<Held | null>(null);
  const heldRef = useRef<Held | null>(null);
  const { setNodeRef, listeners } = useDraggable({ id: held ? cardId(held.itemId) : 'nothing-held', disabled: held === null });
  const listenersRef = useRef(listeners);
  useLayoutEffect(() => {
    heldRef.current = held;
    listenersRef.current = listeners;
    setNodeRef(held?.handle ?? null);
  });
  useImperativeHandle(
    control,
    () => ({
      press(event, kind) {
        // A card already in the air keeps the grip: keys and presses during a drag are the sensor's.
        if (dragStore.get().itemId !== null) return;
        const handle = event.target instanceof Element ? event.target.closest<HTMLElement>(`[${HANDLE_ATTRIBUTE}]`) : null;
        const itemId = Number(handle?.getAttribute(HANDLE_ATTRIBUTE));
        if (!handle || !Number.isInteger(itemId)) return;
        const current = heldRef.current;
        // Registered with dnd-kit before the sensor looks the card up, in this same event.
        if (current?.itemId !== itemId || current.handle !== handle) flushSync(() => setHeld({ itemId, handle }));
        listenersRef.current?.[kind]?.(event);
      },
    }),
    [dragStore],
  );
  return null;
}
