import { type KeyboardEvent, useEffect, useId, useRef } from 'react';
import { FIT_LABEL, describeFit } from '../../shared/fit.ts';
import { levelName, touchpointNames } from '../../shared/ladder.ts';
import { pts } from '../../shared/load.ts';
import { itemFit } from '../../shared/plan.ts';
import type { Engineer, Snapshot, WorkItem } from '../../shared/schemas.ts';
import { CardHistory } from './CardHistory.tsx';
import { CardText, InlineSize, PlaceSelects, ReviewerSelect, RungSelect, StatusSelect, useCardEdits } from './CardEdits.tsx';
import { TouchpointChecks } from '../ui/TouchpointChecks.tsx';
import './card-detail.css';
import { useLadder } from '../ladder/useLadder.ts';
import { useNameOf } from '../store/engineerNames.ts';

type Props = {
  itemId: number;
  snapshot: Snapshot;
  /** Escape or Close: the board puts focus back on the card. */
  onClose: () => void;
  /** Show another card (a parent or a child) in the panel. */
  onOpen: (itemId: number) => void;
};

const KIND = { initiative: 'Initiative', story: 'Story' } as const;
const ROLE = { initiative: 'DRI', story: 'Owner' } as const;

/**
 * One card's details beside the board: everything the card stands for, and its own history, with
 * the fields a lead changes in a session edited in place. Opened by a click on the card or Enter
 * on its handle; Escape closes it and focus goes back to the card.
 */
export function CardDetail({ itemId, snapshot, onClose, onOpen }: Props) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const item = snapshot.items.find((i) => i.id === itemId);
  // A screen reader hears the card's name as the panel opens, and Tab goes on into its fields.
  useEffect(() => heading.current?.focus(), [itemId]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    onClose();
  };
  return (
    <aside className="card-detail" aria-labelledby={headingId} data-id="card-detail" onKeyDown={onKeyDown}>
      <header className="card-detail-head">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          {item ? item.title : 'Card not found'}
        </h2>
        <button type="button" onClick={onClose} aria-label="Close the card's details">
          Close
        </button>
      </header>
      {item ? (
        <Details key={item.id} item={item} snapshot={snapshot} onOpen={onOpen} />
      ) : (
        <p role="alert" data-id="card-detail-gone">
          This card is not in {snapshot.quarter.name}: it was deleted, an undo took it away, or it belongs to another quarter. Nothing was
          changed.
        </p>
      )}
    </aside>
  );
}

function Details({ item, snapshot, onOpen }: { item: WorkItem; snapshot: Snapshot; onOpen: (itemId: number) => void }) {
  const id = useId();
  const ladder = useLadder();
  const { update, setReviewer, unassign, pending } = useCardEdits(item);
  const engineer = (engineerId: number | null | undefined) =>
    engineerId == null ? undefined : snapshot.engineers.find((e) => e.id === engineerId);
  const assignee = engineer(item.assignment?.engineerId);
  const parent = item.parentId === null ? undefined : snapshot.items.find((i) => i.id === item.parentId);
  const children = snapshot.items.filter((i) => i.parentId === item.id);
  return (
    <div className="card-detail-body" aria-busy={pending || undefined}>
      <p className="card-detail-kind">
        {KIND[item.kind]}
        {item.size !== null ? ` · ${pts(item.size)}` : ''}
      </p>
      <CardText id={`${id}-title`} label="Title" value={item.title} save={(title) => update({ title })} />
      <CardText
        id={`${id}-description`}
        label="Description"
        multiline
        value={item.description}
        save={(description) => update({ description })}
      />
      <div className="card-detail-row">
        <StatusSelect id={`${id}-status`} value={item.status} save={(status) => update({ status })} />
        <InlineSize id={`${id}-size`} value={item.size} save={(size) => update({ size })} />
      </div>
      <RungSelect id={`${id}-rung`} item={item} save={(rung) => update({ rung })} />
      <PlaceSelects id={id} item={item} snapshot={snapshot} save={update} />
      <TouchpointChecks all={touchpointNames(ladder)} value={item.touchpoints} onChange={(touchpoints) => update({ touchpoints })} />
      <dl className="card-detail-facts">
        <dt>{ROLE[item.kind]}</dt>
        <dd>
          {assignee ? <Assignee item={item} engineer={assignee} /> : 'Nobody yet: in the backlog'}
          {assignee && (
            <button type="button" className="card-detail-unassign" onClick={() => void unassign()}>
              Unassign
            </button>
          )}
        </dd>
        {item.assignment?.ackNote && (
          <>
            <dt>Kept on purpose</dt>
            <dd data-id="card-detail-ack">{item.assignment.ackNote}</dd>
          </>
        )}
      </dl>
      {assignee && (
        <ReviewerSelect
          id={`${id}-reviewer`}
          item={item}
          assignee={assignee}
          engineers={snapshot.engineers}
          save={(reviewerId, leadReviews) => setReviewer(reviewerId, leadReviews)}
        />
      )}
      {parent && (
        <section aria-labelledby={`${id}-parent`}>
          <h3 id={`${id}-parent`}>Initiative</h3>
          <ul className="card-detail-related">
            <Related item={parent} owner={engineer(parent.assignment?.engineerId)} onOpen={onOpen} />
          </ul>
        </section>
      )}
      {item.kind === 'initiative' && (
        <section aria-labelledby={`${id}-stories`}>
          <h3 id={`${id}-stories`}>Stories ({children.length})</h3>
          {children.length === 0 ? (
            <p>No story yet.</p>
          ) : (
            <ul className="card-detail-related" data-id="card-detail-stories">
              {children.map((c) => (
                <Related key={c.id} item={c} owner={engineer(c.assignment?.engineerId)} onOpen={onOpen} />
              ))}
            </ul>
          )}
        </section>
      )}
      <CardHistory item={item} history={snapshot.history} />
    </div>
  );
}

function Assignee({ item, engineer }: { item: WorkItem; engineer: Engineer }) {
  const ladder = useLadder();
  const f = itemFit(item, engineer);
  const name = useNameOf()(engineer);
  return (
    <span data-id="card-detail-assignee">
      {name} ({levelName(ladder, engineer.level)}){' '}
      <span className={`fit-badge fit-${f.kind}`} title={describeFit(f)}>
        {FIT_LABEL[f.kind]}
      </span>
    </span>
  );
}

/** A parent or a child, with its owner; a button shows it in the panel. */
function Related({ item, owner, onOpen }: { item: WorkItem; owner: Engineer | undefined; onOpen: (itemId: number) => void }) {
  const ladder = useLadder();
  const nameOf = useNameOf();
  return (
    <li>
      <button type="button" className="link-button" onClick={() => onOpen(item.id)}>
        {item.title}
      </button>{' '}
      <span className="card-detail-owner">{owner ? `${nameOf(owner)} (${levelName(ladder, owner.level)})` : 'no owner yet'}</span>
    </li>
  );
}
