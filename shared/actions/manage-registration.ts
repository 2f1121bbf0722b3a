// What participants do with the private manage link from their e-mails: see their registration,
// withdraw, or erase it entirely (corrections: update-registration.ts).
import { notify } from '../mail/notify.ts';
import { ApiError, invalidTransition, tokenExpired } from '../model/errors.ts';
import type { ConferenceEvent } from '../model/event.ts';
import type { Language } from '../model/languages.ts';
import { canEdit, canWithdraw, holdsSeat } from '../model/lifecycle.ts';
import { isExpiredUnconfirmed, moved, registrationView, type Registration } from '../model/registration.ts';
import { calendarDay } from '../model/seats.ts';
import { parseToken, sameSecret, sha256, withManageLink } from '../model/tokens.ts';
import { lostRace, retryOnConflict } from '../store/optimistic.ts';
import { commitRemoval, commitTransition } from './commit.ts';
import type { RegistrationDeps, StoreDeps } from './deps.ts';
import { deleteFilesOf, type FileDeps } from './uploads.ts';
import { promoteFromWaitlist } from './waitlist.ts';

const invalidManageToken = () =>
  new ApiError(400, 'invalid_token', 'This link is not valid. Use the link from your most recent e-mail.');

export interface ManagedRegistration {
  registration: Registration;
  event: ConferenceEvent;
}

/**
 * The registration a manage token belongs to, or 400 invalid_token (also after erasure). An
 * unconfirmed registration whose confirmation link expired is gone: it is purged, and its manage link
 * answers 410 token_expired (nobody can read, change or withdraw it any more).
 */
export async function resolveManageToken(deps: StoreDeps, token: unknown, now: Date = new Date()): Promise<ManagedRegistration> {
  const parts = typeof token === 'string' ? parseToken(token) : undefined;
  if (!parts) throw invalidManageToken();
  const registration = await deps.registrations.get(parts.eventId, parts.emailKey);
  const hash = sha256(parts.secret);
  if (!registration || !registration.manageTokenHashes.some((stored) => sameSecret(stored, hash))) throw invalidManageToken();
  const event = await deps.events.get(registration.eventId);
  if (!event) throw invalidManageToken();
  if (isExpiredUnconfirmed(registration, now)) {
    await commitRemoval(deps, event, registration);
    throw tokenExpired();
  }
  return { registration, event };
}

/** The participant's own view: the organizer's view of it, plus what they may still do and their place in the queue. */
export async function selfView(deps: StoreDeps, { registration, event }: ManagedRegistration) {
  const position =
    registration.status === 'waitlisted' && registration.waitlist
      ? 1 + (await deps.registrations.waitlistedAhead(event.id, registration.waitlist.seq))
      : null;
  return {
    ...registrationView(registration),
    waitlistPosition: position,
    canEdit: canEdit(registration, event),
    canWithdraw: canWithdraw(registration),
  };
}
export type SelfView = Awaited<ReturnType<typeof selfView>>;

/** Withdraws; answers the participant's language too, for the page that confirms it. */
export async function withdrawRegistration(deps: RegistrationDeps, token: unknown, now: Date = new Date()): Promise<{ status: 'withdrawn'; language: Language }> {
  return retryOnConflict(async () => {
    const { registration, event } = await resolveManageToken(deps, token, now);
    if (!canWithdraw(registration)) throw invalidTransition(registration.status, 'withdrawn');
    const { registration: next, manageToken } = withManageLink(moved(registration, 'withdrawn', event, now, 'participant', 'withdrawn'));
    const result = await commitTransition(deps, event, registration, next);
    if (result.kind !== 'written') return lostRace;
    // The seat goes to the queue before anybody is mailed: a slow mail service must not hold it up.
    if (holdsSeat(registration.status)) await promoteFromWaitlist(deps, event, now);
    await notify(deps, event, result.registration, { kind: 'withdrawn' }, manageToken);
    return { status: 'withdrawn' as const, language: registration.details.language };
  });
}

/**
 * GDPR erasure: the registration and every personal datum go; an anonymous tombstone (status,
 * category, dates) stays so the counts remain explainable. Only the request whose delete removed the
 * item writes the tombstone and counts the erasure, so two erasures at once count one.
 */
export async function eraseRegistration(deps: RegistrationDeps & FileDeps, token: unknown, now: Date = new Date()): Promise<{ status: 'erased'; language: Language }> {
  return retryOnConflict(async () => {
    const { registration, event } = await resolveManageToken(deps, token, now);
    // The rejection outlives the registration, written first so that no moment exists without either.
    if (registration.status === 'rejected') {
      const rejectedAt = registration.history.findLast((entry) => entry.to === 'rejected')?.at ?? registration.updatedAt;
      await deps.registrations.saveRejection(event.id, registration.emailKey, rejectedAt);
    }
    // The accreditation data and the files go first: at no moment is the registration erased and they kept.
    const apart = await deps.accreditation.answersOf(event.id, registration.registrationId);
    await deleteFilesOf(deps, event, { ...registration.details.answers, ...apart });
    await deps.accreditation.delete(event.id, registration.registrationId);
    // The tombstone keeps counting the day the address was confirmed on: a person who registered did.
    const confirmedOn = registration.confirmedAt ? calendarDay(registration.confirmedAt, event.timeZone) : undefined;
    const outcome = await commitRemoval(deps, event, registration, { 'status:erased': 1, ...(confirmedOn ? { [`day:${confirmedOn}`]: 1 } : {}) });
    if (outcome === 'lost') return lostRace;
    if (outcome === 'deleted') {
      await deps.registrations.saveTombstone({
        eventId: event.id,
        registrationId: registration.registrationId,
        status: 'erased',
        previousStatus: registration.status,
        category: registration.details.category,
        createdAt: registration.createdAt,
        erasedAt: now.toISOString(),
        confirmedOn,
      });

      if (holdsSeat(registration.status)) await promoteFromWaitlist(deps, event, now);
    }
    return { status: 'erased' as const, language: registration.details.language };
  });
}
