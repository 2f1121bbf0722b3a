import middy from '@middy/core';
import { remindNominees } from '#shared/actions/delegation-follow-up.ts';
import { findEvent } from '#shared/actions/find-event.ts';
import { reminderRequestSchema } from '#shared/http/delegation-contract.ts';
import { readJsonObject, type HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { parseOrThrow } from '#shared/model/errors.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** POST /events/{eventId}/delegations/reminders (organizers, moderators): reminds the nominees who have not confirmed, once a day at most (the mail worker sends). */
async function remindNomineesHandler(event: HttpEvent) {
  const deps = runtime();
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  const { entityId } = parseOrThrow(reminderRequestSchema, readJsonObject(event));
  return json(202, await remindNominees(deps, conference, entityId));
}

export const handler = middy(remindNomineesHandler).use(apiRoute('remind-nominees'));
