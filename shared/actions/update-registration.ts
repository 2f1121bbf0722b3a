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
    const next = correctedRegistration(registration, corrected, now);
    const result = await commitTransition(deps, event, registration, next);
    if (result.kind !== 'written') return lostRace;
    return { view: await selfView(deps, { registration: result.registration, event }), event };
  });
}

/**
 * The corrected registration. An approval covered the data as it was: a change to an approved
 * registration sends it back to the organizers (keeping its seat meanwhile), and one that waits for a
 * seat already approved loses that approval, so the change is reviewed before it takes a seat.
 */
function correctedRegistration(registration: Registration, details: Registration['details'], now: Date): Registration {
  const to = registration.status === 'approved' ? 'awaiting_reapproval' : registration.status;
  const changes = changedFields(registration.details, details);
  return {
    ...registration,
    status: to,
    details,
    updatedAt: now.toISOString(),
    approvedAt: to === registration.status && registration.status !== 'waitlisted' ? registration.approvedAt : undefined,
    history: withHistory(registration, { ...historyEntry(now, 'participant', 'updated', registration.status, to), changes }),
    version: registration.version + 1,
  };
}

function changedFields(before: Registration['details'], after: Registration['details']): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => JSON.stringify(before[name as keyof typeof before]) !== JSON.stringify(after[name as keyof typeof after])).sort();
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
