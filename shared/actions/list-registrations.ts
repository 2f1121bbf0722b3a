// The organizers' list of an event's registrations: filtered, searched and sorted, a page at a time
// behind a signed cursor, or every match as one CSV or XLSX document.
import { toCsv } from '../model/csv.ts';
import type { CursorCodec } from '../model/cursor.ts';
import type { ConferenceEvent } from '../model/event.ts';
import { answerAsText, customFields, formOf, inFormOrder, isAccreditation } from '../model/form-definition.ts';
import { detailFields } from '../model/form-fields.ts';
import { comparatorOf, isRegistrationOrder, searchable, type SortOrder, type SortRow } from '../model/listing.ts';
import { isExpiredUnconfirmed, registrationView, type Registration, type RegistrationView } from '../model/registration.ts';
import type { Answers } from '../model/registration-schema.ts';
import { toXlsx, type SpreadsheetCell } from '../model/xlsx.ts';
import type { AccreditationStore } from '../store/accreditation-store.ts';
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

export type ListedRegistration = RegistrationView & { accreditation?: Answers };

export interface ListPage {
  items: ListedRegistration[];
  nextCursor: string | null;
}

/** What staff see of a registration: its answers in the event's field order; the accreditation answers only for that group. */
function viewIn(form: ReturnType<typeof formOf>, registration: Registration, keptApart: Map<string, Answers> | undefined): ListedRegistration {
  const view: ListedRegistration = registrationView(registration);
  if (view.answers) view.answers = inFormOrder(view.answers, form);
  const apart = keptApart?.get(registration.registrationId);
  if (apart) view.accreditation = inFormOrder(apart, form);
  return view;
}

/**
 * The accreditation answers of these registrations, when the caller holds the accreditation group
 * (`kept` given); otherwise nothing is read at all.
 */
async function accreditationOf(kept: AccreditationStore | undefined, eventId: string, registrations: Registration[]): Promise<Map<string, Answers> | undefined> {
  if (!kept) return undefined;
  return kept.answersOfMany(eventId, registrations.map((registration) => registration.registrationId));
}

/**
 * A page of the list. In registration order (either way) a page is one read of an index, and a
 * status filter reads the byStatus index: it costs what it finds. Any other order needs every match
 * to sort: that pass reads a few attributes of each, then the page's registrations themselves.
 */
export async function listRegistrations(
  store: RegistrationStore,
  cursors: CursorCodec,
  event: ConferenceEvent,
  query: ListQuery,
  kept?: AccreditationStore,
  now: Date = new Date(),
): Promise<ListPage> {
  const eventId = event.id;
  const form = formOf(event);
  const filter = filterOf(query, now);
  const identity = queryIdentity(eventId, query, filter);
  const resume = query.cursor ? cursors.decode(identity, query.cursor) : undefined;
  const viewed = async (registrations: Registration[]) => {
    const keptApart = await accreditationOf(kept, eventId, registrations);
    return registrations.map((registration) => viewIn(form, registration, keptApart));
  };
  if (isRegistrationOrder(query.sort)) {
    const page = await store.listByEvent(eventId, filter, query.limit, resume, { newestFirst: query.sort === '-createdAt' });
    return { items: await viewed(page.items), nextCursor: page.lastEvaluatedKey ? cursors.encode(identity, page.lastEvaluatedKey) : null };
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
    items: await viewed(items),
    nextCursor: end < entries.length ? cursors.encode(identity, { after: chosen.at(-1)!.registrationId, position: String(end) }) : null,
  };
}

/** The export's standard columns: the list's fields, the revision left out (it is for decisions, not people). */
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

/**
 * Every match as a table: the standard columns, then one column per question of the event's own in
 * the form's order (answer.<id>), then the answers to questions the form no longer asks; with the
 * accreditation group (`kept` given) also one column per accreditation question (accreditation.<id>),
 * which nobody else's export has.
 */
async function exportTable(store: RegistrationStore, event: ConferenceEvent, query: ListQuery, kept: AccreditationStore | undefined, now: Date) {
  const form = formOf(event);
  const registrations = await everyMatch(store, event.id, query, now);
  const keptApart = await accreditationOf(kept, event.id, registrations);
  const fields = customFields(form);
  const asked = fields.filter((field) => !isAccreditation(field)).map((field) => field.id);
  const accreditationColumns = keptApart ? fields.filter(isAccreditation).map((field) => field.id) : [];
  const apartIds = new Set(fields.filter(isAccreditation).map((field) => field.id));
  const retired = [...new Set(registrations.flatMap((registration) => Object.keys(registration.details.answers ?? {})))].filter((id) => !asked.includes(id) && !apartIds.has(id)).sort();
  const answerColumns = [...asked, ...retired];
  const rows = registrations.map((registration): SpreadsheetCell[] => {
    const view = registrationView(registration);
    const cells: Partial<Record<(typeof exportColumns)[number], SpreadsheetCell>> = {
      ...view,
      consentPrivacyNotice: view.consents.privacyNotice,
      consentParticipantList: view.consents.participantList,
      consentPhotography: view.consents.photography,
    };
    const apart = keptApart?.get(registration.registrationId) ?? {};
    return [
      ...exportColumns.map((column) => cells[column]),
      ...answerColumns.map((id) => answerAsText(view.answers?.[id])),
      ...accreditationColumns.map((id) => answerAsText(apart[id])),
    ];
  });
  const columns = [...exportColumns, ...answerColumns.map((id) => `answer.${id}`), ...accreditationColumns.map((id) => `accreditation.${id}`)];
  return { columns, rows };
}

/** Every match, filtered, searched and sorted as the list is, as one CSV document. */
export async function exportRegistrationsCsv(store: RegistrationStore, event: ConferenceEvent, query: ListQuery, kept?: AccreditationStore, now: Date = new Date()): Promise<string> {
  const { columns, rows } = await exportTable(store, event, query, kept, now);
  return toCsv(columns, rows);
}

/** The same as one XLSX workbook (one sheet, the same columns). */
export async function exportRegistrationsXlsx(store: RegistrationStore, event: ConferenceEvent, query: ListQuery, kept?: AccreditationStore, now: Date = new Date()): Promise<Buffer> {
  const { columns, rows } = await exportTable(store, event, query, kept, now);
  return toXlsx('Registrations', columns, rows);
}
