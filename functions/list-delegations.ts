import middy from '@middy/core';
import { delegationsOverview } from '#shared/actions/delegations.ts';
import { findEvent } from '#shared/actions/find-event.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** GET /events/{eventId}/delegations (staff): the event by delegation, focal points, nominees and who has not confirmed. */
async function listDelegationsHandler(event: HttpEvent) {
  const deps = runtime();
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  return json(200, await delegationsOverview(deps, conference));
}

export const handler = middy(listDelegationsHandler).use(apiRoute('list-delegations'));
