// Corrections of a registration's data, by the participant (manage link) or by organizers on their
// behalf: the same rules for both. The changes are merged over the stored details and the result must
// pass every rule of the form again (a new category needs a matching country, ...); the address,
// the registration's identity, never changes.
import { fieldIssue, validationFailed } from './errors.ts';
import type { ConferenceEvent } from './event.ts';
import { detailsOf, type Registration, type RegistrationDetails } from './registration.ts';
import { parseRegistrationForm } from './registration-schema.ts';

/** Fields nobody may change: the address is the registration's identity, the honeypot is no field of it. */
const fixedFields = ['email', 'website'] as const;

export interface Correction {
  details: RegistrationDetails;
  /** The names of the fields it changes, sorted; empty when it changes nothing. */
  changed: string[];
}

/** The registration's details with `changes` applied (null clears an optional field), checked by every rule. */
export function corrected(registration: Registration, event: ConferenceEvent, changes: unknown): Correction {
  const requested = changesObject(changes);
  const consents = isObject(requested.consents) ? { ...registration.details.consents, ...requested.consents } : requested.consents;
  const candidate: Record<string, unknown> = {
    ...registration.details,
    ...requested,
    ...(requested.consents === undefined ? {} : { consents }),
  };
  for (const [field, value] of Object.entries(candidate)) if (value === null) delete candidate[field];
  const details = { ...detailsOf(parseRegistrationForm(event, candidate, ['changes'])), email: registration.details.email };
  return { details, changed: changedFields(registration.details, details) };
}

function changedFields(before: RegistrationDetails, after: RegistrationDetails): string[] {
  const defined = (details: RegistrationDetails) => Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined));
  const [was, is] = [defined(before), defined(after)];
  const names = new Set([...Object.keys(was), ...Object.keys(is)]);
  return [...names].filter((name) => JSON.stringify(was[name]) !== JSON.stringify(is[name])).sort();
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
