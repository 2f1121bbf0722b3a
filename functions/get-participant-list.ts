import middy from '@middy/core';
import { findEvent } from '#shared/actions/find-event.ts';
import { participantListAsPdf, participantListAsXlsx } from '#shared/actions/participant-list.ts';
import { participantListQuerySchema } from '#shared/http/delegation-contract.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import { xlsxMediaType } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { parseOrThrow } from '#shared/model/errors.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** GET /events/{eventId}/participant-list?format=pdf|xlsx (staff): the official list of participants, by delegation. */
async function getParticipantListHandler(event: HttpEvent) {
  const deps = runtime();
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  const { format } = parseOrThrow(participantListQuerySchema, event.queryStringParameters ?? {});
  const body = format === 'pdf' ? Buffer.from(await participantListAsPdf(deps, conference)) : await participantListAsXlsx(deps, conference);
  return {
    statusCode: 200,
    headers: { 'content-type': format === 'pdf' ? 'application/pdf' : xlsxMediaType, 'content-disposition': `attachment; filename="${conference.id}-participants.${format}"` },
    body: body.toString('base64'),
    isBase64Encoded: true,
  };
}

export const handler = middy(getParticipantListHandler).use(apiRoute('get-participant-list'));
