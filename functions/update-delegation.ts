import middy from '@middy/core';
import { setDelegationQuota } from '#shared/actions/delegations.ts';
import { findEvent } from '#shared/actions/find-event.ts';
import { quotaChangeSchema } from '#shared/http/delegation-contract.ts';
import { readJsonObject, type HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { parseOrThrow } from '#shared/model/errors.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** PATCH /events/{eventId}/delegations/{entityId} (organizers): the entity's own quota, or the quota lifted. */
async function updateDelegationHandler(event: HttpEvent) {
  const deps = runtime();
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  const change = parseOrThrow(quotaChangeSchema, readJsonObject(event));
  return json(200, await setDelegationQuota(deps, conference, event.pathParameters?.entityId, change));
}

export const handler = middy(updateDelegationHandler).use(apiRoute('update-delegation'));
