/**
 * Focus a card's handle once it is on the page: after a move the card re-mounts in its new place,
 * and a backlog card far down the side panel mounts only when scrolled near (near.ts).
 */
export function focusCard(itemId: number, tries = 30): void {
  const handle = document.querySelector<HTMLElement>(`[data-card-handle="${itemId}"]`);
  if (handle) {
    handle.focus({ preventScroll: true });
    handle.scrollIntoView({ block: 'nearest' });
  } else if (tries > 0)
    requestAnimationFrame(() => {
      // Waiting for the card to mount, the lead may have opened something else meanwhile.
      if (!focusTakenElsewhere()) focusCard(itemId, tries - 1);
    });
}

/** Focus is in a dialog or a field: somewhere the lead put it, not left on a card or the page. */
export function focusTakenElsewhere(): boolean {
  const active = document.activeElement;
  return (
    active !== null && active !== document.body && active.closest('[role="dialog"], [role="alertdialog"], input, textarea, select') !== null
  );
}
