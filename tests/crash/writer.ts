import { writeSync } from 'node:fs';
import { openDatabase } from '../../data/store/db.ts';
import { createDispatcher } from '../../data/handlers/dispatch.ts';

// The child of the crash test: applies assignments through the real dispatcher, as fast as it can,
// and prints each change id once its commit has returned ("acknowledged"). The parent kills it
// with SIGKILL at a random moment and then checks that every printed id is in the database.
// Usage: node tests/crash/writer.ts ROSTER_FILE

const file = process.argv[2];
if (!file) throw new Error('usage: writer.ts ROSTER_FILE');
const db = openDatabase(file);
const { dispatch } = createDispatcher(db, { databasePath: file });
const items = db.prepare('SELECT id FROM work_items').pluck().all() as number[];
const engineers = db.prepare('SELECT id FROM engineers WHERE active = 1').pluck().all() as number[];
const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

writeSync(1, 'ready\n');
for (;;) {
  const itemId = pick(items);
  const engineerId = Math.random() < 0.2 ? null : pick(engineers);
  const r = dispatch('plan.assign', { itemId, engineerId });
  // Unbuffered write straight to the pipe: what the parent reads was said after the commit.
  if (r.ok && r.value.changeId !== null) writeSync(1, `${r.value.changeId}\n`);
}
