import { useState } from 'react';
import { reviewerProblem } from '../../shared/assignment.ts';
import { levelName } from '../../shared/ladder.ts';
import { filterByName } from '../../shared/names.ts';
import { itemFit } from '../../shared/plan.ts';
import type { Engineer, WorkItem } from '../../shared/schemas.ts';
import { type ComboOption, Combobox } from '../ui/Combobox.tsx';
import { AssignDialog, FitBadge, engineerOptions, useAssignees } from './assignRows.tsx';
import { useLadder } from '../ladder/useLadder.ts';

/** Which step the popup opens on: choosing who does the work, or who reviews it. */
export type AssignStep = 'assignee' | 'reviewer';

type Props = {
  item: WorkItem;
  engineers: readonly Engineer[];
  items: readonly WorkItem[];
  step: AssignStep;
  /** The board's assign path, the one a drop takes (null: back to the backlog). Resolves true once stored. */
  assign: (itemId: number, engineerId: number | null) => Promise<boolean>;
  setReviewer: (itemId: number, reviewerId: number | null, leadReviews: boolean) => void;
  /** Closed without a change: focus goes back to the card. */
  onCancel: () => void;
  /** Closed after a change: assigned says whether the item went to an engineer (focus then moves on). */
  onDone: (assigned: boolean) => void;
};

/**
 * Assign to…: a card handed to an engineer by typing part of their name. Each row says what a drop
 * on that lane would: the engineer's level, the fit in words and colour, their load. A stretch asks
 * for its reviewer in the same popup, as a second step, so the lead closes the gap at once.
 */
export function AssignPopup({ item, engineers, items, step: firstStep, assign, setReviewer, onCancel, onDone }: Props) {
  const ladder = useLadder();
  const [query, setQuery] = useState('');
  const current = item.assignment ? engineers.find((e) => e.id === item.assignment!.engineerId) : undefined;
  // The reviewer step needs the engineer doing the work: chosen here, or already on the card.
  const [assignee, setAssignee] = useState<Engineer | undefined>(firstStep === 'reviewer' ? current : undefined);
  const [stored, setStored] = useState<Promise<boolean>>(() => Promise.resolve(true));
  const step: AssignStep = assignee ? 'reviewer' : 'assignee';
  const { loadOf, active, nameOf } = useAssignees(engineers, items);

  const toReviewer = (to: Engineer) => {
    setAssignee(to);
    setQuery('');
  };

  const assignOptions = (): ComboOption[] => {
    const rows = engineerOptions({
      active,
      query,
      ladder,
      loadOf,
      nameOf,
      fit: (e) => <FitBadge kind={itemFit(item, e).kind} />,
      currentId: current?.id,
      choose: (e) => {
        if (e.id === current?.id) return onCancel();
        const done = assign(item.id, e.id);
        if (itemFit(item, e).kind === 'stretch') {
          setStored(done);
          toReviewer(e);
        } else onDone(true);
      },
    });
    if (!current || query.trim() !== '') return rows;
    const extra: ComboOption[] = [
      {
        key: 'unassign',
        label: 'Unassign',
        detail: <span className="combo-note">back to the backlog</span>,
        choose: () => {
          void assign(item.id, null);
          onDone(false);
        },
      },
    ];
    if (itemFit(item, current).kind === 'stretch')
      extra.push({
        key: 'set-reviewer',
        label: 'Set reviewer…',
        detail: <span className="combo-note">who closes the stretch</span>,
        choose: () => toReviewer(current),
      });
    return [...extra, ...rows];
  };

  const reviewerOptions = (to: Engineer): ComboOption[] => {
    const review = (reviewerId: number | null, lead: boolean) => async () => {
      // The reviewer is set on the assignment the previous step made: once it is stored.
      if (await stored) setReviewer(item.id, reviewerId, lead);
      onDone(true);
    };
    const fixed: ComboOption[] =
      query.trim() === ''
        ? [
            {
              key: 'lead',
              label: "I'll review it",
              detail: <span className="combo-note">the lead reviews</span>,
              choose: review(null, true),
            },
          ]
        : [];
    const people = filterByName(
      active.filter((e) => reviewerProblem(e, to, ladder) === null),
      query,
      nameOf,
    ).map((e) => ({
      key: `r${e.id}`,
      label: nameOf(e),
      detail: <span className="combo-level">{levelName(ladder, e.level)}</span>,
      choose: review(e.id, false),
    }));
    const skip: ComboOption = {
      key: 'skip',
      label: 'Skip for now',
      detail: <span className="combo-note">listed in insights until reviewed</span>,
      choose: async () => {
        await stored;
        onDone(true);
      },
    };
    return [...fixed, ...people, skip];
  };

  const options = step === 'reviewer' ? reviewerOptions(assignee!) : assignOptions();
  return (
    <AssignDialog
      title={step === 'reviewer' ? `Reviewer for '${item.title}'` : `Assign '${item.title}' to…`}
      sub={
        step === 'reviewer'
          ? `A stretch for ${nameOf(assignee!)}, ${levelName(ladder, assignee!.level)}: someone at least one level above, or you, reviews it.`
          : `${levelName(ladder, item.rung)}-rung ${item.kind}. Type a name; Up and Down choose, Enter assigns, Escape closes.`
      }
      onCancel={onCancel}
    >
      <Combobox
        key={step}
        label={step === 'reviewer' ? 'Reviewer' : 'Engineer'}
        query={query}
        onQuery={setQuery}
        options={options}
        empty={step === 'reviewer' ? 'No one above them matches.' : 'No active engineer matches.'}
        // After an assignment made here, Escape on the reviewer step leaves it without a reviewer, like Skip.
        onEscape={step === 'reviewer' && firstStep === 'assignee' ? () => void stored.then(() => onDone(true)) : onCancel}
      />
    </AssignDialog>
  );
}
