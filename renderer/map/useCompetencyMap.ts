import { useMemo } from 'react';
import { type CompetencyMap, mapOf } from '../../shared/competency-map.ts';
import { useLadder } from '../ladder/useLadder.ts';

// The competency map is the roster's ladder read as the document reads: it follows every ladder
// change, because the ladder arrives with the plan.
export function useCompetencyMap(): { map: CompetencyMap; error: string | null } {
  const ladder = useLadder();
  const map = useMemo(() => mapOf(ladder), [ladder]);
  return { map, error: null };
}
