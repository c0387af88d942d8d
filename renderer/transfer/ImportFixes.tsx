import { useId } from 'react';
import type { ImportPreview } from '../../shared/import.ts';
import { type Corrections, type FixableColumn, foldForTypos } from '../../shared/import-fixes.ts';
import { plural } from '../../shared/words.ts';

// What the lead can settle in the preview instead of editing the sheet: a misspelt team or parent
// (one click rewrites every row that names it) and the level of each HR title the ladder does not
// know (picked once; the import saves the title as that level's alias). Every change previews again.

type Props = {
  preview: ImportPreview;
  corrections: Corrections;
  /** The ladder's level names, lowest first: a title's level is a position on it. */
  levels: readonly string[];
  onChange: (next: Corrections) => void;
};

const COLUMN_WORD: Record<FixableColumn, string> = { team: 'Team', parent: 'Parent' };

export function ImportFixes({ preview, corrections, levels, onChange }: Props) {
  const suggestions = preview.suggestions ?? [];
  const unknown = preview.unknownTitles ?? [];
  const picked = preview.titles ?? [];
  const { renames } = corrections;
  if (suggestions.length + unknown.length + picked.length + renames.length === 0) return null;
  const same = (a: string, b: string) => foldForTypos(a) === foldForTypos(b);
  const rename = (column: FixableColumn, from: string, to: string) =>
    onChange({ ...corrections, renames: [...renames.filter((r) => !(r.column === column && same(r.from, from))), { column, from, to }] });
  const unrename = (column: FixableColumn, from: string) =>
    onChange({ ...corrections, renames: renames.filter((r) => !(r.column === column && same(r.from, from))) });
  const pick = (title: string, level: number | null) =>
    onChange({
      ...corrections,
      titles: [...corrections.titles.filter((t) => !same(t.title, title)), ...(level === null ? [] : [{ title, level }])],
    });
  const titles = [
    ...unknown.map((t) => ({ title: t.title, rows: t.rows as number | null, level: null as number | null })),
    ...picked.map((t) => ({ title: t.title, rows: null, level: t.level })),
  ];

  return (
    <div className="import-lists import-fixes" data-id="import-fixes">
      {(suggestions.length > 0 || renames.length > 0) && (
        <section aria-label="Names that look misspelt">
          <h4>Names that look misspelt</h4>
          <ul>
            {suggestions.map((s) => (
              <li key={`${s.column}-${s.value}`} data-id="suggestion">
                {COLUMN_WORD[s.column]} “{s.value}” <span className="hint">({plural(s.rows, 'row')})</span>: did you mean{' '}
                <strong>{s.suggestion}</strong>?{' '}
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Use ${s.suggestion} for the ${plural(s.rows, 'row')} that say ${s.value}`}
                  onClick={() => rename(s.column, s.value, s.suggestion)}
                >
                  Use {s.suggestion}
                </button>
              </li>
            ))}
            {renames.map((r) => (
              <li key={`fixed-${r.column}-${r.from}`} data-id="fixed">
                {COLUMN_WORD[r.column]} “{r.from}” reads as <strong>{r.to}</strong>.{' '}
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Undo: keep ${r.from} as written`}
                  onClick={() => unrename(r.column, r.from)}
                >
                  Undo
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {titles.length > 0 && (
        <section aria-label="Titles the ladder does not know">
          <h4>Titles the ladder does not know</h4>
          <p className="hint">
            Pick each title’s level once: its rows import at that level, and the title is saved as one of the level’s aliases, so the next
            import knows it.
          </p>
          <ul className="title-picks">
            {titles.map((t) => (
              <TitlePick key={foldForTypos(t.title)} {...t} levels={levels} onPick={(level) => pick(t.title, level)} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function TitlePick({
  title,
  rows,
  level,
  levels,
  onPick,
}: {
  title: string;
  rows: number | null;
  level: number | null;
  levels: readonly string[];
  onPick: (level: number | null) => void;
}) {
  const id = useId();
  return (
    <li data-id="title-pick">
      <label htmlFor={id}>
        “{title}”{rows !== null && <span className="hint"> ({plural(rows, 'row')})</span>} is
      </label>{' '}
      <select id={id} value={level ?? ''} onChange={(e) => onPick(e.target.value === '' ? null : Number(e.target.value))}>
        <option value="">Pick a level…</option>
        {levels.map((name, i) => (
          <option key={name} value={i}>
            {name}
          </option>
        ))}
      </select>
    </li>
  );
}
