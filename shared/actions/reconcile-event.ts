// Recounts an event's counters from its registrations and repairs them: the remedy for the one failure
// window of the counter-and-compensate design (see model/seats.ts). Best run when the event is quiet:
// a seat taken on the counters whose registration is written while the recount reads could be missed,
// so the event is read twice and the higher seat count kept (a lower one could oversell; a higher one
// only looks fuller, which the next reconcile settles).
import type { ConferenceEvent } from '../model/event.ts';
import { holdsSeat } from '../model/lifecycle.ts';
import { countsDelta, type Counters } from '../model/seats.ts';
import type { RegistrationDeps } from './deps.ts';
import { promoteFromWaitlist } from './waitlist.ts';

export interface ReconcileReport {
  eventId: string;
  before: Counters;
  after: Counters;
  promoted: number;
}

interface Recount {
  counts: Record<string, number>;
  seatsTaken: number;
  waitlisted: number;
  highestQueueNumber: number;
}

async function recount(deps: RegistrationDeps, event: ConferenceEvent): Promise<Recount> {
  const result: Recount = { counts: {}, seatsTaken: 0, waitlisted: 0, highestQueueNumber: 0 };
  let startKey: Record<string, string> | undefined;
  do {
    const page = await deps.registrations.listByEvent(event.id, {}, 100, startKey);
    for (const registration of page.items) {
      for (const [name, value] of Object.entries(countsDelta(undefined, registration))) result.counts[name] = (result.counts[name] ?? 0) + value;
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

export async function reconcileEvent(deps: RegistrationDeps, event: ConferenceEvent): Promise<ReconcileReport> {
  const before = await deps.counters.get(event.id);
  const first = await recount(deps, event);
  const second = await recount(deps, event);
  const counts = second.counts;
  const erased = await deps.registrations.countTombstones(event.id);
  if (erased > 0) counts['status:erased'] = erased;

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
  deps.log.info('event_reconciled', { eventId: event.id, seatsBefore: before.seatsTaken, seatsAfter: seatsTaken, promoted });
  return { eventId: event.id, before, after: promoted > 0 ? await deps.counters.get(event.id) : after, promoted };
}
