import { localToday } from '../../shared/calendar.ts';
import type { transferContract } from '../../shared/contract/transfer.ts';
import { fileHeader, toCsv } from '../../shared/csv.ts';
import type { TrackerOptions } from '../../shared/tracker/preview.ts';
import { headerFingerprint, isRungsBacklogHeader } from '../../shared/tracker/source.ts';
import { type RosterOptions, RosterMappingSchema, isRungsRosterHeader, rosterMappingSettingKey } from '../../shared/roster-source.ts';
import { checkHrRoster } from '../../shared/roster-check.ts';
import { readSetting, writeSetting } from './import-settings.ts';
import type { Corrections } from '../../shared/import-fixes.ts';
import { checkTrackerFile, importTracker, rememberMapping } from './tracker-import.ts';
import { RungsError } from '../../shared/errors.ts';
import { plural } from '../../shared/words.ts';
import { fit, FIT_LABEL, whoReviews } from '../../shared/fit.ts';
import { type CsvFile, type ImportKind, matchKey } from '../../shared/import.ts';
import { checkBacklog } from '../../shared/import-backlog.ts';
import { ACTIVE_CELL, checkRoster } from '../../shared/import-roster.ts';
import { levelName } from '../../shared/ladder.ts';
import { getLadder } from '../store/ladder.ts';
import type { Db } from '../store/db.ts';
import { getEngineers, getQuarter, getWorkItems } from '../store/queries.ts';
import { prepared } from '../store/statements.ts';
import { documentHandlers } from './document.ts';
import { employeeIds, importBacklog, importRoster, keepingBackup, teams } from './import-writes.ts';
import type { Handlers } from './types.ts';

// Spreadsheets in (a roster, a backlog, a tracker export: preview, then commit) and out (the
// roster, a quarter's plan); the JSON document is document.ts's.

type Options = { tracker?: TrackerOptions | undefined; roster?: RosterOptions | undefined; corrections?: Corrections | undefined };

function check(db: Db, kind: ImportKind, quarterId: number | null, text: CsvFile, options: Options) {
  const quarter = quarterId === null ? null : getQuarter(db, quarterId);
  if (kind === 'roster') {
    const teamList = teams(db);
    const teamName = new Map(teamList.map((t) => [t.id, t.name]));
    const keys = employeeIds(db);
    const engineers = getEngineers(db).map((e) => ({ ...e, team: teamName.get(e.teamId)!, externalKey: keys.get(e.id) ?? null }));
    const context = { engineers, teamNames: teamList.map((t) => t.name), ladder: getLadder(db), corrections: options.corrections };
    // Rungs' own columns are read as they always were; any other header is an HR export's.
    const parsed = fileHeader(text);
    if (parsed && !isRungsRosterHeader(parsed.header)) {
      const saved = readSetting(db, rosterMappingSettingKey(headerFingerprint(parsed.header)), RosterMappingSchema);
      return { kind: 'hr', quarter, ...checkHrRoster(text, context, options.roster ?? {}, saved) } as const;
    }
    return { kind, quarter, ...checkRoster(text, context) } as const;
  }
  if (!quarter) throw new RungsError('conflict', 'Pick the quarter the backlog goes into.');
  // Rungs' own columns are read as they always were; any other header is a tracker's or a mapping's.
  const parsed = fileHeader(text);
  if (parsed && !isRungsBacklogHeader(parsed.header)) {
    return {
      kind: 'tracker',
      quarter,
      ...checkTrackerFile(db, quarter.id, quarter.name, text, options.tracker, options.corrections),
    } as const;
  }
  const teamList = teams(db);
  const teamName = new Map(teamList.map((t) => [t.id, t.name]));
  const initiatives = getWorkItems(db, quarter.id).filter((i) => i.kind === 'initiative');
  const context = {
    quarterName: quarter.name,
    ladder: getLadder(db),
    initiativeTitles: initiatives.map((i) => i.title),
    teamNames: teamList.map((t) => t.name),
    initiativeTeams: new Map(initiatives.map((i) => [matchKey(i.title), i.teamId === null ? null : teamName.get(i.teamId)!])),
    corrections: options.corrections,
  };
  return { kind, quarter, ...checkBacklog(text, context) } as const;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export const transferHandlers: Handlers<typeof transferContract> = {
  'import.previewCsv': (db, { kind, quarterId, bytes, tracker, roster, corrections }) =>
    check(db, kind, quarterId, bytes, { tracker, roster, corrections }).preview,

  'import.commitCsv': (db, { kind, quarterId, bytes, fingerprint, tracker, roster, corrections }) => {
    const checked = check(db, kind, quarterId, bytes, { tracker, roster, corrections });
    const { preview } = checked;
    if (!preview.clean) {
      const problem = preview.fileErrors[0]?.replace(/\.$/, '') ?? `${plural(preview.summary.invalid, 'row has', 'rows have')} errors`;
      throw new RungsError('conflict', `Nothing was imported: ${problem}. Fix the file and preview it again.`);
    }
    if (fingerprint !== undefined && fingerprint !== preview.fingerprint) {
      throw new RungsError('conflict', 'Nothing was imported: the roster changed since this preview. Preview the file again.');
    }
    if (preview.summary.new + preview.summary.updated === 0 && !preview.titles?.length) {
      return { changeId: null, summary: 'Nothing to import: every row already matches the roster', rows: 0, newTeams: [] };
    }
    if (checked.kind === 'tracker') {
      // The mapping that read this file well is the one the next file with its header starts from.
      rememberMapping(db, checked.header, checked.mapping);
      const name = preview.source?.name ?? 'tracker export';
      const m = keepingBackup(db, () => importTracker(db, checked.quarter.id, checked.quarter.name, name, checked.values));
      return { ...m, rows: preview.summary.new + preview.summary.updated, newTeams: [] };
    }
    if (checked.kind === 'hr') writeSetting(db, rosterMappingSettingKey(checked.header), checked.mapping);
    // The change log says where the rows came from: History lists "from an Excel workbook" apart from CSV.
    const from = bytes.sheets ? 'an Excel workbook' : 'CSV';
    const m = keepingBackup(db, () =>
      checked.kind === 'roster' || checked.kind === 'hr'
        ? importRoster(db, checked.values, preview.summary.newTeams, from, preview.titles ?? [])
        : importBacklog(db, checked.quarter.id, checked.quarter.name, checked.values, from),
    );
    return { ...m, rows: preview.summary.new + preview.summary.updated, newTeams: preview.summary.newTeams };
  },

  'export.rosterCsv': (db) => {
    const teamName = new Map(teams(db).map((t) => [t.id, t.name]));
    const ladder = getLadder(db);
    // Every field the import reads, so a file exported and imported again changes nothing; the
    // employee id too, so a person renamed in the sheet is still matched to their row.
    const ids = employeeIds(db);
    const rows = getEngineers(db).map((e) => [
      e.name,
      levelName(ladder, e.level),
      teamName.get(e.teamId)!,
      e.capacity,
      e.active ? ACTIVE_CELL.true : ACTIVE_CELL.false,
      ids.get(e.id) ?? '',
    ]);
    return {
      filename: `rungs-roster-${localToday()}.csv`,
      mediaType: 'text/csv',
      text: toCsv(['name', 'level', 'team', 'capacity', 'active', 'key'], rows),
    };
  },

  'export.planCsv': (db, { quarterId }) => {
    const quarter = getQuarter(db, quarterId);
    const items = getWorkItems(db, quarterId);
    const title = new Map(items.map((i) => [i.id, i.title]));
    const engineers = new Map(getEngineers(db).map((e) => [e.id, e]));
    const teamName = new Map(teams(db).map((t) => [t.id, t.name]));
    // The tracker's key, so the plan can be matched back to the tracker it came from.
    const keys = new Map(
      prepared<[number], { id: number; external_key: string | null }>(db, 'SELECT id, external_key FROM work_items WHERE quarter_id = ?')
        .all(quarterId)
        .map((r) => [r.id, r.external_key]),
    );
    const rows = items.map((i) => {
      const assignee = i.assignment ? engineers.get(i.assignment.engineerId)! : null;
      const reviewer = i.assignment
        ? (whoReviews(i.assignment.reviewerId ? engineers.get(i.assignment.reviewerId)!.name : null, i.assignment.leadReviews) ?? '')
        : '';
      return [
        i.kind,
        i.title,
        i.parentId !== null ? (title.get(i.parentId) ?? '') : '',
        levelName(getLadder(db), i.rung),
        i.size,
        i.touchpoints.join('; '),
        i.teamId === null ? '' : teamName.get(i.teamId)!,
        i.status,
        assignee?.name ?? '',
        assignee ? FIT_LABEL[fit(i.rung, assignee.level).kind] : '',
        reviewer,
        keys.get(i.id) ?? '',
      ];
    });
    const header = ['kind', 'title', 'parent', 'rung', 'size', 'touchpoints', 'team', 'status', 'assignee', 'fit', 'reviewer', 'key'];
    return { filename: `rungs-plan-${slug(quarter.name)}.csv`, mediaType: 'text/csv', text: toCsv(header, rows) };
  },

  ...documentHandlers,
};
