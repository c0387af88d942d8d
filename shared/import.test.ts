import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from './default-ladder.ts';
import type { RosterContext } from './import.ts';
import { checkBacklog } from './import-backlog.ts';
import { checkRoster } from './import-roster.ts';

// Re-importing an HR sheet: one describe per sentence of the rule.

const roster: RosterContext = {
  ladder: DEFAULT_LADDER,
  teamNames: ['Checkout', 'Growth'],
  engineers: [
    { id: 1, name: 'Ana Sousa', level: 1, team: 'Checkout', capacity: 10, active: true },
    { id: 2, name: 'Marco Rossi', level: 2, team: 'Checkout', capacity: 13, active: true },
    { id: 3, name: 'Mia Chen', level: 0, team: 'Growth', capacity: null, active: true },
  ],
};
const csv = (...lines: string[]) => `name,level,team,capacity\r\n${lines.join('\r\n')}\r\n`;

describe('a name already on the roster is not an error: its row updates that engineer', () => {
  it('shows each row as new, update or unchanged', () => {
    const { preview, values } = checkRoster(
      csv('Ana Sousa,Mid,Growth,13', 'Marco Rossi,Mid,Checkout,13', 'Nadia Ali,Junior,Checkout,8'),
      roster,
    );
    expect(preview.clean).toBe(true);
    expect(preview.rows.map((r) => r.change)).toEqual(['update', 'unchanged', 'new']);
    expect(preview.summary).toMatchObject({ new: 1, updated: 1, unchanged: 1, newTeams: [] });
    expect(values.map((v) => [v.name, v.engineerId, v.change])).toEqual([
      ['Ana Sousa', 1, 'update'],
      ['Marco Rossi', 2, 'unchanged'],
      ['Nadia Ali', null, 'new'],
    ]);
  });

  it('a name written with a combining accent (as files saved on a Mac have it) is the same person, stored composed', () => {
    const zoe = { ...roster, engineers: [{ id: 4, name: 'Zoë Sousa', level: 1 as const, team: 'Checkout', capacity: 10, active: true }] };
    const decomposed = 'Zoe\u0308 Sousa';
    expect(decomposed).not.toBe('Zoë Sousa');
    expect(checkRoster(csv(`${decomposed},Junior,Checkout,10`), zoe).values.map((v) => [v.engineerId, v.change])).toEqual([
      [4, 'unchanged'],
    ]);
    const { values } = checkRoster(csv(`Le\u0301a Nguye\u0302\u0303n,Junior,Checkout,8`), zoe);
    expect(values.map((v) => [v.name, v.change])).toEqual([['Léa Nguyễn', 'new']]);
  });

  it('an update lists exactly the fields that change, from → to', () => {
    const { preview } = checkRoster(csv('Ana Sousa,Mid-level,Growth,13'), roster);
    expect(preview.rows[0]!.differences).toEqual([
      { field: 'level', from: 'Junior', to: 'Mid' },
      { field: 'team', from: 'Checkout', to: 'Growth' },
      { field: 'capacity', from: '10', to: '13' },
    ]);
  });

  it('an empty capacity cell clears it; a file without the capacity column leaves it alone', () => {
    expect(checkRoster(csv('Ana Sousa,Junior,Checkout,'), roster).preview.rows[0]!.differences).toEqual([
      { field: 'capacity', from: '10', to: 'none' },
    ]);
    const noColumn = checkRoster('name,level,team\nAna Sousa,Junior,Checkout\n', roster);
    expect(noColumn.preview.rows[0]).toMatchObject({ change: 'unchanged', differences: [] });
    expect(noColumn.values[0]!.capacity).toBe(10);
  });

  it('a move to a team that does not exist yet creates it', () => {
    const { preview } = checkRoster(csv('Mia Chen,Intern,Platform,'), roster);
    expect(preview.rows[0]!.differences).toEqual([{ field: 'team', from: 'Growth', to: 'Platform' }]);
    expect(preview.summary.newTeams).toEqual(['Platform']);
  });
});

describe('matching is by name, case-insensitive and trimmed', () => {
  it('"  ana SOUSA " is Ana Sousa, shown as a mapping, and keeps the roster spelling', () => {
    const { preview, values } = checkRoster(csv('"  ana SOUSA ",junior,checkout,10'), roster);
    expect(preview.rows[0]).toMatchObject({ change: 'unchanged', errors: [] });
    expect(preview.rows[0]!.mappings).toContainEqual({ column: 'name', from: 'ana SOUSA', to: 'Ana Sousa' });
    expect(values[0]).toMatchObject({ name: 'Ana Sousa', engineerId: 1 });
  });

  it('a different name is someone new, however close', () => {
    expect(checkRoster(csv('Ana Sousa-Lima,Junior,Checkout,10'), roster).preview.rows[0]!.change).toBe('new');
  });
});

describe('duplicate names within the file remain an error', () => {
  it('the second line naming the same person is refused, even when the name is on the roster', () => {
    const { preview, values } = checkRoster(csv('Ana Sousa,Mid,Checkout,10', 'ANA SOUSA ,Senior,Checkout,10'), roster);
    expect(preview.clean).toBe(false);
    expect(preview.rows[1]).toMatchObject({
      change: null,
      errors: [{ column: 'name', message: 'Duplicate name: ANA SOUSA is also on line 2.' }],
    });
    expect(values).toEqual([]);
  });
});

describe('the preview carries a fingerprint of what the commit would do', () => {
  it('is the same for the same file and roster, and differs when the roster moved', () => {
    const text = csv('Ana Sousa,Mid,Checkout,10', 'Nadia Ali,Junior,Checkout,8');
    const a = checkRoster(text, roster).preview.fingerprint;
    expect(checkRoster(text, roster).preview.fingerprint).toBe(a);
    const promoted = { ...roster, engineers: roster.engineers.map((e) => (e.id === 1 ? { ...e, level: 2 as const } : e)) };
    expect(checkRoster(text, promoted).preview.fingerprint).not.toBe(a);
    const nadiaAdded = {
      ...roster,
      engineers: [...roster.engineers, { id: 9, name: 'Nadia Ali', level: 1 as const, team: 'Checkout', capacity: 8, active: true }],
    };
    expect(checkRoster(text, nadiaAdded).preview.fingerprint).not.toBe(a);
  });
});

describe('a column the header repeats keeps all its values', () => {
  it('touchpoints spread over several columns (as a tracker writes labels) are read together', () => {
    const text = 'kind,title,touchpoints,Sprint,touchpoints,Sprint\ninitiative,Gift cards,Define,S1,Build; Define,S2\n';
    const { preview, values } = checkBacklog(text, { quarterName: 'Q1', ladder: DEFAULT_LADDER, initiativeTitles: [] });
    expect(preview.clean).toBe(true);
    expect(values[0]!.touchpoints).toEqual(['Define', 'Build']);
    expect(preview.notes).toEqual(['Not used, will be ignored: "Sprint" (2 columns).']);
  });
  it('a column that holds one value per row is refused when repeated: which one would be right?', () => {
    const { preview } = checkRoster('name,level,team,Level\nAna,Mid,Core,Senior\n', roster);
    expect(preview.fileErrors).toEqual(['The column "level" appears twice in the header; Rungs reads one level per row.']);
  });
});

describe('the preview says how the file was read', () => {
  it("its encoding and its delimiter, with the decoder's note", () => {
    const file = { text: 'name;level;team\nJürgen Groß;Mid;Core\n', encoding: 'windows-1252' as const, note: 'Check the accents.' };
    expect(checkRoster(file, roster).preview.reading).toEqual({
      encoding: 'windows-1252',
      delimiter: ';',
      said: 'Read as Windows-1252, semicolon-separated.',
      note: 'Check the accents.',
    });
  });
});
