import { createContext, useContext } from 'react';
import { type NameOf, engineerLabels, plainName } from '../../shared/namesakes.ts';
import type { Snapshot } from '../../shared/schemas.ts';

// How every screen names an engineer: the plain name, or for namesakes the label that tells them
// apart (shared/namesakes.ts). Worked out once per roster, not per card: the snapshot keeps its
// engineers and teams arrays while no row of them changes (applyChanges, shareSnapshot), and the
// function handed out stays the same while no label changes, so memoized lanes and cards that read
// it skip rendering after a move, a promotion or an edit that leaves every label as it was.

export type { NameOf };

let last: { engineers: Snapshot['engineers']; teams: Snapshot['teams']; labels: Map<number, string>; nameOf: NameOf } | null = null;

const sameLabels = (a: ReadonlyMap<number, string>, b: ReadonlyMap<number, string>) =>
  a.size === b.size && [...a].every(([id, label]) => b.get(id) === label);

/** The roster's names, by id; anyone not on it (yet) by their own name. */
export function namesOf(snapshot: Pick<Snapshot, 'engineers' | 'teams'> | null): NameOf {
  if (!snapshot) return plainName;
  const { engineers, teams } = snapshot;
  if (last?.engineers === engineers && last.teams === teams) return last.nameOf;
  const labels = engineerLabels(engineers, teams);
  const nameOf: NameOf = last && sameLabels(last.labels, labels) ? last.nameOf : (e) => labels.get(e.id) ?? e.name;
  last = { engineers, teams, labels: nameOf === last?.nameOf ? last.labels : labels, nameOf };
  return nameOf;
}

/** The app provides the plan store's (namesOf of its snapshot). */
export const EngineerNamesContext = createContext<NameOf>(plainName);

export const useNameOf = (): NameOf => useContext(EngineerNamesContext);
