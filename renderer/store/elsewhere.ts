// Another tab on the same roster changed the plan. Each page patches its plan store from its own
// replies only, so a second tab on the browser host kept showing the plan as it was, loads and
// all, and a move made there was judged on that old plan. Pages of one origin reach the same
// roster, and a BroadcastChannel carries a word between them with no host involved. (Electron
// opens one window; its page has no other to hear.)

const NAME = 'rungs:plan-changed';

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(NAME);
// In Node (unit tests) an open channel would keep the process alive.
(channel as { unref?: () => void } | null)?.unref?.();

/** Say that this page changed the plan: the others fetch it again. A page never hears itself. */
export function tellOtherPages(): void {
  channel?.postMessage('changed');
}

/** Calls `listener` whenever another page changed the plan. */
export function onChangedElsewhere(listener: () => void): () => void {
  if (!channel) return () => {};
  const heard = () => listener();
  channel.addEventListener('message', heard);
  return () => channel.removeEventListener('message', heard);
}
