import { findEvent } from '#shared/event-lookup.ts';
import { json } from '#shared/http.ts';
import { organizersOnly } from '#shared/organizer-auth.ts';
import { httpHandler, runtime } from '#shared/runtime.ts';
import { eventStats } from '#shared/stats.ts';

/** GET /events/{eventId}/stats (organizers): counts, seats left and the waiting list, from maintained counters. */
export const handler = httpHandler('stats', async (event) => {
  const deps = runtime();
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  return json(200, await eventStats(deps.counters, conference));
}).use(organizersOnly(() => runtime().config.organizerGroup));
