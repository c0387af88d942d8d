import { useState } from 'react';
import { type Ladder as LadderData, WORK_KINDS, type WorkKind, levelName } from '../../shared/ladder.ts';
import { Field } from '../ui/Field.tsx';
import { Notices } from '../ui/Notices.tsx';
import { ScreenHead } from '../ui/ScreenHead.tsx';
import { InlineText } from './InlineText.tsx';
import { LadderCells } from './LadderCells.tsx';
import { LadderImport } from './LadderImport.tsx';
import { useLadder } from './useLadder.ts';
import { useLadderEdit } from './useLadderEdit.ts';
import './ladder.css';

// The roster's ladder, editable: its levels (names, codes, the titles HR sheets use for them),
// its touchpoints and cells, and the rungs each kind of work takes. Every edit is one change in
// History; a refusal (a level someone holds, a name used twice) is the notice.

export function Ladder() {
  const ladder = useLadder();
  return (
    <section className="ladder-screen" aria-labelledby="ladder-title">
      <ScreenHead id="ladder-title" title="Ladder" />
      <Notices />
      <p className="muted">
        Levels run from the lowest up. Renaming, adding or moving a level never changes anyone’s level or an item’s rung; a level someone
        holds or some work uses cannot be removed. Raising a level past another changes how far apart they are, so fits change.
      </p>
      <Levels ladder={ladder} />
      <LadderCells ladder={ladder} />
      <Kinds ladder={ladder} />
      <LadderImport />
    </section>
  );
}

function Levels({ ladder }: { ladder: LadderData }) {
  const { edit } = useLadderEdit();
  const n = ladder.levels.length;
  return (
    <section aria-labelledby="ladder-levels-h">
      <h3 id="ladder-levels-h">Levels</h3>
      <table className="data-table ladder-levels" aria-label="Levels">
        <thead>
          <tr>
            <th scope="col">Level</th>
            <th scope="col">Code</th>
            <th scope="col">Titles HR sheets use (comma between)</th>
            <th scope="col">What you can delegate</th>
            <th scope="col">The next move</th>
            <th scope="col">Order</th>
          </tr>
        </thead>
        <tbody>
          {ladder.levels.map((l, rank) => (
            <tr key={l.id} data-id={`ladder-level-${l.id}`}>
              <th scope="row">
                <InlineText
                  label={`Name of ${l.name}`}
                  value={l.name}
                  onSave={(name) => edit('ladder.updateLevel', { levelId: l.id, name })}
                />
              </th>
              <td>
                <InlineText
                  label={`Code of ${l.name}`}
                  value={l.code}
                  onSave={(code) => edit('ladder.updateLevel', { levelId: l.id, code })}
                />
              </td>
              <td>
                <InlineText
                  label={`Titles for ${l.name}`}
                  value={l.aliases.join(', ')}
                  onSave={(text) => edit('ladder.updateLevel', { levelId: l.id, aliases: splitAliases(text) })}
                />
              </td>
              <td>
                <InlineText
                  multiline
                  label={`What you can delegate to ${l.name}`}
                  value={l.delegate}
                  onSave={(delegate) => edit('ladder.updateLevel', { levelId: l.id, delegate })}
                />
              </td>
              <td>
                <InlineText
                  multiline
                  label={`The move from ${l.name}`}
                  value={l.nextMove}
                  onSave={(nextMove) => edit('ladder.updateLevel', { levelId: l.id, nextMove })}
                />
              </td>
              <td className="ladder-order">
                <button
                  type="button"
                  disabled={rank === n - 1}
                  onClick={() => void edit('ladder.moveLevel', { levelId: l.id, position: rank + 1 })}
                >
                  Raise {l.name}
                </button>
                <button
                  type="button"
                  disabled={rank === 0}
                  onClick={() => void edit('ladder.moveLevel', { levelId: l.id, position: rank - 1 })}
                >
                  Lower {l.name}
                </button>
                <button type="button" onClick={() => void edit('ladder.removeLevel', { levelId: l.id })}>
                  Remove {l.name}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AddLevel ladder={ladder} />
    </section>
  );
}

const splitAliases = (text: string) =>
  text
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');

function AddLevel({ ladder }: { ladder: LadderData }) {
  const { edit } = useLadderEdit();
  const [name, setName] = useState('');
  // Below a level (its position), or at the top whatever the ladder's length.
  const [position, setPosition] = useState<number | 'top'>('top');
  const at = position === 'top' ? ladder.levels.length : Math.min(position, ladder.levels.length);
  const add = async () => {
    if (name.trim() === '') return;
    if (await edit('ladder.addLevel', { name: name.trim(), position: at })) setName('');
  };
  return (
    <form className="inline-form" noValidate onSubmit={(e) => (e.preventDefault(), void add())}>
      <Field id="ladder-new-level" label="New level">
        {(a11y) => <input {...a11y} value={name} placeholder="Staff" onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field id="ladder-new-level-where" label="Where">
        {(a11y) => (
          <select {...a11y} value={position} onChange={(e) => setPosition(e.target.value === 'top' ? 'top' : Number(e.target.value))}>
            <option value="top">At the top</option>
            {ladder.levels.map((l, rank) => (
              <option key={l.id} value={rank}>
                Below {l.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit">Add level</button>
    </form>
  );
}

const KIND_NAME: Record<WorkKind, string> = { initiative: 'Initiatives', story: 'Stories' };

function Kinds({ ladder }: { ladder: LadderData }) {
  return (
    <section aria-labelledby="ladder-kinds-h">
      <h3 id="ladder-kinds-h">Rungs per kind of work</h3>
      <div className="ladder-kinds">
        {WORK_KINDS.map((kind) => (
          <KindRungs key={`${kind}-${JSON.stringify(ladder.kinds[kind])}-${ladder.levels.length}`} ladder={ladder} kind={kind} />
        ))}
      </div>
    </section>
  );
}

function KindRungs({ ladder, kind }: { ladder: LadderData; kind: WorkKind }) {
  const { edit } = useLadderEdit();
  const [allowed, setAllowed] = useState(ladder.kinds[kind].allowed);
  const [defaultRung, setDefault] = useState(ladder.kinds[kind].defaultRung);
  const toggle = (rank: number, on: boolean) =>
    setAllowed(on ? [...allowed, rank].toSorted((a, b) => a - b) : allowed.filter((r) => r !== rank));
  return (
    <form className="ladder-kind" onSubmit={(e) => (e.preventDefault(), void edit('ladder.setKind', { kind, defaultRung, allowed }))}>
      <fieldset>
        <legend>{KIND_NAME[kind]} may take</legend>
        {ladder.levels.map((l, rank) => (
          <label key={l.id}>
            <input type="checkbox" checked={allowed.includes(rank)} onChange={(e) => toggle(rank, e.target.checked)} /> {l.name}
          </label>
        ))}
      </fieldset>
      <Field id={`ladder-default-${kind}`} label={`${KIND_NAME[kind]} start at`}>
        {(a11y) => (
          <select {...a11y} value={defaultRung} onChange={(e) => setDefault(Number(e.target.value))}>
            {allowed.map((r) => (
              <option key={r} value={r}>
                {levelName(ladder, r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit">Save rungs of {KIND_NAME[kind].toLowerCase()}</button>
    </form>
  );
}
