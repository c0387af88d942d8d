import type { Snapshot } from '../../shared/schemas.ts';
import { api } from '../api.ts';
import type { Go } from '../navigation.ts';
import { useMutation } from '../store/useMutation.ts';
import { Notices } from '../ui/Notices.tsx';
import { ScreenHead } from '../ui/ScreenHead.tsx';
import './first-run.css';

/** No engineer on the roster: the board has nothing to show but its empty lanes. */
export const isEmptyRoster = (snapshot: Snapshot): boolean => snapshot.engineers.length === 0;

/**
 * What an empty roster opens on, in place of an empty board: the three ways to a team on the
 * board. The demo team arrives as one change, so undo leaves the roster empty again.
 */
export function FirstRunGuide({ snapshot, go }: { snapshot: Snapshot; go: Go }) {
  const { run, pending } = useMutation();
  const openDemo = () =>
    void run(() => api['roster.openDemo']({ quarterId: snapshot.quarter.id }), {
      notice: ({ summary }) => `${summary}. Undo takes it back.`,
    });
  const items = snapshot.items.length;
  return (
    <section className="first-run" aria-labelledby="first-run-title" data-id="first-run">
      <ScreenHead id="first-run-title" title="Start with your team" />
      <Notices />
      <p>
        The board shows each engineer's lane and the fit of every piece of work on it. Your roster is empty
        {items > 0 ? `, though ${snapshot.quarter.name} already holds ${items === 1 ? 'one work item' : `${items} work items`}` : ''}: bring
        your team in one of three ways.
      </p>
      <ol className="first-run-ways">
        <li>
          <h3>Import an HR sheet</h3>
          <p>A CSV or Excel export with names, levels and teams. You map its columns and see a preview before anything is saved.</p>
          <button type="button" className="primary" onClick={() => go({ screen: 'Import/Export' })}>
            Import a roster
          </button>
        </li>
        <li>
          <h3>Add engineers by hand</h3>
          <p>Name a team, then add its people with their level; "Add and add another" keeps the form open for the next one.</p>
          <button type="button" onClick={() => go({ screen: 'Roster', focus: '#new-team' })}>
            Add engineers
          </button>
        </li>
        <li>
          <h3>Open the demo team</h3>
          <p>Two teams and a plan that shows in-reach work, a stretch, an overreach and a backlog. Undo takes it back.</p>
          <button type="button" onClick={openDemo} disabled={pending}>
            Open the demo team
          </button>
        </li>
      </ol>
    </section>
  );
}
