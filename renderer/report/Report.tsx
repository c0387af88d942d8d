import { useMemo, useState } from 'react';
import { localToday } from '../../shared/calendar.ts';
import { driCheck } from '../../shared/dri.ts';
import { delegation, teamGaps } from '../../shared/gaps.ts';
import { levelName } from '../../shared/ladder.ts';
import { estimates } from '../../shared/load.ts';
import { teamLanes } from '../../shared/plan.ts';
import type { Snapshot, Team } from '../../shared/schemas.ts';
import { plural } from '../../shared/words.ts';
import { saveReportPdf, savedNotice, useShellFeatures } from '../files.ts';
import { useMenuCommand } from '../shell-menu.ts';
import { DriTable } from '../ui/DriTable.tsx';
import './report.css';
import { notices } from '../store/notice.ts';
import { Notices } from '../ui/Notices.tsx';
import { useLadder } from '../ladder/useLadder.ts';
import { PlanTable } from './PlanTable.tsx';
import { useNameOf } from '../store/engineerNames.ts';

// The printable staffing report for a quarter: the plan by engineer with each team's totals,
// warnings, DRI check and delegation gaps; for every team, or one. The browser prints it with
// report.css's print rules; in Electron the main process renders the same screen, with the same
// rules, to an A4 PDF (webContents.printToPDF).
//
// One team's report is the whole report narrowed down, never a plan computed from fewer items: an
// initiative whose stories sit with another team keeps the same load on its DRI as on the board.

export function Report({ snapshot }: { snapshot: Snapshot }) {
  const ladder = useLadder();
  const nameOf = useNameOf();
  const [teamId, setTeamId] = useState<number | null>(null);
  const team = snapshot.teams.find((t) => t.id === teamId) ?? null;
  /** Whether a person or an item is in the report: on the chosen team, or any when it covers every team. */
  const ours = (t: { teamId: number | null } | null | undefined): boolean => !team || t?.teamId === team.id;
  const teams = useMemo(() => teamLanes(snapshot.teams, snapshot.engineers, snapshot.items), [snapshot]);
  const { warnings, perEngineer } = useMemo(() => delegation(snapshot, nameOf), [snapshot, nameOf]);
  const dri = useMemo(() => driCheck(snapshot), [snapshot]);
  const gaps = useMemo(() => perEngineer.filter((e) => e.gaps.length > 0), [perEngineer]);
  const left = useMemo(() => teamGaps(snapshot), [snapshot]);
  const estimateOf = useMemo(() => estimates(snapshot), [snapshot]);
  const engineers = useMemo(() => new Map(snapshot.engineers.map((e) => [e.id, e])), [snapshot]);
  const unassigned = snapshot.items.filter((i) => !i.assignment && ours(i));
  const active = snapshot.engineers.filter((e) => e.active && ours(e));
  const items = team ? snapshot.items.filter((i) => ours(i.assignment ? engineers.get(i.assignment.engineerId) : i)) : snapshot.items;
  // The date the report was opened, fixed for the life of the screen.
  const [today] = useState(() => localToday());
  const { pdf } = useShellFeatures();
  const savePdf = async () => {
    const r = await saveReportPdf(snapshot.quarter.name, team?.name);
    if (!r.ok) return notices.refused(r.error.message);
    const said = savedNotice('the report', r.value);
    if (said) notices.said(said);
    else notices.clear();
  };
  useMenuCommand('print', () => void savePdf());

  return (
    <article className="report" aria-labelledby="report-h">
      <header className="report-head">
        <h2 id="report-h">
          Staffing report, {snapshot.quarter.name}
          {team && `, team ${team.name}`}
        </h2>
        <p className="report-meta">
          {plural(active.length, 'engineer')} · {plural(items.length, 'item')} · {unassigned.length} unassigned · generated {today}
        </p>
        <div className="report-actions">
          <TeamPicker teams={snapshot.teams} value={teamId} onChange={setTeamId} />
          <button type="button" className="report-print" onClick={() => void savePdf()}>
            {team ? `${pdf ? 'Save' : 'Print'} team ${team.name}` : pdf ? 'Save as PDF' : 'Print or save as PDF'}
          </button>
        </div>
        <Notices statusClass="report-saved" />
      </header>

      <section aria-labelledby="report-plan-h">
        <h3 id="report-plan-h">Plan by engineer</h3>
        {teams
          .filter((t) => ours({ teamId: t.team.id }))
          .map((t) => (
            <PlanTable key={t.team.id} team={t} engineers={engineers} />
          ))}
        {unassigned.length > 0 && (
          <p>
            <strong>Unassigned:</strong> {unassigned.map((i) => `${i.title} (${levelName(ladder, i.rung)} rung)`).join('; ')}
          </p>
        )}
      </section>

      <section aria-labelledby="report-warnings-h">
        <h3 id="report-warnings-h">Warnings</h3>
        <List
          items={warnings
            .filter((w) => ours(w.engineer))
            .map((w) => ({ key: `${w.kind}-${w.item.id}`, muted: w.acknowledged, text: w.message }))}
        />
      </section>

      <section aria-labelledby="report-dri-h">
        <h3 id="report-dri-h">DRI check</h3>
        <DriTable rows={dri.filter((r) => (r.dri ? ours(r.dri) : ours(r.initiative)))} estimateOf={estimateOf} compact />
      </section>

      <section aria-labelledby="report-gaps-h">
        <h3 id="report-gaps-h">Delegation gaps</h3>
        {gaps
          .filter(({ engineer }) => ours(engineer))
          .map(({ engineer, gaps: list }) => (
            <div key={engineer.id} className="report-gap">
              <h4>
                {nameOf(engineer)}, {levelName(ladder, engineer.level)}
              </h4>
              <List items={list.map((g, i) => ({ key: String(i), muted: g.acknowledged, label: g.label, text: g.message }))} />
            </div>
          ))}
        <h4>{team ? `Team ${team.name}` : 'Team'}</h4>
        <ul>
          {(
            [
              ['Initiatives without a DRI', left.initiativesWithoutDri],
              ['Stories without an owner', left.storiesWithoutOwner],
            ] as const
          ).map(([label, items]) => (
            <li key={label}>
              {label}:{' '}
              {items
                .filter(ours)
                .map((i) => i.title)
                .join('; ') || 'none'}
            </li>
          ))}
          {/* The spread of rungs against levels is the whole roster's: not one team's to print. */}
          {!team && left.spreadNotes.map((n) => <li key={n}>{n}</li>)}
        </ul>
      </section>
    </article>
  );
}

type Line = { key: string; muted: boolean; label?: string; text: string };

/** Warnings and gaps: one line each, an acknowledged one muted; "None." when there are none. */
function List({ items }: { items: Line[] }) {
  if (items.length === 0) return <p>None.</p>;
  return (
    <ul>
      {items.map((l) => (
        <li key={l.key} className={l.muted ? 'report-muted' : ''}>
          {l.label && <strong>{l.label}:</strong>} {l.text}
        </li>
      ))}
    </ul>
  );
}

/** Which teams the report covers, and so what goes on paper: every team, or one. */
function TeamPicker({ teams, value, onChange }: { teams: readonly Team[]; value: number | null; onChange: (id: number | null) => void }) {
  return (
    <label className="report-team">
      Print
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}>
        <option value="">All teams</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            Team {t.name}
          </option>
        ))}
      </select>
    </label>
  );
}
