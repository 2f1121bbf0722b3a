import middy from '@middy/core';
import { findEvent } from '#shared/actions/find-event.ts';
import { exportRegistrationsCsv, exportRegistrationsXlsx, listRegistrations } from '#shared/actions/list-registrations.ts';
import { listQuerySchema } from '#shared/http/contract.ts';
import { header, type HttpEvent } from '#shared/http/request.ts';
import { json, xlsxMediaType } from '#shared/http/responses.ts';
import { apiRoute, signedIn, type RouteContext } from '#shared/http/route.ts';
import { CursorCodec } from '#shared/model/cursor.ts';
import { ApiError, parseOrThrow } from '#shared/model/errors.ts';
import { readSecret } from '#shared/platform/secrets.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/**
 * GET /events/{eventId}/registrations (staff): a page of JSON, or every match of the same filters,
 * search and sort as CSV (Accept: text/csv) or XLSX (Accept: the spreadsheet's media type); the
 * accreditation answers only for the accreditation group.
 */
async function listRegistrationsHandler(event: HttpEvent, context: RouteContext) {
  const deps = runtime();
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  const query = parseOrThrow(listQuerySchema, event.queryStringParameters ?? {});
  // The accreditation answers are read only for the accreditation group, and only then.
  const kept = signedIn(context).groups.includes(deps.config.accreditationGroup) ? deps.accreditation : undefined;
  const format = exportFormat(header(event, 'accept'));
  if (format && query.cursor) throw new ApiError(400, 'invalid_cursor', 'An export has no pages: leave out the cursor.');

  if (format === 'csv') {
    return {
      statusCode: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8; header=present', 'content-disposition': attachment(conference.id, 'csv') },
      body: await exportRegistrationsCsv(deps.registrations, conference, query, kept),
    };
  }
  if (format === 'xlsx') {
    const workbook = await exportRegistrationsXlsx(deps.registrations, conference, query, kept);
    return {
      statusCode: 200,
      headers: { 'content-type': xlsxMediaType, 'content-disposition': attachment(conference.id, 'xlsx') },
      body: workbook.toString('base64'),
      isBase64Encoded: true,
    };
  }
  return json(200, await listRegistrations(deps.registrations, cursors(await readSecret('cursor')), conference, query, kept));
}

function cursors(secret: string | undefined): CursorCodec {
  if (!secret) throw new Error('Neither CURSOR_SECRET nor CURSOR_SECRET_ARN is set');
  return new CursorCodec(secret);
}

/** The export the Accept header asks for before it names JSON; none: the JSON list. */
function exportFormat(accept: string | undefined): 'csv' | 'xlsx' | undefined {
  for (const type of (accept ?? '').split(',').map((entry) => entry.split(';')[0]!.trim().toLowerCase())) {
    if (type === 'application/json') return undefined;
    if (type === 'text/csv') return 'csv';
    if (type === xlsxMediaType) return 'xlsx';
  }
  return undefined;
}

const attachment = (eventId: string, extension: string) => `attachment; filename="${eventId}-registrations.${extension}"`;

export const handler = middy(listRegistrationsHandler).use(apiRoute('list-registrations'));
