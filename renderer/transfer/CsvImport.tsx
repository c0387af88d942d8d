import { useState } from 'react';
import type { ImportKind, ImportPreview } from '../../shared/import.ts';
import { IMPORT_COLUMNS } from '../../shared/import.ts';
import type { Snapshot } from '../../shared/schemas.ts';
import { api } from '../api.ts';
import { notices } from '../store/notice.ts';
import { useMutation } from '../store/useMutation.ts';
import { Notices } from '../ui/Notices.tsx';
import { toBase64 } from '../../shared/decode.ts';
import { type PickedFile, filePicker, shownError } from '../files.ts';
import type { TrackerOptions } from '../../shared/tracker/preview.ts';
import type { RosterOptions } from '../../shared/roster-source.ts';
import { type Corrections, NO_CORRECTIONS } from '../../shared/import-fixes.ts';
import { FileChosen } from './FileChosen.tsx';
import { ImportPreviewPanel } from './ImportPreview.tsx';

/** One spreadsheet import (a roster, or a backlog into the shown quarter): pick, preview, confirm. */
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
  // Likewise for an HR export: its mapping and a full-time engineer's points.
  const [roster, setRoster] = useState<RosterOptions>({});
  // Misspelt names the lead fixed and levels picked for unknown titles; the commit sends the same.
  const [corrections, setCorrections] = useState<Corrections>(NO_CORRECTIONS);
  const quarterId = kind === 'roster' ? null : snapshot.quarter.id;
  const { required, optional } = IMPORT_COLUMNS[kind];
  const title = kind === 'roster' ? 'Import a roster' : `Import a backlog into ${snapshot.quarter.name}`;

  type Options = { tracker?: TrackerOptions; roster?: RosterOptions; corrections?: Corrections };
  const previewWith = async (bytes: string, options: Options, name: string, sheetName?: string) => {
    const r = await api['import.previewCsv']({
      kind,
      quarterId,
      bytes,
      fileName: name,
      ...(sheetName === undefined ? {} : { sheet: sheetName }),
      ...(kind === 'backlog' ? { tracker: options.tracker ?? {} } : { roster: options.roster ?? {} }),
      corrections: options.corrections ?? NO_CORRECTIONS,
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
    setRoster({});
    setCorrections(NO_CORRECTIONS);
    setSheet(undefined);
    await previewWith(bytes, {}, picked.name);
  };
  const remap = async (options: Options) => {
    if (!file) return;
    if (options.tracker) setTracker(options.tracker);
    if (options.roster) setRoster(options.roster);
    if (options.corrections) setCorrections(options.corrections);
    // A changed mapping keeps the fixes made so far, and a fix keeps the mapping.
    await previewWith(file.bytes, { tracker, roster, corrections, ...options }, file.name, sheet);
  };
  const pickSheet = async (name: string) => {
    if (!file) return;
    setSheet(name);
    // Another sheet has other columns: it starts from its preset or remembered mapping too.
    setTracker({});
    setRoster({});
    setCorrections(NO_CORRECTIONS);
    await previewWith(file.bytes, {}, file.name, name);
  };
  const cancel = () => {
    setPreview(null);
    setFile(null);
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
          ...(preview?.roster ? { roster: { ...roster, mapping: preview.roster.mapping } } : {}),
          corrections,
        }),
      { where, refusal: 'form', notice: ({ summary }) => `${summary}. Undo it from History.` },
    );
    if (!r.ok) return notices.refused(shownError(r.error), where);
    cancel();
  };
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
          ? 'Levels may be spelled as in your HR sheet ("Sr", "Mid-level", "Senior Engineer"). An HR system\'s people export (Workday, BambooHR, HiBob) imports as it comes: its columns are matched by their names (Employee Name, Job Title, Department, FTE, Status), and the preview shows the mapping for you to change.'
          : 'A story names its initiative in the parent column. A Jira, Linear or GitHub Projects export imports as it comes, and any other sheet through a column mapping: the preview shows how it was read, and a re-import updates what the last one added.'}{' '}
        {kind === 'roster' &&
          'Someone already on the roster is matched by their employee id, if the file has one, then by name (ignoring capitals and spaces around it) and updated: the preview shows what changes. '}
        Nothing is written until you confirm a preview without errors.
      </p>
      <div className="file-pick">
        <label htmlFor={fileId}>{kind === 'roster' ? 'Roster CSV file' : 'Backlog CSV file'}</label>
        <input
          id={fileId}
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
        <ImportPreviewPanel
          kind={kind}
          fileName={file.name}
          fileId={fileId}
          preview={preview}
          tracker={tracker}
          roster={roster}
          corrections={corrections}
          levels={snapshot.ladder.levels.map((l) => l.name)}
          onRemap={(o) => void remap(o)}
          onPickSheet={(n) => void pickSheet(n)}
          onCommit={() => void commit()}
          onCancel={cancel}
        />
      )}
    </section>
  );
}
