import { matchKey } from './names.ts';
import type { Engineer, Team } from './schemas.ts';

// Two people may share a name (a roster import keeps them apart by their employee ids). Wherever a
// name tells the lead who is meant, namesakes get a label that tells them apart: the name and the
// employee id; without an id, the name and the team; and when even that is shared, a number too.

export type Labelled = Pick<Engineer, 'id' | 'name' | 'teamId' | 'employeeId'>;

/** How a screen or a sentence names an engineer: their name, or a namesake's label. */
export type NameOf = (engineer: Pick<Engineer, 'id' | 'name'>) => string;

/** Everyone by their own name: where no roster's labels are at hand. */
export const plainName: NameOf = (e) => e.name;

/**
 * Each engineer's label, by id: the plain name when no one else on the roster has it (case and
 * surrounding spaces aside, as the import matches names), else "Name (employee id)", else
 * "Name (Team)", else "Name (Team, 2)". No two labels are the same.
 */
export function engineerLabels(engineers: readonly Labelled[], teams: readonly Pick<Team, 'id' | 'name'>[]): Map<number, string> {
  const labels = new Map<number, string>();
  const taken = new Set<string>();
  const give = (id: number, label: string) => {
    labels.set(id, label);
    taken.add(matchKey(label));
  };
  const groups = [...Map.groupBy(engineers, (e) => matchKey(e.name)).values()];
  for (const [only, ...others] of groups) if (others.length === 0) give(only!.id, only!.name);

  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const qualifier = (e: Labelled) => e.employeeId?.trim() || teamName.get(e.teamId) || '';
  for (const group of groups.filter((g) => g.length > 1)) {
    // Numbered in the order they were added, so a label stays put as others come and go.
    const byId = group.toSorted((a, b) => a.id - b.id);
    const alike = Map.groupBy(byId, (e) => matchKey(qualifier(e)));
    const plain = (e: Labelled) => `${e.name.trim()} (${qualifier(e)})`;
    const unique = (e: Labelled) =>
      qualifier(e) !== '' && alike.get(matchKey(qualifier(e)))!.length === 1 && !taken.has(matchKey(plain(e)));
    for (const e of byId.filter(unique)) give(e.id, plain(e));
    for (const e of byId.filter((e) => !labels.has(e.id))) {
      const before = qualifier(e) === '' ? '' : `${qualifier(e)}, `;
      let n = 1;
      while (taken.has(matchKey(`${e.name.trim()} (${before}${n})`))) n++;
      give(e.id, `${e.name.trim()} (${before}${n})`);
    }
  }
  return labels;
}
