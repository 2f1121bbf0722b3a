// Confirming the address: the link in the e-mail proves it. Where the registration goes depends on
// the event: a seat, the waiting list when the seats are taken, or the organizers' review.
import { notify, placementMail } from '../mail/notify.ts';
import { ApiError, tokenExpired } from '../model/errors.ts';
import type { ConferenceEvent } from '../model/event.ts';
import type { Language } from '../model/languages.ts';
import { confirmLinkOf, isExpiredUnconfirmed, moved, type Registration } from '../model/registration.ts';
import { parseToken, sameSecret, sha256, withManageLink } from '../model/tokens.ts';
import { lostRace, retryOnConflict } from '../store/optimistic.ts';
import type { RegistrationStore } from '../store/registration-store.ts';
import { commitRemoval, commitTransition } from './commit.ts';
import type { RegistrationDeps } from './deps.ts';
import { settleQueue } from './waitlist.ts';

export type TokenState =
  | { kind: 'invalid' }
  /** `gone`: the registration expired with the link, and is purged on the confirm button's press. */
  | { kind: 'expired'; registration: Registration; gone: boolean }
  | { kind: 'pending'; registration: Registration }
  | { kind: 'confirmed'; registration: Registration };

/** Reads what a confirmation token refers to without changing anything (the GET page uses it). */
export async function inspectConfirmationToken(
  registrations: RegistrationStore,
  token: string,
  now: Date = new Date(),
): Promise<TokenState> {
  const parts = parseToken(token);
  if (!parts) return { kind: 'invalid' };
  const registration = await registrations.get(parts.eventId, parts.emailKey);
  const link = registration ? confirmLinkOf(registration, sha256(parts.secret), now, sameSecret) : undefined;
  if (!registration || !link) return { kind: 'invalid' };
  // A withdrawn or rejected registration has nothing left to confirm.
  if (registration.status === 'withdrawn' || registration.status === 'rejected' || !registration.reference) {
    if (registration.status !== 'pending_confirmation') return { kind: 'invalid' };
    // Expired is the registration itself (no link of it works any more), or only this older link.
    if (isExpiredUnconfirmed(registration, now)) return { kind: 'expired', registration, gone: true };
    return link === 'expired' ? { kind: 'expired', registration, gone: false } : { kind: 'pending', registration };
  }
  return { kind: 'confirmed', registration };
}

export interface ConfirmOutcome {
  /** Where the registration stands now: confirmed, waitlisted, awaiting_approval, or later states on a repeat. */
  status: Exclude<Registration['status'], 'pending_confirmation'>;
  reference: string;
  eventId: string;
  position?: number;
  language: Language;
}

export const invalidToken = () =>
  new ApiError(400, 'invalid_token', 'This link is not valid. Use the most recent e-mail, or register again.');

/**
 * Confirms the address a token belongs to. Where the registration goes depends on the event: a seat
 * (confirmed), the waiting list when the seats are taken, or the organizers' review. A repeat answers
 * the same without a second e-mail; an expired link purges the unconfirmed registration (the TTL would,
 * but it can lag by days).
 */
export async function confirmRegistration(deps: RegistrationDeps, token: string, now: Date = new Date()): Promise<ConfirmOutcome> {
  return retryOnConflict(async () => {
    const state = await inspectConfirmationToken(deps.registrations, token, now);
    if (state.kind === 'invalid') throw invalidToken();
    const { registration } = state;
    const event = await deps.events.get(registration.eventId);
    if (!event) throw invalidToken();
    if (state.kind === 'confirmed') return outcomeOf(registration);
    if (state.kind === 'expired') {
      if (state.gone) {
        // Nobody confirmed the address: what it gave for the accreditation goes with it.
        await deps.accreditation.delete(event.id, registration.registrationId);
        await commitRemoval(deps, event, registration);
      }
      throw tokenExpired();
    }

    const result = await placeConfirmed(deps, event, registration, now);
    if (result.kind !== 'written') {
      if (result.kind === 'lost' && result.seatReturned) await settleQueue(deps, event, now);
      return lostRace;
    }
    // Only the request whose write won sends the e-mail, so it goes out once however often the button is pressed.
    await notify(deps, event, result.registration, placementMail(result.registration), result.manageToken);
    if (result.registration.status === 'waitlisted') await settleQueue(deps, event, now);
    return outcomeOf(result.registration);
  });
}

/** A seat if one is free, else the waiting list; or the organizers' review when the event asks for approval. */
async function placeConfirmed(deps: RegistrationDeps, event: ConferenceEvent, registration: Registration, now: Date) {
  const tryStatus = async (to: 'confirmed' | 'waitlisted' | 'awaiting_approval') => {
    const { registration: next, manageToken } = withManageLink(moved(registration, to, event, now, 'participant', 'confirmed_email'));
    const result = await commitTransition(deps, event, registration, next);
    return result.kind === 'written' ? { ...result, manageToken } : result;
  };
  if (event.approval === 'required') return tryStatus('awaiting_approval');
  const seated = await tryStatus('confirmed');
  return seated.kind === 'full' ? tryStatus('waitlisted') : seated;
}

function outcomeOf(registration: Registration): ConfirmOutcome {
  const status = registration.status === 'pending_confirmation' ? 'confirmed' : registration.status;
  return {
    status,
    reference: registration.reference!,
    eventId: registration.eventId,
    ...(status === 'waitlisted' && registration.waitlist ? { position: registration.waitlist.position } : {}),
    language: registration.details.language,
  };
}
