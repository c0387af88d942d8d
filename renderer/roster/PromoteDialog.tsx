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
 * takes effect with a quarter. The date decides which quarters' plans see the new level.
 */
export function PromoteDialog({
  engineer,
  to,
  quarterStart,
  onConfirm,
  onCancel,
}: {
  engineer: Engineer;
  to: Rank;
  quarterStart: string | null;
  onConfirm: (day: string) => void;
  onCancel: () => void;
}) {
  const ladder = useLadder();
  const name = useNameOf()(engineer);
  const now = localToday();
  const thisQuarter = calendarQuarterStart(now);
  const nextQuarter = threeMonthsAfter(thisQuarter);
  const [day, setDay] = useState(now);
  const valid = /^\d{4}-\d\d-\d\d$/.test(day);
  const choices = [
    { label: 'Today', day: now },
    { label: 'This quarter’s start', day: thisQuarter },
    { label: 'Next quarter’s start', day: nextQuarter },
    ...(quarterStart && ![now, thisQuarter, nextQuarter].includes(quarterStart)
      ? [{ label: 'The shown quarter’s start', day: quarterStart }]
      : []),
  ];
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
        <input id="promote-on" className="promote-date" type="date" value={day} required onChange={(e) => setDay(e.target.value)} />
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
