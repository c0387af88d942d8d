import { type ReactNode, useState } from 'react';
import type { LevelUse } from '../../shared/contract/ladder.ts';
import type { Ladder as LadderData } from '../../shared/ladder.ts';
import { api } from '../api.ts';
import { notices } from '../store/notice.ts';
import { Field } from '../ui/Field.tsx';
import { InlineText } from '../ui/InlineText.tsx';
import { MergeLevelDialog, type MoveAsk, MoveLevelConfirm } from './LevelDialogs.tsx';
import { useLadderEdit } from './useLadderEdit.ts';

// The ladder's levels: names, codes, the titles HR sheets use, their texts, and their order. A move
// that changes fits, or a removal of a level someone holds or work uses, asks first (LevelDialogs).

type Ask = { kind: 'move'; levelId: number; position: number; move: MoveAsk } | { kind: 'merge'; levelId: number; use: LevelUse };

/** Raise, lower and remove: straight through when nothing changes but the ladder, else the question first. */
function useLevelAsks(ladder: LadderData): {
  ask: ReactNode;
  move: (levelId: number, position: number) => Promise<void>;
  remove: (levelId: number) => Promise<void>;
} {
  const { edit } = useLadderEdit();
  const [asking, setAsking] = useState<Ask | null>(null);
  const close = () => setAsking(null);

  const move = async (levelId: number, position: number) => {
    const r = await api['ladder.moveImpact']({ levelId, position });
    if (!r.ok) return void notices.refused(r.error.message);
    if (r.value.length === 0) return void (await edit('ladder.moveLevel', { levelId, position }));
    const from = ladder.levels.findIndex((l) => l.id === levelId);
    setAsking({
      kind: 'move',
      levelId,
      position,
      move: { levelName: ladder.levels[from]!.name, raise: position > from, past: ladder.levels[position]!.name, changes: r.value },
    });
  };

  const remove = async (levelId: number) => {
    const r = await api['ladder.levelUse']({ levelId });
    if (!r.ok) return void notices.refused(r.error.message);
    const use = r.value;
    if (use.engineers.length + use.items.length + use.defaults.length === 0) return void (await edit('ladder.removeLevel', { levelId }));
    setAsking({ kind: 'merge', levelId, use });
  };

  const ask =
    asking?.kind === 'move' ? (
      <MoveLevelConfirm
        ask={asking.move}
        onCancel={close}
        onConfirm={() => {
          close();
          void edit('ladder.moveLevel', { levelId: asking.levelId, position: asking.position });
        }}
      />
    ) : asking?.kind === 'merge' ? (
      <MergeLevelDialog
        ladder={ladder}
        levelId={asking.levelId}
        use={asking.use}
        onCancel={close}
        onConfirm={(intoLevelId) => {
          close();
          void edit('ladder.mergeLevel', { levelId: asking.levelId, intoLevelId });
        }}
      />
    ) : null;
  return { ask, move, remove };
}

export function Levels({ ladder }: { ladder: LadderData }) {
  const { edit } = useLadderEdit();
  const { ask, move, remove } = useLevelAsks(ladder);
  const n = ladder.levels.length;
  return (
    <section aria-labelledby="ladder-levels-h">
      <h3 id="ladder-levels-h">Levels</h3>
      {ask}
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
                <button type="button" disabled={rank === n - 1} onClick={() => void move(l.id, rank + 1)}>
                  Raise {l.name}
                </button>
                <button type="button" disabled={rank === 0} onClick={() => void move(l.id, rank - 1)}>
                  Lower {l.name}
                </button>
                <button type="button" onClick={() => void remove(l.id)}>
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
