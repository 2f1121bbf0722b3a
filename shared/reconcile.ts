// Recounts an event's counters from its registrations and repairs them: the remedy for the one failure
// window of the counter-and-compensate design (see shared/seats.ts). Run it when the event is quiet:
// a transition that lands while the recount reads may be counted twice or not at all, and the next
// reconcile corrects that too.
import { countsDelta, holdsSeat } from './seats.ts';
import type { ConferenceEvent } from './schemas.ts';
import type { Counters } from './store/counters-store.ts';
import { promoteFromWaitlist, type RegistrationDeps } from './transitions.ts';

export interface ReconcileReport {
  eventId: string;
  before: Counters;
  after: Counters;
  promoted: number;
}

export async function reconcileEvent(deps: RegistrationDeps, event: ConferenceEvent): Promise<ReconcileReport> {
  const before = await deps.counters.get(event.id);
  const counts: Record<string, number> = {};
  let seatsTaken = 0;
  let waitlisted = 0;
  let highestQueueNumber = 0;
  let startKey: Record<string, string> | undefined;
  do {
    const page = await deps.registrations.listByEvent(event.id, {}, 100, startKey);
    for (const registration of page.items) {
      for (const [name, value] of Object.entries(countsDelta(undefined, registration))) counts[name] = (counts[name] ?? 0) + value;
      if (holdsSeat(registration.status)) seatsTaken++;
      if (registration.status === 'waitlisted') {
        waitlisted++;
        highestQueueNumber = Math.max(highestQueueNumber, registration.waitlist?.seq ?? 0);
      }
    }
    startKey = page.lastEvaluatedKey;
  } while (startKey);
  const erased = await deps.registrations.countTombstones(event.id);
  if (erased > 0) counts['status:erased'] = erased;

  // Queue numbers only grow; what departed is whatever was issued and is no longer waiting.
  const waitlistIssued = Math.max(before.waitlistIssued, highestQueueNumber);
  const after: Counters = { seatsTaken, waitlistIssued, waitlistDeparted: waitlistIssued - waitlisted, waiting: waitlisted, counts };
  await deps.counters.replace(event.id, after);
  const promoted = await promoteFromWaitlist(deps, event);
  deps.log.info('event_reconciled', { eventId: event.id, seatsBefore: before.seatsTaken, seatsAfter: seatsTaken, promoted });
  return { eventId: event.id, before, after: promoted > 0 ? await deps.counters.get(event.id) : after, promoted };
}
