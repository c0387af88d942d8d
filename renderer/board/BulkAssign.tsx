import { useState } from 'react';
import { fitCounts } from '../../shared/plan.ts';
import type { Engineer, WorkItem } from '../../shared/schemas.ts';
import { plural } from '../../shared/words.ts';
import { Combobox } from '../ui/Combobox.tsx';
import { useLadder } from '../ladder/useLadder.ts';
import { AssignDialog, FitBadge, engineerOptions, useAssignees } from './assignRows.tsx';

type Props = {
  selected: readonly WorkItem[];
  engineers: readonly Engineer[];
  items: readonly WorkItem[];
  onAssign: (engineer: Engineer) => void;
  onCancel: () => void;
};

/**
 * Assign to… for a selection: the same list as for one card, each row counting what the cards
 * would be for that engineer (all in reach, or how many stretches and overreaches), so the worst
 * of the batch is seen before it is made. Reviewers are then picked on each stretch's card.
 */
export function BulkAssign({ selected, engineers, items, onAssign, onCancel }: Props) {
  const ladder = useLadder();
  const [query, setQuery] = useState('');
  const { loadOf, active, nameOf } = useAssignees(engineers, items);
  const options = engineerOptions({
    active,
    query,
    ladder,
    loadOf,
    nameOf,
    fit: (e) => <SelectionFit selected={selected} engineer={e} />,
    choose: onAssign,
  });
  return (
    <AssignDialog
      title={`Assign ${plural(selected.length, 'card')} to…`}
      sub="Each row counts the stretches and overreaches these cards would be for that engineer. Type a name; Up and Down choose, Enter assigns them all, Escape closes."
      onCancel={onCancel}
    >
      <Combobox
        label="Engineer"
        query={query}
        onQuery={setQuery}
        options={options}
        empty="No active engineer matches."
        onEscape={onCancel}
      />
    </AssignDialog>
  );
}

function SelectionFit({ selected, engineer }: { selected: readonly WorkItem[]; engineer: Engineer }) {
  const counts = fitCounts(selected, engineer);
  if (counts.stretch === 0 && counts.overreach === 0) return <FitBadge kind="in_reach">All in reach</FitBadge>;
  return (
    <>
      {counts.overreach > 0 && <FitBadge kind="overreach">{plural(counts.overreach, 'overreach', 'overreaches')}</FitBadge>}
      {counts.stretch > 0 && <FitBadge kind="stretch">{plural(counts.stretch, 'stretch', 'stretches')}</FitBadge>}
    </>
  );
}
