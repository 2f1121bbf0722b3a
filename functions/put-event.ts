import middy from '@middy/core';
import { saveEvent } from '#shared/actions/save-event.ts';
import { maxEventBodyBytes, readJsonObject, type HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { apiRoute, signedIn, type RouteContext } from '#shared/http/route.ts';
import { mailingRuntime } from '#shared/runtime/mailing-runtime.ts';

/** PUT /events/{eventId} (organizers): creates or replaces an event. */
async function putEventHandler(event: HttpEvent, context: RouteContext) {
  const deps = mailingRuntime();
  const { event: saved, created } = await saveEvent(deps, event.pathParameters?.eventId, readJsonObject(event, maxEventBodyBytes), signedIn(context));
  return json(created ? 201 : 200, saved);
}

export const handler = middy(putEventHandler).use(apiRoute('put-event'));
