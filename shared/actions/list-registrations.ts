// The organizers' list of an event's registrations: a page at a time behind a signed cursor, or every
// match as one CSV document.
import { toCsv } from '../model/csv.ts';
import type { CursorCodec } from '../model/cursor.ts';
import { detailFields } from '../model/form-fields.ts';
import { registrationView, type RegistrationView } from '../model/registration.ts';
import type { RegistrationFilter, RegistrationStore } from '../store/registration-store.ts';

/** What the organizer asked for (GET /events/{eventId}/registrations validates it). */
export interface ListQuery extends RegistrationFilter {
  limit: number;
  cursor?: string | undefined;
}

/** What the organizer filters on; an expired unconfirmed registration is gone and never listed. */
function filterOf(query: ListQuery, now: Date): RegistrationFilter {
  return { status: query.status, category: query.category, country: query.country, liveAt: now };
}

/** The cursor is bound to the event and the filters, not to the page size, which may change between pages. */
function queryIdentity(eventId: string, query: ListQuery): string {
  return JSON.stringify([eventId, query.status ?? null, query.category ?? null, query.country ?? null]);
}

export async function listRegistrations(
  store: RegistrationStore,
  cursors: CursorCodec,
  eventId: string,
  query: ListQuery,
  now: Date = new Date(),
): Promise<{ items: RegistrationView[]; nextCursor: string | null; consumedCapacity: number }> {
  const identity = queryIdentity(eventId, query);
  const startKey = query.cursor ? cursors.decode(identity, query.cursor) : undefined;
  const page = await store.listByEvent(eventId, filterOf(query, now), query.limit, startKey);
  return {
    items: page.items.map(registrationView),
    nextCursor: page.lastEvaluatedKey ? cursors.encode(identity, page.lastEvaluatedKey) : null,
    consumedCapacity: page.consumedCapacity,
  };
}

export const csvColumns = [
  'registrationId',
  'reference',
  'status',
  'createdAt',
  'confirmedAt',
  'emailStatus',
  ...detailFields.filter((field) => field !== 'consents'),
  'consentPrivacyNotice',
  'consentParticipantList',
  'consentPhotography',
] as const;

/** Every matching registration, page by page, as one CSV document. */
export async function exportRegistrationsCsv(store: RegistrationStore, eventId: string, query: ListQuery, now: Date = new Date()): Promise<string> {
  const rows: (string | boolean | null | undefined)[][] = [];
  let startKey: Record<string, string> | undefined;
  do {
    const page = await store.listByEvent(eventId, filterOf(query, now), 100, startKey);
    for (const registration of page.items) {
      const view = registrationView(registration);
      const cells: Partial<Record<(typeof csvColumns)[number], string | boolean | null>> = {
        ...view,
        consentPrivacyNotice: view.consents.privacyNotice,
        consentParticipantList: view.consents.participantList,
        consentPhotography: view.consents.photography,
      };
      rows.push(csvColumns.map((column) => cells[column]));
    }
    startKey = page.lastEvaluatedKey;
  } while (startKey);
  return toCsv(csvColumns, rows);
}
