import { ApiError } from './errors.ts';
import { isRegistrationOpen } from './event-rules.ts';
import { isEventId } from './event-id.ts';
import type { ConferenceEvent } from './schemas.ts';
import type { EventStore } from './store/event-store.ts';

/** The event named in the path, or 404 event_not_found (a malformed id cannot name an event either). */
export async function findEvent(events: EventStore, eventId: string | undefined): Promise<ConferenceEvent> {
  const event = isEventId(eventId) ? await events.get(eventId) : undefined;
  if (!event) throw new ApiError(404, 'event_not_found', 'There is no such event.');
  return event;
}

export function assertRegistrationOpen(event: ConferenceEvent, now: Date): void {
  if (!isRegistrationOpen(event, now)) {
    throw new ApiError(409, 'registration_closed', 'Registration for this event is not open.');
  }
}
