import { toCsv } from './csv.ts';
import type { CursorCodec } from './cursor.ts';
import type { ListQuery } from './schemas.ts';
import { detailFields, type Registration, type RegistrationFilter, type RegistrationStore } from './store/registration-store.ts';

/** What an organizer sees of a registration: the form fields and its state, never a token or its hash. */
export function registrationView(registration: Registration) {
  return {
    registrationId: registration.registrationId,
    eventId: registration.eventId,
    reference: registration.reference ?? null,
    status: registration.status,
    createdAt: registration.createdAt,
    updatedAt: registration.updatedAt,
    confirmedAt: registration.confirmedAt ?? null,
    emailStatus: registration.emailStatus ?? 'ok',
    ...registration.details,
  };
}
export type RegistrationView = ReturnType<typeof registrationView>;

function filterOf(query: ListQuery): RegistrationFilter {
  return { status: query.status, category: query.category, country: query.country };
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
): Promise<{ items: RegistrationView[]; nextCursor: string | null; consumedCapacity: number }> {
  const identity = queryIdentity(eventId, query);
  const startKey = query.cursor ? cursors.decode(identity, query.cursor) : undefined;
  const page = await store.listByEvent(eventId, filterOf(query), query.limit, startKey);
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
export async function exportRegistrationsCsv(store: RegistrationStore, eventId: string, query: ListQuery): Promise<string> {
  const rows: (string | boolean | null | undefined)[][] = [];
  let startKey: Record<string, string> | undefined;
  do {
    const page = await store.listByEvent(eventId, filterOf(query), 100, startKey);
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
