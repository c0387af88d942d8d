import type { CsvFile } from '../../shared/import.ts';
import type { Corrections } from '../../shared/import-fixes.ts';
import { type Status, type WorkKind } from '../../shared/ladder.ts';
import { plural } from '../../shared/words.ts';
import { type ExistingItem, type TrackerValue, checkTracker } from '../../shared/tracker/check.ts';
import type { TrackerOptions } from '../../shared/tracker/preview.ts';
import { type ColumnMapping, ColumnMappingSchema, headerFingerprint, mappingSettingKey } from '../../shared/tracker/source.ts';
import { fileHeader } from '../../shared/csv.ts';
import type { Db } from '../store/db.ts';
import { getEngineers } from '../store/queries.ts';
import { toDb } from '../store/rows.ts';
import { prepared } from '../store/statements.ts';
import { readSetting, writeSetting } from './import-settings.ts';
import { record } from './types.ts';
import { nextSortKey } from './work.ts';
import { getLadder } from '../store/ladder.ts';

// A tracker export (or a mapped sheet) into a quarter: the check is shared/tracker/check.ts; here
// is what it reads from the database and how its clean rows are written, as one logged change.

type DbItemKeyRow = {
  id: number;
  kind: WorkKind;
  title: string;
  size: number | null;
  status: Status;
  external_key: string | null;
  parent_id: number | null;
  team_id: number | null;
};

const quarterItems = (db: Db, quarterId: number) =>
  prepared<[number], DbItemKeyRow>(
    db,
    'SELECT id, kind, title, size, status, external_key, parent_id, team_id FROM work_items WHERE quarter_id = ? ORDER BY id',
  ).all(quarterId);

export function checkTrackerFile(
  db: Db,
  quarterId: number,
  quarterName: string,
  file: CsvFile,
  options: TrackerOptions = {},
  corrections?: Corrections,
) {
  const items = quarterItems(db, quarterId);
  const byId = new Map(items.map((i) => [i.id, i]));
  const existing: ExistingItem[] = items.map((i) => {
    const p = i.parent_id === null ? null : byId.get(i.parent_id);
    return {
      id: i.id,
      kind: i.kind,
      title: i.title,
      size: i.size,
      status: i.status,
      externalKey: i.external_key,
      parent: p ? { key: p.external_key, title: p.title } : null,
    };
  });
  const parsed = fileHeader(file);
  const saved = parsed ? readSetting(db, mappingSettingKey(headerFingerprint(parsed.header)), ColumnMappingSchema) : null;
  const engineers = getEngineers(db).map((e) => ({ id: e.id, name: e.name, level: e.level, active: e.active }));
  return checkTracker(file, { quarterName, ladder: getLadder(db), items: existing, engineers, saved, corrections }, options);
}

/** The mapping the lead confirmed, kept for the next file with this header. Not part of the plan's history. */
export const rememberMapping = (db: Db, header: string, mapping: ColumnMapping) => writeSetting(db, mappingSettingKey(header), mapping);

export function importTracker(db: Db, quarterId: number, quarterName: string, sourceName: string, values: TrackerValue[]) {
  const added = values.filter((v) => v.change === 'new');
  const updated = values.filter((v) => v.change === 'update');
  const initiatives = added.filter((v) => v.kind === 'initiative').length;
  const parts = [
    added.length > 0 ? `imported ${plural(initiatives, 'initiative')} and ${plural(added.length - initiatives, 'story', 'stories')}` : null,
    updated.length > 0 ? `updated ${plural(updated.length, 'item')}` : null,
  ].filter((p) => p !== null);
  const text = parts.join(', ');
  const summary = `${text.charAt(0).toUpperCase()}${text.slice(1)} in ${quarterName} from a ${sourceName}`;
  return record(db, summary, (rows) => {
    const items = new Map(quarterItems(db, quarterId).map((i) => [i.id, i]));
    const ids = new Map<string, { id: number; teamId: number | null }>();
    for (const v of values) if (v.existingId !== null) ids.set(v.ref, { id: v.existingId, teamId: items.get(v.existingId)!.team_id });
    let sortKey = nextSortKey(db, quarterId);
    const parentOf = (v: TrackerValue) =>
      v.parent !== null ? ids.get(v.parent)! : v.parentId !== null ? { id: v.parentId, teamId: items.get(v.parentId)!.team_id } : null;
    // Initiatives first, so every story finds its parent's id.
    for (const v of [...values.filter((x) => x.kind === 'initiative'), ...values.filter((x) => x.kind === 'story')]) {
      const parent = v.kind === 'story' ? parentOf(v) : null;
      if (v.change === 'new') {
        const teamId = parent?.teamId ?? null;
        const id = rows.insert('work_items', {
          ...toDb.workItem({
            kind: v.kind,
            parentId: parent?.id ?? null,
            quarterId,
            title: v.title,
            description: '',
            rung: v.rung,
            size: v.size,
            touchpoints: [],
            status: v.status,
            sortKey,
            teamId,
            carriedFromQuarterId: null,
            carriedAckNote: null,
          }),
          external_key: v.externalKey,
        });
        sortKey += 1024;
        ids.set(v.ref, { id, teamId });
        if (v.assigneeId !== null) {
          rows.insert(
            'assignments',
            toDb.assignment(id, { engineerId: v.assigneeId, reviewerId: null, leadReviews: false, ackNote: null }),
          );
        }
      } else if (v.change === 'update') {
        const before = items.get(v.existingId!)!;
        const parentId = v.kind === 'story' ? (parent?.id ?? null) : null;
        rows.update('work_items', v.existingId!, {
          title: v.title,
          size: v.size,
          status: v.status,
          parent_id: parentId,
          // A story moved to another initiative takes its team, as on the board.
          team_id: v.kind === 'story' && parentId !== before.parent_id ? (parent?.teamId ?? before.team_id) : before.team_id,
        });
      }
    }
  });
}
