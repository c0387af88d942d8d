import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// No module of the app imports itself round a circle (db.ts ↔ backup.ts was one): a circle makes the
// load order decide which side sees the other half-built. Type-only imports count too, so that one
// turning into a value import later cannot close a circle unseen.

const ROOT = resolve(import.meta.dirname, '../..');
const FOLDERS = ['shared', 'data', 'renderer', 'host', 'electron'];
const IMPORT = /^(?:import|export)\s[^;]*?\sfrom\s+'(\.[^']+)'/gms;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** Every circle reached by a depth-first walk, as the files round it. */
function importCircles(graph: Map<string, string[]>): string[][] {
  const done = new Set<string>();
  const path: string[] = [];
  const circles: string[][] = [];
  const visit = (file: string) => {
    const at = path.indexOf(file);
    if (at >= 0) return void circles.push([...path.slice(at), file]);
    if (done.has(file)) return;
    path.push(file);
    for (const next of graph.get(file) ?? []) visit(next);
    path.pop();
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  return circles;
}

describe('imports', () => {
  it('a circle is found when there is one', () => {
    const graph = new Map([
      ['db.ts', ['backup.ts']],
      ['backup.ts', ['files.ts', 'db.ts']],
      ['files.ts', []],
    ]);
    expect(importCircles(graph)).toEqual([['db.ts', 'backup.ts', 'db.ts']]);
  });

  it('run one way in shared/, data/, renderer/, host/ and electron/', () => {
    const files = FOLDERS.flatMap((f) => sources(join(ROOT, f)));
    const graph = new Map(
      files.map((file) => [file, [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => resolve(dirname(file), m[1]!))]),
    );
    expect(files.length).toBeGreaterThan(100);
    expect([...graph.values()].flat().length).toBeGreaterThan(files.length);
    expect(importCircles(graph).map((c) => c.map((f) => relative(ROOT, f)).join(' → '))).toEqual([]);
  });
});
