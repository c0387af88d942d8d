import type Database from 'better-sqlite3';
import { type RunningHost, invoke, missingChanges } from './host-process.ts';

// The client side of the whole-stack crash tests: a few mutations in flight at once over HTTP, as
// a lead clicking quickly would send them. A change counts as acknowledged only once its HTTP 200
// reply said ok; a request cut off by the kill promised nothing.

export type Ack = { changeId: number; title: string };

export type Load = {
  acked: Ack[];
  /** Every other reply that was not ok (a validation refusal would mean the load itself is wrong). */
  refused: string[];
  /** Settles once every loop has stopped, which happens when the host goes away. */
  stopped: Promise<void>;
};

/** The quarter new work goes into: the one an empty roster starts with. */
export async function firstQuarter(host: RunningHost): Promise<number> {
  const r = await invoke(host, 'board.snapshot', {});
  if (!r.ok) throw new Error(`board.snapshot failed: ${r.error.message}`);
  const { quarters } = r.value as { quarters: { id: number }[] };
  if (!quarters[0]) throw new Error('The roster has no quarter.');
  return quarters[0].id;
}

const words = 'ladder rung scope design review mentor incident rollout migration latency budget onboarding'.split(' ');
/** A description of about `length` characters, varied so pages do not all look alike. */
export function prose(length: number): string {
  let s = '';
  while (s.length < length) s += `${words[Math.floor(Math.random() * words.length)]} `;
  return s.slice(0, length);
}

/**
 * Create stories until the host stops answering: `inFlight` loops, each sending one `work.create`
 * and waiting for its reply. `tag` keeps titles unique across trials on the same roster.
 */
export function createStories(
  host: RunningHost,
  {
    quarterId,
    tag,
    inFlight = 4,
    descriptionLength = 400,
    onAck,
  }: { quarterId: number; tag: string; inFlight?: number; descriptionLength?: number; onAck?: (ack: Ack) => void },
): Load {
  const acked: Ack[] = [];
  const refused: string[] = [];
  let next = 0;
  const loop = async () => {
    for (;;) {
      const title = `${tag}-${next++}`;
      let reply;
      try {
        reply = await invoke(host, 'work.create', { quarterId, kind: 'story', title, description: prose(descriptionLength) });
      } catch {
        return; // The connection broke: the host is gone.
      }
      const changeId = reply.ok ? (reply.value as { changeId: number | null }).changeId : null;
      if (reply.ok && changeId !== null) {
        acked.push({ changeId, title });
        onAck?.({ changeId, title });
      } else refused.push(reply.ok ? `${title}: no change id` : `${title}: ${reply.error.message}`);
    }
  };
  const stopped = Promise.all(Array.from({ length: inFlight }, loop)).then(() => undefined);
  return { acked, refused, stopped };
}

/** Acknowledged changes the roster does not hold: the change log entry, or the story it made. */
export function lostAcks(db: Database.Database, acked: readonly Ack[]): Ack[] {
  const missingIds = new Set(
    missingChanges(
      db,
      acked.map((a) => a.changeId),
    ),
  );
  const stories = new Set(db.prepare("SELECT title FROM work_items WHERE kind = 'story'").pluck().all() as string[]);
  return acked.filter((a) => missingIds.has(a.changeId) || !stories.has(a.title));
}
