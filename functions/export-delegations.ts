import middy from '@middy/core';
import { delegationsAsXlsx } from '#shared/actions/delegation-export.ts';
import { findEvent } from '#shared/actions/find-event.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import { xlsxMediaType } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** GET /events/{eventId}/delegations/export (staff): the event by delegation as XLSX, one row per nominee. */
async function exportDelegationsHandler(event: HttpEvent) {
  const deps = runtime();
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  const body = await delegationsAsXlsx(deps, conference);
  return {
    statusCode: 200,
    headers: { 'content-type': xlsxMediaType, 'content-disposition': `attachment; filename="${conference.id}-delegations.xlsx"` },
    body: body.toString('base64'),
    isBase64Encoded: true,
  };
}

export const handler = middy(exportDelegationsHandler).use(apiRoute('export-delegations'));
