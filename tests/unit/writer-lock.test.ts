import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultUserDataDir } from '../../data/open/location.ts';
import { acquireWriterLock } from '../../data/safety/writer-lock.ts';
import { hostRoster, openForHost } from '../../host/open-cli.ts';
import { tempDir } from '../helpers/temp-db.ts';

// One writer per roster: a second browser host on the same file is refused while the first runs,
// and a lock left by a killed host does not keep the roster closed forever.

const lockModule = fileURLToPath(new URL('../../data/safety/writer-lock.ts', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** Another process that takes the lock and keeps it until killed. */
function holder(file: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { acquireWriterLock } = await import(${JSON.stringify(lockModule)}); acquireWriterLock(${JSON.stringify(file)}); console.log('locked'); setInterval(() => {}, 1000);`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve(child));
    child.on('exit', (code) => reject(new Error(`holder exited ${code}`)));
  });
}

describe('one writer per roster', () => {
  it('a second host on the same roster is refused, in words, while the first runs', async () => {
    const file = join(tempDir(), 'rungs.sqlite');
    const first = await holder(file);
    expect(() => acquireWriterLock(file)).toThrow(new RegExp(`Another Rungs \\(process ${first.pid}\\) is already using this roster`));
    const second = await openForHost(hostRoster(file, {}), []);
    expect(second).toMatchObject({ ok: false, exitCode: 4 });
    if (!second.ok) expect(second.message).toMatch(new RegExp(`Another Rungs \\(process ${first.pid}\\)`));
    expect(existsSync(file)).toBe(false); // refused before opening anything
  });

  it('a lock left by a killed host is stale and taken over', async () => {
    const file = join(tempDir(), 'rungs.sqlite');
    const first = await holder(file);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const lock = acquireWriterLock(file);
    expect(JSON.parse(readFileSync(`${file}.lock`, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('a lock of a process that no longer exists, or a half-written lock file, is stale', () => {
    const file = join(tempDir(), 'rungs.sqlite');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: Number(gone), host: hostname() }));
    acquireWriterLock(file).release();
    writeFileSync(`${file}.lock`, '{"pid": 12');
    acquireWriterLock(file).release();
  });

  it('the host releases the lock when it closes, so the next launch opens', async () => {
    const file = join(tempDir(), 'rungs.sqlite');
    const first = hostRoster(file, { startEmpty: true });
    expect(await openForHost(first, [])).toMatchObject({ ok: true });
    // The roster's thread holds the lock, in this process's name.
    expect(JSON.parse(readFileSync(`${file}.lock`, 'utf8')).pid).toBe(process.pid);
    await first.close();
    expect(existsSync(`${file}.lock`)).toBe(false);
    const again = hostRoster(file, {});
    expect(await openForHost(again, [])).toMatchObject({ ok: true });
    await again.close();
  });

  it('a first launch, whose data folder does not exist yet, makes it and opens', async () => {
    const file = join(tempDir(), 'not', 'yet', 'rungs.sqlite');
    const roster = hostRoster(file, { startEmpty: true });
    expect(await openForHost(roster, [])).toMatchObject({ ok: true });
    expect(existsSync(file)).toBe(true);
    await roster.close();
  });
});

describe('the default data folder', () => {
  it('follows XDG_CONFIG_HOME on Linux when it is an absolute path, and ~/.config otherwise', () => {
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/srv/config' })).toBe('/srv/config/Rungs');
    for (const unusable of [{}, { XDG_CONFIG_HOME: '' }, { XDG_CONFIG_HOME: 'config' }])
      expect(defaultUserDataDir('linux', unusable)).toBe(join(homedir(), '.config', 'Rungs'));
  });
});
