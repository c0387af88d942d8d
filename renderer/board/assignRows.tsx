import { type ReactNode, useId, useMemo } from 'react';
import { FIT_LABEL } from '../../shared/fit.ts';
import { type Ladder, levelName } from '../../shared/ladder.ts';
import { NO_LOAD, type Load, loads } from '../../shared/load.ts';
import { filterByName } from '../../shared/names.ts';
import { byLevelThenName } from '../../shared/plan.ts';
import type { Engineer, WorkItem } from '../../shared/schemas.ts';
import { isOverCapacity, loadAgainstCapacity } from '../../shared/words.ts';
import type { ComboOption } from '../ui/Combobox.tsx';
import { type NameOf, useNameOf } from '../store/engineerNames.ts';

// What Assign to… shows, for one card (AssignPopup.tsx) or a selection (BulkAssign.tsx): every
// active engineer who matches the typed name, with their level, the fit in words, and their load.

/** The engineers who can take work, by level then name, what each carries now, and how each is named. */
export function useAssignees(engineers: readonly Engineer[], items: readonly WorkItem[]) {
  const loadOf = useMemo(() => loads({ items }), [items]);
  const active = useMemo(() => engineers.filter((e) => e.active).sort(byLevelThenName), [engineers]);
  return { loadOf, active, nameOf: useNameOf() };
}

type Rows = {
  active: readonly Engineer[];
  query: string;
  ladder: Ladder;
  loadOf: ReadonlyMap<number, Load>;
  nameOf: NameOf;
  /** The fit badge(s) of the row: one card's fit, or a selection's stretches and overreaches. */
  fit: (e: Engineer) => ReactNode;
  /** Who holds the card now (marked "now"). */
  currentId?: number;
  choose: (e: Engineer) => void;
};

export function engineerOptions({ active, query, ladder, loadOf, nameOf, fit, currentId, choose }: Rows): ComboOption[] {
  return filterByName(active, query, nameOf).map((e) => {
    const load = loadOf.get(e.id) ?? NO_LOAD;
    const over = isOverCapacity(load.points, e.capacity);
    return {
      key: `e${e.id}`,
      label: nameOf(e),
      detail: (
        <>
          <span className="combo-level">{levelName(ladder, e.level)}</span>
          {fit(e)}
          <span className={`combo-load${over ? ' over' : ''}`}>{loadAgainstCapacity(load.points, e.capacity)}</span>
          {e.id === currentId && <span className="combo-current">now</span>}
        </>
      ),
      choose: () => choose(e),
    };
  });
}

export const FitBadge = ({ kind, children }: { kind: keyof typeof FIT_LABEL; children?: ReactNode }) => (
  <span className={`fit-badge fit-${kind}`}>{children ?? FIT_LABEL[kind]}</span>
);

/** The modal frame both popups share: a heading, a line of help, the list; a click outside cancels. */
export function AssignDialog({
  title,
  sub,
  onCancel,
  children,
}: {
  title: string;
  sub: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <div className="assign-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onCancel()}>
      <div role="dialog" aria-modal="true" aria-labelledby={headingId} className="assign-popup" data-id="assign-popup">
        <h3 id={headingId}>{title}</h3>
        <p className="assign-sub">{sub}</p>
        {children}
      </div>
    </div>
  );
}
