import { useState } from 'react';
import type { EngineerImpact } from '../../shared/contract/roster.ts';
import { levelName } from '../../shared/ladder.ts';
import { byLevelThenName } from '../../shared/plan.ts';
import type { Engineer } from '../../shared/schemas.ts';
import { Confirm } from '../ui/Confirm.tsx';
import { deactivateNote } from './EngineerForm.tsx';
import { WorkImpact } from './WorkImpact.tsx';
import { useLadder } from '../ladder/useLadder.ts';
import { useNameOf } from '../store/engineerNames.ts';

type Props = {
  impact: EngineerImpact;
  engineers: readonly Engineer[];
  onCancel: () => void;
  /** null: their work returns to the backlog. */
  onConfirm: (handTo: Engineer | null) => void;
};

/**
 * Deactivating someone who carries work: what happens to it, said first, with the choice of who
 * takes it over (one active engineer, or the backlog). One change either way.
 */
export function DeactivateConfirm({ impact, engineers, onCancel, onConfirm }: Props) {
  const ladder = useLadder();
  const [handToId, setHandToId] = useState<number | null>(null);
  const takers = engineers.filter((e) => e.active && e.id !== impact.engineer.id).sort(byLevelThenName);
  const handTo = takers.find((e) => e.id === handToId) ?? null;
  const nameOf = useNameOf();
  const name = nameOf(impact.engineer);
  return (
    <Confirm
      title={`Deactivate ${name}?`}
      confirmLabel={handTo ? `Deactivate and hand their work to ${nameOf(handTo)}` : 'Deactivate and return their work to the backlog'}
      onCancel={onCancel}
      onConfirm={() => onConfirm(handTo)}
    >
      {impact.items.length > 0 && (
        <p className="field">
          <label htmlFor="hand-work-to">Hand their work to</label>
          <select
            id="hand-work-to"
            value={handToId ?? ''}
            onChange={(e) => setHandToId(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">The backlog</option>
            {takers.map((e) => (
              <option key={e.id} value={e.id}>
                {nameOf(e)} ({levelName(ladder, e.level)})
              </option>
            ))}
          </select>
        </p>
      )}
      <WorkImpact impact={impact} handTo={handTo ? nameOf(handTo) : null} />
      <p>{deactivateNote(name)} You can undo it from History.</p>
    </Confirm>
  );
}
