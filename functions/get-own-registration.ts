import middy from '@middy/core';
import { resolveManageToken, selfView } from '#shared/actions/manage-registration.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** GET /registrations/self?token=: the participant's registration as JSON. */
async function getOwnRegistrationHandler(event: HttpEvent) {
  const deps = runtime();
  const managed = await resolveManageToken(deps, event.queryStringParameters?.token);
  return json(200, await selfView(deps, managed));
}

export const handler = middy(getOwnRegistrationHandler).use(apiRoute('get-own-registration'));
