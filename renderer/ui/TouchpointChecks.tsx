import type { Touchpoint } from '../../shared/ladder.ts';

type Props = {
  /** The ladder's touchpoints, in its order. */
  all: readonly Touchpoint[];
  value: readonly Touchpoint[];
  /** The new set, kept in the ladder's order whatever order the boxes were ticked in. */
  onChange: (touchpoints: Touchpoint[]) => void;
  disabled?: boolean;
};

/** The touchpoints a piece of work exercises: one box per row of the ladder, in a labelled group. */
export function TouchpointChecks({ all, value, onChange, disabled }: Props) {
  return (
    <fieldset className="touchpoints" disabled={disabled}>
      <legend>Touchpoints</legend>
      {all.map((t) => (
        <label key={t}>
          <input
            type="checkbox"
            checked={value.includes(t)}
            onChange={(e) => onChange(e.target.checked ? all.filter((x) => x === t || value.includes(x)) : value.filter((x) => x !== t))}
          />{' '}
          {t}
        </label>
      ))}
    </fieldset>
  );
}
