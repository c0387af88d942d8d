import type { ImportKind, ImportPreview } from '../../shared/import.ts';
import { plural } from '../../shared/words.ts';
import type { TrackerOptions } from '../../shared/tracker/preview.ts';
import { PreviewWithErrors } from './PreviewWithErrors.tsx';
import { TrackerSource } from './TrackerSource.tsx';
import { RosterSource } from './RosterSource.tsx';
import type { RosterOptions } from '../../shared/roster-source.ts';
import type { Corrections } from '../../shared/import-fixes.ts';
import { ImportFixes } from './ImportFixes.tsx';

const SHOWN_CLEAN_ROWS = 200;

/** A disabled import button says what stands in the way, not what it would do if nothing did. */
const blockedLabel = (p: ImportPreview): string =>
  p.fileErrors.length > 0
    ? p.source || p.roster
      ? 'Fix the mapping or the file to import'
      : 'Fix the file to import'
    : p.summary.invalid > 0
      ? `Fix ${plural(p.summary.invalid, 'row')} to import`
      : 'Nothing to import';

type Props = {
  kind: ImportKind;
  fileName: string;
  fileId: string;
  preview: ImportPreview;
  tracker: TrackerOptions;
  roster: RosterOptions;
  corrections: Corrections;
  levels: readonly string[];
  onRemap: (options: { tracker?: TrackerOptions; roster?: RosterOptions; corrections?: Corrections }) => void;
  onPickSheet: (name: string) => void;
  onCommit: () => void;
  onCancel: () => void;
};

/** What a picked file would do, row by row, and the one button that does it. */
export function ImportPreviewPanel(props: Props) {
  const { kind, fileName, fileId, preview, tracker, roster, onRemap, onPickSheet, onCommit, onCancel } = props;
  const rows = preview.rows;
  const bad = rows.filter((r) => r.errors.length > 0);
  // In a long file, show what changes before what does not.
  const good = [
    ...rows.filter((r) => r.change === 'update'),
    ...rows.filter((r) => r.change === 'new'),
    ...rows.filter((r) => r.change === 'unchanged'),
  ];
  const shown = [...bad, ...good.slice(0, SHOWN_CLEAN_ROWS)].sort((a, b) => a.line - b.line);
  const noun = kind === 'roster' ? 'engineer' : 'item';
  const fixable = (preview.suggestions?.length ?? 0) + (preview.unknownTitles?.length ?? 0) > 0;
  const s = preview.summary;
  const writes = s.new + s.updated;
  // Rows the file has but the import leaves out (sub-tasks, cancelled work, people who left), listed below.
  const skipped = (preview.roster?.skipped.length ?? 0) + (preview.source?.skipped.length ?? 0);
  const commitLabel =
    writes === 0 ? 'Nothing to import' : s.updated === 0 ? `Import ${plural(s.new, noun)}` : `Import: add ${s.new}, update ${s.updated}`;
  // Only a file that meets people already on the roster needs the breakdown.
  const counts =
    (kind === 'roster' || preview.source) && s.updated + s.unchanged > 0
      ? ` ${[`${s.new} new`, `${s.updated} to update`, `${s.unchanged} unchanged`].join(', ')}.`
      : '';

  return (
    <div className="preview" aria-label={`Preview of ${fileName}`} role="region">
      {preview.fileErrors.length > 0 ? (
        <div role="alert" className="error-banner">
          <strong>{fileName} cannot be imported:</strong>
          <ul>
            {preview.fileErrors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className={preview.clean ? 'preview-summary ok' : 'preview-summary bad'}>
          {preview.clean
            ? `${fileName}: ${s.rows === 1 ? 'its 1 row is' : `all ${s.rows} rows are`} ready.${counts}`
            : `${fileName}: ${s.invalid} of ${plural(s.rows, 'row')} ${s.invalid === 1 ? 'has' : 'have'} errors. Fix ${s.invalid === 1 ? 'it' : 'them'} in your spreadsheet, save it as CSV again and pick it here; nothing has been imported.`}
          {!preview.clean && fixable && ' Misspelt names and unknown titles can be settled below, without editing the file.'}
          {skipped > 0 && ` ${plural(skipped, 'more row')} of the file ${skipped === 1 ? 'is' : 'are'} not imported (listed below).`}
          {s.newTeams.length > 0 && ` New teams: ${s.newTeams.join(', ')}.`}
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
          <select id={`${fileId}-sheet`} value={preview.reading.sheet} onChange={(e) => onPickSheet(e.target.value)}>
            {preview.reading.sheets.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      )}
      {preview.source && <TrackerSource source={preview.source} options={tracker} onChange={(o) => onRemap({ tracker: o })} />}
      {preview.roster && <RosterSource source={preview.roster} options={roster} onChange={(o) => onRemap({ roster: o })} />}
      <ImportFixes preview={preview} corrections={props.corrections} levels={props.levels} onChange={(c) => onRemap({ corrections: c })} />
      {preview.notes.map((n) => (
        <p key={n} className="hint">
          {n}
        </p>
      ))}
      {rows.length > 0 && (
        <PreviewWithErrors kind={kind} preview={preview} fileName={fileName} shown={shown} more={good.length - SHOWN_CLEAN_ROWS} />
      )}
      <div className="form-actions">
        <button type="button" className="primary" disabled={!preview.clean || writes === 0} onClick={onCommit}>
          {preview.clean ? commitLabel : blockedLabel(preview)}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
