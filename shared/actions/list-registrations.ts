// The organizers' list of an event's registrations: filtered, searched and sorted, a page at a time
// behind a signed cursor, or every match as one CSV or XLSX document.
import { toCsv } from '../model/csv.ts';
import type { CursorCodec } from '../model/cursor.ts';
import { detailFields } from '../model/form-fields.ts';
import { comparatorOf, isRegistrationOrder, searchable, type SortOrder, type SortRow } from '../model/listing.ts';
import { isExpiredUnconfirmed, registrationView, type Registration, type RegistrationView } from '../model/registration.ts';
import { toXlsx, type SpreadsheetCell } from '../model/xlsx.ts';
import type { RegistrationFilter, RegistrationStore } from '../store/registration-store.ts';

/** What the organizer asked for (GET /events/{eventId}/registrations validates it). */
export interface ListQuery extends Pick<RegistrationFilter, 'status' | 'category' | 'country'> {
  limit: number;
  cursor?: string | undefined;
  /** Search text: part of the name, organization or address. */
  q?: string | undefined;
  sort: SortOrder;
}

/** What the organizer filters on; an expired unconfirmed registration is gone and never listed. */
function filterOf(query: ListQuery, now: Date): RegistrationFilter {
  const search = query.q === undefined ? '' : searchable(query.q);
  return { status: query.status, category: query.category, country: query.country, ...(search ? { search } : {}), liveAt: now };
}

/** The cursor is bound to the event, the filters, the search and the sort, not to the page size, which may change between pages. */
function queryIdentity(eventId: string, query: ListQuery, filter: RegistrationFilter): string {
  return JSON.stringify([eventId, query.status ?? null, query.category ?? null, query.country ?? null, filter.search ?? null, query.sort]);
}

export interface ListPage {
  items: RegistrationView[];
  nextCursor: string | null;
}

/**
 * A page of the list. In registration order (either way) a page is one read of an index, and a
 * status filter reads the byStatus index: it costs what it finds. Any other order needs every match
 * to sort: that pass reads a few attributes of each, then the page's registrations themselves.
 */
export async function listRegistrations(store: RegistrationStore, cursors: CursorCodec, eventId: string, query: ListQuery, now: Date = new Date()): Promise<ListPage> {
  const filter = filterOf(query, now);
  const identity = queryIdentity(eventId, query, filter);
  const resume = query.cursor ? cursors.decode(identity, query.cursor) : undefined;
  if (isRegistrationOrder(query.sort)) {
    const page = await store.listByEvent(eventId, filter, query.limit, resume, { newestFirst: query.sort === '-createdAt' });
    return { items: page.items.map(registrationView), nextCursor: page.lastEvaluatedKey ? cursors.encode(identity, page.lastEvaluatedKey) : null };
  }

  const entries = (await store.sortEntries(eventId, filter)).sort(comparatorOf(query.sort));
  // The cursor names the last registration shown, so a page starts right after it wherever the
  // sort moved it since; if it no longer matches, the next page starts where it was.
  const after = resume ? entries.findIndex((entry) => entry.registrationId === resume.after) : -1;
  const start = after >= 0 ? after + 1 : Math.min(Number(resume?.position ?? 0) || 0, entries.length);
  const chosen = entries.slice(start, start + query.limit);
  const read = await store.getMany(eventId, chosen.map((entry) => entry.emailKey));
  // The address may have registered afresh since the sort read it (another id), or the link expired.
  const ids = new Set(chosen.map((entry) => entry.registrationId));
  const items = read.filter((registration) => ids.has(registration.registrationId) && !isExpiredUnconfirmed(registration, now));
  const end = start + chosen.length;
  return {
    items: items.map(registrationView),
    nextCursor: end < entries.length ? cursors.encode(identity, { after: chosen.at(-1)!.registrationId, position: String(end) }) : null,
  };
}

export const exportColumns = [
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

function sortRowOf(registration: Registration): SortRow {
  const { lastName, organization, country } = registration.details;
  return { registrationId: registration.registrationId, status: registration.status, lastName, organization, country };
}

/** Every match of the query (the cursor and page size aside), in its order. */
async function everyMatch(store: RegistrationStore, eventId: string, query: ListQuery, now: Date): Promise<Registration[]> {
  const filter = filterOf(query, now);
  const all: Registration[] = [];
  let startKey: Record<string, string> | undefined;
  do {
    const page = await store.listByEvent(eventId, filter, 100, startKey, { newestFirst: query.sort === '-createdAt' });
    all.push(...page.items);
    startKey = page.lastEvaluatedKey;
  } while (startKey);
  if (isRegistrationOrder(query.sort)) return all;
  const compare = comparatorOf(query.sort);
  return all.map((registration) => ({ registration, row: sortRowOf(registration) })).sort((a, b) => compare(a.row, b.row)).map((entry) => entry.registration);
}

function exportRow(registration: Registration): SpreadsheetCell[] {
  const view = registrationView(registration);
  const cells: Partial<Record<(typeof exportColumns)[number], SpreadsheetCell>> = {
    ...view,
    consentPrivacyNotice: view.consents.privacyNotice,
    consentParticipantList: view.consents.participantList,
    consentPhotography: view.consents.photography,
  };
  return exportColumns.map((column) => cells[column]);
}

/** Every match, filtered, searched and sorted as the list is, as one CSV document. */
export async function exportRegistrationsCsv(store: RegistrationStore, eventId: string, query: ListQuery, now: Date = new Date()): Promise<string> {
  return toCsv(exportColumns, (await everyMatch(store, eventId, query, now)).map(exportRow));
}

/** The same as one XLSX workbook (one sheet, the same columns). */
export async function exportRegistrationsXlsx(store: RegistrationStore, eventId: string, query: ListQuery, now: Date = new Date()): Promise<Buffer> {
  return toXlsx('Registrations', exportColumns, (await everyMatch(store, eventId, query, now)).map(exportRow));
}
