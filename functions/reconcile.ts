import { findEvent } from '#shared/event-lookup.ts';
import { json } from '#shared/http.ts';
import { organizersOnly } from '#shared/organizer-auth.ts';
import { reconcileEvent } from '#shared/reconcile.ts';
import { mailingRuntime } from '#shared/mailing-runtime.ts';
import { httpHandler, runtime } from '#shared/runtime.ts';

/** POST /events/{eventId}/reconcile (organizers): recounts the counters from the registrations. */
export const handler = httpHandler('reconcile', async (event) => {
  const deps = mailingRuntime();
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  return json(200, await reconcileEvent(deps, conference));
}).use(organizersOnly(() => runtime().config.organizerGroup));
