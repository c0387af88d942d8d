import type { Rank } from '../../shared/ladder.ts';
import type { Team } from '../../shared/schemas.ts';
import { Field } from '../ui/Field.tsx';
import type { FieldErrors } from '../ui/form.ts';
import { useLadder } from '../ladder/useLadder.ts';

type Draft = { name: string; level: Rank; teamId: number; capacity: string; active: boolean; changedOn: string };
type Setters = { [K in keyof Draft]: (value: Draft[K]) => void };

/** The engineer editor's fields; the form around them owns the draft, the checks and the save. */
export function EngineerFormFields({
  teams,
  errors,
  value,
  set,
  dateLabel,
  activeHint,
  employeeId,
}: {
  teams: readonly Team[];
  errors: FieldErrors;
  value: Draft;
  set: Setters;
  /** The level change's date field, shown only when the level changes. */
  dateLabel: string | null;
  /** What ticking or unticking Active will do, when it does more than it says. */
  activeHint: string | null;
  /** Someone already on the roster: their HR employee id (null: none), which only an import sets. */
  employeeId?: string | null | undefined;
}) {
  const ladder = useLadder();
  return (
    <>
      <Field id="eng-name" label="Name" error={errors.name}>
        {(a11y) => <input {...a11y} value={value.name} onChange={(e) => set.name(e.target.value)} autoFocus />}
      </Field>
      {employeeId !== undefined && (
        // Text, not a field: the id is HR's, set by a roster import; it tells namesakes apart on every screen.
        <p className="field" data-id="eng-employee-id">
          <span>Employee ID</span>
          <strong>{employeeId ?? 'none'}</strong>
          <span className="hint">{employeeId === null ? 'a roster import with their id sets it' : 'from HR, set by a roster import'}</span>
        </p>
      )}
      <Field id="eng-level" label="Level" error={errors.level}>
        {(a11y) => (
          <select {...a11y} value={value.level} onChange={(e) => set.level(Number(e.target.value) as Rank)}>
            {ladder.levels.map((l, i) => (
              <option key={l.id} value={i}>
                {l.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="eng-team" label="Team" error={errors.teamId}>
        {(a11y) => (
          <select {...a11y} value={value.teamId} onChange={(e) => set.teamId(Number(e.target.value))}>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="eng-capacity" label="Capacity (points, optional)" error={errors.capacity}>
        {(a11y) => <input {...a11y} inputMode="numeric" value={value.capacity} onChange={(e) => set.capacity(e.target.value)} />}
      </Field>
      {dateLabel !== null && (
        <Field id="eng-changed-on" label={dateLabel} error={errors.changedOn}>
          {(a11y) => <input {...a11y} type="date" value={value.changedOn} onChange={(e) => set.changedOn(e.target.value)} />}
        </Field>
      )}
      <div className="field field-check">
        <input id="eng-active" type="checkbox" checked={value.active} onChange={(e) => set.active(e.target.checked)} />
        <label htmlFor="eng-active">Active (shown on the board)</label>
        {activeHint && <span className="hint">{activeHint}</span>}
      </div>
    </>
  );
}
