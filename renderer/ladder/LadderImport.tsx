import { useState } from 'react';
import type { LadderImportPreview } from '../../shared/contract/ladder.ts';
import { decodeText } from '../../shared/decode.ts';
import { ladderCsv } from '../../shared/ladder-csv.ts';
import { ladderMarkdown } from '../../shared/ladder-markdown.ts';
import { api } from '../api.ts';
import { readPickedFile, saveTextFile, savedNotice } from '../files.ts';
import { notices } from '../store/notice.ts';
import { Field } from '../ui/Field.tsx';
import { useLadder } from './useLadder.ts';
import { useLadderEdit } from './useLadderEdit.ts';

// A ladder from a file, Markdown or CSV (docs/data.md, "Ladder files"): previewed, then imported as
// one change through the same channels whichever the format; and the ladder out in either, each
// reading back to the same ladder.

type Format = 'markdown' | 'csv';
const formatOf = (name: string): Format => (/\.(csv|tsv)$/i.test(name) ? 'csv' : 'markdown');

type LevelChange = LadderImportPreview['levels'][number];

/** What else changes on a level, as the preview names it. */
const FIELD_WORDS: Record<LevelChange['changed'][number], string> = {
  code: 'code',
  titles: 'titles',
  'what you can delegate': 'delegate text',
  'the next move': 'next-move text',
};

/** One line of the preview per level: what happens to it, and what else changes on it ("Keeps Junior; new code and titles"). */
function levelLine({ from, to, changed }: LevelChange): string {
  const what = from === null ? `Adds ${to}` : to === null ? `Removes ${from}` : from === to ? `Keeps ${to}` : `Renames ${from} to ${to}`;
  const words = changed.map((c) => FIELD_WORDS[c]);
  const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : words[0];
  return list ? `${what}; new ${list}` : what;
}

/** A file that is the ladder as it is: nothing to import. */
const changesNothing = (p: LadderImportPreview): boolean =>
  p.cellsChanged === 0 &&
  p.levels.every((l) => l.from === l.to && l.changed.length === 0) &&
  p.touchpoints.every((t) => t.change === 'kept');

export function LadderImport() {
  const { edit } = useLadderEdit();
  const ladder = useLadder();
  const [file, setFile] = useState<{ text: string; format: Format } | null>(null);
  const [preview, setPreview] = useState<LadderImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pick = async (picked: File | undefined) => {
    setPreview(null);
    setError(null);
    setFile(null);
    if (!picked) return;
    const read = await readPickedFile(picked);
    if (!read.ok) return setError(read.error.message);
    const decoded = decodeText(read.value.bytes);
    if (!decoded.ok) return setError(decoded.error);
    const next = { text: decoded.text, format: formatOf(picked.name) };
    const r = await api['ladder.previewImport'](next);
    if (!r.ok) return setError(r.error.message);
    setFile(next);
    setPreview(r.value);
  };
  const commit = async () => {
    if (file !== null && (await edit('ladder.import', file))) {
      setPreview(null);
      setFile(null);
    }
  };
  const exportAs = async (format: Format) => {
    const file =
      format === 'csv'
        ? { filename: 'ladder.csv', mediaType: 'text/csv', text: ladderCsv(ladder) }
        : { filename: 'ladder.md', mediaType: 'text/markdown', text: ladderMarkdown(ladder) };
    const r = await saveTextFile(file);
    if (!r.ok) return notices.refused(r.error.message);
    const said = savedNotice('the ladder', r.value);
    if (said) notices.said(said);
  };
  return (
    <section aria-labelledby="ladder-import-h">
      <h3 id="ladder-import-h">Import or export the ladder</h3>
      <p className="muted">
        A Markdown table shaped like the competency map (a header row of levels, lowest first, and a row per touchpoint; the delegate and
        next-move bullets, and a table of level codes and HR titles, are read when present), or a CSV with a <code># levels</code> section
        (code, name, aliases, delegate, next) and a <code># cells</code> section (level, touchpoint, text), as the export writes it. Its
        levels take the places of the ladder’s, in order.
      </p>
      <div className="inline-form">
        <Field id="ladder-import-file" label="Ladder file (Markdown or CSV)" error={error ?? undefined}>
          {(a11y) => (
            <input
              {...a11y}
              type="file"
              accept=".md,.markdown,.txt,.csv,text/markdown,text/csv"
              onChange={(e) => void pick(e.target.files?.[0])}
            />
          )}
        </Field>
        <button type="button" onClick={() => void exportAs('csv')}>
          Export the ladder as CSV
        </button>
        <button type="button" onClick={() => void exportAs('markdown')}>
          Export as Markdown
        </button>
      </div>
      {preview && (
        <div className="ladder-preview" role="region" aria-label="Ladder import preview">
          <ul>
            {preview.levels.map((l, r) => (
              <li key={r}>{levelLine(l)}</li>
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
          ) : changesNothing(preview) ? (
            <p role="status">Nothing to import: this file is the ladder as it is now.</p>
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
