import middy from '@middy/core';
import { findEvent } from '#shared/actions/find-event.ts';
import { reconcileEvent } from '#shared/actions/reconcile-event.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { mailingRuntime } from '#shared/runtime/mailing-runtime.ts';

/** POST /events/{eventId}/reconcile (organizers): recounts the counters from the registrations. */
async function reconcileEventHandler(event: HttpEvent) {
  const deps = mailingRuntime();
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  return json(200, await reconcileEvent(deps, conference));
}

export const handler = middy(reconcileEventHandler).use(apiRoute('reconcile-event'));
