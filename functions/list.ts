import { ApiError, parseOrThrow } from '#shared/errors.ts';
import { findEvent } from '#shared/event-lookup.ts';
import { CursorCodec } from '#shared/cursor.ts';
import { header, json } from '#shared/http.ts';
import { organizersOnly } from '#shared/organizer-auth.ts';
import { exportRegistrationsCsv, listRegistrations } from '#shared/registration-list.ts';
import { httpHandler, runtime } from '#shared/runtime.ts';
import { listQuerySchema } from '#shared/schemas.ts';

function cursors(secret: string | undefined): CursorCodec {
  if (!secret) throw new Error('CURSOR_SECRET is not set');
  return new CursorCodec(secret);
}

/** GET /events/{eventId}/registrations (organizers): a page of JSON, or every match as CSV. */
export const handler = httpHandler('list', async (event) => {
  const deps = runtime();
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  const query = parseOrThrow(listQuerySchema, event.queryStringParameters ?? {});

  if (wantsCsv(header(event, 'accept'))) {
    if (query.cursor) throw new ApiError(400, 'invalid_cursor', 'The CSV export has no pages: leave out the cursor.');
    const csv = await exportRegistrationsCsv(deps.registrations, conference.id, query);
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8; header=present',
        'content-disposition': `attachment; filename="${conference.id}-registrations.csv"`,
      },
      body: csv,
    };
  }
  const { consumedCapacity: _capacity, ...page } = await listRegistrations(
    deps.registrations,
    cursors(deps.config.cursorSecret),
    conference.id,
    query,
  );
  return json(200, page);
}).use(organizersOnly(() => runtime().config.organizerGroup));

function wantsCsv(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((type) => type.split(';')[0]!.trim().toLowerCase() === 'text/csv');
}
