import { useSyncExternalStore } from 'react';

/**
 * The one notice: what the last change did, or why it was refused. success: done as asked; info:
 * done, with a next step (a stretch's reviewer); warning: done, but an overreach; refused: nothing
 * changed (announced as an alert).
 */
export type Notice = {
  text: string;
  tone: 'success' | 'info' | 'warning' | 'refused';
  /** The part of a screen it is about, where a screen has several (an import section, backups); the screen's own line when absent. */
  where?: string;
};

type Listener = () => void;

function createNoticeStore() {
  let notice: Notice | null = null;
  const listeners = new Set<Listener>();
  const set = (next: Notice | null) => {
    notice = next;
    for (const l of listeners) l();
  };
  return {
    get: () => notice,
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    show: set,
    said: (text: string, where?: string) => set({ text, tone: 'success', where }),
    refused: (text: string, where?: string) => set({ text, tone: 'refused', where }),
    clear: () => set(null),
  };
}

export const notices = createNoticeStore();

export const useNotice = (): Notice | null => useSyncExternalStore(notices.subscribe, notices.get);
