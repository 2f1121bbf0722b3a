import middy from '@middy/core';
import { eventStats } from '#shared/actions/event-stats.ts';
import { findEvent } from '#shared/actions/find-event.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** GET /events/{eventId}/stats (organizers): counts, seats left and the waiting list, from maintained counters. */
async function getEventStatsHandler(event: HttpEvent) {
  const deps = runtime();
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  return json(200, await eventStats(deps.counters, conference));
}

export const handler = middy(getEventStatsHandler).use(apiRoute('get-event-stats'));
