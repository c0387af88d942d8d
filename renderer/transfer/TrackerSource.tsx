import type { TrackerOptions, TrackerSource as Source } from '../../shared/tracker/preview.ts';
import { type ColumnMapping, MAP_FIELDS, MAP_FIELD_LABEL, type MapField } from '../../shared/tracker/source.ts';
import { type Rank, allowedRungs, STATUS_LABEL, type WorkKind, levelName } from '../../shared/ladder.ts';
import { plural } from '../../shared/words.ts';
import { useLadder } from '../ladder/useLadder.ts';
import { MappingTable } from './MappingTable.tsx';

// The part of a backlog preview that says how a tracker's export (or any sheet) was read: the
// column each Rungs field takes, editable; the rung for every row of a kind; how statuses and
// names were read; and what was left out. Every change previews the file again.

type Props = { source: Source; options: TrackerOptions; onChange: (next: TrackerOptions) => void };

const NOT_USED = '';
const KIND_WORDS: Record<WorkKind, string> = { initiative: 'Every initiative', story: 'Every story' };

export function TrackerSource({ source, options, onChange }: Props) {
  const ladder = useLadder();
  const setField = (field: MapField, column: string | null) => {
    const mapping: ColumnMapping = { ...source.mapping, [field]: column === null ? [] : [column] };
    onChange({ ...options, mapping });
  };
  const setRung = (kind: WorkKind, value: string) => {
    const rungs = { ...options.rungs };
    if (value === NOT_USED) delete rungs[kind];
    else rungs[kind] = Number(value) as Rank;
    onChange({ ...options, rungs });
  };
  const matched = source.assignees.filter((a) => a.engineer !== null);
  const unmatched = source.assignees.filter((a) => a.engineer === null);
  return (
    <div className="import-source" data-id="tracker-source">
      <p className="source-name">
        Read as <strong>{source.name}</strong>
        {source.remembered && ' (with the mapping you confirmed for this header last time)'}.
      </p>
      <details open={source.preset === null}>
        <summary>Column mapping</summary>
        <MappingTable
          id="map"
          fields={MAP_FIELDS}
          labels={MAP_FIELD_LABEL}
          mapping={source.mapping}
          columns={source.columns}
          onPick={(f, column) => setField(f, column)}
        />
      </details>
      <fieldset className="source-choice">
        <legend>Rungs</legend>
        <p className="hint">
          Items take their kind&apos;s default rung unless a rung column or a label like <code>rung:mid</code> says otherwise. Or set one
          rung for every row of a kind:
        </p>
        {(['initiative', 'story'] as const).map((kind) => (
          <label key={kind}>
            {KIND_WORDS[kind]}{' '}
            <select
              aria-label={`Rung of every ${kind}`}
              value={options.rungs?.[kind] ?? NOT_USED}
              onChange={(e) => setRung(kind, e.target.value)}
            >
              <option value={NOT_USED}>as the file says</option>
              {allowedRungs(ladder, kind).map((r) => (
                <option key={r} value={r}>
                  {levelName(ladder, r)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>
      <div className="import-lists">
        {source.statuses.length > 0 && (
          <section aria-label="Statuses">
            <h4>Statuses</h4>
            <ul>
              {source.statuses.map((s) => (
                <li key={s.from}>
                  {s.from} → {s.to === 'skipped' ? 'skipped' : STATUS_LABEL[s.to].toLowerCase()}
                  {!s.known && ' (not a status Rungs knows)'} <span className="hint">({plural(s.rows, 'row')})</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-label="Assignees">
          <h4>Assignees</h4>
          <p className="hint">
            {matched.length === 0
              ? 'No one matched.'
              : `Matched: ${matched.map((a) => (a.name === a.engineer ? a.name : `${a.name} → ${a.engineer}`)).join(', ')}.`}
          </p>
          {unmatched.length > 0 && (
            <ul data-id="unmatched">
              {unmatched.map((a) => (
                <li key={a.name}>
                  {a.name}: {a.why}; left unassigned ({plural(a.rows, 'row')})
                </li>
              ))}
            </ul>
          )}
        </section>
        {source.skipped.length > 0 && (
          <section aria-label="Skipped rows">
            <h4>Skipped ({source.skipped.length})</h4>
            <ul data-id="skipped">
              {source.skipped.map((s) => (
                <li key={s.line}>
                  Line {s.line}, {s.title}: {s.why}
                </li>
              ))}
            </ul>
          </section>
        )}
        {source.warnings.length > 0 && (
          <section aria-label="Warnings">
            <h4>Warnings</h4>
            <ul data-id="import-warnings">
              {source.warnings.map((w) => (
                <li key={w.line}>
                  Line {w.line}: {w.message}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </div>
  );
}
