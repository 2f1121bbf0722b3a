import middy from '@middy/core';
import { findEvent } from '#shared/actions/find-event.ts';
import { exportRegistrationsCsv, listRegistrations } from '#shared/actions/list-registrations.ts';
import { listQuerySchema } from '#shared/http/contract.ts';
import { header, type HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { apiRoute, signedIn, type RouteContext } from '#shared/http/route.ts';
import { CursorCodec } from '#shared/model/cursor.ts';
import { ApiError, parseOrThrow } from '#shared/model/errors.ts';
import { readSecret } from '#shared/platform/secrets.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** GET /events/{eventId}/registrations (organizers): a page of JSON, or every match as CSV; the accreditation answers for that role. */
async function listRegistrationsHandler(event: HttpEvent, context: RouteContext) {
  const deps = runtime();
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  const query = parseOrThrow(listQuerySchema, event.queryStringParameters ?? {});
  // The accreditation answers are read only for the accreditation role, and only then.
  const kept = signedIn(context).groups.includes(deps.config.accreditationGroup) ? deps.accreditation : undefined;

  if (wantsCsv(header(event, 'accept'))) {
    if (query.cursor) throw new ApiError(400, 'invalid_cursor', 'The CSV export has no pages: leave out the cursor.');
    const csv = await exportRegistrationsCsv(deps.registrations, conference, query, kept);
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8; header=present',
        'content-disposition': `attachment; filename="${conference.id}-registrations.csv"`,
      },
      body: csv,
    };
  }
  const { consumedCapacity: _capacity, ...page } = await listRegistrations(deps.registrations, cursors(await readSecret('cursor')), conference, query, kept);
  return json(200, page);
}

function cursors(secret: string | undefined): CursorCodec {
  if (!secret) throw new Error('Neither CURSOR_SECRET nor CURSOR_SECRET_ARN is set');
  return new CursorCodec(secret);
}

function wantsCsv(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((type) => type.split(';')[0]!.trim().toLowerCase() === 'text/csv');
}

export const handler = middy(listRegistrationsHandler).use(apiRoute('list-registrations'));
