import { useState } from 'react';
import { type Ladder as LadderData, WORK_KINDS, type WorkKind, levelName } from '../../shared/ladder.ts';
import { Field } from '../ui/Field.tsx';
import { Notices } from '../ui/Notices.tsx';
import { ScreenHead } from '../ui/ScreenHead.tsx';
import { Levels } from './LadderLevels.tsx';
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
        Levels run from the lowest up. Renaming, adding or moving a level never changes anyone’s level or an item’s rung. Moving one changes
        how far apart levels are, so fits can change: you see which before it applies. Removing a level someone holds or some work uses asks
        where they go.
      </p>
      <Levels ladder={ladder} />
      <LadderCells ladder={ladder} />
      <Kinds ladder={ladder} />
      <LadderImport />
    </section>
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
