import { useState } from 'react';
import { calendarQuarterStart, dayText, localToday, threeMonthsAfter } from '../../shared/calendar.ts';
import { type Rank, levelName } from '../../shared/ladder.ts';
import type { Engineer } from '../../shared/schemas.ts';
import { withArticle } from '../../shared/words.ts';
import { Confirm } from '../ui/Confirm.tsx';
import { useLadder } from '../ladder/useLadder.ts';
import { useNameOf } from '../store/engineerNames.ts';

/**
 * A level change is deliberate and dated: the lead confirms it and says from when. Today is the
 * default; the first days of this quarter and the next are a click away, since a promotion usually
 * takes effect with a quarter. The date decides which quarters' plans see the new level. It is no
 * earlier than the day their level was last set (`changeableFrom`, levelChangeableFrom in
 * shared/calendar.ts): someone added to the roster today cannot be promoted from this quarter's
 * start, which the roster would confirm and no quarter would see.
 */
export function PromoteDialog({
  engineer,
  to,
  quarterStart,
  changeableFrom,
  onConfirm,
  onCancel,
}: {
  engineer: Engineer;
  to: Rank;
  quarterStart: string | null;
  /** The day their level was last set, if ever: a change takes effect on it or later. */
  changeableFrom: string | null;
  onConfirm: (day: string) => void;
  onCancel: () => void;
}) {
  const ladder = useLadder();
  const name = useNameOf()(engineer);
  const now = localToday();
  const thisQuarter = calendarQuarterStart(now);
  const nextQuarter = threeMonthsAfter(thisQuarter);
  const earliest = changeableFrom ?? '0000-01-01';
  const [day, setDay] = useState(now >= earliest ? now : earliest);
  const wellFormed = /^\d{4}-\d\d-\d\d$/.test(day);
  const tooEarly = wellFormed && day < earliest;
  const valid = wellFormed && !tooEarly;
  const choices = [
    { label: 'Today', day: now },
    { label: 'This quarter’s start', day: thisQuarter },
    { label: 'Next quarter’s start', day: nextQuarter },
    ...(quarterStart && ![now, thisQuarter, nextQuarter].includes(quarterStart)
      ? [{ label: 'The shown quarter’s start', day: quarterStart }]
      : []),
    ...(changeableFrom && changeableFrom > now ? [{ label: 'The day their level was last set', day: changeableFrom }] : []),
  ].filter((c) => c.day >= earliest);
  return (
    <Confirm
      title={`Promote ${name} to ${levelName(ladder, to)}?`}
      confirmLabel={valid ? `Promote from ${dayText(day)}` : 'Promote'}
      danger={false}
      onCancel={onCancel}
      onConfirm={() => valid && onConfirm(day)}
    >
      <p>
        {name} is {withArticle(levelName(ladder, engineer.level))}. From the day you choose, fits are judged at {levelName(ladder, to)};
        quarters that start before it keep the level held then.
      </p>
      <div className="field">
        <label htmlFor="promote-on">Effective from</label>
        <input
          id="promote-on"
          className="promote-date"
          type="date"
          value={day}
          min={changeableFrom ?? undefined}
          required
          aria-invalid={tooEarly || undefined}
          aria-describedby={changeableFrom ? 'promote-from' : undefined}
          onChange={(e) => setDay(e.target.value)}
        />
        {changeableFrom && (
          <p id="promote-from" className={tooEarly ? 'field-error' : 'hint'} role={tooEarly ? 'alert' : undefined}>
            {name}’s level was last set on {dayText(changeableFrom)}: the change takes effect on that day or later.
          </p>
        )}
      </div>
      <div className="date-choices" role="group" aria-label="Common dates">
        {choices.map((c) => (
          <button key={c.label} type="button" aria-pressed={day === c.day} onClick={() => setDay(c.day)}>
            {c.label} ({dayText(c.day)})
          </button>
        ))}
      </div>
    </Confirm>
  );
}
