import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RECENT_MAX, readRecent, remember, writeRecent } from '../../data/open/recent-rosters.ts';
import { rosterPath } from '../../data/open/roster-folder.ts';
import { type RemoteRoster, createRemoteRoster } from '../../data/remote/client.ts';
import { rosterFilesAnswers } from '../../data/remote/roster-files.ts';
import { type RosterSwitch, createRosterSwitch } from '../../data/remote/roster-switch.ts';
import { spawnRosterWorker } from '../../data/remote/worker-thread.ts';
import { RosterFileName } from '../../shared/contract/roster-files.ts';
import type { Snapshot } from '../../shared/schemas.ts';
import { MAP_FILE, tempDir, tempRoster } from '../helpers/temp-db.ts';

// Roster files switched in place: names that cannot leave the data folder, the recent list, and the
// switch itself over real roster threads on real files (the next roster opens before the current
// one closes, so a refusal leaves the current one open).

describe('a roster name is one plain file name in the data folder', () => {
  it.each(['Platform 2026', 'team-a_b.v2', 'Équipe 3', 'x'])('accepts %j', (name) => {
    expect(RosterFileName.safeParse(name).success).toBe(true);
  });
  it.each(['../x', 'a/b', 'a\\b', '..', '.hidden', 'x.', '-x', '', 'a..b', 'con', 'NUL.txt', 'a\u0000b', 'c:x', 'x'.repeat(65)])(
    'refuses %j',
    (name) => {
      expect(RosterFileName.safeParse(name).success).toBe(false);
    },
  );
  it('turns a name into a file inside the folder, and refuses any other', () => {
    const dir = tempDir();
    expect(rosterPath(dir, 'Platform 2026')).toBe(join(dir, 'Platform 2026.sqlite'));
    expect(() => rosterPath(dir, '../x')).toThrow('is not a roster name');
  });
});

describe('the recent rosters', () => {
  it('puts the one opened first, without repeats, and keeps at most a few', () => {
    expect(remember(['/a', '/b', '/c'], '/b')).toEqual(['/b', '/a', '/c']);
    const many = Array.from({ length: 20 }, (_, i) => `/r${i}`);
    expect(remember(many, '/new')).toHaveLength(RECENT_MAX);
  });
  it('reads a missing, malformed or hand-edited file as an empty list', () => {
    const dir = tempDir();
    const file = join(dir, 'recent.json');
    expect(readRecent(file)).toEqual([]);
    for (const bad of ['{', '{"a":1}', '[1,2]', '[""]', 'null']) {
      writeFileSync(file, bad);
      expect(readRecent(file)).toEqual([]);
    }
    writeRecent(file, ['/x', '/y']);
    expect(readRecent(file)).toEqual(['/x', '/y']);
  });
});

const opened: RosterSwitch[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});

const remoteFor = (path: string, startEmpty: boolean): RemoteRoster =>
  createRemoteRoster({ spawn: spawnRosterWorker, open: { path, options: { startEmpty, mapFile: MAP_FILE }, launchBackup: false } });

/** A switch whose first roster is a demo roster file, open on its own thread. */
async function switchOnDemo() {
  const { db, file, dir } = tempRoster();
  db.close();
  const first = remoteFor(file, false);
  expect((await first.open()).ok).toBe(true);
  const rosters = createRosterSwitch({ first: { remote: first, path: file }, remoteFor, recentFile: join(dir, 'recent-rosters.json') });
  opened.push(rosters);
  return { rosters, file, dir, answer: rosterFilesAnswers(rosters, dir) };
}

const engineers = async (rosters: RosterSwitch): Promise<number> => {
  const r = await rosters.dispatch('board.snapshot', {});
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as Snapshot).engineers.length;
};

describe('switching roster files without a restart', () => {
  it('a new roster opens empty; the first closes cleanly (its lock released) and opens back as it was', async () => {
    const { rosters, file, dir } = await switchOnDemo();
    const demo = await engineers(rosters);
    expect(demo).toBeGreaterThan(0);
    const next = join(dir, 'Platform.sqlite');
    await rosters.switchTo(next, { create: true });
    expect(await engineers(rosters)).toBe(0);
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(existsSync(`${next}.lock`)).toBe(true);
    await rosters.switchTo(file, { create: false });
    expect(await engineers(rosters)).toBe(demo);
    expect(rosters.recent().recent).toEqual([file, next]);
  });

  it('a roster another Rungs holds is refused in words; the current one stays open and answers', async () => {
    const { rosters, file, dir } = await switchOnDemo();
    const other = join(dir, 'other.sqlite');
    await rosters.switchTo(other, { create: true });
    await rosters.switchTo(file, { create: false });
    // A live process that is not this one (the test runner's parent) holds other.sqlite.
    writeFileSync(`${other}.lock`, JSON.stringify({ pid: process.ppid, host: hostname(), since: new Date().toISOString() }));
    await expect(rosters.switchTo(other, { create: false })).rejects.toThrow(
      'Another Rungs is using other.sqlite. Close it there first, then open it here. rungs.sqlite stays open.',
    );
    expect(rosters.current().path).toBe(file);
    expect(await engineers(rosters)).toBeGreaterThan(0);
  });

  it('a bad file is refused and left as it was; a taken name and a missing file are refused too', async () => {
    const { rosters, file, dir } = await switchOnDemo();
    const bad = join(dir, 'bad.sqlite');
    writeFileSync(bad, 'not a roster at all, only text');
    await expect(rosters.switchTo(bad, { create: false })).rejects.toMatchObject({ code: 'database' });
    expect(readFileSync(bad, 'utf8')).toBe('not a roster at all, only text');
    await expect(rosters.switchTo(bad, { create: true })).rejects.toMatchObject({ code: 'conflict' });
    await expect(rosters.switchTo(join(dir, 'gone.sqlite'), { create: false })).rejects.toMatchObject({ code: 'not_found' });
    await expect(rosters.switchTo(file, { create: false })).rejects.toThrow('rungs.sqlite is the roster open now.');
    expect(existsSync(join(dir, 'gone.sqlite'))).toBe(false);
    expect(await engineers(rosters)).toBeGreaterThan(0);
  });

  it('over the channels: hostile names are refused as invalid input and change no file; the list names the folder’s rosters', async () => {
    const { answer, dir } = await switchOnDemo();
    const before = readdirSync(dir).toSorted();
    for (const name of ['../x', 'a/b', '/etc/passwd', '..', 42]) {
      const r = await answer('rosterFiles.create', { name });
      expect(r.ok ? null : r.error.code).toBe('invalid_input');
    }
    expect(readdirSync(dir).toSorted()).toEqual(before);
    expect(await answer('rosterFiles.create', { name: 'Growth' })).toEqual({ ok: true, value: { current: 'Growth', notes: [] } });
    const list = await answer('rosterFiles.list', {});
    expect(list).toMatchObject({ ok: true, value: { current: 'Growth', recent: ['rungs'], dropped: [] } });
    expect((list as { value: { rosters: { name: string }[] } }).value.rosters.map((r) => r.name)).toEqual(['Growth', 'rungs']);
  });
});
