/** A column's heading; a `hidden` one is named for screen readers only (a column of buttons). */
export type Column = string | { label: string; hidden: true };

/**
 * The head row of a data table (`.data-table` in ui.css): every heading scoped to its column, so a
 * screen reader names each cell by it. The table, its caption or label, and its rows stay with the screen.
 */
export function ColumnHeads({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {/* By position: a file's columns (the import preview) may share a name. */}
        {columns.map((c, i) =>
          typeof c === 'string' ? (
            <th key={i} scope="col">
              {c}
            </th>
          ) : (
            <th key={i} scope="col">
              <span className="sr-only">{c.label}</span>
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
