// How a transition is written: the registration and the event's counters, ordered so that a failure
// can only leave the counters fuller than the registrations, never emptier (see model/seats.ts).
import type { ConferenceEvent } from '../model/event.ts';
import type { Registration } from '../model/registration.ts';
import { addCounts, compensation, counterChange, type CounterChange } from '../model/seats.ts';
import { positionOnJoining } from '../model/seats.ts';
import { errorType } from '../platform/log.ts';
import type { StoreDeps } from './deps.ts';

type CommitDeps = Pick<StoreDeps, 'counters' | 'registrations' | 'log'>;

/** `seatReturned`: a lost write gave back a seat it had taken, which the waiting list may now need. */
export type CommitResult = { kind: 'written'; registration: Registration } | { kind: 'lost'; seatReturned: boolean } | { kind: 'full' };

/**
 * Writes a transition with its counter change:
 * - a change that takes a seat or a queue number changes the counters first (the capacity check is
 *   part of that update), then writes the registration; a lost or failed write is compensated;
 * - a change that frees a seat or leaves the queue writes the registration first, then the counters.
 * A newcomer (anyone not coming off the waiting list) gets a seat only while nobody is waiting.
 */
export async function commitTransition(deps: CommitDeps, event: ConferenceEvent, before: Registration | undefined, after: Registration): Promise<CommitResult> {
  const change = counterChange(before, after, event.timeZone);
  const reserves = (change.seats ?? 0) > 0 || (change.waitlistIssued ?? 0) > 0;
  if (!reserves) {
    if (!(await deps.registrations.save(after, before?.version))) return { kind: 'lost', seatReturned: false };
    await applyAfterWrite(deps, event, change);
    return { kind: 'written', registration: after };
  }

  const takesSeat = (change.seats ?? 0) > 0;
  const counters = await deps.counters.apply(event.id, change, takesSeat ? event.capacity : undefined, {
    queueFirst: before?.status !== 'waitlisted',
  });
  if (!counters) return { kind: 'full' };
  const written = change.waitlistIssued ? { ...after, waitlist: { seq: counters.waitlistIssued, position: positionOnJoining(counters) } } : after;
  // If the write fails with its outcome unknown, no compensation: the counters stay fuller, never emptier.
  if (await deps.registrations.save(written, before?.version)) return { kind: 'written', registration: written };
  await deps.counters.apply(event.id, compensation(change));
  return { kind: 'lost', seatReturned: takesSeat };
}

function touches(change: CounterChange): boolean {
  return Boolean(change.seats) || Boolean(change.waitlistIssued) || Boolean(change.waitlistDeparted) || Object.keys(change.counts ?? {}).length > 0;
}

/**
 * The registration is written; its counter change follows. If that fails the change stands (the
 * participant's request succeeded) and the counters stay fuller than the truth until reconcile.
 */
async function applyAfterWrite(deps: CommitDeps, event: ConferenceEvent, change: CounterChange): Promise<void> {
  if (!touches(change)) return;
  try {
    await deps.counters.apply(event.id, change);
  } catch (error) {
    deps.log.error('counters_behind', { eventId: event.id, ...errorType(error) });
  }
}

/**
 * Deletes the registration (expired link, erasure) and takes it out of the counts, with `extraCounts`
 * added (what the erasure's tombstone keeps counting). Only the request whose delete removed the item
 * counts the removal.
 */
export async function commitRemoval(
  deps: CommitDeps,
  event: ConferenceEvent,
  before: Registration,
  extraCounts: Record<string, number> = {},
): Promise<'deleted' | 'gone' | 'lost'> {
  const outcome = await deps.registrations.delete(before);
  if (outcome !== 'deleted') return outcome;
  const change = counterChange(before, undefined, event.timeZone);
  await applyAfterWrite(deps, event, { ...change, counts: addCounts(change.counts ?? {}, extraCounts) });
  return outcome;
}
