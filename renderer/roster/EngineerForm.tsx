import { useState } from 'react';
import { localToday } from '../../shared/calendar.ts';
import { EngineerFields, type EngineerImpact } from '../../shared/contract/roster.ts';
import type { Rank } from '../../shared/ladder.ts';
import type { Engineer, Snapshot } from '../../shared/schemas.ts';
import { api } from '../api.ts';
import { useMutation } from '../store/useMutation.ts';
import { Confirm } from '../ui/Confirm.tsx';
import { EditorForm } from '../ui/EditorForm.tsx';
import { type FieldErrors, fieldErrors, pointsFromText, storedOrShown } from '../ui/form.ts';
import { EngineerFormFields } from './EngineerFormFields.tsx';
import { WorkImpact } from './WorkImpact.tsx';
import { useNameOf } from '../store/engineerNames.ts';

export const REACTIVATE_NOTE = 'Work carried before stays in the backlog or with whoever has it now.';
/** Said of one named person: "They leave the board" read as if a whole team were going. */
export const deactivateNote = (name: string) => `${name} leaves the board; reactivation later does not give this work back.`;

export const carriesWork = (impact: EngineerImpact) => impact.items.length > 0 || impact.reviews > 0;

/** Add an engineer (several in a row, with "Add and add another") or edit one, in place. */
export function EngineerForm({
  snapshot,
  engineer,
  onCancel,
  onSaved,
}: {
  snapshot: Snapshot;
  engineer: Engineer | null;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { run } = useMutation();
  const nameOf = useNameOf();
  const [name, setName] = useState(engineer?.name ?? '');
  const [level, setLevel] = useState<Rank>(engineer?.level ?? 1);
  const [teamId, setTeamId] = useState(engineer?.teamId ?? snapshot.teams[0]?.id ?? 0);
  const [capacity, setCapacity] = useState(engineer?.capacity === null || engineer === null ? '' : String(engineer.capacity));
  const [active, setActive] = useState(engineer?.active ?? true);
  const [changedOn, setChangedOn] = useState(localToday());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [impact, setImpact] = useState<EngineerImpact | null>(null);
  const levelChanges = engineer === null || engineer.level !== level;
  const deactivates = engineer !== null && engineer.active && !active;

  /** Resolves true once stored. */
  const submit = async (confirmed = false): Promise<boolean> => {
    const parsed = EngineerFields.safeParse({ name, level, teamId, capacity: pointsFromText(capacity), active });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return false;
    }
    setErrors({});
    // Unticking Active releases their work: say what happens first, as the Deactivate button does.
    if (deactivates && !confirmed) {
      const r = await api['engineers.deleteImpact']({ engineerId: engineer.id });
      if (!r.ok) return (setFormError(r.error.message), false);
      if (carriesWork(r.value)) return (setImpact(r.value), false);
    }
    const fields = { ...parsed.data, ...(levelChanges ? { changedOn } : {}) };
    const reactivates = engineer !== null && !engineer.active && active;
    const r = await run(
      () =>
        engineer === null
          ? api['engineers.create'](fields)
          : api['engineers.update']({ engineerId: engineer.id, ...fields, fromLevel: engineer.level }),
      {
        refusal: 'form',
        notice: ({ summary }) =>
          deactivates ? `${summary}. Undo it from History.` : reactivates ? `${summary}. ${REACTIVATE_NOTE}` : summary,
      },
    );
    return storedOrShown(r, setErrors, setFormError);
  };
  /** The next engineer is most often in the same team at the same level: those stay, the rest is cleared. */
  const addAnother = async () => {
    if (!(await submit())) return false;
    setName('');
    setCapacity('');
    setFormError(null);
    return true;
  };

  const title = engineer ? `Edit ${nameOf(engineer)}` : 'Add an engineer';
  return (
    <EditorForm
      title={title}
      formError={formError}
      submitLabel={engineer ? 'Save' : 'Add engineer'}
      onSubmit={async () => void ((await submit()) && onSaved())}
      onSubmitAnother={engineer === null ? addAnother : undefined}
      onCancel={onCancel}
      after={
        impact && (
          <Confirm
            title={`Deactivate ${nameOf(impact.engineer)}?`}
            confirmLabel="Deactivate and return their work to the backlog"
            onCancel={() => setImpact(null)}
            onConfirm={() => {
              setImpact(null);
              void submit(true).then((ok) => ok && onSaved());
            }}
          >
            <WorkImpact impact={impact} />
            <p>{deactivateNote(nameOf(impact.engineer))} You can undo it from History.</p>
          </Confirm>
        )
      }
    >
      <EngineerFormFields
        teams={snapshot.teams}
        errors={errors}
        value={{ name, level, teamId, capacity, active, changedOn }}
        employeeId={engineer ? engineer.employeeId : undefined}
        set={{ name: setName, level: setLevel, teamId: setTeamId, capacity: setCapacity, active: setActive, changedOn: setChangedOn }}
        dateLabel={levelChanges ? (engineer ? 'Level change dated' : 'At this level since') : null}
        activeHint={
          deactivates
            ? 'Saving returns their work to the backlog.'
            : engineer !== null && !engineer.active && active
              ? REACTIVATE_NOTE
              : null
        }
      />
    </EditorForm>
  );
}
