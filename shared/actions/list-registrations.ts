// The organizers' list of an event's registrations: a page at a time behind a signed cursor, or every
// match as one CSV document.
import { toCsv } from '../model/csv.ts';
import type { CursorCodec } from '../model/cursor.ts';
import type { ConferenceEvent } from '../model/event.ts';
import { answerAsText, customFields, formOf, inFormOrder, isAccreditation } from '../model/form-definition.ts';
import { detailFields } from '../model/form-fields.ts';
import { registrationView, type Registration, type RegistrationView } from '../model/registration.ts';
import type { Answers } from '../model/registration-schema.ts';
import type { AccreditationStore } from '../store/accreditation-store.ts';
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

/** What organizers see of a registration: its answers in the event's field order; the accreditation answers only for that role. */
function viewIn(event: ConferenceEvent, registration: Registration, keptApart: Map<string, Answers> | undefined): ListedRegistration {
  const view: ListedRegistration = registrationView(registration);
  const form = formOf(event);
  if (view.answers) view.answers = inFormOrder(view.answers, form);
  const apart = keptApart?.get(registration.registrationId);
  if (apart) view.accreditation = inFormOrder(apart, form);
  return view;
}

export type ListedRegistration = RegistrationView & { accreditation?: Answers };

/**
 * The accreditation answers of these registrations, when the caller holds the accreditation role
 * (`kept` given); otherwise nothing is read at all.
 */
async function accreditationOf(kept: AccreditationStore | undefined, event: ConferenceEvent, registrations: Registration[]): Promise<Map<string, Answers> | undefined> {
  if (!kept) return undefined;
  return kept.answersOfMany(event.id, registrations.map((registration) => registration.registrationId));
}

export async function listRegistrations(
  store: RegistrationStore,
  cursors: CursorCodec,
  event: ConferenceEvent,
  query: ListQuery,
  kept?: AccreditationStore,
  now: Date = new Date(),
): Promise<{ items: ListedRegistration[]; nextCursor: string | null; consumedCapacity: number }> {
  const identity = queryIdentity(event.id, query);
  const startKey = query.cursor ? cursors.decode(identity, query.cursor) : undefined;
  const page = await store.listByEvent(event.id, filterOf(query, now), query.limit, startKey);
  const keptApart = await accreditationOf(kept, event, page.items);
  return {
    items: page.items.map((registration) => viewIn(event, registration, keptApart)),
    nextCursor: page.lastEvaluatedKey ? cursors.encode(identity, page.lastEvaluatedKey) : null,
    consumedCapacity: page.consumedCapacity,
  };
}

/** The CSV's columns: the organizer list's fields, the revision left out (it is for decisions, not people). */
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

/**
 * Every matching registration, page by page, as one CSV document: the standard columns, then one
 * column per question of the event's own in the form's order (answer.<id>), then the answers to
 * questions the form no longer asks; with the accreditation role (`kept` given) also one column per
 * accreditation question (accreditation.<id>), which nobody else's export has.
 */
export async function exportRegistrationsCsv(store: RegistrationStore, event: ConferenceEvent, query: ListQuery, kept?: AccreditationStore, now: Date = new Date()): Promise<string> {
  const form = formOf(event);
  const registrations: Registration[] = [];
  let startKey: Record<string, string> | undefined;
  do {
    const page = await store.listByEvent(event.id, filterOf(query, now), 100, startKey);
    registrations.push(...page.items);
    startKey = page.lastEvaluatedKey;
  } while (startKey);
  const keptApart = await accreditationOf(kept, event, registrations);
  const fields = customFields(form);
  const asked = fields.filter((field) => !isAccreditation(field)).map((field) => field.id);
  const accreditationColumns = keptApart ? fields.filter(isAccreditation).map((field) => field.id) : [];
  const apartIds = new Set(fields.filter(isAccreditation).map((field) => field.id));
  const retired = [...new Set(registrations.flatMap((registration) => Object.keys(registration.details.answers ?? {})))].filter((id) => !asked.includes(id) && !apartIds.has(id)).sort();
  const answerColumns = [...asked, ...retired];
  const rows = registrations.map((registration) => {
    const view = registrationView(registration);
    const cells: Partial<Record<(typeof csvColumns)[number], string | boolean | null>> = {
      ...view,
      consentPrivacyNotice: view.consents.privacyNotice,
      consentParticipantList: view.consents.participantList,
      consentPhotography: view.consents.photography,
    };
    const apart = keptApart?.get(registration.registrationId) ?? {};
    return [
      ...csvColumns.map((column) => cells[column]),
      ...answerColumns.map((id) => answerAsText(view.answers?.[id])),
      ...accreditationColumns.map((id) => answerAsText(apart[id])),
    ];
  });
  return toCsv([...csvColumns, ...answerColumns.map((id) => `answer.${id}`), ...accreditationColumns.map((id) => `accreditation.${id}`)], rows);
}
