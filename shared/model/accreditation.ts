// Accreditation data: the answers to the questions a form marks `accreditation` (passport number, date
// of birth, nationality, badge photo, nomination letter). They are kept in an item of their own, in a
// partition of their own (store/accreditation-store.ts), so that IAM lets only the functions that
// need them name it; the registration never holds them, so no list, CSV, page or mail shows them by
// accident. They go at once on erasure, and by the scheduled sweep a set number of days after the event.
import type { ConferenceEvent } from './event-schema.ts';
import { customFields, formOf, isAccreditation, type FormDefinition } from './form-definition.ts';
import type { Answers } from './registration-schema.ts';

/** The accreditation answers of one registration. */
export interface AccreditationRecord {
  eventId: string;
  registrationId: string;
  answers: Answers;
  updatedAt: string;
  /** When the sweep deletes it (epoch seconds; also DynamoDB's TTL in the cloud, as a second line). */
  expiresAt: number;
}

/** An upload that passed its check (model/file-check.ts), stored without its metadata under files/. */
export interface CheckedUpload {
  eventId: string;
  uploadId: string;
  /** The question it was checked for: it answers that one only. */
  field: string;
  contentType: string;
  size: number;
  width?: number | undefined;
  height?: number | undefined;
  checkedAt: string;
  expiresAt: number;
}

const dayMs = 86_400_000;

/** The ids of the form's accreditation questions. */
export function accreditationIds(form: FormDefinition): Set<string> {
  return new Set(customFields(form).filter(isAccreditation).map((field) => field.id));
}

/** Whether the event asks anything for the accreditation. */
export function asksAccreditation(event: Pick<ConferenceEvent, 'form'>): boolean {
  return accreditationIds(formOf(event)).size > 0;
}

/**
 * The answers kept with the registration, and those kept apart for the accreditation. `storedApart`:
 * the ids already kept apart, which stay apart even when the form no longer asks them (a passport
 * number must never move into the registration because its question left the form).
 */
export function splitAnswers(form: FormDefinition, answers: Answers | undefined, storedApart: Iterable<string> = []): { kept: Answers | undefined; apart: Answers } {
  const ids = new Set([...accreditationIds(form), ...storedApart]);
  const kept: Answers = {};
  const apart: Answers = {};
  for (const [id, value] of Object.entries(answers ?? {})) (ids.has(id) ? apart : kept)[id] = value;
  return { kept: Object.keys(kept).length > 0 ? kept : undefined, apart };
}

/**
 * When an event's accreditation data is deleted: `accreditationRetentionDays` after its last day
 * ends (end dates are calendar days, taken in UTC, as the rest of the code does).
 */
export function accreditationDeadline(event: Pick<ConferenceEvent, 'endDate' | 'accreditationRetentionDays'>): Date {
  return new Date(Date.parse(`${event.endDate}T00:00:00Z`) + (1 + (event.accreditationRetentionDays ?? 30)) * dayMs);
}

export function accreditationRecord(event: ConferenceEvent, registrationId: string, answers: Answers, now: Date): AccreditationRecord {
  return { eventId: event.id, registrationId, answers, updatedAt: now.toISOString(), expiresAt: Math.floor(accreditationDeadline(event).getTime() / 1000) };
}
