// What organizers decide about a registration: approve or reject it. Each decision is recorded on the
// registration (who, from the JWT; when; what; why) and e-mailed to the participant.
import { notify, placementMail } from '../mail/notify.ts';
import { invalidTransition, staleRevision } from '../model/errors.ts';
import type { ConferenceEvent } from '../model/event.ts';
import { accepts, holdsSeat, type Decision } from '../model/lifecycle.ts';
import { actorOf, type Organizer } from '../model/organizer.ts';
import { moved, revisionOf, type Registration } from '../model/registration.ts';
import { withManageLink } from '../model/tokens.ts';
import { lostRace, retryOnConflict } from '../store/optimistic.ts';
import { commitTransition } from './commit.ts';
import type { RegistrationDeps } from './deps.ts';
import { findRegistration, noSuchRegistration } from './find-registration.ts';
import { promoteFromWaitlist, settleQueue } from './waitlist.ts';

export type { Decision } from '../model/lifecycle.ts';

/** What became of one decision: taken, or why not (with the registration as it is now). */
export type DecisionOutcome =
  | { kind: 'done'; registration: Registration }
  | { kind: 'not_found' }
  | { kind: 'stale'; current: Registration }
  | { kind: 'invalid_transition'; current: Registration };

/**
 * Takes the decision about the revision the organizer reviewed, or says why it cannot be taken. A
 * decision is about that data, never about later changes: a changed registration is `stale`.
 */
export async function attemptDecision(
  deps: RegistrationDeps,
  event: ConferenceEvent,
  registrationId: string | undefined,
  decision: Decision,
  reason: string | undefined,
  organizer: Organizer,
  /** The revision the organizer looked at: a decision is about that data, never about later changes. */
  reviewed: string,
  now: Date = new Date(),
): Promise<DecisionOutcome> {
  return retryOnConflict(async () => {
    const registration = await findRegistration(deps.registrations, event.id, registrationId, now);
    if (!registration) return { kind: 'not_found' } as const;
    if (revisionOf(registration) !== reviewed) return { kind: 'stale', current: registration } as const;
    if (!accepts(registration.status, decision)) return { kind: 'invalid_transition', current: registration } as const;

    const result =
      decision === 'approve'
        ? await approve(deps, event, registration, reason, organizer, now)
        : await reject(deps, event, registration, reason, organizer, now);
    if (!result) return lostRace;
    if (decision === 'reject' && holdsSeat(registration.status)) await promoteFromWaitlist(deps, event, now);
    return { kind: 'done', registration: result } as const;
  });
}

/** One decision (approve, reject): the registration after it, or the error that says why not. */
export async function decideRegistration(...request: Parameters<typeof attemptDecision>): Promise<Registration> {
  const outcome = await attemptDecision(...request);
  const decision = request[3];
  switch (outcome.kind) {
    case 'done':
      return outcome.registration;
    case 'not_found':
      throw noSuchRegistration();
    case 'stale':
      throw staleRevision(revisionOf(outcome.current));
    case 'invalid_transition':
      throw invalidTransition(outcome.current.status, decision === 'approve' ? 'approved' : 'rejected');
  }
}

/** An approval takes a seat; when none is free the registration waits in the queue, already approved. */
async function approve(deps: RegistrationDeps, event: ConferenceEvent, registration: Registration, reason: string | undefined, organizer: Organizer, now: Date) {
  const approvedAt = now.toISOString();
  for (const to of ['approved', 'waitlisted'] as const) {
    const next = { ...moved(registration, to, event, now, actorOf(organizer), 'approved', reason), approvedAt };
    const { registration: withLink, manageToken } = withManageLink(next);
    const result = await commitTransition(deps, event, registration, withLink);
    if (result.kind === 'full') continue;
    if (result.kind === 'lost') {
      if (result.seatReturned) await settleQueue(deps, event, now);
      return undefined;
    }
    await notify(deps, event, result.registration, placementMail(result.registration), manageToken);
    if (result.registration.status === 'waitlisted') await settleQueue(deps, event, now);
    return result.registration;
  }
  return undefined;
}

async function reject(deps: RegistrationDeps, event: ConferenceEvent, registration: Registration, reason: string | undefined, organizer: Organizer, now: Date) {
  const { registration: next, manageToken } = withManageLink(moved(registration, 'rejected', event, now, actorOf(organizer), 'rejected', reason));
  const result = await commitTransition(deps, event, registration, next);
  if (result.kind !== 'written') return undefined;
  await notify(deps, event, result.registration, { kind: 'rejected', reason }, manageToken);
  return result.registration;
}
