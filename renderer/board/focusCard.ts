/**
 * Focus a card's handle once it is on the page: after a move the card re-mounts in its new place,
 * and a backlog card far down the side panel mounts only when scrolled near (near.ts).
 */
export function focusCard(itemId: number, tries = 30): void {
  const handle = document.querySelector<HTMLElement>(`[data-card-handle="${itemId}"]`);
  if (handle) {
    handle.focus({ preventScroll: true });
    handle.scrollIntoView({ block: 'nearest' });
  } else if (tries > 0) requestAnimationFrame(() => focusCard(itemId, tries - 1));
}
