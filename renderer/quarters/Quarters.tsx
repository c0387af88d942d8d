import { useState } from 'react';
import { Name } from '../../shared/schemas.ts';
import type { Snapshot } from '../../shared/schemas.ts';
import { api } from '../api.ts';
import { useMutation } from '../store/useMutation.ts';
import { Notices } from '../ui/Notices.tsx';
import { Field } from '../ui/Field.tsx';
import { ScreenHead } from '../ui/ScreenHead.tsx';
import './quarters.css';

type Props = { snapshot: Snapshot; onSwitch: (quarterId: number) => void };

/** Create, rename, switch and delete (empty) quarters; carry the unfinished plan into the next one. */
export function Quarters({ snapshot, onSwitch }: Props) {
  const { run } = useMutation();
  const [newName, setNewName] = useState('');
  const [rename, setRename] = useState(snapshot.quarter.name);
  const [errors, setErrors] = useState<{ create?: string; rename?: string }>({});
  // The lead picks the quarter to copy from (the one on screen to begin with) and the one to copy into.
  const [source, setSource] = useState(snapshot.quarter.id);
  const others = snapshot.quarters.filter((q) => q.id !== source);
  const [picked, setTarget] = useState<number | ''>(others.at(-1)?.id ?? '');
  // A target that became the source (or went away) falls back to the latest other quarter.
  const target = picked !== '' && others.some((q) => q.id === picked) ? picked : (others.at(-1)?.id ?? '');
  const sourceName = snapshot.quarters.find((q) => q.id === source)?.name ?? snapshot.quarter.name;

  const create = async () => {
    const p = Name.safeParse(newName);
    if (!p.success) return setErrors({ create: p.error.issues[0]?.message });
    const r = await run(() => api['quarters.create']({ name: p.data }), {
      refusal: 'form',
      notice: ({ summary }) => `${summary}. It is now the quarter on screen.`,
    });
    if (!r.ok) return setErrors({ create: r.error.message });
    setErrors({});
    setNewName('');
    onSwitch(r.value.quarterId);
  };
  const doRename = async () => {
    const p = Name.safeParse(rename);
    if (!p.success) return setErrors({ rename: p.error.issues[0]?.message });
    const r = await run(() => api['quarters.rename']({ quarterId: snapshot.quarter.id, name: p.data }), { refusal: 'form' });
    if (!r.ok) return setErrors({ rename: r.error.message });
    setErrors({});
  };
  /** Only an empty quarter goes; the refusal says what holds it. Deleting the one on screen shows the latest. */
  const remove = (quarterId: number) =>
    void run(() => api['quarters.delete']({ quarterId }), { notice: ({ summary }) => `${summary}. Undo brings it back.` });
  const copy = async () => {
    if (target === '') return;
    await run(() => api['quarters.copyUnfinished']({ fromQuarterId: source, toQuarterId: target }));
  };

  return (
    <section className="quarters" aria-labelledby="quarters-title">
      <ScreenHead id="quarters-title" title="Quarters" />
      <Notices />
      <ul className="quarter-list" aria-label="All quarters">
        {snapshot.quarters.map((q) => (
          <li key={q.id}>
            {q.id === snapshot.quarter.id ? (
              <strong aria-current="true">{q.name} (on screen)</strong>
            ) : (
              <button type="button" onClick={() => onSwitch(q.id)}>
                Switch to {q.name}
              </button>
            )}{' '}
            <button type="button" className="danger" onClick={() => remove(q.id)} aria-label={`Delete the quarter ${q.name}`}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" noValidate onSubmit={(e) => (e.preventDefault(), void doRename())}>
        <Field id="quarter-rename" label={`Rename ${snapshot.quarter.name}`} error={errors.rename}>
          {(a11y) => <input {...a11y} value={rename} onChange={(e) => setRename(e.target.value)} />}
        </Field>
        <button type="submit">Rename</button>
      </form>
      <form className="inline-form" noValidate onSubmit={(e) => (e.preventDefault(), void create())}>
        <Field id="quarter-new" label="New quarter" error={errors.create}>
          {(a11y) => <input {...a11y} value={newName} placeholder="2027 Q1" onChange={(e) => setNewName(e.target.value)} />}
        </Field>
        <button type="submit">Create quarter</button>
      </form>
      <form className="inline-form" onSubmit={(e) => (e.preventDefault(), void copy())}>
        <Field id="quarter-copy-from" label="Copy what is not done in">
          {(a11y) => (
            <select {...a11y} value={source} onChange={(e) => setSource(Number(e.target.value))}>
              {snapshot.quarters.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.name}
                  {q.id === snapshot.quarter.id ? ' (on screen)' : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="quarter-copy" label="into">
          {(a11y) => (
            <select {...a11y} value={target} onChange={(e) => setTarget(e.target.value === '' ? '' : Number(e.target.value))}>
              {others.length === 0 && <option value="">Create another quarter first</option>}
              {others.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" disabled={target === ''}>
          Copy unfinished plan of {sourceName}
        </button>
        <p className="muted">
          DRIs, owners and reviewers come along while they are active. Each copy says which quarter it came from; an overreach kept there
          with a note arrives as an open warning, showing that note.
        </p>
      </form>
    </section>
  );
}
