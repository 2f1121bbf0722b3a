// Submitting the form. The outcome is never told to the client (the answer is the same 202 whatever
// happened), only mailed to the address, so nobody learns who registered. Every path reads, counts the
// mailbox and writes the same way, and none waits on the mail service (model/submission.ts).
import { accreditationRecord, asksAccreditation, splitAnswers } from '../model/accreditation.ts';
import { assertRegistrationOpen, type ConferenceEvent } from '../model/event.ts';
import { formOf } from '../model/form-definition.ts';
import { detailsOf, isHoneypotFilled } from '../model/registration.ts';
import { parseRegistrationForm } from '../model/form-compile.ts';
import { planSubmission, type SubmitOutcome } from '../model/submission.ts';
import { emailKey, mailboxKey, newRegistrationId } from '../model/tokens.ts';
import { lostRace, retryOnConflict } from '../store/optimistic.ts';
import { commitTransition } from './commit.ts';
import { nominationOfLink } from './nominations.ts';
import type { StoreDeps } from './deps.ts';
import { assertCheckedUploads } from './uploads.ts';

/**
 * Registers the body's address for the event. A filled honeypot is answered like any submission and
 * does nothing, before any validation: a bot learns nothing from its errors either.
 */
export async function submitRegistration(
  deps: StoreDeps,
  event: ConferenceEvent,
  body: Record<string, unknown>,
  now: Date = new Date(),
): Promise<SubmitOutcome> {
  assertRegistrationOpen(event, now);
  if (isHoneypotFilled(body.website)) return 'ignored_honeypot';
  // The nominee's link is no field of the form: it names the delegation (below).
  const { nomination: nominationLink, ...submitted } = body;
  const form = detailsOf(parseRegistrationForm(event, submitted));
  await assertCheckedUploads(deps.accreditation, event, form.answers);
  // The accreditation answers never reach the registration item: they are kept apart (model/accreditation.ts).
  const { kept, apart } = splitAnswers(formOf(event), form.answers);
  const details = { ...form, answers: kept };
  const key = emailKey(details.email);
  // A nominee's link carries their delegation into the registration; it works only for their address.
  const nomination = nominationLink === undefined ? undefined : await nominationOfLink(deps, event, typeof nominationLink === 'string' ? nominationLink : '', details.email, now);
  const delegation = nomination ? { entityId: nomination.entityId, role: nomination.role } : undefined;
  // Counted per mailbox, so spellings of one address (case, +tags, Gmail's dots) share one cap. Taken
  // once per submission, before the registration is read, whatever the submission turns out to be.
  const mailAllowed = await deps.mailboxes.take(event.id, mailboxKey(details.email), now);

  return retryOnConflict(async () => {
    const { existing, rejectedBefore } = await deps.registrations.getForSubmission(event.id, key);
    const plan = planSubmission(existing, event.id, details, { now, lifetimeHours: deps.confirmTokenLifetimeHours, rejectedBefore, mailAllowed });
    if (asksAccreditation(event)) {
      // Written before the registration they belong to, so a registration never exists without them
      // (a fresh registration that then loses its race leaves them under an id nothing names, until
      // the sweep). Every other path makes one write there too, which changes nothing anybody reads:
      // whether an address is registered shows neither in the answer nor in its time.
      const keeps = plan.next !== undefined && (plan.outcome === 'created' || plan.outcome === 'refreshed');
      if (keeps) await deps.accreditation.put(accreditationRecord(event, plan.next!.registrationId, apart, now));
      else await deps.accreditation.touch(event.id, existing?.registrationId ?? newRegistrationId(now), now);
    }
    if (plan.next && delegation && (plan.outcome === 'created' || plan.outcome === 'refreshed')) plan.next = { ...plan.next, delegation };
    if (plan.next && (await commitTransition(deps, event, existing, plan.next)).kind !== 'written') return lostRace;
    if (plan.decoy) await deps.registrations.refusedWrite(plan.decoy);
    return plan.outcome;
  });
}
