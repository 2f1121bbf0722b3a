// Recounts an event's counters from its registrations and repairs them: the remedy for the one failure
// window of the counter-and-compensate design (see model/seats.ts). Best run when the event is quiet:
// a seat taken on the counters whose registration is written while the recount reads could be missed,
// so the event is read twice and the higher seat count kept (a lower one could oversell; a higher one
// only looks fuller, which the next reconcile settles). It also rewrites registrations whose index keys
// or search text are missing or old (written before the byStatus index or the search existed), so
// every status filter and search finds them. And it repairs the delegations' places (repair-places.ts).
import type { ConferenceEvent } from '../model/event.ts';
import type { Registration } from '../model/registration.ts';
import { holdsSeat } from '../model/lifecycle.ts';
import { addCounts, countsDelta, type Counters } from '../model/seats.ts';
import { errorType } from '../platform/log.ts';
import type { RegistrationDeps } from './deps.ts';
import { repairPlaces, type PlacesRepair } from './repair-places.ts';
import { promoteFromWaitlist } from './waitlist.ts';

export interface ReconcileReport {
  eventId: string;
  before: Counters;
  after: Counters;
  promoted: number;
  /** Registrations rewritten because their index keys or search text were missing or old. */
  reindexed: number;
  /** The delegations' places, repaired from their nominations. */
  delegationPlaces: PlacesRepair;
}

interface Recount {
  counts: Record<string, number>;
  seatsTaken: number;
  waitlisted: number;
  highestQueueNumber: number;
  reindexed: number;
}

async function recount(deps: RegistrationDeps, event: ConferenceEvent, reindex: boolean): Promise<Recount> {
  const result: Recount = { counts: {}, seatsTaken: 0, waitlisted: 0, highestQueueNumber: 0, reindexed: 0 };
  let startKey: Record<string, string> | undefined;
  do {
    const page = await deps.registrations.listByEvent(event.id, {}, 100, startKey, { findOutdated: reindex });
    if (reindex) result.reindexed += await rewrite(deps, page.outdated);
    for (const registration of page.items) {
      for (const [name, value] of Object.entries(countsDelta(undefined, registration, event.timeZone))) result.counts[name] = (result.counts[name] ?? 0) + value;
      if (holdsSeat(registration.status)) result.seatsTaken++;
      if (registration.status === 'waitlisted') {
        result.waitlisted++;
        result.highestQueueNumber = Math.max(result.highestQueueNumber, registration.waitlist?.seq ?? 0);
      }
    }
    startKey = page.lastEvaluatedKey;
  } while (startKey);
  return result;
}

/**
 * Writes registrations again as they are: every write derives the index keys and the search text
 * afresh. One that changed meanwhile was written afresh by that change, so a lost race needs nothing.
 */
async function rewrite(deps: RegistrationDeps, outdated: readonly Registration[]): Promise<number> {
  let rewritten = 0;
  for (const registration of outdated) {
    try {
      if (await deps.registrations.save({ ...registration, version: registration.version + 1 }, registration.version)) rewritten++;
    } catch (error) {
      deps.log.error('reindex_failed', { eventId: registration.eventId, ...errorType(error) });
    }
  }
  return rewritten;
}

export async function reconcileEvent(deps: RegistrationDeps, event: ConferenceEvent): Promise<ReconcileReport> {
  const before = await deps.counters.get(event.id);
  const first = await recount(deps, event, true);
  const second = await recount(deps, event, false);
  // Erased registrations still count as erased, and on the day they had been confirmed.
  const tombstones = await deps.registrations.tombstoneCounts(event.id);
  const days = Object.fromEntries(Object.entries(tombstones.confirmedOn).map(([day, count]) => [`day:${day}`, count]));
  const counts = addCounts(second.counts, { 'status:erased': tombstones.erased, ...days });

  // Queue numbers only grow; what departed is whatever was issued and is no longer waiting.
  const waitlistIssued = Math.max(before.waitlistIssued, first.highestQueueNumber, second.highestQueueNumber);
  const seatsTaken = Math.max(first.seatsTaken, second.seatsTaken);
  const after: Counters = {
    seatsTaken,
    waitlistIssued,
    waitlistDeparted: waitlistIssued - second.waitlisted,
    waiting: second.waitlisted,
    counts,
  };
  await deps.counters.replace(event.id, after);
  const promoted = await promoteFromWaitlist(deps, event);
  const delegationPlaces = await repairPlaces(deps, event);
  deps.log.info('event_reconciled', { eventId: event.id, seatsBefore: before.seatsTaken, seatsAfter: seatsTaken, promoted, reindexed: first.reindexed, ...delegationPlaces });
  return { eventId: event.id, before, after: promoted > 0 ? await deps.counters.get(event.id) : after, promoted, reindexed: first.reindexed, delegationPlaces };
}
