import middy from '@middy/core';
import { ownDelegation, resolveFocalToken } from '#shared/actions/nominations.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** GET /delegations/self?token=: the focal point's delegation as JSON. */
async function getOwnDelegationHandler(event: HttpEvent) {
  const deps = runtime();
  const session = await resolveFocalToken(deps, event.queryStringParameters?.token);
  return json(200, await ownDelegation(deps, session));
}

export const handler = middy(getOwnDelegationHandler).use(apiRoute('get-own-delegation'));
