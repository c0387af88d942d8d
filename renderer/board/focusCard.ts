/**
 * The element id of a card's handle. Found by id, a lookup, where an attribute selector walked the
 * board's few thousand elements: ~4 ms of a drop's own task at 300 engineers (a CPU profile).
 */
export const cardHandleId = (itemId: number): string => `card-handle-${itemId}`;

/**
 * Focus a card's handle once it is on the page: after a move the card re-mounts in its new place,
 * and a backlog card far down the side panel mounts only when scrolled near (near.ts).
 */
export function focusCard(itemId: number, tries = 30): void {
  const handle = document.getElementById(cardHandleId(itemId));
  if (handle) {
    handle.focus({ preventScroll: true });
    handle.scrollIntoView({ block: 'nearest' });
  } else if (tries > 0)
    requestAnimationFrame(() => {
      // Waiting for the card to mount, the lead may have opened something else meanwhile.
      if (!focusTakenElsewhere()) focusCard(itemId, tries - 1);
    });
}

/**
 * Focus is where the lead put it, not left on a card or the page: in a dialog or a field, or on
 * another card than `itemId` (the one a change moves, whose handle may still hold focus). A reply
 * that arrives after the lead went on to the next card must not pull focus back.
 */
export function focusTakenElsewhere(itemId?: number): boolean {
  const active = document.activeElement;
  if (active === null || active === document.body) return false;
  if (active.closest('[role="dialog"], [role="alertdialog"], input, textarea, select') !== null) return true;
  const card = active.closest('[data-card-handle]')?.getAttribute('data-card-handle');
  return itemId !== undefined && card != null && card !== String(itemId);
}

/**
 * A card about to move lets go of focus. Its handle holds it (the press or the keyboard put it
 * there), and the move takes that element off the page: an element holding focus taken out of a
 * page whose style is not yet up to date makes the browser bring the style up to date there and
 * then, in the middle of the move's render (2–6 ms at 300 engineers, a trace), for a style worked
 * out again before the paint. Focus then goes where the move leaves the card, or on to the next
 * card waiting in the backlog (Board.tsx).
 */
export function releaseFocus(itemId: number): void {
  const focused = document.activeElement;
  if (focused instanceof HTMLElement && focused.closest(`[data-card-handle="${itemId}"]`)) focused.blur();
}
