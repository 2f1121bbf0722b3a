// Organizers create and change events. Events are data validated by eventSchema; changing the
// capacity hands any new seats to the waiting list at once.
import { ApiError, fieldIssue, parseOrThrow, validationFailed } from '../model/errors.ts';
import { eventIdSchema, eventSchema, type ConferenceEvent } from '../model/event-schema.ts';
import type { Organizer } from '../model/organizer.ts';
import type { RegistrationDeps } from './deps.ts';
import { promoteFromWaitlist } from './waitlist.ts';

export async function saveEvent(
  deps: RegistrationDeps,
  eventId: string | undefined,
  body: Record<string, unknown>,
  organizer: Organizer,
): Promise<{ event: ConferenceEvent; created: boolean }> {
  const id = eventIdSchema.safeParse(eventId);
  if (!id.success) throw new ApiError(404, 'event_not_found', 'Event ids are lowercase letters, digits and hyphens.');
  if (body.id !== undefined && body.id !== id.data) {
    throw validationFailed([fieldIssue('id', 'Must match the id in the path')]);
  }
  const event = parseOrThrow(eventSchema, { ...body, id: id.data });
  const previous = await deps.events.get(event.id);
  await deps.events.put(event);
  deps.log.info('event_saved', { eventId: event.id, created: !previous, by: organizer.subject });
  const moreSeats = previous && (event.capacity === undefined || (previous.capacity !== undefined && event.capacity > previous.capacity));
  if (moreSeats) await promoteFromWaitlist(deps, event);
  return { event, created: !previous };
}
