import type { Fit } from '../../shared/fit.ts';
import { type Ladder, type Rank, levelName } from '../../shared/ladder.ts';

// Short headlines for a fit, shown on lanes while dragging and on cards after a drop.
// The fit itself always comes from shared/fit.ts; this only words it for a small space.
export function fitHeadline(ladder: Ladder, f: Fit, level: Rank): string {
  switch (f.kind) {
    case 'in_reach':
      return f.belowLevel ? `In reach: ${-f.gap} rungs below ${levelName(ladder, level)}` : 'In reach';
    case 'stretch':
      return 'Stretch: needs a reviewer';
    case 'overreach':
      return `Overreach: ${f.gap} rungs past ${levelName(ladder, level)}`;
  }
}
