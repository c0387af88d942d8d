import { useRef, useState } from 'react';
import type { ImportKind, ImportPreview } from '../../shared/import.ts';
import { IMPORT_COLUMNS } from '../../shared/import.ts';
import type { Snapshot } from '../../shared/schemas.ts';
import { api } from '../api.ts';
import { download, readText } from './files.ts';
import './transfer.css';

type Props = { snapshot: Snapshot; onChanged: () => Promise<unknown>; onReplaced: () => void };
type Notice = { kind: 'status' | 'alert'; text: string } | null;

/** Bring a team and a backlog in from spreadsheets, and take the plan out. */
export function Transfer({ snapshot, onChanged, onReplaced }: Props) {
  const [notice, setNotice] = useState<Notice>(null);
  const exportFile = async (channel: 'export.rosterCsv' | 'export.json') => {
    const r = await api[channel]({});
    if (r.ok) download(r.value);
    else setNotice({ kind: 'alert', text: r.error.message });
  };
  const exportPlan = async () => {
    const r = await api['export.planCsv']({ quarterId: snapshot.quarter.id });
    if (r.ok) download(r.value);
    else setNotice({ kind: 'alert', text: r.error.message });
  };
  const importJson = async (file: File) => {
    let document: unknown;
    try {
      document = JSON.parse(await readText(file));
    } catch {
      return setNotice({ kind: 'alert', text: `${file.name} is not a JSON file.` });
    }
    const r = await api['import.json']({ document: document as never });
    if (!r.ok) return setNotice({ kind: 'alert', text: r.error.message });
    setNotice({ kind: 'status', text: `${r.value.summary}. Undo it from History.` });
    onReplaced();
  };

  return (
    <section className="transfer" aria-labelledby="transfer-title">
      <header className="screen-head">
        <h2 id="transfer-title">Import and export</h2>
      </header>
      <p role={notice?.kind ?? 'status'} className={notice?.kind === 'alert' ? 'error-banner' : 'notice'}>
        {notice?.text ?? ''}
      </p>
      <CsvImport kind="roster" snapshot={snapshot} onChanged={onChanged} />
      <CsvImport kind="backlog" snapshot={snapshot} onChanged={onChanged} />
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
        <label className="file-pick">
          Rungs JSON file{' '}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void importJson(f);
            }}
          />
        </label>
      </section>
    </section>
  );
}

const SHOWN_CLEAN_ROWS = 200;

function CsvImport({ kind, snapshot, onChanged }: { kind: ImportKind; snapshot: Snapshot; onChanged: () => Promise<unknown> }) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const input = useRef<HTMLInputElement>(null);
  const quarterId = kind === 'roster' ? null : snapshot.quarter.id;
  const { required, optional } = IMPORT_COLUMNS[kind];
  const title = kind === 'roster' ? 'Import a roster' : `Import a backlog into ${snapshot.quarter.name}`;

  const check = async (picked: File) => {
    const text = await readText(picked);
    setFile({ name: picked.name, text });
    setNotice(null);
    const r = await api['import.previewCsv']({ kind, quarterId, text });
    if (r.ok) setPreview(r.value);
    else {
      setPreview(null);
      setNotice({ kind: 'alert', text: r.error.message });
    }
  };
  const commit = async () => {
    if (!file) return;
    const r = await api['import.commitCsv']({ kind, quarterId, text: file.text });
    if (!r.ok) return setNotice({ kind: 'alert', text: r.error.message });
    setNotice({ kind: 'status', text: `${r.value.summary}. Undo it from History.` });
    setPreview(null);
    setFile(null);
    await onChanged();
  };

  const bad = preview?.rows.filter((r) => r.errors.length > 0) ?? [];
  const good = preview?.rows.filter((r) => r.errors.length === 0) ?? [];
  const shown = [...bad, ...good.slice(0, SHOWN_CLEAN_ROWS)].sort((a, b) => a.line - b.line);
  const noun = kind === 'roster' ? 'engineer' : 'item';

  return (
    <section className="transfer-block" aria-labelledby={`import-${kind}-title`}>
      <h3 id={`import-${kind}-title`}>{title}</h3>
      <p className="hint">
        A CSV file with a header line naming the columns <code>{required.join(', ')}</code>
        {optional.length > 0 && (
          <>
            {' '}
            and optionally <code>{optional.join(', ')}</code>
          </>
        )}
        .{' '}
        {kind === 'roster'
          ? 'Levels may be spelled as in your HR sheet ("Sr", "Mid-level", "Senior Engineer").'
          : 'A story names its initiative in the parent column.'}{' '}
        Nothing is written until you confirm a preview without errors.
      </p>
      <label className="file-pick">
        {kind === 'roster' ? 'Roster CSV file' : 'Backlog CSV file'}{' '}
        <input
          ref={input}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void check(f);
          }}
        />
      </label>
      <p role={notice?.kind ?? 'status'} className={notice?.kind === 'alert' ? 'error-banner' : 'notice'}>
        {notice?.text ?? ''}
      </p>
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
                ? `${file.name}: all ${preview.summary.rows} rows are ready.`
                : `${file.name}: ${preview.summary.invalid} of ${preview.summary.rows} rows have errors. Fix them in your spreadsheet, save it as CSV again and pick it here; nothing has been imported.`}
              {preview.summary.newTeams.length > 0 && ` New teams: ${preview.summary.newTeams.join(', ')}.`}
            </p>
          )}
          {preview.notes.map((n) => (
            <p key={n} className="hint">
              {n}
            </p>
          ))}
          {preview.rows.length > 0 && (
            <div className="preview-scroll">
              <table className="preview-table" aria-label={`Rows of ${file.name}`}>
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    {preview.columns.map((c, i) => (
                      <th scope="col" key={`${c}-${i}`}>
                        {c}
                      </th>
                    ))}
                    <th scope="col">Check</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((r) => (
                    <tr key={r.line} className={r.errors.length > 0 ? 'row-bad' : 'row-ok'} data-id={`line-${r.line}`}>
                      <th scope="row">{r.line}</th>
                      {preview.columns.map((c, i) => {
                        const m = r.mappings.find((x) => x.column === c.toLowerCase());
                        const wrong = r.errors.some((e) => e.column === c.toLowerCase());
                        return (
                          <td key={`${c}-${i}`} className={wrong ? 'cell-bad' : undefined}>
                            {r.cells[i] ?? ''}
                            {m && <span className="mapping"> → {m.to}</span>}
                          </td>
                        );
                      })}
                      <td>
                        {r.errors.length === 0 ? (
                          <span className="ok">OK</span>
                        ) : (
                          <ul className="row-errors">
                            {r.errors.map((e) => (
                              <li key={`${e.column}-${e.message}`}>{e.message}</li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {good.length > SHOWN_CLEAN_ROWS && <p className="hint">…and {good.length - SHOWN_CLEAN_ROWS} more rows without errors.</p>}
            </div>
          )}
          <div className="form-actions">
            <button type="button" className="primary" disabled={!preview.clean} onClick={() => void commit()}>
              Import {preview.summary.rows} {noun}
              {preview.summary.rows === 1 ? '' : 's'}
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
