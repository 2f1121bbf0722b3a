// The event's figures for organizers, from the counters maintained with each change.
import type { ConferenceEvent } from '../model/event.ts';
import { isCounted, registrationStatuses } from '../model/lifecycle.ts';
import { seatsLeft } from '../model/seats.ts';
import type { CountersStore } from '../store/counters-store.ts';

function prefixed(counts: Record<string, number>, prefix: string): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts)
      .filter(([name, value]) => name.startsWith(prefix) && value > 0)
      .map(([name, value]) => [name.slice(prefix.length), value]),
  );
}

/**
 * The event's figures from its maintained counters: one GetItem, whatever the number of registrations.
 * byCategory and byCountry count participants (confirmed, waitlisted, awaiting approval, approved);
 * byDay counts the addresses confirmed each day in the event's time zone, whatever became of them since.
 */
export async function eventStats(counters: CountersStore, event: ConferenceEvent) {
  const current = await counters.get(event.id);
  // Unconfirmed registrations are not counted (see countsDelta); the list shows them.
  const counted = registrationStatuses.filter(isCounted);
  const byStatus = Object.fromEntries([...counted, 'erased'].map((status) => [status, current.counts[`status:${status}`] ?? 0]));
  return {
    eventId: event.id,
    capacity: event.capacity ?? null,
    seatsTaken: current.seatsTaken,
    seatsLeft: seatsLeft(event, current),
    waitlistLength: byStatus.waitlisted ?? 0,
    byStatus,
    byCategory: prefixed(current.counts, 'category:'),
    byCountry: prefixed(current.counts, 'country:'),
    // Days in calendar order, for the chart of registrations over time.
    byDay: Object.fromEntries(Object.entries(prefixed(current.counts, 'day:')).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}
