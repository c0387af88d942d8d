import { type Fit, fit } from './fit.ts';
import type { Plan } from './gaps.ts';
import type { Engineer, WorkItem } from './schemas.ts';

// The DRI check (PRODUCT.md, "Checking initiative DRI assignments"): every initiative has exactly
// one DRI, and each DRI can carry it at their level.

/** no_dri: nobody; short: more than one rung past the DRI (an overreach); stretch: one rung past; fine: in reach. */
export type DriStatus = 'no_dri' | 'short' | 'stretch' | 'fine';

export type DriRow = {
  initiative: WorkItem;
  dri: Engineer | null;
  fit: Fit | null;
  status: DriStatus;
  /** Who closes a stretch: an engineer at least one level above, or the lead. */
  reviewer: Engineer | null;
  leadReviews: boolean;
  acknowledged: boolean;
};

export const DRI_STATUS_LABEL: Record<DriStatus, string> = {
  no_dri: 'No DRI',
  short: 'DRI more than one rung short',
  stretch: 'Stretch',
  fine: 'Fine',
};

/** Every initiative of the quarter, initiatives without a DRI first, then in plan order. */
export function driCheck(plan: Plan): DriRow[] {
  const engineers = new Map(plan.engineers.map((e) => [e.id, e]));
  const rows = plan.items
    .filter((i) => i.kind === 'initiative')
    .map((initiative): DriRow => {
      const a = initiative.assignment;
      const dri = a ? (engineers.get(a.engineerId) ?? null) : null;
      const f = dri ? fit(initiative.rung, dri.level) : null;
      const status: DriStatus = !f ? 'no_dri' : f.kind === 'overreach' ? 'short' : f.kind === 'stretch' ? 'stretch' : 'fine';
      return {
        initiative,
        dri,
        fit: f,
        status,
        reviewer: a?.reviewerId ? (engineers.get(a.reviewerId) ?? null) : null,
        leadReviews: a?.leadReviews ?? false,
        acknowledged: (a?.ackNote ?? null) !== null,
      };
    });
  return rows.toSorted(
    (x, y) => Number(y.status === 'no_dri') - Number(x.status === 'no_dri') || x.initiative.sortKey - y.initiative.sortKey,
  );
}
