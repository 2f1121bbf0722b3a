import middy from '@middy/core';
import { addEntity } from '#shared/actions/delegations.ts';
import { findEvent } from '#shared/actions/find-event.ts';
import { entityInputSchema } from '#shared/http/delegation-contract.ts';
import { readJsonObject, type HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { parseOrThrow } from '#shared/model/errors.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** POST /events/{eventId}/delegations (organizers): adds a nominating entity (an organization, a field operation, an NGO). */
async function addDelegationHandler(event: HttpEvent) {
  const deps = runtime();
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  const input = parseOrThrow(entityInputSchema, readJsonObject(event));
  return json(201, await addEntity(deps, conference, input));
}

export const handler = middy(addDelegationHandler).use(apiRoute('add-delegation'));
