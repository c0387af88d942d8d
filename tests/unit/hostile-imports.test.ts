import { describe, expect, it } from 'vitest';
import { listBackups } from '../../data/safety/backup-list.ts';
import { IMPORT_LIMITS } from '../../shared/import.ts';
import { ROSTER_CSV } from '../helpers/samples/transfer.ts';
import { toBase64 } from '../../shared/decode.ts';
import { csvBytes, ok, rowCounts, tempRoster } from '../helpers/temp-db.ts';

// Files a lead might pick by mistake, or an attacker might hand them: each gets a specific
// message, no row of any table changes, and no backup is taken for a refused file.

/** Bytes as a JSON document's text (the renderer decodes it before sending: UTF-8, bad bytes become U+FFFD). */
const asRead = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const utf8 = (text: string) => new TextEncoder().encode(text);
const BOM = [0xef, 0xbb, 0xbf];
/** Deterministic noise, so a failure can be reproduced. */
function noise(length: number, seed: number, from = 0, to = 256): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = from + ((x >>> 16) % (to - from));
  }
  return out;
}

const BACKLOG_HEAD = 'kind,title,parent,rung,size,touchpoints\n';
const manyRows = (n: number) => `name,level,team\n${Array.from({ length: n }, (_, i) => `E${i},Junior,T\n`).join('')}`;

/** A file as text (sent as its UTF-8 bytes), or as the bytes on disk. */
type CsvCase = { name: string; kind: 'roster' | 'backlog'; text: string | Uint8Array; error: RegExp };
const CSV_CASES: CsvCase[] = [
  {
    name: 'a byte-order mark in the middle (two exports joined)',
    kind: 'roster',
    text: Uint8Array.from([...BOM, ...utf8('name,level,team\nAna,Junior,Core\n'), ...BOM, ...utf8('name,level,team\nBo,Mid,Core\n')]),
    error: /^Line 3 has a byte-order mark \(the invisible sign that starts a file\) in the middle of the file: two files were joined/,
  },
  {
    name: 'mixed delimiters in the header',
    kind: 'roster',
    text: 'name;level,team\nAna;Junior,Core\n',
    error:
      /^Missing columns: name, level\. .*\(found: name;level, team\)\. The header mixes commas and semicolons: use one delimiter throughout\./,
  },
  {
    name: 'a header of 5,000 columns',
    kind: 'backlog',
    text: `kind,title${','.repeat(4_998)}\ninitiative,X\n`,
    error: /^The header names 5,000 columns; Rungs reads files of at most 1,000\. Is it the right file\?/,
  },
  {
    name: 'invalid UTF-16 (an odd number of bytes)',
    kind: 'roster',
    text: Uint8Array.from([0xff, 0xfe, ...[...'name\tlevel\tteam\nAna\tMid\tCore\n'].flatMap((c) => [c.charCodeAt(0), 0]), 0x41]),
    error: /^The file says it is UTF-16 LE \(it starts with that byte-order mark\), but it has an odd number of bytes/,
  },
  {
    name: 'bytes that break the UTF-8 its mark promises',
    kind: 'roster',
    text: Uint8Array.from([...BOM, ...utf8('name,level,team\n'), 0x4a, 0xfc, ...utf8('rgen,Mid,Core\n')]),
    error: /^The file says it is UTF-8 .*, but line 2 holds bytes that are not UTF-8/,
  },
  {
    name: 'unclosed quote',
    kind: 'roster',
    text: 'name,level,team\n"Ana,Junior,Core\nBo,Mid,Core\n',
    error: /^A quote opened on line 2 is never closed/,
  },
  {
    name: 'missing column',
    kind: 'roster',
    text: 'name,team\nAna,Core\n',
    error: /^Missing column: level\. The first line must name the columns name, level, team, capacity, active, key \(found: name, team\)/,
  },
  {
    name: 'column twice',
    kind: 'backlog',
    text: 'kind,title,Title\ninitiative,A,B\n',
    error: /^The column "title" appears twice in the header/,
  },
  { name: 'header only', kind: 'roster', text: 'name,level,team\r\n', error: /^The file has a header line but no rows\./ },
  { name: 'empty', kind: 'roster', text: '', error: /^The file is empty\./ },
  { name: 'only blank lines and a BOM', kind: 'backlog', text: '\uFEFF\n \r\n\n', error: /^The file is empty\./ },
  {
    name: 'cut mid-row',
    kind: 'roster',
    text: ROSTER_CSV.slice(0, ROSTER_CSV.indexOf('Sam Park') + 6),
    error: /^The file ends in the middle of line 3: it has 1 of 4 columns and no line break after it, so the file looks cut short/,
  },
  {
    name: 'cut mid-row after a comma',
    kind: 'backlog',
    text: `${BACKLOG_HEAD}initiative,Gift cards,,Mid,8,Build\nstory,`,
    error: /^The file ends in the middle of line 3: it has 2 of 6 columns/,
  },
  {
    name: 'cut inside a quoted cell',
    kind: 'roster',
    text: 'name,level,team\nAna,Junior,"Core',
    error: /^A quote opened on line 2 is never closed: a closing quote is missing, or the file was cut short/,
  },
  {
    name: `more than ${IMPORT_LIMITS.rows} rows`,
    kind: 'roster',
    text: manyRows(IMPORT_LIMITS.rows + 1),
    error: /^The file has 50,001 rows; Rungs imports at most 50,000 at a time\. Split it/,
  },
  {
    name: 'a line of 100,001 characters',
    kind: 'roster',
    text: `name,level,team\n${'x'.repeat(100_001)},Junior,T\n`,
    error: /A line is longer than 100,000 characters; this does not look like a CSV file/,
  },
  {
    name: 'larger than 5 MB',
    kind: 'backlog',
    text: `${BACKLOG_HEAD}${'initiative,Same row again and again,,Mid,3,Build\n'.repeat(Math.ceil(IMPORT_LIMITS.csvChars / 45))}`,
    error: /The file is larger than 5 MB \(5,000,000 characters\); split it/,
  },
  { name: 'random bytes', kind: 'roster', text: noise(20_000, 7), error: /This is not a text file: it holds binary data/ },
  { name: 'high bytes only (no NUL)', kind: 'backlog', text: noise(5_000, 11, 0x80, 0x100), error: /This is not a text file/ },
  {
    name: 'a zip that is no workbook (noise after a zip signature)',
    kind: 'roster',
    text: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, ...noise(3000, 3)]),
    error: /This file is damaged: it starts like a zip/,
  },
  {
    name: 'a NUL inside an otherwise good file',
    kind: 'roster',
    text: 'name,level,team\nAna\u0000,Junior,Core\n',
    error: /This is not a text file/,
  },
];

type Refused = { message: string; issues?: { message: string }[] };
/** What the import screen shows for a refused request: the schema's own sentence, without "Invalid request for …". */
const shown = (error: Refused) => error.issues?.[0]?.message ?? error.message;

/** The message a lead would see: the preview's file error, or the refusal of the request. */
function previewMessage(r: { ok: true; value: { fileErrors: string[]; clean: boolean } } | { ok: false; error: Refused }) {
  if (!r.ok) return shown(r.error);
  expect(r.value.clean).toBe(false);
  return r.value.fileErrors[0] ?? '';
}

describe('a hostile CSV gets a specific message and changes nothing', () => {
  it.each(CSV_CASES)('$name', ({ kind, text, error }) => {
    const { db, file, dispatch } = tempRoster();
    const before = rowCounts(db);
    const quarterId = kind === 'roster' ? null : 1;
    const bytes = typeof text === 'string' ? csvBytes(text) : toBase64(text);
    expect(previewMessage(dispatch('import.previewCsv', { kind, quarterId, bytes }))).toMatch(error);
    const commit = dispatch('import.commitCsv', { kind, quarterId, bytes });
    expect(commit.ok).toBe(false);
    // The commit says the same after "Nothing was imported: ".
    if (!commit.ok) expect(shown(commit.error).replace(/^Nothing was imported: /, '')).toMatch(error);
    expect(rowCounts(db)).toEqual(before);
    expect(listBackups(file)).toEqual([]);
  });

  it('the same files, repaired, import (so the refusals above are about the damage)', () => {
    const { db, dispatch } = tempRoster({ demo: false });
    ok(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(ROSTER_CSV) }));
    ok(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(manyRows(2000)) }));
    ok(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: csvBytes('name,level,team\nAna,Junior,"Core"') }));
    // Semicolons and tabs are delimiters like commas; UTF-16 and Windows-1252 are read as they are.
    ok(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: csvBytes('name;level;team\nBo;Mid;Core\n') }));
    ok(dispatch('import.commitCsv', { kind: 'backlog', quarterId: 1, bytes: csvBytes('kind\ttitle\ninitiative\tX\n') }));
    const utf16 = [0xff, 0xfe, ...[...'name\tlevel\tteam\nCy\tMid\tCore\n'].flatMap((c) => [c.charCodeAt(0), 0])];
    ok(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: toBase64(Uint8Array.from(utf16)) }));
    const cp1252 = Uint8Array.from([...utf8('name,level,team\nJ'), 0xfc, ...utf8('rgen,Mid,Core\n')]);
    ok(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: toBase64(cp1252) }));
    expect(rowCounts(db).engineers).toBe(2 + 2000 + 1 + 3);
    expect(db.prepare('SELECT name FROM engineers WHERE name LIKE ?').pluck().all('J%rgen')).toEqual(['Jürgen']);
  });

  it('a row written with another delimiter than the header is named on its line', () => {
    const { dispatch } = tempRoster({ demo: false });
    const preview = ok(
      dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes: csvBytes('name;level;team\nAna;Mid;Core\nBo,Mid,Core\n') }),
    );
    expect(preview.rows[1]!.errors[0]).toEqual({
      column: null,
      message: 'This row separates its cells with commas, but the header with semicolons: use one delimiter throughout the file.',
    });
  });

  it('base64 that is not base64, or a file over 10 MB, is refused before it is read', () => {
    const { dispatch } = tempRoster({ demo: false });
    expect(previewMessage(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes: 'not base64!' }))).toMatch(
      /^The file did not arrive whole/,
    );
    const huge = 'A'.repeat(Math.ceil(IMPORT_LIMITS.csvBytes / 3) * 4 + 4);
    expect(previewMessage(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes: huge }))).toMatch(
      /^The file is larger than 10 MB/,
    );
  });
});

describe('hostile fixes and titles in a preview request change nothing they should not', () => {
  const roster = (text: string, corrections?: unknown) =>
    ({ kind: 'roster', quarterId: null, bytes: csvBytes(text), ...(corrections === undefined ? {} : { corrections }) }) as never;

  it('a title named like a prototype key is saved as a plain alias, and pollutes nothing', () => {
    const { db, dispatch } = tempRoster({ demo: false });
    const text = 'name,level,team\nAna,__proto__,Core\nBo,constructor,Core\n';
    const corrections = {
      renames: [],
      titles: [
        { title: '__proto__', level: 1 },
        { title: 'constructor', level: 2 },
      ],
    };
    const p = ok(dispatch('import.previewCsv', roster(text)));
    expect(p.unknownTitles!.map((t) => t.title)).toEqual(['__proto__', 'constructor']);
    const fixed = ok(dispatch('import.previewCsv', roster(text, corrections)));
    ok(dispatch('import.commitCsv', { ...(roster(text, corrections) as object), fingerprint: fixed.fingerprint } as never));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const aliases = db.prepare('SELECT aliases FROM ladder_levels ORDER BY position').pluck().all() as string[];
    expect(aliases.map((a) => JSON.parse(a) as string[])).toEqual([[], ['__proto__'], ['constructor'], []]);
  });

  it('a title too long to be an alias stays a row error, with no pick offered; a pick for it is refused', () => {
    const { db, dispatch } = tempRoster({ demo: false });
    const before = rowCounts(db);
    const title = 'Principal '.repeat(20).trim();
    const text = `name,level,team\nAna,${title},Core\n`;
    const p = ok(dispatch('import.previewCsv', roster(text)));
    expect(p.unknownTitles).toEqual([]);
    expect(p.rows[0]!.errors[0]!.message).not.toMatch(/Pick its level/);
    expect(dispatch('import.commitCsv', roster(text, { renames: [], titles: [{ title, level: 1 }] })).ok).toBe(false);
    expect(rowCounts(db)).toEqual(before);
  });

  it("a rename to a name the roster refuses is that row's error; a rename to an unknown parent leaves it unknown", () => {
    const { db, dispatch } = tempRoster();
    const before = rowCounts(db);
    const text = 'name,level,team\nAna,Mid,Checkot\n';
    const blank = ok(
      dispatch('import.previewCsv', roster(text, { renames: [{ column: 'team', from: 'Checkot', to: '   ' }], titles: [] })),
    );
    expect(blank.rows[0]!.errors).toMatchObject([{ column: 'team' }]);
    const backlog = { kind: 'backlog', quarterId: 1, bytes: csvBytes('kind,title,parent\nstory,S,Nowhere\n') } as const;
    const away = { renames: [{ column: 'parent' as const, from: 'Nowhere', to: 'Elsewhere' }], titles: [] };
    const p = ok(dispatch('import.previewCsv', { ...backlog, corrections: away }));
    expect(p.rows[0]!.errors[0]!.message).toMatch(/^Unknown parent: no initiative "Elsewhere"/);
    expect(dispatch('import.commitCsv', { ...backlog, corrections: away }).ok).toBe(false);
    expect(rowCounts(db)).toEqual(before);
  });

  it('a file of 20,000 distinct new teams previews quickly, with no suggestions to wade through', () => {
    const { dispatch } = tempRoster();
    const text = `name,level,team\n${Array.from({ length: 20_000 }, (_, i) => `E${i},Mid,Team ${i}\n`).join('')}`;
    const started = performance.now();
    const p = ok(dispatch('import.previewCsv', roster(text)));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(p.suggestions).toEqual([]);
    expect(p.summary.newTeams).toHaveLength(20_000);
  });
});

describe('a hostile JSON document gets a specific message and changes nothing', () => {
  const exported = () => ok(tempRoster().dispatch('export.json', {})).text;
  const edit = (change: (doc: Record<string, unknown> & { engineers: Record<string, unknown>[] }) => void) => {
    const doc = JSON.parse(exported());
    change(doc);
    return JSON.stringify(doc);
  };
  const good = exported();
  const cases: { name: string; text: string; error: RegExp; code?: string }[] = [
    { name: 'empty', text: '', error: /^The file is empty\. Nothing was imported\.$/ },
    { name: 'cut in half', text: good.slice(0, good.length / 2), error: /^The file ends in the middle of the document: it was cut short/ },
    { name: 'cut inside a string', text: good.slice(0, good.indexOf('Priya') + 3), error: /cut short/ },
    { name: 'cut after the last brace is lost', text: good.trimEnd().slice(0, -1), error: /cut short/ },
    { name: 'not JSON', text: "{format: 'rungs'}", error: /^The file is not valid JSON \(/ },
    { name: 'a CSV picked by mistake', text: ROSTER_CSV, error: /^The file is not valid JSON/ },
    { name: 'an array', text: '[1, 2, 3]', error: /^This JSON file is not a Rungs document\./ },
    { name: 'a string', text: '"rungs"', error: /^This JSON file is not a Rungs document\./ },
    {
      name: 'another format',
      text: '{"format": "trello", "version": 1}',
      error: /^This JSON file is not a Rungs export: it has no "format": "rungs"/,
    },
    {
      name: 'a newer version',
      text: edit((d) => (d.version = 6)),
      error: /^This document is version 6, written by a newer Rungs; this Rungs reads version 5\. Update Rungs to import it\./,
    },
    { name: 'version as a string', text: edit((d) => (d.version = '1')), error: /^This document's version \("1"\) is not one Rungs wrote/ },
    { name: 'no version', text: edit((d) => delete d.version), error: /^This document's version \(none\) is not one Rungs wrote/ },
    {
      name: 'an extra top-level field',
      text: edit((d) => (d.salaries = [])),
      error: /at its top level: unknown field "salaries"\. Nothing was imported\./,
    },
    {
      name: 'an extra field on an engineer',
      text: edit((d) => (d.engineers[2]!.salary = 1)),
      error: /at engineers\[2\]: unknown field "salary"/,
    },
    {
      name: 'a missing field on an engineer',
      text: edit((d) => delete d.engineers[0]!.level),
      error: /at engineers\[0\]\.level: this field is missing/,
    },
    { name: 'a missing list', text: edit((d) => delete d.teams), error: /at teams: this field is missing/ },
    {
      name: 'a wrong type',
      text: edit((d) => (d.engineers[1]!.capacity = '12')),
      error: /at engineers\[1\]\.capacity: Points are a whole number \(found "12"\)\. Nothing was imported\.$/,
    },
    {
      name: 'a level off the ladder',
      text: edit((d) => (d.engineers[1]!.level = 9)),
      error: /^Marco Rossi.s level is at position 10, which is not on the ladder \(Intern, Junior, Mid, Senior\)/,
      // Well formed, but inconsistent with the ladder it comes with.
      code: 'conflict',
    },
    {
      name: '__proto__ at the top',
      text: good.replace('{', '{"__proto__": {"polluted": true},'),
      error: /at its top level: unknown field "__proto__"/,
    },
    {
      name: '__proto__ in an engineer',
      text: good.replace('"name": "Priya Natarajan"', '"name": "Priya Natarajan", "__proto__": {"isAdmin": true}'),
      error: /at engineers\[0\]: unknown field "__proto__"/,
    },
    {
      name: 'constructor.prototype in a team',
      text: good.replace('"name": "Checkout"', '"name": "Checkout", "constructor": {"prototype": {"polluted": true}}'),
      error: /at teams\[0\]: unknown field "constructor"/,
    },
    {
      name: `more than ${IMPORT_LIMITS.rows} teams`,
      text: edit((d) => (d.teams = Array.from({ length: IMPORT_LIMITS.rows + 1 }, (_, i) => ({ id: i + 1, name: `T${i}` })))),
      error: /at teams: More than 50,000 teams; Rungs does not import a document this large/,
    },
    {
      name: 'larger than 10 MB',
      text: good.replace('"teams"', `"padding": "${'x'.repeat(IMPORT_LIMITS.jsonChars)}", "teams"`),
      error: /The file is larger than 10 MB \(10,000,000 characters\)/,
    },
    {
      name: 'random bytes',
      text: asRead(noise(20_000, 5)),
      error: /^This is not a text file: it holds binary data.*Pick the \.json file Rungs exported/,
    },
    {
      name: 'an SQLite file',
      text: asRead(new Uint8Array([...new TextEncoder().encode('SQLite format 3\0'), ...noise(4000, 9)])),
      error: /This is not a text file/,
    },
  ];

  it.each(cases)('$name', ({ text, error, code = 'invalid_input' }) => {
    const { db, file, dispatch } = tempRoster({ demo: false });
    const before = rowCounts(db);
    const r = dispatch('import.json', { text });
    expect(r).toMatchObject({ ok: false, error: { code } });
    if (!r.ok) expect(shown(r.error)).toMatch(error);
    expect(rowCounts(db)).toEqual(before);
    expect(listBackups(file)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('the export itself, with a byte-order mark, imports (so the refusals above are about the damage)', () => {
    const { db, dispatch } = tempRoster({ demo: false });
    ok(dispatch('import.json', { text: `\uFEFF${good}` }));
    expect(rowCounts(db).engineers).toBe(11);
  });
});

describe('CSV export neutralises formulas, and import takes the guard off again', () => {
  const names = [
    '=SUM(A1)',
    '-Ana',
    '+1 Bo',
    '@cmd',
    "'=already quoted",
    "''-two quotes",
    "O'Brien",
    "'plain quote",
    'Ana-Maria',
    '=HYPERLINK("http://x","y")',
  ];

  /** A roster holding exactly these names, made through the forms' channels (a CSV would read the guards). */
  function seeded() {
    const r = tempRoster({ demo: false });
    ok(r.dispatch('teams.create', { name: 'Core' }));
    ok(r.dispatch('teams.create', { name: '@Team' }));
    const team = (name: string) => r.db.prepare('SELECT id FROM teams WHERE name = ?').pluck().get(name) as number;
    names.forEach((name, i) => ok(r.dispatch('engineers.create', { name, level: 0, teamId: team(i === 0 ? '@Team' : 'Core') })));
    return r;
  }

  it('every cell a spreadsheet would run starts with a single quote in the file', () => {
    const { dispatch } = seeded();
    const lines = ok(dispatch('export.rosterCsv', {})).text.split('\r\n');
    expect(lines).toContain("'=SUM(A1),Intern,'@Team,,yes,");
    expect(lines).toContain("'-Ana,Intern,Core,,yes,");
    expect(lines).toContain("'+1 Bo,Intern,Core,,yes,");
    expect(lines).toContain("'@cmd,Intern,Core,,yes,");
    expect(lines).toContain("''=already quoted,Intern,Core,,yes,");
    expect(lines).toContain("'''-two quotes,Intern,Core,,yes,");
    expect(lines).toContain("O'Brien,Intern,Core,,yes,");
    expect(lines).toContain("'plain quote,Intern,Core,,yes,");
    expect(lines).toContain('Ana-Maria,Intern,Core,,yes,');
    expect(lines).toContain('"\'=HYPERLINK(""http://x"",""y"")",Intern,Core,,yes,');
    // No cell of the file starts with a formula character.
    for (const line of lines.slice(1)) expect(line).not.toMatch(/(^|,)"?[=+\-@\t\r]/);
  });

  it('round trip: export → import into an empty roster gives back the same names and teams', () => {
    const a = seeded();
    const exported = ok(a.dispatch('export.rosterCsv', {})).text;
    const b = tempRoster({ demo: false });
    ok(b.dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(exported) }));
    const people = (db: typeof a.db) =>
      db.prepare('SELECT e.name, t.name AS team FROM engineers e JOIN teams t ON t.id = e.team_id ORDER BY e.name').all();
    expect(people(b.db)).toEqual(people(a.db));
    expect((people(b.db) as { name: string }[]).map((p) => p.name).sort()).toEqual([...names].sort());
    expect(ok(b.dispatch('export.rosterCsv', {})).text).toBe(exported);
  });

  it('the plan export guards titles, parents and assignees too, and the backlog import reads them back', () => {
    const a = tempRoster({ demo: false });
    const backlog = `${BACKLOG_HEAD}initiative,=1+1,,Mid,3,Build\nstory,-dash first,=1+1,Junior,1,Build\n`;
    ok(a.dispatch('import.commitCsv', { kind: 'backlog', quarterId: 1, bytes: csvBytes(backlog) }));
    const plan = ok(a.dispatch('export.planCsv', { quarterId: 1 })).text;
    expect(plan).toContain("initiative,'=1+1,,Mid,3,Build,,planned,,,");
    expect(plan).toContain("story,'-dash first,'=1+1,Junior,1,Build,,planned,,,");
    const b = tempRoster({ demo: false });
    ok(b.dispatch('import.commitCsv', { kind: 'backlog', quarterId: 1, bytes: csvBytes(plan) }));
    const titles = (db: typeof a.db) => db.prepare('SELECT kind, title, parent_id IS NOT NULL AS child FROM work_items ORDER BY id').all();
    expect(titles(b.db)).toEqual(titles(a.db));
  });
});
