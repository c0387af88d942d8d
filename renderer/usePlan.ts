import { useCallback, useEffect, useState } from 'react';
import type { Snapshot } from '../shared/schemas.ts';
import { api } from './api.ts';
import { shareSnapshot } from './board/share.ts';

/** The quarter's plan as the main process has it; `reload` fetches it again after a change. */
export function usePlan(quarterId: number | undefined) {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const r = await api['board.snapshot'](quarterId === undefined ? {} : { quarterId });
    if (r.ok) {
      // Unchanged rows keep their identity, so a refresh after a move re-renders only what moved.
      setSnapshot((prev) => shareSnapshot(prev, r.value));
      setError(null);
    } else setError(r.error.message);
    return r;
  }, [quarterId]);

  useEffect(() => {
    // oxlint-disable-next-line react/set-state-in-effect -- loading from the main process is the external system this effect syncs with.
    void reload();
  }, [reload]);

  return { snapshot, setSnapshot, error, reload };
}
