import middy from '@middy/core';
import { findEvent } from '#shared/actions/find-event.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { publicEvent } from '#shared/model/event.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** GET /events/{eventId}: the public facts of an event and whether registration is open. */
async function getEventHandler(event: HttpEvent) {
  const conference = await findEvent(runtime().events, event.pathParameters?.eventId);
  return json(200, publicEvent(conference, new Date()), { 'cache-control': 'public, max-age=60' });
}

export const handler = middy(getEventHandler).use(apiRoute('get-event'));
