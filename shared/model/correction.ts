// Corrections of a registration's data, by the participant (manage link) or by organizers on their
// behalf: the same rules for both. The changes are merged over the stored details and the result must
// pass every rule of the event's form again (a new category needs a matching country, a required
// question stays answered, ...); the address, the registration's identity, never changes.
import { fieldIssue, validationFailed } from './errors.ts';
import type { ConferenceEvent } from './event.ts';
import { parseRegistrationForm } from './form-compile.ts';
import { customFields, formOf, isShown } from './form-definition.ts';
import { detailsOf, type Registration, type RegistrationDetails } from './registration.ts';
import type { Answers } from './registration-schema.ts';

/** Fields nobody may change: the address is the registration's identity, the honeypot is no field of it. */
const fixedFields = ['email', 'website'] as const;

export interface Correction {
  /** The corrected details, the accreditation answers among the answers (the caller keeps them apart again). */
  details: RegistrationDetails;
  /** The names of the fields it changes, sorted; empty when it changes nothing. */
  changed: string[];
  /** The answers the change itself names (a named file answer must be a checked upload). */
  named: Answers;
}

/**
 * The registration's details with `changes` applied (null clears an optional field or an answer),
 * checked by every rule. `keptApart`: the accreditation answers stored apart, checked with the rest.
 * Answers to questions the form no longer asks are kept as they are, apart from the check (the form
 * changed, not the participant's data); a change that hides a question takes its earlier answer.
 */
export function corrected(registration: Registration, event: ConferenceEvent, changes: unknown, keptApart: Answers = {}): Correction {
  const requested = changesObject(changes);
  const before: RegistrationDetails = { ...registration.details, answers: mergedStored(registration.details.answers, keptApart) };
  const consents = isObject(requested.consents) ? { ...registration.details.consents, ...requested.consents } : requested.consents;
  const { answers, retired } = mergedAnswers(event, before.answers ?? {}, requested.answers);
  const candidate: Record<string, unknown> = {
    ...before,
    ...requested,
    ...(requested.consents === undefined ? {} : { consents }),
    answers,
  };
  for (const [field, value] of Object.entries(candidate)) if (value === null) delete candidate[field];
  dropHiddenAnswers(event, candidate, isObject(requested.answers) ? requested.answers : {});
  const parsed = detailsOf(parseRegistrationForm(event, candidate, ['changes']));
  const named = isObject(requested.answers) ? Object.fromEntries(Object.entries(parsed.answers ?? {}).filter(([id]) => id in (requested.answers as object))) : {};
  const kept = { ...parsed.answers, ...retired };
  const details = { ...parsed, answers: Object.keys(kept).length > 0 ? kept : undefined, email: registration.details.email };
  return { details, changed: changedFields(before, details), named };
}

function changedFields(before: RegistrationDetails, after: RegistrationDetails): string[] {
  // The answers' order is not data: the table, the form and the body may each give another.
  const canonical = (name: string, value: unknown) => JSON.stringify(name === 'answers' && isObject(value) ? Object.entries(value).sort(([x], [y]) => x.localeCompare(y)) : value);
  const defined = (details: RegistrationDetails) => Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined));
  const [was, is] = [defined(before), defined(after)];
  const names = new Set([...Object.keys(was), ...Object.keys(is)]);
  return [...names].filter((name) => canonical(name, was[name]) !== canonical(name, is[name])).sort();
}

function mergedStored(kept: Answers | undefined, apart: Answers): Answers | undefined {
  const all = { ...kept, ...apart };
  return Object.keys(all).length > 0 ? all : undefined;
}

function mergedAnswers(event: ConferenceEvent, stored: Answers, changes: unknown): { answers: unknown; retired: Answers } {
  if (changes !== undefined && !isObject(changes)) return { answers: changes, retired: {} };
  const asked = new Set(customFields(formOf(event)).map((field) => field.id));
  const changed = changes ?? {};
  const answers: Record<string, unknown> = {};
  const retired: Answers = {};
  for (const [id, value] of Object.entries({ ...stored, ...changed })) {
    if (value === null) continue;
    if (asked.has(id) || id in changed) answers[id] = value;
    else retired[id] = value as Answers[string];
  }
  return { answers, retired };
}

function dropHiddenAnswers(event: ConferenceEvent, candidate: Record<string, unknown>, changed: Record<string, unknown>): void {
  const answers = candidate.answers;
  if (!isObject(answers)) return;
  const answerOf = (id: string) => (id in answers ? answers[id] : candidate[id]);
  for (const field of customFields(formOf(event))) {
    if (field.id in answers && !(field.id in changed) && !isShown(field, answerOf)) delete answers[field.id];
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function changesObject(changes: unknown): Record<string, unknown> {
  if (!isObject(changes)) throw validationFailed([fieldIssue('changes', 'Expected an object of the fields to change', 'invalid_type')]);
  const fixed = fixedFields.filter((field) => field in changes);
  if (fixed.length > 0) {
    throw validationFailed(
      fixed.map((field) => fieldIssue(`changes.${field}`, 'Cannot be changed: withdraw and register again with the new address', 'not_changeable')),
    );
  }
  return changes;
}
