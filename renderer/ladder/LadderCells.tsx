import { useState } from 'react';
import type { Ladder } from '../../shared/ladder.ts';
import { Field } from '../ui/Field.tsx';
import { InlineText } from '../ui/InlineText.tsx';
import { useLadderEdit } from './useLadderEdit.ts';

/** The touchpoints (rows) and their cells per level, each edited in place. */
export function LadderCells({ ladder }: { ladder: Ladder }) {
  const { edit } = useLadderEdit();
  const [name, setName] = useState('');
  const n = ladder.touchpoints.length;
  const add = async () => {
    if (name.trim() !== '' && (await edit('ladder.addTouchpoint', { name: name.trim() }))) setName('');
  };
  return (
    <section aria-labelledby="ladder-cells-h">
      <h3 id="ladder-cells-h">Touchpoints and cells</h3>
      <table className="data-table grid ladder-cells" aria-label="Touchpoints by level">
        <thead>
          <tr>
            <th scope="col">Touchpoint</th>
            {ladder.levels.map((l) => (
              <th key={l.id} scope="col">
                {l.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ladder.touchpoints.map((t, row) => (
            <tr key={t.id}>
              <th scope="row">
                <InlineText
                  label={`Name of the touchpoint ${t.name}`}
                  value={t.name}
                  onSave={(next) => edit('ladder.updateTouchpoint', { touchpointId: t.id, name: next })}
                />
                <span className="ladder-order">
                  <button
                    type="button"
                    disabled={row === 0}
                    onClick={() => void edit('ladder.moveTouchpoint', { touchpointId: t.id, position: row - 1 })}
                  >
                    Move {t.name} up
                  </button>
                  <button
                    type="button"
                    disabled={row === n - 1}
                    onClick={() => void edit('ladder.moveTouchpoint', { touchpointId: t.id, position: row + 1 })}
                  >
                    Move {t.name} down
                  </button>
                  <button type="button" onClick={() => void edit('ladder.removeTouchpoint', { touchpointId: t.id })}>
                    Remove {t.name}
                  </button>
                </span>
              </th>
              {ladder.levels.map((l, rank) => (
                <td key={l.id}>
                  <InlineText
                    multiline
                    label={`${t.name} at ${l.name}`}
                    value={t.cells[rank] ?? ''}
                    onSave={(text) => edit('ladder.setCell', { touchpointId: t.id, levelId: l.id, text })}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <form className="inline-form" noValidate onSubmit={(e) => (e.preventDefault(), void add())}>
        <Field id="ladder-new-touchpoint" label="New touchpoint">
          {(a11y) => <input {...a11y} value={name} placeholder="Operate" onChange={(e) => setName(e.target.value)} />}
        </Field>
        <button type="submit">Add touchpoint</button>
      </form>
    </section>
  );
}
