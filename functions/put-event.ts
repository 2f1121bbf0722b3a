import { saveEvent } from '#shared/event-settings.ts';
import { json, readBody, requireJsonObject } from '#shared/http.ts';
import { organizerOf, organizersOnly } from '#shared/organizer-auth.ts';
import { mailingRuntime } from '#shared/mailing-runtime.ts';
import { httpHandler, runtime } from '#shared/runtime.ts';

/** PUT /events/{eventId} (organizers): creates or replaces an event. */
export const handler = httpHandler('put-event', async (event) => {
  const deps = mailingRuntime();
  const organizer = organizerOf(event, deps.config.organizerGroup);
  const body = requireJsonObject(readBody(event, ['json']).value);
  const { event: saved, created } = await saveEvent(deps, event.pathParameters?.eventId, body, organizer);
  return json(created ? 201 : 200, saved);
}).use(organizersOnly(() => runtime().config.organizerGroup));
