import { useRef, useState } from 'react';
import type { ImportKind, ImportPreview } from '../../shared/import.ts';
import { IMPORT_COLUMNS } from '../../shared/import.ts';
import type { Snapshot } from '../../shared/schemas.ts';
import { plural } from '../../shared/words.ts';
import { api } from '../api.ts';
import { notices } from '../store/notice.ts';
import { useMutation } from '../store/useMutation.ts';
import { Notices } from '../ui/Notices.tsx';
import { toBase64 } from '../../shared/decode.ts';
import { type PickedFile, filePicker, shownError } from '../files.ts';
import type { TrackerOptions } from '../../shared/tracker/preview.ts';
import { TrackerSource } from './TrackerSource.tsx';
import { PreviewWithErrors } from './PreviewWithErrors.tsx';

/** A file input is cleared after each pick (so the same file can be picked again after fixing it),
 * which makes the browser say "No file chosen"; this says which file was read, for eyes and ears. */
export function FileChosen({ name, id }: { name: string | null; id: string }) {
  return (
    <span id={id} className="file-chosen" role="status">
      {name === null ? '' : `Chosen file: ${name}`}
    </span>
  );
}

/** A disabled import button says what stands in the way, not what it would do if nothing did. */
const blockedLabel = (p: ImportPreview): string =>
  p.fileErrors.length > 0
    ? 'Fix the file to import'
    : p.summary.invalid > 0
      ? `Fix ${plural(p.summary.invalid, 'row')} to import`
      : 'Nothing to import';

const SHOWN_CLEAN_ROWS = 200;

/** One import (a roster or a backlog): pick a file, see the preview, fix what it reports, commit. */
export function CsvImport({ kind, snapshot }: { kind: ImportKind; snapshot: Snapshot }) {
  const { run } = useMutation();
  /** Each import section says what happened to its own file. */
  const where = `import-${kind}`;
  // The bytes as base64, as the preview read them: the commit sends the same.
  const [file, setFile] = useState<{ name: string; bytes: string } | null>(null);
  // For a workbook: the sheet the lead picked (the first sheet until then); the commit sends the same.
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  // What the lead changed in a tracker preview (mapping, rungs); the commit sends the same.
  const [tracker, setTracker] = useState<TrackerOptions>({});
  const input = useRef<HTMLInputElement>(null);
  const quarterId = kind === 'roster' ? null : snapshot.quarter.id;
  const { required, optional } = IMPORT_COLUMNS[kind];
  const title = kind === 'roster' ? 'Import a roster' : `Import a backlog into ${snapshot.quarter.name}`;

  const previewWith = async (bytes: string, options: TrackerOptions, name: string, sheetName?: string) => {
    const r = await api['import.previewCsv']({
      kind,
      quarterId,
      bytes,
      fileName: name,
      ...(sheetName === undefined ? {} : { sheet: sheetName }),
      ...(kind === 'backlog' ? { tracker: options } : {}),
    });
    if (r.ok) setPreview(r.value);
    else {
      setPreview(null);
      notices.refused(shownError(r.error), where);
    }
  };
  const check = async (picked: PickedFile) => {
    const bytes = toBase64(picked.bytes);
    setFile({ name: picked.name, bytes });
    notices.clear();
    // A new file starts from its preset or its remembered mapping, not the last file's edits.
    setTracker({});
    setSheet(undefined);
    await previewWith(bytes, {}, picked.name);
  };
  const remap = async (options: TrackerOptions) => {
    if (!file) return;
    setTracker(options);
    await previewWith(file.bytes, options, file.name, sheet);
  };
  const pickSheet = async (name: string) => {
    if (!file) return;
    setSheet(name);
    // Another sheet has other columns: it starts from its preset or remembered mapping too.
    setTracker({});
    await previewWith(file.bytes, {}, file.name, name);
  };
  const commit = async () => {
    if (!file) return;
    const r = await run(
      () =>
        api['import.commitCsv']({
          kind,
          quarterId,
          bytes: file.bytes,
          fileName: file.name,
          ...(sheet === undefined ? {} : { sheet }),
          fingerprint: preview?.fingerprint,
          ...(preview?.source ? { tracker: { ...tracker, mapping: preview.source.mapping } } : {}),
        }),
      { where, refusal: 'form', notice: ({ summary }) => `${summary}. Undo it from History.` },
    );
    if (!r.ok) return notices.refused(shownError(r.error), where);
    setPreview(null);
    setFile(null);
  };

  const rows = preview?.rows ?? [];
  const bad = rows.filter((r) => r.errors.length > 0);
  // In a long file, show what changes before what does not.
  const good = [
    ...rows.filter((r) => r.change === 'update'),
    ...rows.filter((r) => r.change === 'new'),
    ...rows.filter((r) => r.change === 'unchanged'),
  ];
  const shown = [...bad, ...good.slice(0, SHOWN_CLEAN_ROWS)].sort((a, b) => a.line - b.line);
  const noun = kind === 'roster' ? 'engineer' : 'item';
  const s = preview?.summary;
  const writes = s ? s.new + s.updated : 0;
  const commitLabel = !s
    ? ''
    : writes === 0
      ? 'Nothing to import'
      : s.updated === 0
        ? `Import ${plural(s.new, noun)}`
        : `Import: add ${s.new}, update ${s.updated}`;
  // Only a file that meets people already on the roster needs the breakdown.
  const counts =
    s && (kind === 'roster' || preview?.source) && s.updated + s.unchanged > 0
      ? ` ${[`${s.new} new`, `${s.updated} to update`, `${s.unchanged} unchanged`].join(', ')}.`
      : '';
  const fileId = `${kind}-file`;

  return (
    <section className="transfer-block" aria-labelledby={`import-${kind}-title`}>
      <h3 id={`import-${kind}-title`}>{title}</h3>
      <p className="hint">
        An Excel workbook (.xlsx; its first sheet, or the one you pick) or a CSV file (any common encoding; separated by commas, semicolons,
        tabs or pipes) with a header line naming the columns <code>{required.join(', ')}</code>
        {optional.length > 0 && (
          <>
            {' '}
            and optionally <code>{optional.join(', ')}</code>
          </>
        )}
        .{' '}
        {kind === 'roster'
          ? 'Levels may be spelled as in your HR sheet ("Sr", "Mid-level", "Senior Engineer").'
          : 'A story names its initiative in the parent column. A Jira, Linear or GitHub Projects export imports as it comes, and any other sheet through a column mapping: the preview shows how it was read, and a re-import updates what the last one added.'}{' '}
        {kind === 'roster' &&
          'Someone already on the roster is matched by name (ignoring capitals and spaces around it) and updated: the preview shows what changes. '}
        Nothing is written until you confirm a preview without errors.
      </p>
      <div className="file-pick">
        <label htmlFor={fileId}>{kind === 'roster' ? 'Roster CSV file' : 'Backlog CSV file'}</label>
        <input
          id={fileId}
          ref={input}
          type="file"
          accept=".csv,.tsv,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={`${fileId}-chosen`}
          {...filePicker(
            'csv',
            (f) => void check(f),
            (text) => {
              setPreview(null);
              notices.refused(text, where);
            },
          )}
        />
        <FileChosen id={`${fileId}-chosen`} name={file?.name ?? null} />
      </div>
      <Notices where={where} />
      {preview && file && (
        <div className="preview" aria-label={`Preview of ${file.name}`} role="region">
          {preview.fileErrors.length > 0 ? (
            <div role="alert" className="error-banner">
              <strong>{file.name} cannot be imported:</strong>
              <ul>
                {preview.fileErrors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p className={preview.clean ? 'preview-summary ok' : 'preview-summary bad'}>
              {preview.clean
                ? `${file.name}: ${preview.summary.rows === 1 ? 'its 1 row is' : `all ${preview.summary.rows} rows are`} ready.${counts}`
                : `${file.name}: ${preview.summary.invalid} of ${plural(preview.summary.rows, 'row')} ${preview.summary.invalid === 1 ? 'has' : 'have'} errors. Fix ${preview.summary.invalid === 1 ? 'it' : 'them'} in your spreadsheet, save it as CSV again and pick it here; nothing has been imported.`}
              {preview.summary.newTeams.length > 0 && ` New teams: ${preview.summary.newTeams.join(', ')}.`}
            </p>
          )}
          {preview.reading && (
            <p className="hint reading" data-id="reading">
              {preview.reading.said}
              {preview.reading.note && ` ${preview.reading.note}`}
            </p>
          )}
          {preview.reading?.sheets && preview.reading.sheets.length > 1 && (
            <div className="file-pick">
              <label htmlFor={`${fileId}-sheet`}>Sheet</label>
              <select id={`${fileId}-sheet`} value={preview.reading.sheet} onChange={(e) => void pickSheet(e.target.value)}>
                {preview.reading.sheets.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
          )}
          {preview.source && <TrackerSource source={preview.source} options={tracker} onChange={(o) => void remap(o)} />}
          {preview.notes.map((n) => (
            <p key={n} className="hint">
              {n}
            </p>
          ))}
          {preview.rows.length > 0 && (
            <PreviewWithErrors kind={kind} preview={preview} fileName={file.name} shown={shown} more={good.length - SHOWN_CLEAN_ROWS} />
          )}
          <div className="form-actions">
            <button type="button" className="primary" disabled={!preview.clean || writes === 0} onClick={() => void commit()}>
              {preview.clean ? commitLabel : blockedLabel(preview)}
            </button>
            <button
              type="button"
              onClick={() => {
                setPreview(null);
                setFile(null);
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
