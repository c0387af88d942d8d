import type { Stats } from './harness.ts';

// One line of the results table. A target says which statistic it judges (latency targets read the
// p95, rates and ratios the median) so the table never hides which number passed.

export type Target = { op: '<=' | '>='; value: number; stat: 'median' | 'p95' };
export type Row = {
  scale: string;
  figure: string;
  unit: 'ms' | 'x' | '/s' | 'MB' | 'count';
  median: number;
  p95: number;
  n: number;
  target: Target | null;
  pass: boolean | null;
  note?: string;
};

export function row(
  scale: string,
  figure: string,
  unit: Row['unit'],
  s: Pick<Stats, 'median' | 'p95' | 'n'>,
  target: Target | null,
  note?: string,
): Row {
  const value = target ? s[target.stat] : 0;
  const pass = target ? (target.op === '<=' ? value <= target.value : value >= target.value) : null;
  return { scale, figure, unit, median: s.median, p95: s.p95, n: s.n, target, pass, ...(note ? { note } : {}) };
}

const fmt = (v: number, unit: Row['unit']): string => {
  if (!Number.isFinite(v)) return '–';
  const digits = unit === '/s' || unit === 'MB' || unit === 'count' ? 0 : v >= 100 ? 0 : v >= 10 ? 1 : 2;
  const n = v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit === 'x' ? `${n}×` : unit === '/s' ? `${n}/s` : unit === 'count' ? n : `${n} ${unit}`;
};

const fmtTarget = (t: Target | null, unit: Row['unit']) => (t ? `${t.stat} ${t.op === '<=' ? '≤' : '≥'} ${fmt(t.value, unit)}` : '');

/** Rows grouped by figure, scales side by side, with the growth against the smallest scale. */
export function table(rows: readonly Row[]): string {
  const figures = [...new Set(rows.map((r) => r.figure))];
  const lines: string[][] = [['figure', 'scale', 'median', 'p95', 'vs smallest', 'target', 'result']];
  for (const figure of figures) {
    const group = rows.filter((r) => r.figure === figure);
    const base = group[0]!.median;
    for (const r of group) {
      const growth = group.length > 1 && r !== group[0] && r.unit === 'ms' && base > 0 ? `${(r.median / base).toFixed(1)}×` : '';
      lines.push([
        r === group[0] ? figure : '',
        r.note && r.pass !== null ? `${r.scale} (${r.note})` : r.scale,
        fmt(r.median, r.unit),
        fmt(r.p95, r.unit),
        growth,
        fmtTarget(r.target, r.unit),
        r.pass === null ? (r.note ?? '') : r.pass ? 'pass' : 'FAIL',
      ]);
    }
  }
  const widths = lines[0]!.map((_, c) => Math.max(...lines.map((l) => l[c]!.length)));
  const render = (l: string[]) =>
    `| ${l.map((cell, c) => (c >= 2 && c <= 4 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(' | ')} |`;
  return [
    render(lines[0]!),
    `|${widths.map((w, c) => (c >= 2 && c <= 4 ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|')}|`,
    ...lines.slice(1).map(render),
  ].join('\n');
}
