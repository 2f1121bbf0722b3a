// Seats and the waiting list, kept with single-item conditional writes (dynalite and DynamoDB alike,
// no transactions): a counter-and-compensate design.
//
// A transition that takes or frees a seat first changes the event's counters item (one atomic
// UpdateItem that also checks the capacity), then writes the registration with its optimistic version
// check. If that second write loses a race, the counter change is undone (compensated) and the request
// re-reads. THE ONE FAILURE WINDOW: the process dies after the counter change and before the
// registration write or the compensation (a Lambda timeout, a crash). The counters then count a seat
// or a queue entry that no registration holds. Nothing is oversold (an extra count only makes the
// event look fuller), and `reconcileEvent` (npm run reconcile, POST /events/{id}/reconcile) recounts
// from the registrations and promotes whoever the freed seats belong to.
import type { ConferenceEvent } from './event.ts';
import { holdsSeat, isCounted, isParticipating } from './lifecycle.ts';
import type { Registration } from './registration.ts';

export interface Counters {
  seatsTaken: number;
  /** Queue numbers handed out so far. */
  waitlistIssued: number;
  /** Queue entries that left the queue (promoted, withdrawn, rejected, or a compensated join). */
  waitlistDeparted: number;
  /** waitlistIssued - waitlistDeparted, kept as its own attribute so a condition can test it. */
  waiting: number;
  /** `status:confirmed`, `category:civil_society`, `country:AT`, `day:2017-06-12`, ... */
  counts: Record<string, number>;
}

export interface CounterChange {
  seats?: number;
  waitlistIssued?: number;
  waitlistDeparted?: number;
  counts?: Record<string, number>;
}

type Counted = Pick<Registration, 'status' | 'confirmedAt'> & { details: Pick<Registration['details'], 'category' | 'country'> };

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) of a moment in a time zone: the venue's, for the registrations-per-day figures. */
export function calendarDay(moment: string, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(new Date(moment));
}

/**
 * Unconfirmed registrations are not counted: DynamoDB's TTL deletes the expired ones without telling
 * anybody, so a count of them could only drift. The list shows them (?status=pending_confirmation).
 * Every confirmed address counts on the day it was confirmed (in the event's time zone), whatever
 * became of the registration since: the registrations over time.
 */
function countsOf(registration: Counted | undefined, timeZone: string): Record<string, number> {
  if (!registration || !isCounted(registration.status)) return {};
  const counts: Record<string, number> = { [`status:${registration.status}`]: 1 };
  // Participants count by category and country too.
  if (isParticipating(registration.status)) {
    counts[`category:${registration.details.category}`] = 1;
    if (registration.details.country) counts[`country:${registration.details.country}`] = 1;
  }
  if (registration.confirmedAt) counts[`day:${calendarDay(registration.confirmedAt, timeZone)}`] = 1;
  return counts;
}

/**
 * How the statistics change when a registration goes from `before` to `after` (either may be absent).
 * The day counts use the event's time zone as it is now: one changed after registrations came in
 * may move a day's count, until reconcile recounts them all in the new zone.
 */
export function countsDelta(before: Counted | undefined, after: Counted | undefined, timeZone: string): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [name, value] of Object.entries(countsOf(after, timeZone))) delta[name] = (delta[name] ?? 0) + value;
  for (const [name, value] of Object.entries(countsOf(before, timeZone))) delta[name] = (delta[name] ?? 0) - value;
  return Object.fromEntries(Object.entries(delta).filter(([, value]) => value !== 0));
}

/** Two sets of counts added up, the ones that come to nothing left out. */
export function addCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const sum: Record<string, number> = { ...a };
  for (const [name, value] of Object.entries(b)) sum[name] = (sum[name] ?? 0) + value;
  return Object.fromEntries(Object.entries(sum).filter(([, value]) => value !== 0));
}

/** The full counter change of a transition: statistics, seats and queue membership. */
export function counterChange(before: Registration | undefined, after: Registration | undefined, timeZone: string): CounterChange {
  const seatBefore = before ? holdsSeat(before.status) : false;
  const seatAfter = after ? holdsSeat(after.status) : false;
  const queuedBefore = before?.status === 'waitlisted';
  const queuedAfter = after?.status === 'waitlisted';
  return {
    seats: Number(seatAfter) - Number(seatBefore),
    waitlistIssued: !queuedBefore && queuedAfter ? 1 : 0,
    waitlistDeparted: queuedBefore && !queuedAfter ? 1 : 0,
    counts: countsDelta(before, after, timeZone),
  };
}

/**
 * Undoes a change that was applied but whose registration write lost. A queue number that was handed
 * out stays handed out, and counts as departed, so later positions stay gapless.
 */
export function compensation(change: CounterChange): CounterChange {
  const issued = change.waitlistIssued ?? 0;
  return {
    seats: -(change.seats ?? 0),
    waitlistIssued: 0,
    waitlistDeparted: issued - (change.waitlistDeparted ?? 0),
    counts: Object.fromEntries(Object.entries(change.counts ?? {}).map(([name, value]) => [name, -value])),
  };
}

/** The position a registration joining the queue now gets: the queue's length including it. */
export function positionOnJoining(counters: Counters): number {
  return counters.waitlistIssued - counters.waitlistDeparted;
}

export function seatsLeft(event: ConferenceEvent, counters: Counters): number | null {
  return event.capacity === undefined ? null : Math.max(0, event.capacity - counters.seatsTaken);
}
