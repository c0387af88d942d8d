import { Fragment, type ReactNode } from 'react';
import { type Rank, levelName, nextRank } from '../../shared/ladder.ts';
import type { Engineer, LevelChange, Team } from '../../shared/schemas.ts';
import { plural } from '../../shared/words.ts';
import { useLadder } from '../ladder/useLadder.ts';
import { ColumnHeads } from '../ui/ColumnHeads.tsx';
import { useNameOf } from '../store/engineerNames.ts';

type Person = (e: Engineer) => void;

/** One team's engineers, a row each with its actions; the open promotion history shows under its row. */
export function TeamTable({
  team,
  members,
  history,
  onEdit,
  onPromote,
  onHistory,
  onDeactivate,
  onReactivate,
  onDelete,
  editor,
  title,
  showTeam,
}: {
  team: Team;
  members: readonly Engineer[];
  history: { engineer: Engineer; changes: LevelChange[] } | null;
  onEdit: Person;
  onPromote: (e: Engineer, to: Rank) => void;
  onHistory: Person;
  onDeactivate: Person;
  onReactivate: Person;
  onDelete: Person;
  /** The edit form of one member, shown in a row under theirs. */
  editor: { engineerId: number; form: ReactNode } | null;
  /** The table's own name, when it is not one team's (the inactive engineers). */
  title?: string;
  /** Each member's team, beside their name, when the table mixes teams. */
  showTeam?: (e: Engineer) => string;
}) {
  const ladder = useLadder();
  const nameOf = useNameOf();
  return (
    <table className="data-table" aria-label={title ?? `Roster of ${team.name}`}>
      <caption>
        {/* Isolated: a right-to-left name ("צוות") would otherwise take the count to its side. */}
        <bdi>{title ?? team.name}</bdi> <span className="muted">({members.length})</span>
      </caption>
      <ColumnHeads columns={['Name', 'Level', 'Capacity', 'Active', { label: 'Actions', hidden: true }]} />
      <tbody>
        {members.map((e) => {
          const next = nextRank(ladder, e.level);
          const name = nameOf(e);
          return (
            <Fragment key={e.id}>
              <tr data-id={`engineer-${e.id}`}>
                <th scope="row">
                  {name}
                  {showTeam && <span className="muted"> ({showTeam(e)})</span>}
                </th>
                <td>
                  <span className={`level level-${e.level}`}>{levelName(ladder, e.level)}</span>
                </td>
                <td>{e.capacity === null ? '—' : plural(e.capacity, 'pt')}</td>
                <td>{e.active ? 'Yes' : 'No'}</td>
                <td>
                  <div className="row-actions">
                    <button type="button" onClick={() => onEdit(e)} aria-label={`Edit ${name}`}>
                      Edit
                    </button>
                    {next !== null && (
                      <button type="button" onClick={() => onPromote(e, next)} aria-label={`Promote ${name} to ${levelName(ladder, next)}`}>
                        Promote to {levelName(ladder, next)}
                      </button>
                    )}
                    <button
                      type="button"
                      aria-expanded={history?.engineer.id === e.id}
                      onClick={() => onHistory(e)}
                      aria-label={`Promotion history of ${name}`}
                    >
                      History
                    </button>
                    {e.active ? (
                      <button type="button" onClick={() => onDeactivate(e)} aria-label={`Deactivate ${name}`}>
                        Deactivate
                      </button>
                    ) : (
                      <button type="button" onClick={() => onReactivate(e)} aria-label={`Reactivate ${name}`}>
                        Reactivate
                      </button>
                    )}
                    <button type="button" className="danger" onClick={() => onDelete(e)} aria-label={`Delete ${name}`}>
                      Delete
                    </button>
                    {history?.engineer.id === e.id && (
                      <ol className="level-history" aria-label={`Levels of ${name}`}>
                        {history.changes.map((c) => (
                          <li key={c.id}>
                            <time dateTime={c.changedOn}>{c.changedOn}</time>:{' '}
                            {c.fromLevel === null
                              ? `joined as ${levelName(ladder, c.toLevel)}`
                              : `${levelName(ladder, c.fromLevel)} → ${levelName(ladder, c.toLevel)}`}
                          </li>
                        ))}
                      </ol>
                    )}
                  </div>
                </td>
              </tr>
              {editor?.engineerId === e.id && (
                <tr className="editor-row">
                  <td colSpan={5}>{editor.form}</td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
