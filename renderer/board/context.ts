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
