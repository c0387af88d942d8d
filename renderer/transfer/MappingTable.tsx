import { ColumnHeads } from '../ui/ColumnHeads.tsx';

// Each Rungs field ← a column of the file, with a few of that column's values to pick by. One
// table for a tracker's export and an HR roster: both map a field to the columns it reads, the
// first of which the lead picks here.

type Props<F extends string> = {
  /** Prefixes the select ids, so two tables on one screen never share one. */
  id: string;
  fields: readonly F[];
  labels: Record<F, string>;
  mapping: Record<F, string[]>;
  columns: readonly { name: string; samples: string[] }[];
  onPick: (field: F, column: string | null) => void;
};

const NOT_USED = '';

export function MappingTable<F extends string>({ id, fields, labels, mapping, columns, onPick }: Props<F>) {
  const samples = new Map(columns.map((c) => [c.name.toLowerCase(), c.samples]));
  return (
    <table className="data-table compact mapping-table" aria-label="Column mapping">
      <ColumnHeads columns={['Rungs field', 'Column of the file', 'Sample values']} />
      <tbody>
        {fields.map((f) => {
          const picked = mapping[f];
          const shown = picked.flatMap((c) => samples.get(c.toLowerCase()) ?? []).slice(0, 3);
          return (
            <tr key={f}>
              <th scope="row">
                <label htmlFor={`${id}-${f}`}>{labels[f]}</label>
              </th>
              <td>
                <select
                  id={`${id}-${f}`}
                  value={picked[0] ?? NOT_USED}
                  onChange={(e) => onPick(f, e.target.value === NOT_USED ? null : e.target.value)}
                >
                  <option value={NOT_USED}>Not used</option>
                  {columns.map((c) => (
                    <option key={c.name} value={c.name}>
                      {c.name}
                    </option>
                  ))}
                </select>
                {picked.length > 1 && <span className="hint"> or, when empty, {picked.slice(1).join(', ')}</span>}
              </td>
              <td className="samples">{shown.join(' · ')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
