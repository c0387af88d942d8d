import { ColumnHeads } from '../ui/ColumnHeads.tsx';

// Each Rungs field ← a column of the file, with a few of that column's values to pick by. One
// table for a tracker's export and an HR roster: both map a field to the columns it reads, the
// first of which the lead picks here; a joined field (a name from a first and a last name) takes
// a second column too.

type Props<F extends string> = {
  /** Prefixes the select ids, so two tables on one screen never share one. */
  id: string;
  fields: readonly F[];
  labels: Record<F, string>;
  mapping: Record<F, string[]>;
  columns: readonly { name: string; samples: string[] }[];
  /** Fields read from two columns joined with a space; the second select picks the other part. */
  joined?: readonly F[];
  /** `part` 1 is a joined field's second column. */
  onPick: (field: F, column: string | null, part: 0 | 1) => void;
};

const NOT_USED = '';

export function MappingTable<F extends string>({ id, fields, labels, mapping, columns, joined = [], onPick }: Props<F>) {
  const samples = new Map(columns.map((c) => [c.name.toLowerCase(), c.samples]));
  const select = (f: F, part: 0 | 1, label?: string) => (
    <select
      id={`${id}-${f}${part === 1 ? '-2' : ''}`}
      aria-label={label}
      value={mapping[f][part] ?? NOT_USED}
      onChange={(e) => onPick(f, e.target.value === NOT_USED ? null : e.target.value, part)}
    >
      <option value={NOT_USED}>{part === 1 ? 'Nothing more' : 'Not used'}</option>
      {columns.map((c) => (
        <option key={c.name} value={c.name}>
          {c.name}
        </option>
      ))}
    </select>
  );
  return (
    <table className="data-table compact mapping-table" aria-label="Column mapping">
      <ColumnHeads columns={['Rungs field', 'Column of the file', 'Sample values']} />
      <tbody>
        {fields.map((f) => {
          const picked = mapping[f];
          const joins = joined.includes(f);
          const sampled = (c: string, n: number) => (samples.get(c.toLowerCase()) ?? []).slice(0, n);
          // A joined field shows a few values of each part: "Ana · Bo + Sousa · Lee".
          const shown = joins
            ? picked.map((c) => sampled(c, 2).join(' · ')).join(' + ')
            : picked
                .flatMap((c) => sampled(c, 3))
                .slice(0, 3)
                .join(' · ');
          return (
            <tr key={f}>
              <th scope="row">
                <label htmlFor={`${id}-${f}`}>{labels[f]}</label>
              </th>
              <td>
                {select(f, 0)}
                {joins ? (
                  <> + {select(f, 1, `Second column of the ${labels[f].toLowerCase()}, after a space`)}</>
                ) : (
                  picked.length > 1 && <span className="hint"> or, when empty, {picked.slice(1).join(', ')}</span>
                )}
              </td>
              <td className="samples">{shown}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
