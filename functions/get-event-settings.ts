import middy from '@middy/core';
import { findEvent } from '#shared/actions/find-event.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** GET /events/{eventId}/settings (staff): the event as stored, every setting, for the console's edit form. */
async function getEventSettingsHandler(event: HttpEvent) {
  const deps = runtime();
  return json(200, await findEvent(deps.events, event.pathParameters?.eventId));
}

export const handler = middy(getEventSettingsHandler).use(apiRoute('get-event-settings'));
