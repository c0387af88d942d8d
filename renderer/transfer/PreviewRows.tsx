import type { ImportKind, ImportPreview, PreviewRow } from '../../shared/import.ts';
import { plural } from '../../shared/words.ts';
import { ColumnHeads } from '../ui/ColumnHeads.tsx';

/** The rows of a CSV preview: each cell as read (and what it maps to), the change it makes, its errors. */
export function PreviewRows({
  kind,
  preview,
  fileName,
  shown,
  more,
}: {
  kind: ImportKind;
  preview: ImportPreview;
  fileName: string;
  /** Every row with an error, then the first clean ones, in file order. */
  shown: readonly PreviewRow[];
  /** Clean rows left out of `shown`. */
  more: number;
}) {
  return (
    // Focusable, so a keyboard can scroll a long preview (axe: scrollable-region-focusable).
    <div className="preview-scroll" tabIndex={0} role="group" aria-label={`Rows of ${fileName}, scrollable`}>
      <table className="data-table compact sticky-head preview-table" aria-label={`Rows of ${fileName}`}>
        <ColumnHeads columns={['Line', ...preview.columns, ...(kind === 'roster' || preview.source ? ['Change'] : []), 'Check']} />
        <tbody>
          {shown.map((r) => (
            <tr key={`${r.line}-${r.cells[0]}`} className={r.errors.length > 0 ? 'row-bad' : `row-${r.change}`} data-id={`line-${r.line}`}>
              <th scope="row">{r.line}</th>
              {preview.columns.map((c, i) => {
                const m = r.mappings.find((x) => x.column === c.toLowerCase());
                const wrong = r.errors.some((e) => e.column === c.toLowerCase());
                return (
                  <td key={`${c}-${i}`} className={wrong ? 'cell-bad' : undefined}>
                    <CellText text={r.cells[i] ?? ''} />
                    {m && <span className="mapping"> → {m.to}</span>}
                  </td>
                );
              })}
              {/* A tracker's rows may update what an earlier import added. */}
              {(kind === 'roster' || preview.source) && (
                <td>
                  <Change row={r} />
                </td>
              )}
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
      {more > 0 && <p className="hint">…and {plural(more, 'more row')} without errors (changes are listed first).</p>}
    </div>
  );
}

/** Past this many characters a cell shows its start, and the whole text on hover. */
const LONG = 120;

/**
 * A cell as read. A name thousands of characters long (a column pasted into the wrong one) kept
 * the row's Check column, with the reason it is refused, thousands of pixels off to the right.
 */
function CellText({ text }: { text: string }) {
  if (text.length <= LONG) return text;
  return <span title={text.slice(0, 2000)}>{`${text.slice(0, LONG)}… (${text.length.toLocaleString('en-US')} characters)`}</span>;
}

/** What a clean row would do (a roster's engineer, a tracker's item); an update names each field that changes. */
function Change({ row }: { row: PreviewRow }) {
  if (row.change === null) return null;
  if (row.change === 'new') return <span className="change change-new">New</span>;
  if (row.change === 'unchanged') return <span className="change change-unchanged">Unchanged</span>;
  return (
    <span className="change change-update">
      Update:{' '}
      {row.differences.map((d, i) => (
        <span key={d.field} className="difference">
          {i > 0 && ', '}
          {d.field} {d.from} → {d.to}
        </span>
      ))}
    </span>
  );
}
