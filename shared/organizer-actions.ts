// What organizers decide about a registration: approve or reject it. Each decision is recorded on the
// registration (who, from the JWT; when; what; why) and e-mailed to the participant.
import { ApiError } from './errors.ts';
import type { Organizer } from './organizer-auth.ts';
import type { ConferenceEvent, RegistrationStatus } from './schemas.ts';
import { holdsSeat } from './seats.ts';
import type { Registration } from './store/registration-store.ts';
import {
  busy,
  commitTransition,
  invalidTransition,
  maxWriteAttempts,
  moved,
  notify,
  pause,
  placementMail,
  promoteFromWaitlist,
  settleQueue,
  withManageLink,
  type RegistrationDeps,
} from './transitions.ts';

export type Decision = 'approve' | 'reject';

const decidable: Record<Decision, ReadonlySet<RegistrationStatus>> = {
  approve: new Set(['awaiting_approval']),
  // A rejection can also undo an earlier yes, which frees the seat for the waiting list.
  reject: new Set(['awaiting_approval', 'waitlisted', 'approved', 'confirmed']),
};

function actorOf(organizer: Organizer): string {
  return `organizer:${organizer.username ?? organizer.subject}`;
}

export async function decideRegistration(
  deps: RegistrationDeps,
  event: ConferenceEvent,
  registrationId: string | undefined,
  decision: Decision,
  reason: string | undefined,
  organizer: Organizer,
  now: Date = new Date(),
): Promise<Registration> {
  for (let attempt = 1; attempt <= maxWriteAttempts; attempt++) {
    // Ids are ULIDs; anything else names no registration (and must not reach a key condition).
    const registration = registrationId && /^[0-9A-HJKMNP-TV-Z]{26}$/.test(registrationId) ? await deps.registrations.findById(event.id, registrationId) : undefined;
    if (!registration) throw new ApiError(404, 'not_found', 'There is no such registration for this event.');
    if (!decidable[decision].has(registration.status)) {
      throw invalidTransition(registration.status, decision === 'approve' ? 'approved' : 'rejected');
    }

    const result =
      decision === 'approve'
        ? await approve(deps, event, registration, reason, organizer, now)
        : await reject(deps, event, registration, reason, organizer, now);
    if (!result) {
      await pause(attempt);
      continue;
    }
    if (decision === 'reject' && holdsSeat(registration.status)) await promoteFromWaitlist(deps, event, now);
    return result;
  }
  throw busy();
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
