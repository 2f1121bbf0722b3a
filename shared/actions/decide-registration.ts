// What organizers decide about a registration: approve or reject it. Each decision is recorded on the
// registration (who, from the JWT; when; what; why) and e-mailed to the participant.
import { notify, placementMail } from '../mail/notify.ts';
import { ApiError, invalidTransition, staleRevision } from '../model/errors.ts';
import type { ConferenceEvent } from '../model/event.ts';
import { accepts, holdsSeat, type Decision } from '../model/lifecycle.ts';
import { actorOf, type Organizer } from '../model/organizer.ts';
import { isExpiredUnconfirmed, moved, revisionOf, type Registration } from '../model/registration.ts';
import { withManageLink } from '../model/tokens.ts';
import { lostRace, retryOnConflict } from '../store/optimistic.ts';
import { commitTransition } from './commit.ts';
import type { RegistrationDeps } from './deps.ts';
import { promoteFromWaitlist, settleQueue } from './waitlist.ts';

export type { Decision } from '../model/lifecycle.ts';

// Ids are ULIDs; anything else names no registration (and must not reach a key condition).
const registrationIdPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export async function decideRegistration(
  deps: RegistrationDeps,
  event: ConferenceEvent,
  registrationId: string | undefined,
  decision: Decision,
  reason: string | undefined,
  organizer: Organizer,
  /** The revision the organizer looked at: a decision is about that data, never about later changes. */
  reviewed: string,
  now: Date = new Date(),
): Promise<Registration> {
  return retryOnConflict(async () => {
    const found = registrationId && registrationIdPattern.test(registrationId) ? await deps.registrations.findById(event.id, registrationId) : undefined;
    // An unconfirmed registration whose link expired is gone.
    const registration = found && !isExpiredUnconfirmed(found, now) ? found : undefined;
    if (!registration) throw new ApiError(404, 'not_found', 'There is no such registration for this event.');
    if (revisionOf(registration) !== reviewed) throw staleRevision(revisionOf(registration));
    if (!accepts(registration.status, decision)) throw invalidTransition(registration.status, decision === 'approve' ? 'approved' : 'rejected');

    const result =
      decision === 'approve'
        ? await approve(deps, event, registration, reason, organizer, now)
        : await reject(deps, event, registration, reason, organizer, now);
    if (!result) return lostRace;
    if (decision === 'reject' && holdsSeat(registration.status)) await promoteFromWaitlist(deps, event, now);
    return result;
  });
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
