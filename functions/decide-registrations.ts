import middy from '@middy/core';
import { decideRegistrations } from '#shared/actions/decide-registrations.ts';
import { findEvent } from '#shared/actions/find-event.ts';
import { bulkDecisionRequestSchema } from '#shared/http/contract.ts';
import { readJsonObject, type HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { apiRoute, signedIn, type RouteContext } from '#shared/http/route.ts';
import { parseOrThrow } from '#shared/model/errors.ts';
import { mailingRuntime } from '#shared/runtime/mailing-runtime.ts';

/** POST /events/{eventId}/registrations/bulk (organizers, moderators): one decision for many, each item decided on its own. */
async function decideRegistrationsHandler(event: HttpEvent, context: RouteContext) {
  const deps = mailingRuntime();
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  const { action, reason, items } = parseOrThrow(bulkDecisionRequestSchema, readJsonObject(event));
  return json(200, { results: await decideRegistrations(deps, conference, action, reason || undefined, items, signedIn(context)) });
}

export const handler = middy(decideRegistrationsHandler).use(apiRoute('decide-registrations'));
