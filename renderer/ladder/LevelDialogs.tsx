import { useEffect, useState } from 'react';
import type { LevelUse } from '../../shared/contract/ladder.ts';
import { FIT_LABEL } from '../../shared/fit.ts';
import type { Ladder } from '../../shared/ladder.ts';
import { FIT_CHANGE_GROUPS, type FitChange, type FitChangeGroup, fitChangeGroup } from '../../shared/ladder-moves.ts';
import { api } from '../api.ts';
import { Confirm } from '../ui/Confirm.tsx';
import { Field } from '../ui/Field.tsx';

// The two level edits that can change fits ask first: a move shows which fits change, new
// overreaches first; a removal of a level people hold or work uses shows who and what, and where
// they go. The lists come from the main process (ladder.moveImpact, ladder.levelUse).

const GROUP_NAME: Record<FitChangeGroup, string> = {
  new_overreach: 'New overreaches',
  new_stretch: 'New stretches',
  better: 'Better fits',
};

/** The fits a change would change, in the main process's order, under a heading per kind of change. */
export function FitChanges({ changes }: { changes: readonly FitChange[] }) {
  if (changes.length === 0) return <p>No assignment’s fit changes.</p>;
  return (
    <>
      {FIT_CHANGE_GROUPS.map((g) => {
        const list = changes.filter((c) => fitChangeGroup(c) === g);
        if (list.length === 0) return null;
        return (
          <section key={g} aria-label={GROUP_NAME[g]}>
            <h4>
              {GROUP_NAME[g]} ({list.length})
            </h4>
            <ul className="fit-changes">
              {list.map((c) => (
                <li key={c.itemId}>
                  ‘{c.title}’ on {c.engineer}: {FIT_LABEL[c.before]} →{' '}
                  <span className={`fit-badge fit-${c.after}`}>{FIT_LABEL[c.after]}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

export type MoveAsk = { levelName: string; raise: boolean; past: string; changes: FitChange[] };

export function MoveLevelConfirm({ ask, onConfirm, onCancel }: { ask: MoveAsk; onConfirm: () => void; onCancel: () => void }) {
  const verb = ask.raise ? 'Raise' : 'Lower';
  return (
    <Confirm
      title={`${verb} ${ask.levelName} ${ask.raise ? 'above' : 'below'} ${ask.past}?`}
      confirmLabel={`${verb} ${ask.levelName}`}
      danger={ask.changes.some((c) => c.after === 'overreach')}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        Nobody’s level and no item’s rung changes, but the levels are now a different distance apart, so{' '}
        {ask.changes.length === 1 ? 'this fit changes' : `these ${ask.changes.length} fits change`}:
      </p>
      <FitChanges changes={ask.changes} />
    </Confirm>
  );
}

/** The level a removed level's people and work go to by default: the one below, or above for the lowest. */
export const neighbourOf = (ladder: Ladder, levelId: number): number => {
  const at = ladder.levels.findIndex((l) => l.id === levelId);
  return ladder.levels[at > 0 ? at - 1 : at + 1]!.id;
};

export function MergeLevelDialog({
  ladder,
  levelId,
  use,
  onConfirm,
  onCancel,
}: {
  ladder: Ladder;
  levelId: number;
  use: LevelUse;
  onConfirm: (intoLevelId: number) => void;
  onCancel: () => void;
}) {
  const [into, setInto] = useState(() => neighbourOf(ladder, levelId));
  // The fits for the level picked last; until they arrive for the one picked now, a line says so.
  const [fitsFor, setFitsFor] = useState<{ into: number; fits: FitChange[] | string } | null>(null);
  useEffect(() => {
    let live = true;
    void api['ladder.levelUse']({ levelId, intoLevelId: into }).then(
      (r) => live && setFitsFor({ into, fits: r.ok ? r.value.fits : `Which fits change could not be worked out: ${r.error.message}` }),
    );
    return () => {
      live = false;
    };
  }, [levelId, into]);
  const fits = fitsFor?.into === into ? fitsFor.fits : null;
  const target = ladder.levels.find((l) => l.id === into)?.name ?? '';
  return (
    <Confirm
      title={`Remove ${use.level}?`}
      confirmLabel={`Move them to ${target} and remove ${use.level}`}
      onConfirm={() => onConfirm(into)}
      onCancel={onCancel}
    >
      <p>Someone holds {use.level} or some work uses it. They move to the level you pick; you can undo all of it from History.</p>
      {use.engineers.length > 0 && (
        <>
          <h4>
            People at {use.level}, now or in their level history ({use.engineers.length})
          </h4>
          <p>{use.engineers.join(', ')}</p>
        </>
      )}
      {use.items.length > 0 && (
        <>
          <h4>
            Work at the {use.level} rung ({use.items.length})
          </h4>
          <ul className="level-use-items">
            {use.items.map((t, i) => (
              <li key={`${i}-${t}`}>{t}</li>
            ))}
          </ul>
        </>
      )}
      {use.defaults.length > 0 && (
        <p>It is the default rung of {use.defaults.map((k) => (k === 'story' ? 'stories' : 'initiatives')).join(' and ')}.</p>
      )}
      <Field id="ladder-merge-into" label="Move them to">
        {(a11y) => (
          <select {...a11y} value={into} onChange={(e) => setInto(Number(e.target.value))}>
            {ladder.levels
              .filter((l) => l.id !== levelId)
              .map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
          </select>
        )}
      </Field>
      {use.history > 0 && (
        <p>
          {use.history === 1 ? '1 level change' : `${use.history} level changes`} in people’s history will read {target} instead of{' '}
          {use.level}.
        </p>
      )}
      {fits === null ? (
        <p className="muted">Working out which fits change…</p>
      ) : typeof fits === 'string' ? (
        <p role="alert">{fits}</p>
      ) : (
        <FitChanges changes={fits} />
      )}
    </Confirm>
  );
}
