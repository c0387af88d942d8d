import { useEffect, useState } from 'react';
import type { CompetencyMap } from '../../shared/competency-map.ts';
import { api } from '../api.ts';

// The map never changes while the app runs: fetch it once and share it between screens.
let pending: Promise<CompetencyMap> | null = null;

function fetchMap(): Promise<CompetencyMap> {
  pending ??= api['map.get']({}).then((r) => {
    if (r.ok) return r.value;
    pending = null; // let a later screen try again
    throw new Error(r.error.message);
  });
  return pending;
}

export function useCompetencyMap(): { map: CompetencyMap | null; error: string | null } {
  const [state, setState] = useState<{ map: CompetencyMap | null; error: string | null }>({ map: null, error: null });
  useEffect(() => {
    let live = true;
    fetchMap().then(
      (map) => live && setState({ map, error: null }),
      (error: unknown) => live && setState({ map: null, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
