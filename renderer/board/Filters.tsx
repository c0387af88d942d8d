import { memo } from 'react';
import { type Rank, STATUSES, STATUS_LABEL, type Status } from '../../shared/ladder.ts';
import type { Team } from '../../shared/schemas.ts';
import { type BoardFilter, type FitFilter, type LaneOrder, NO_FILTER, isFiltered } from './filters.ts';
import { useLadder } from '../ladder/useLadder.ts';

const ORDER_OPTIONS: { value: LaneOrder; label: string }[] = [
  { value: 'level', label: 'Level' },
  { value: 'load', label: 'Load, most first' },
  { value: 'free', label: 'Free capacity, most first' },
];

const FIT_OPTIONS: { value: FitFilter; label: string }[] = [
  { value: 'all', label: 'Any fit' },
  { value: 'warnings', label: 'Only warnings (overreach)' },
  { value: 'in_reach', label: 'In reach' },
  { value: 'stretch', label: 'Stretch' },
  { value: 'overreach', label: 'Overreach' },
];

type Props = { teams: readonly Team[]; filter: BoardFilter; onChange: (f: BoardFilter) => void };

export const Filters = memo(function Filters({ teams, filter, onChange }: Props) {
  const ladder = useLadder();
  const set = (patch: Partial<BoardFilter>) => onChange({ ...filter, ...patch });
  return (
    <search className="filters" aria-label="Filter the board">
      <label>
        Search
        <input type="search" value={filter.query} placeholder="Title or engineer" onChange={(e) => set({ query: e.target.value })} />
      </label>
      <label>
        Team
        <select value={filter.teamId ?? ''} onChange={(e) => set({ teamId: e.target.value === '' ? null : Number(e.target.value) })}>
          <option value="">All teams</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Level
        <select
          value={filter.level ?? ''}
          onChange={(e) => set({ level: e.target.value === '' ? null : (Number(e.target.value) as Rank) })}
        >
          <option value="">All levels</option>
          {ladder.levels.map(({ name }, rank) => (
            <option key={name} value={rank}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Fit
        <select value={filter.fit} onChange={(e) => set({ fit: e.target.value as FitFilter })}>
          {FIT_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select value={filter.status ?? ''} onChange={(e) => set({ status: e.target.value === '' ? null : (e.target.value as Status) })}>
          <option value="">Any status</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Lanes by
        <select value={filter.order} onChange={(e) => set({ order: e.target.value as LaneOrder })}>
          {ORDER_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      {isFiltered(filter) && (
        <button type="button" onClick={() => onChange({ ...NO_FILTER, order: filter.order })}>
          Clear filters
        </button>
      )}
    </search>
  );
});
