import { ApiError } from '../model/errors.ts';
import type { ConferenceEvent } from '../model/event.ts';
import { isEventId } from '../model/tokens.ts';
import type { EventStore } from '../store/event-store.ts';

/** The event named in the path, or 404 event_not_found (a malformed id cannot name an event either). */
export async function findEvent(events: EventStore, eventId: string | undefined): Promise<ConferenceEvent> {
  const event = isEventId(eventId) ? await events.get(eventId) : undefined;
  if (!event) throw new ApiError(404, 'event_not_found', 'There is no such event.');
  return event;
}
