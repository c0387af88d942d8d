import { createContext, useContext } from 'react';
import type { Engineer } from '../../shared/schemas.ts';

/** What cards need from the board without threading it through every lane's props. */
export type BoardActions = {
  engineers: readonly Engineer[];
  setReviewer: (itemId: number, reviewerId: number | null, leadReviews: boolean) => void;
  acknowledge: (itemId: number, note: string | null) => Promise<boolean>;
};

export const BoardActionsContext = createContext<BoardActions | null>(null);

export function useBoardActions(): BoardActions {
  const value = useContext(BoardActionsContext);
  if (!value) throw new Error('useBoardActions outside the board');
  return value;
}

/**
 * Quarter names by id, for "carried over from 2026 Q4" on cards and warnings. Its own context, a
 * map rebuilt only when the quarters change, so cards that read it do not render with every move.
 */
export const QuarterNamesContext = createContext<ReadonlyMap<number, string>>(new Map());
