// Corrections through the manage link, while organizers have not yet approved the registration. Kept
// apart from the other manage-link actions: only this one validates a form, so only it bundles Zod.
import { fieldIssue, invalidTransition, validationFailed } from '../model/errors.ts';
import { canEdit } from '../model/lifecycle.ts';
import { detailsOf, historyEntry, withHistory, type Registration } from '../model/registration.ts';
import { parseRegistrationForm } from '../model/registration-schema.ts';
import { lostRace, retryOnConflict } from '../store/optimistic.ts';
import { commitTransition } from './commit.ts';
import type { StoreDeps } from './deps.ts';
import { resolveManageToken, selfView } from './manage-registration.ts';

/** Fields a participant may not change: the address is the registration's identity. */
const fixedFields = ['email', 'website'] as const;

/** Applies the corrections; answers the registration as now stored, and its event (the page shows both). */
export async function updateRegistration(deps: StoreDeps, token: unknown, changes: unknown, now: Date = new Date()) {
  return retryOnConflict(async () => {
    const { registration, event } = await resolveManageToken(deps, token, now);
    if (!canEdit(registration, event)) throw invalidTransition(registration.status, 'changed online');
    const requested = changesObject(changes);
    // The merged form must pass every rule again (a new category needs a matching country, ...).
    const consents = isObject(requested.consents) ? { ...registration.details.consents, ...requested.consents } : requested.consents;
    const candidate: Record<string, unknown> = {
      ...registration.details,
      ...requested,
      ...(requested.consents === undefined ? {} : { consents }),
    };
    for (const [field, value] of Object.entries(candidate)) if (value === null) delete candidate[field];
    const corrected = { ...detailsOf(parseRegistrationForm(event, candidate, ['changes'])), email: registration.details.email };
    // Nothing to write when nothing changed.
    if (sameDetails(corrected, registration.details)) return { view: await selfView(deps, { registration, event }), event };
    const next: Registration = {
      ...registration,
      details: corrected,
      updatedAt: now.toISOString(),
      history: withHistory(registration, historyEntry(now, 'participant', 'updated', registration.status, registration.status)),
      version: registration.version + 1,
    };
    const result = await commitTransition(deps, event, registration, next);
    if (result.kind !== 'written') return lostRace;
    return { view: await selfView(deps, { registration: result.registration, event }), event };
  });
}

function sameDetails(a: Registration['details'], b: Registration['details']): boolean {
  const canonical = (details: Registration['details']) =>
    JSON.stringify(Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined).sort(([x], [y]) => x.localeCompare(y))));
  return canonical(a) === canonical(b);
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
