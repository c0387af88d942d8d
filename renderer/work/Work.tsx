import { useState } from 'react';
import type { WorkImpact } from '../../shared/contract/work.ts';
import type { Snapshot, WorkItem } from '../../shared/schemas.ts';
import { api } from '../api.ts';
import { notices } from '../store/notice.ts';
import { useMutation } from '../store/useMutation.ts';
import { Notices } from '../ui/Notices.tsx';
import { Confirm } from '../ui/Confirm.tsx';
import { ScreenHead } from '../ui/ScreenHead.tsx';
import { type Editing, WorkForm } from './WorkForm.tsx';
import { WorkDeleteImpact, WorkRow } from './WorkRow.tsx';
import './work.css';
import { useNameOf } from '../store/engineerNames.ts';

type Props = { snapshot: Snapshot };

/** Initiatives and stories of the quarter on screen, with their editors. */
export function Work({ snapshot }: Props) {
  const { run } = useMutation();
  const nameOf = useNameOf();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<(WorkImpact & { id: number }) | null>(null);
  const initiatives = snapshot.items.filter((i) => i.kind === 'initiative');
  const loose = snapshot.items.filter((i) => i.kind === 'story' && (i.parentId === null || !initiatives.some((p) => p.id === i.parentId)));
  const owner = (i: WorkItem) => {
    const e = snapshot.engineers.find((e) => e.id === i.assignment?.engineerId);
    return e && nameOf(e);
  };

  const askDelete = async (i: WorkItem) => {
    const r = await api['work.deleteImpact']({ itemId: i.id });
    if (r.ok) setDeleting({ ...r.value, id: i.id });
    else notices.refused(r.error.message);
  };

  const close = () => setEditing(null);
  const form = (e: Editing) => (
    <WorkForm key={'item' in e ? e.item.id : `${e.kind}-${e.parentId}`} snapshot={snapshot} editing={e} onCancel={close} onSaved={close} />
  );
  /** The form that edits this item, or adds a story to it, opens under its row. */
  const formAt = (i: WorkItem) =>
    editing && ('item' in editing ? editing.item.id === i.id : editing.parentId === i.id && i.kind === 'initiative') ? form(editing) : null;
  /** A new initiative, or a story not started from an initiative's row, opens at the top. */
  const formOnTop = editing && !('item' in editing) && editing.parentId === null;

  const row = (i: WorkItem) => (
    <>
      <WorkRow
        item={i}
        owner={owner(i)}
        team={i.teamId !== null ? (snapshot.teams.find((t) => t.id === i.teamId)?.name ?? '') : null}
        onEdit={() => setEditing({ item: i })}
        onAddStory={() => setEditing({ kind: 'story', parentId: i.id })}
        onDelete={() => void askDelete(i)}
      />
      {formAt(i)}
    </>
  );

  return (
    <section className="work" aria-labelledby="work-title">
      <ScreenHead id="work-title" title={`Work of ${snapshot.quarter.name}`}>
        <button type="button" onClick={() => setEditing({ kind: 'initiative', parentId: null })}>
          Add initiative
        </button>
        <button type="button" onClick={() => setEditing({ kind: 'story', parentId: null })}>
          Add story
        </button>
      </ScreenHead>
      <Notices />
      {formOnTop && form(editing)}
      {deleting && (
        <Confirm
          title={`Delete '${deleting.title}'?`}
          confirmLabel="Delete"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            void (async () => {
              const itemId = deleting.id;
              setDeleting(null);
              await run(() => api['work.delete']({ itemId }), { notice: ({ summary }) => `${summary}. Undo it from History.` });
            })();
          }}
        >
          <WorkDeleteImpact impact={deleting} />
          <p>You can undo it from History.</p>
        </Confirm>
      )}
      {snapshot.items.length === 0 && (
        <p className="hint">No work in {snapshot.quarter.name} yet. Add an initiative, or import a backlog CSV (Import/Export).</p>
      )}
      <ul className="work-list" aria-label="Initiatives">
        {initiatives.map((i) => (
          <li key={i.id}>
            {row(i)}
            <ul className="work-stories" aria-label={`Stories of '${i.title}'`}>
              {snapshot.items
                .filter((s) => s.parentId === i.id)
                .map((s) => (
                  <li key={s.id}>{row(s)}</li>
                ))}
            </ul>
          </li>
        ))}
      </ul>
      {loose.length > 0 && (
        <>
          <h3>Stories without an initiative</h3>
          <ul className="work-stories" aria-label="Stories without an initiative">
            {loose.map((s) => (
              <li key={s.id}>{row(s)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
