import { useState } from 'react';
import type { Snapshot } from '../../shared/schemas.ts';
import { api } from '../api.ts';
import { notices } from '../store/notice.ts';
import { useMutation } from '../store/useMutation.ts';
import { Notices } from '../ui/Notices.tsx';
import { Backups } from './Backups.tsx';
import { decodeText, NOT_TEXT } from '../../shared/decode.ts';
import type { Result } from '../../shared/errors.ts';
import { type PickedFile, type TextFile, filePicker, saveTextFile, savedNotice, shownError, useShellFeatures } from '../files.ts';
import { ScreenHead } from '../ui/ScreenHead.tsx';
import { CsvImport } from './CsvImport.tsx';
import { FileChosen } from './FileChosen.tsx';
import { RosterFiles } from './RosterFiles.tsx';
import './transfer.css';

type Props = { snapshot: Snapshot; onReplaced: () => void; onRosterOpened: () => void };

/** Bring a team and a backlog in from spreadsheets, and take the plan out. */
export function Transfer({ snapshot, onReplaced, onRosterOpened }: Props) {
  const { run } = useMutation();
  const [jsonName, setJsonName] = useState<string | null>(null);
  const empty = snapshot.engineers.length === 0 && snapshot.teams.length === 0 && snapshot.items.length === 0;
  // Asked now, so a click on a file input already knows whether to open the native dialog.
  useShellFeatures();
  const save = async (exported: Result<TextFile>) => {
    if (!exported.ok) return notices.refused(shownError(exported.error));
    const r = await saveTextFile(exported.value);
    if (!r.ok) return notices.refused(shownError(r.error));
    const said = savedNotice(exported.value.filename, r.value);
    if (said) notices.said(said);
    else notices.clear();
  };
  const exportFile = async (channel: 'export.rosterCsv' | 'export.json') => save(await api[channel]({}));
  const exportPlan = async () => save(await api['export.planCsv']({ quarterId: snapshot.quarter.id }));
  const importJson = async (file: PickedFile) => {
    setJsonName(file.name);
    // A JSON export is UTF-8; the one decoder still reads a copy re-saved by an editor in UTF-16.
    const decoded = decodeText(file.bytes);
    if (!decoded.ok) {
      const why =
        decoded.error === NOT_TEXT
          ? NOT_TEXT.replace('Save it as CSV and pick that file.', 'Pick the .json file Rungs exported.')
          : decoded.error;
      return notices.refused(`${file.name}: ${why}`);
    }
    const r = await run(() => api['import.json']({ text: decoded.text }), {
      refusal: 'form',
      notice: ({ summary }) => `${summary}. Undo it from History.`,
    });
    if (!r.ok) return notices.refused(`${file.name}: ${shownError(r.error)}`);
    // A restored document brings its own quarters: the plan is fetched afresh on its latest one.
    onReplaced();
  };

  return (
    <section className="transfer" aria-labelledby="transfer-title">
      <ScreenHead id="transfer-title" title="Import and export" />
      <Notices />
      <RosterFiles onOpened={onRosterOpened} version={snapshot} />
      <CsvImport kind="roster" snapshot={snapshot} />
      <CsvImport kind="backlog" snapshot={snapshot} />
      <section className="transfer-block" aria-labelledby="export-title">
        <h3 id="export-title">Export</h3>
        <div className="form-actions">
          <button type="button" onClick={() => void exportFile('export.rosterCsv')}>
            Roster as CSV
          </button>
          <button type="button" onClick={() => void exportPlan()}>
            Plan of {snapshot.quarter.name} as CSV
          </button>
          <button type="button" onClick={() => void exportFile('export.json')}>
            Everything as JSON
          </button>
        </div>
        <p className="hint">
          The JSON file holds every team, engineer, promotion, quarter and assignment; it opens in an empty Rungs exactly as it is here.
        </p>
      </section>
      <section className="transfer-block" aria-labelledby="json-title">
        <h3 id="json-title">Restore a JSON export</h3>
        <p className="hint">Only into an empty roster, so nothing is merged by accident.</p>
        {!empty && (
          <p className="hint" data-id="open-empty-roster">
            This roster is not empty: to restore, create a new roster under Roster files above, then restore the export there.
          </p>
        )}
        <div className="file-pick">
          <label htmlFor="json-file">Rungs JSON file</label>
          <input
            id="json-file"
            type="file"
            accept=".json,application/json"
            aria-describedby="json-file-chosen"
            {...filePicker(
              'json',
              (f) => void importJson(f),
              (text) => notices.refused(text),
            )}
          />
          <FileChosen id="json-file-chosen" name={jsonName} />
        </div>
      </section>
      <Backups onRestored={onReplaced} version={snapshot} />
    </section>
  );
}
