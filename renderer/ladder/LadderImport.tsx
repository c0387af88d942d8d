import { useState } from 'react';
import type { LadderImportPreview } from '../../shared/contract/ladder.ts';
import { api } from '../api.ts';
import { Field } from '../ui/Field.tsx';
import { useLadderEdit } from './useLadderEdit.ts';

/** A ladder from a Markdown file shaped like the competency map: previewed, then imported as one change. */
export function LadderImport() {
  const { edit } = useLadderEdit();
  const [text, setText] = useState<string | null>(null);
  const [preview, setPreview] = useState<LadderImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pick = async (file: File | undefined) => {
    setPreview(null);
    setError(null);
    if (!file) return;
    const content = await file.text();
    const r = await api['ladder.previewImport']({ text: content, format: 'markdown' });
    setText(content);
    if (r.ok) setPreview(r.value);
    else setError(r.error.message);
  };
  const commit = async () => {
    if (text !== null && (await edit('ladder.import', { text, format: 'markdown' }))) {
      setPreview(null);
      setText(null);
    }
  };
  return (
    <section aria-labelledby="ladder-import-h">
      <h3 id="ladder-import-h">Import a ladder</h3>
      <p className="muted">
        A Markdown table shaped like the competency map: a header row of levels, lowest first, and a row per touchpoint; the delegate and
        next-move bullets are read when present. Its levels take the places of the ladder’s, in order.
      </p>
      <Field id="ladder-import-file" label="Markdown file" error={error ?? undefined}>
        {(a11y) => (
          <input {...a11y} type="file" accept=".md,.markdown,.txt,text/markdown" onChange={(e) => void pick(e.target.files?.[0])} />
        )}
      </Field>
      {preview && (
        <div className="ladder-preview" role="region" aria-label="Ladder import preview">
          <ul>
            {preview.levels.map((l, r) => (
              <li key={r}>
                {l.from === null
                  ? `Adds ${l.to}`
                  : l.to === null
                    ? `Removes ${l.from}`
                    : l.from === l.to
                      ? `Keeps ${l.to}`
                      : `Renames ${l.from} to ${l.to}`}
              </li>
            ))}
            {preview.touchpoints
              .filter((t) => t.change !== 'kept')
              .map((t) => (
                <li key={t.name}>{`${t.change === 'new' ? 'Adds' : 'Removes'} the touchpoint ${t.name}`}</li>
              ))}
            <li>{`${preview.cellsChanged} cells change`}</li>
          </ul>
          {preview.problems.length > 0 ? (
            <p role="alert">{`Cannot import yet: ${preview.problems.join('; ')}.`}</p>
          ) : (
            <button type="button" onClick={() => void commit()}>
              Import this ladder
            </button>
          )}
        </div>
      )}
    </section>
  );
}
