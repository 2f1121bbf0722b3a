// Corrections through the manage link, while organizers have not yet approved the registration. Kept
// apart from the other manage-link actions: only this one validates a form, so only it bundles Zod.
import { fieldIssue, invalidTransition, validationFailed } from '../model/errors.ts';
import { canEdit } from '../model/lifecycle.ts';
import { detailsOf, historyEntry, withHistory, type Registration } from '../model/registration.ts';
import { parseRegistrationForm } from '../model/form-compile.ts';
import type { ConferenceEvent } from '../model/event.ts';
import { accreditationRecord, asksAccreditation, splitAnswers } from '../model/accreditation.ts';
import { customFields, formOf, isShown } from '../model/form-definition.ts';
import type { Answers } from '../model/registration-schema.ts';
import { lostRace, retryOnConflict } from '../store/optimistic.ts';
import { commitTransition } from './commit.ts';
import type { StoreDeps } from './deps.ts';
import { resolveManageToken, selfView } from './manage-registration.ts';
import { assertCheckedUploads } from './uploads.ts';

/** Fields a participant may not change: the address is the registration's identity. */
const fixedFields = ['email', 'website'] as const;

/** Applies the corrections; answers the registration as now stored, and its event (the page shows both). */
export async function updateRegistration(deps: StoreDeps, token: unknown, changes: unknown, now: Date = new Date()) {
  return retryOnConflict(async () => {
    const { registration, event } = await resolveManageToken(deps, token, now);
    if (!canEdit(registration, event)) throw invalidTransition(registration.status, 'changed online');
    const requested = changesObject(changes);
    // The accreditation answers are kept apart; the form is checked, and corrected, as one.
    const keptApart = asksAccreditation(event) ? await deps.accreditation.answersOf(event.id, registration.registrationId) : {};
    const before = { ...registration.details, answers: mergedStored(registration.details.answers, keptApart) };
    // The merged form must pass every rule again (a new category needs a matching country, ...).
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
    // Only the files this correction names are looked at again: the stored ones were checked before.
    const named = isObject(requested.answers) ? Object.fromEntries(Object.entries(parsed.answers ?? {}).filter(([id]) => id in (requested.answers as object))) : {};
    await assertCheckedUploads(deps.accreditation, event, named, ['changes']);
    const kept = { ...parsed.answers, ...retired };
    const corrected = { ...parsed, answers: Object.keys(kept).length > 0 ? kept : undefined, email: registration.details.email };
    // Nothing to write when nothing changed.
    if (sameDetails(corrected, before)) return { view: await selfView(deps, { registration, event }), event };
    const { kept: keptAnswers, apart } = splitAnswers(formOf(event), corrected.answers);
    const next = correctedRegistration({ ...registration, details: before }, corrected, now);
    next.details = { ...corrected, answers: keptAnswers };
    // Before the registration, as on submit: a lost race re-reads both and writes them again.
    if (!sameAnswers(apart, keptApart)) await deps.accreditation.put(accreditationRecord(event, registration.registrationId, apart, now));
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
  // The answers' order is not data: the table, the form and the body may each give another.
  const canonical = (details: Registration['details']) =>
    JSON.stringify(
      Object.entries(details)
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => [name, name === 'answers' ? Object.entries(value as Answers).sort(([x], [y]) => x.localeCompare(y)) : value])
        .sort(([x], [y]) => String(x).localeCompare(String(y))),
    );
  return canonical(a) === canonical(b);
}

function sameAnswers(a: Answers, b: Answers): boolean {
  return sameDetails({ answers: a } as Registration['details'], { answers: b } as Registration['details']);
}


function mergedStored(kept: Answers | undefined, apart: Answers): Answers | undefined {
  const all = { ...kept, ...apart };
  return Object.keys(all).length > 0 ? all : undefined;
}

/**
 * The answers with the changes over them (null clears). Answers to questions the form no longer asks
 * are kept as they are, apart from the check (the form changed, not the participant's data).
 */
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

/** A change that hides a question (its showIf no longer holds) takes the answer the participant gave to it before. */
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
