import type { SelectHTMLAttributes } from 'react';

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  /** The rows to pick from (initiatives, teams), by id. */
  options: readonly { id: number; label: string }[];
  /** The words for no row at all ("No team"), the first option. */
  none: string;
  value: number | null;
  onChange: (id: number | null) => void;
};

/** A pick of one row by id, or none: a story's initiative, an item's team. */
export function IdSelect({ options, none, value, onChange, ...select }: Props) {
  return (
    <select {...select} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}>
      <option value="">{none}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
