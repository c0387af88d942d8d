import { useState } from 'react';
import {
  type Employment,
  JOINED_FIELDS,
  ROSTER_FIELDS,
  ROSTER_FIELD_LABEL,
  type RosterField,
  type RosterOptions,
  type RosterSource as Source,
} from '../../shared/roster-source.ts';
import { plural } from '../../shared/words.ts';
import { MappingTable } from './MappingTable.tsx';

// The part of a roster preview that says how an HR export was read: the column each Rungs field
// takes (editable), how FTE turns into points, what each status means, and who was left out.
// Every change previews the file again.

type Props = { source: Source; options: RosterOptions; onChange: (next: RosterOptions) => void };

const EMPLOYMENT_WORDS: Record<Employment, string> = {
  active: 'active',
  away: 'imported as not active',
  left: 'left: not added, made inactive if on the roster',
};

export function RosterSource({ source, options, onChange }: Props) {
  const setField = (field: RosterField, column: string | null, part: 0 | 1) => {
    const [first, second] = source.mapping[field];
    // A joined name keeps its other part; clearing the first part leaves the second as the whole name.
    const parts = part === 0 ? [column, second] : [first, column];
    onChange({ ...options, mapping: { ...source.mapping, [field]: parts.filter((c): c is string => c != null) } });
  };
  return (
    <div className="import-source" data-id="roster-source">
      <p className="source-name">
        Read as <strong>an HR export</strong>
        {source.remembered ? ' (with the mapping you confirmed for this header last time)' : ', its columns matched by their names'}.
      </p>
      <details open>
        <summary>Column mapping</summary>
        <MappingTable
          id="roster-map"
          fields={ROSTER_FIELDS}
          labels={ROSTER_FIELD_LABEL}
          mapping={source.mapping}
          columns={source.columns}
          joined={JOINED_FIELDS}
          onPick={setField}
        />
      </details>
      {source.capacity.unit === 'share' && (
        <FullTime
          fullTime={source.capacity.fullTime}
          column={source.mapping.capacity[0]!}
          onSet={(n) => onChange({ ...options, fullTime: n })}
        />
      )}
      <div className="import-lists">
        {source.statuses.length > 0 && (
          <section aria-label="Statuses">
            <h4>Statuses</h4>
            <ul>
              {source.statuses.map((s) => (
                <li key={s.from}>
                  {s.from} → {EMPLOYMENT_WORDS[s.to]}
                  {!s.known && ' (not a status Rungs knows)'} <span className="hint">({plural(s.rows, 'row')})</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        {source.skipped.length > 0 && (
          <section aria-label="Skipped rows">
            <h4>Not imported ({source.skipped.length})</h4>
            <ul data-id="skipped">
              {source.skipped.map((s) => (
                <li key={s.line}>
                  Line {s.line}, {s.name}: {s.why}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </div>
  );
}

/** The points of a full-time engineer, which turn each FTE into a capacity; applied when the field is left. */
function FullTime({ fullTime, column, onSet }: { fullTime: number; column: string; onSet: (n: number) => void }) {
  const [text, setText] = useState(String(fullTime));
  const apply = () => {
    const n = Number(text);
    if (Number.isInteger(n) && n > 0 && n !== fullTime) onSet(n);
    else setText(String(fullTime));
  };
  return (
    <fieldset className="source-choice">
      <legend>Capacity</legend>
      <p className="hint">
        {column} is a share of full time (1.0 or 100%): each engineer&apos;s capacity is that share of a full-time engineer&apos;s points,
        rounded.
      </p>
      <label>
        Points of a full-time engineer{' '}
        <input
          type="number"
          min={1}
          step={1}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={apply}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply();
          }}
        />
      </label>
    </fieldset>
  );
}
