import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from '../default-ladder.ts';
import {
  PRESET_MAPPINGS,
  fitMapping,
  guessMapping,
  headerFingerprint,
  matchPerson,
  personKey,
  readKind,
  readStatus,
  recognisePreset,
  rungFromLabels,
} from './source.ts';

// The rules a tracker's export is read by, one describe per sentence.

describe('a preset is recognised from the header', () => {
  it('Jira by Summary and Issue Type, whatever the other columns', () => {
    expect(recognisePreset(['Summary', 'Issue key', 'Issue id', 'Issue Type', 'Status', 'Sprint', 'Sprint'])).toBe('jira');
  });
  it('Linear by Title and its cycle and project columns', () => {
    expect(recognisePreset(['ID', 'Title', 'Status', 'Estimate', 'Assignee', 'Project', 'Cycle Number'])).toBe('linear');
  });
  it('GitHub Projects by Title and Assignees', () => {
    expect(recognisePreset(['Title', 'URL', 'Assignees', 'Status', 'Parent issue', 'Estimate'])).toBe('github');
  });
  it("no preset for Rungs' own columns or an arbitrary sheet", () => {
    expect(recognisePreset(['kind', 'title', 'parent'])).toBeNull();
    expect(recognisePreset(['Task', 'Owner', 'Points'])).toBeNull();
  });
  it('a preset file missing its key column is still recognised (and refused later, by name)', () => {
    expect(recognisePreset(['Summary', 'Issue Type', 'Status'])).toBe('jira');
  });
});

describe('a mapping is remembered per source: the header fingerprint', () => {
  it('is the same whatever the order and case of the columns', () => {
    expect(headerFingerprint(['Task', 'Owner', 'Points'])).toBe(headerFingerprint(['points', ' owner', 'TASK']));
    expect(headerFingerprint(['Task', 'Owner'])).not.toBe(headerFingerprint(['Task', 'Owner', 'Points']));
  });
  it('a first guess maps each field to the column its name suggests, each column once', () => {
    const m = guessMapping(['Task', 'Owner', 'Points', 'State', 'Epic']);
    expect(m).toMatchObject({ title: ['Task'], assignee: ['Owner'], size: ['Points'], status: ['State'], parent: ['Epic'], kind: [] });
  });
  it('a saved mapping keeps only the columns the file has', () => {
    expect(fitMapping({ ...PRESET_MAPPINGS.jira }, ['Summary', 'Issue key']).parent).toEqual([]);
    expect(fitMapping({ ...PRESET_MAPPINGS.jira }, ['Summary', 'Issue key']).title).toEqual(['Summary']);
  });
});

describe('statuses map to planned, in progress, done, or skipped', () => {
  it.each([
    ['To Do', 'planned'],
    ['Backlog', 'planned'],
    ['Todo', 'planned'],
    ['In Progress', 'in_progress'],
    ['In Review', 'in_progress'],
    ['Done', 'done'],
    ['Closed', 'done'],
    ['Canceled', 'skipped'],
    ['Cancelled', 'skipped'],
  ])('%s → %s', (cell, status) => {
    expect(readStatus(cell)).toEqual({ status, known: true });
  });
  it('a status Rungs does not know is planned, and said to be unknown', () => {
    expect(readStatus('Ready for QA')).toEqual({ status: 'planned', known: false });
  });
});

describe('assignees are matched to engineers by name, ignoring case, accents and spacing', () => {
  const people = [
    { id: 1, name: 'José García', active: true },
    { id: 2, name: 'Ana Sousa', active: false },
    { id: 3, name: 'Sam Lee', active: true },
    { id: 4, name: 'sam  lee', active: true },
  ];
  it('"jose garcia" and "José  García" are José García', () => {
    expect(personKey('José  García')).toBe(personKey('jose garcia'));
    expect(matchPerson('jose garcia', people)).toEqual({ ok: true, person: people[0] });
    expect(matchPerson(' JOSÉ GARCIA ', people)).toEqual({ ok: true, person: people[0] });
  });
  it('an inactive engineer is not matched', () => {
    expect(matchPerson('Ana Sousa', people)).toEqual({ ok: false, why: 'Ana Sousa is inactive' });
  });
  it('two engineers of one name match no one, and someone not on the roster is not invented', () => {
    expect(matchPerson('Sam Lee', people)).toMatchObject({ ok: false, why: '2 engineers on the roster are called Sam Lee' });
    expect(matchPerson('Dana Whitfield', people)).toEqual({ ok: false, why: 'not on the roster' });
  });
});

describe('kinds and rungs from the tracker', () => {
  it('epics are initiatives, sub-tasks are skipped, everything else is a story', () => {
    expect(['Epic', 'Story', 'Task', 'Bug', 'Sub-task', 'Subtask', 'Spike'].map(readKind)).toEqual([
      'initiative',
      'story',
      'story',
      'story',
      'skip',
      'skip',
      'story',
    ]);
  });
  it('a label like rung:mid sets the rung', () => {
    expect(rungFromLabels(DEFAULT_LADDER, ['frontend', 'rung:mid'])).toEqual({ rung: 2, label: 'rung:mid' });
    expect(rungFromLabels(DEFAULT_LADDER, ['Rung-Senior'])).toEqual({ rung: 3, label: 'Rung-Senior' });
    expect(rungFromLabels(DEFAULT_LADDER, ['rung:wizard', 'wallets'])).toBeNull();
  });
});
