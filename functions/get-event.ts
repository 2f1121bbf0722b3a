import { findEvent } from '#shared/event-lookup.ts';
import { publicEvent } from '#shared/event-rules.ts';
import { json } from '#shared/http.ts';
import { httpHandler, runtime } from '#shared/runtime.ts';

/** GET /events/{eventId}: the public facts of an event and whether registration is open. */
export const handler = httpHandler('get-event', async (event) => {
  const conference = await findEvent(runtime().events, event.pathParameters?.eventId);
  return json(200, publicEvent(conference, new Date()), { 'cache-control': 'public, max-age=60' });
});
