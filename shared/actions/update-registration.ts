// Corrections through the manage link, while organizers have not yet approved the registration. Kept
// apart from the other manage-link actions: only this one validates a form, so only it bundles Zod.
import { corrected } from '../model/correction.ts';
import { invalidTransition } from '../model/errors.ts';
import { canEdit } from '../model/lifecycle.ts';
import { accreditationRecord, asksAccreditation, splitAnswers } from '../model/accreditation.ts';
import { formOf } from '../model/form-definition.ts';
import { historyEntry, withHistory, type Registration } from '../model/registration.ts';
import type { Answers } from '../model/registration-schema.ts';
import { lostRace, retryOnConflict } from '../store/optimistic.ts';
import { commitTransition } from './commit.ts';
import type { StoreDeps } from './deps.ts';
import { resolveManageToken, selfView } from './manage-registration.ts';
import { assertCheckedUploads } from './uploads.ts';

/** Applies the corrections; answers the registration as now stored, and its event (the page shows both). */
export async function updateRegistration(deps: StoreDeps, token: unknown, changes: unknown, now: Date = new Date()) {
  return retryOnConflict(async () => {
    const { registration, event } = await resolveManageToken(deps, token, now);
    if (!canEdit(registration, event)) throw invalidTransition(registration.status, 'changed online');
    // The accreditation answers are kept apart; the form is checked, and corrected, as one.
    const keptApart = asksAccreditation(event) ? await deps.accreditation.answersOf(event.id, registration.registrationId) : {};
    const correction = corrected(registration, event, changes, keptApart);
    // Only the files this correction names are looked at again: the stored ones were checked before.
    await assertCheckedUploads(deps.accreditation, event, correction.named, ['changes']);
    // Nothing to write when nothing changed.
    if (correction.changed.length === 0) return { view: await selfView(deps, { registration, event }), event };
    const { kept, apart } = splitAnswers(formOf(event), correction.details.answers, Object.keys(keptApart));
    const next = correctedRegistration(registration, { ...correction.details, answers: kept }, correction.changed, now);
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
function correctedRegistration(registration: Registration, details: Registration['details'], changes: string[], now: Date): Registration {
  const to = registration.status === 'approved' ? 'awaiting_reapproval' : registration.status;
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

function sameAnswers(a: Answers, b: Answers): boolean {
  const canonical = (answers: Answers) => JSON.stringify(Object.entries(answers).sort(([x], [y]) => x.localeCompare(y)));
  return canonical(a) === canonical(b);
}
