// Submitting the form. The outcome is never told to the client (the answer is the same 202 whatever
// happened), only mailed to the address, so nobody learns who registered.
import { notify } from '../mail/notify.ts';
import type { ParticipantMail } from '../mail/emails.ts';
import { assertRegistrationOpen, type ConferenceEvent } from '../model/event.ts';
import { detailsOf, isHoneypotFilled, type Registration } from '../model/registration.ts';
import { parseRegistrationForm } from '../model/registration-schema.ts';
import { planSubmission, type SubmissionPlan, type SubmitOutcome } from '../model/submission.ts';
import { composeToken, confirmationUrl, emailKey, mailboxKey, withManageLink } from '../model/tokens.ts';
import { lostRace, retryOnConflict } from '../store/optimistic.ts';
import { commitTransition } from './commit.ts';
import type { RegistrationDeps } from './deps.ts';

/**
 * Registers the body's address for the event. A filled honeypot is answered like any submission and
 * does nothing, before any validation: a bot learns nothing from its errors either.
 */
export async function submitRegistration(
  deps: RegistrationDeps,
  event: ConferenceEvent,
  body: Record<string, unknown>,
  now: Date = new Date(),
): Promise<SubmitOutcome> {
  assertRegistrationOpen(event, now);
  if (isHoneypotFilled(body.website)) return 'ignored_honeypot';
  const details = detailsOf(parseRegistrationForm(event, body));
  const key = emailKey(details.email);
  // Past the mailbox's cap nothing changes at all: no mail, and no silent rewrite of pending data.
  // Counted per mailbox, so spellings of one address (case, +tags, Gmail's dots) share one cap.
  if (!(await deps.mailboxes.take(event.id, mailboxKey(details.email), now))) return 'mail_limit_reached';

  return retryOnConflict(async () => {
    const existing = await deps.registrations.get(event.id, key);
    const rejectedBefore = existing === undefined && (await deps.registrations.wasRejected(event.id, key));
    const plan = planSubmission(existing, event.id, details, now, deps.confirmTokenLifetimeHours, rejectedBefore);
    if (!plan.next) return plan.outcome;
    const { registration: next, manageToken } = plan.mail ? withManageLink(plan.next) : { registration: plan.next, manageToken: '' };
    const result = await commitTransition(deps, event, existing, next);
    if (result.kind !== 'written') return lostRace;
    const mail = submissionMail(deps, event, plan, next);
    if (mail) await notify(deps, event, next, mail, manageToken);
    return plan.outcome;
  });
}

function submissionMail(deps: RegistrationDeps, event: ConferenceEvent, plan: SubmissionPlan, registration: Registration): ParticipantMail | undefined {
  if (plan.mail === 'confirmation_request' && plan.secret) {
    const token = composeToken({ eventId: event.id, emailKey: registration.emailKey, secret: plan.secret });
    return { kind: 'confirmation_request', confirmUrl: confirmationUrl(deps.publicBaseUrl, token), lifetimeHours: deps.confirmTokenLifetimeHours };
  }
  if (plan.mail === 'already_registered') return { kind: 'already_registered', reference: registration.reference };
  return undefined;
}
