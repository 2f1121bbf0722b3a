// The participant's side of a registration: submitting the form and confirming the address. Every
// change is one conditional write of one item (no transactions: dynalite has none), so a request that
// loses a race re-reads and decides again.
import { ApiError } from './errors.ts';
import { composeToken, emailKey, newRegistrationId, parseToken, randomSecret, sameSecret, sha256 } from './identifiers.ts';
import type { ParticipantMail } from './mail/emails.ts';
import type { ConferenceEvent, RegistrationDetails, RegistrationForm } from './schemas.ts';
import type { Registration, RegistrationStore } from './store/registration-store.ts';
import {
  busy,
  commitRemoval,
  commitTransition,
  historyEntry,
  maxWriteAttempts,
  moved,
  notify,
  pause,
  placementMail,
  settleQueue,
  withManageLink,
  type RegistrationDeps,
} from './transitions.ts';

export type { RegistrationDeps } from './transitions.ts';

export const mailsPerHourPerAddress = 3;
const mailWindowMs = 60 * 60 * 1000;

export type SubmitOutcome = 'ignored_honeypot' | 'created' | 'refreshed' | 'already_registered' | 'mail_limit_reached' | 'unchanged';

/** People never see the honeypot field; any value in it means a bot filled the form. */
export function isHoneypotFilled(website: unknown): boolean {
  if (website === undefined || website === null || website === false) return false;
  return typeof website !== 'string' || website.trim() !== '';
}

export function detailsOf(form: RegistrationForm): RegistrationDetails {
  const { website: _honeypot, ...details } = form;
  return details;
}

/** What a submission does, decided from the registration as it was read. Pure, so it is unit-tested alone. */
export interface SubmissionPlan {
  outcome: Exclude<SubmitOutcome, 'ignored_honeypot'>;
  /** The registration to write, or undefined when nothing changes. */
  next: Registration | undefined;
  /** The link secret to mail, when a new confirmation link is issued. */
  secret: string | undefined;
  mail: 'confirmation_request' | 'already_registered' | undefined;
}

export function planSubmission(
  existing: Registration | undefined,
  eventId: string,
  details: RegistrationDetails,
  now: Date,
  lifetimeHours: number,
): SubmissionPlan {
  const nowIso = now.toISOString();
  const newToken = () => {
    const secret = randomSecret();
    return { secret, confirmToken: { hash: sha256(secret), expiresAt: new Date(now.getTime() + lifetimeHours * 3_600_000).toISOString() } };
  };

  // An expired link or a withdrawal ends a registration: the address may start afresh.
  const ended =
    (existing?.status === 'pending_confirmation' && isExpired(existing.confirmToken.expiresAt, now)) || existing?.status === 'withdrawn';
  if (existing === undefined || ended) {
    const { secret, confirmToken } = newToken();
    return {
      outcome: 'created',
      secret,
      mail: 'confirmation_request',
      next: {
        eventId,
        emailKey: emailKey(details.email),
        registrationId: newRegistrationId(now),
        status: 'pending_confirmation',
        createdAt: nowIso,
        updatedAt: nowIso,
        confirmedAt: undefined,
        reference: undefined,
        details,
        confirmToken,
        mailWindow: { startedAt: nowIso, sent: 1 },
        manageTokenHashes: [],
        pendingMails: [],
        waitlist: undefined,
        approvedAt: undefined,
        history: [historyEntry(now, 'participant', 'submitted', undefined, 'pending_confirmation')],
        version: (existing?.version ?? 0) + 1,
      },
    };
  }

  const window = currentMailWindow(existing, now);
  // Past the cap nothing changes at all: no mail, and no silent rewrite of someone's pending data.
  if (window.sent >= mailsPerHourPerAddress) return { outcome: 'mail_limit_reached', next: undefined, secret: undefined, mail: undefined };
  // Organizers declined this address; a new submission changes nothing and is not answered by mail.
  if (existing.status === 'rejected') return { outcome: 'unchanged', next: undefined, secret: undefined, mail: undefined };

  if (existing.status !== 'pending_confirmation') {
    return {
      outcome: 'already_registered',
      secret: undefined,
      mail: 'already_registered',
      next: { ...existing, mailWindow: { ...window, sent: window.sent + 1 }, version: existing.version + 1 },
    };
  }

  // Still unconfirmed: the newest data wins, with a fresh link (the old one stops working).
  const updated: Registration = { ...existing, details, updatedAt: nowIso, version: existing.version + 1 };
  const { secret, confirmToken } = newToken();
  return {
    outcome: 'refreshed',
    secret,
    mail: 'confirmation_request',
    next: { ...updated, confirmToken, mailWindow: { ...window, sent: window.sent + 1 } },
  };
}

function currentMailWindow(registration: Registration, now: Date): Registration['mailWindow'] {
  const started = Date.parse(registration.mailWindow.startedAt);
  return now.getTime() - started >= mailWindowMs ? { startedAt: now.toISOString(), sent: 0 } : registration.mailWindow;
}

function isExpired(expiresAt: string, now: Date): boolean {
  return now.getTime() >= Date.parse(expiresAt);
}

export function confirmationUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl}/confirm?token=${encodeURIComponent(token)}`;
}

export async function submitRegistration(
  deps: RegistrationDeps,
  event: ConferenceEvent,
  form: RegistrationForm,
  now: Date = new Date(),
): Promise<SubmitOutcome> {
  if (isHoneypotFilled(form.website)) return 'ignored_honeypot';
  const details = detailsOf(form);
  const key = emailKey(details.email);

  for (let attempt = 1; attempt <= maxWriteAttempts; attempt++) {
    const existing = await deps.registrations.get(event.id, key);
    const plan = planSubmission(existing, event.id, details, now, deps.confirmTokenLifetimeHours);
    if (!plan.next) return plan.outcome;
    const { registration: next, manageToken } = plan.mail ? withManageLink(plan.next) : { registration: plan.next, manageToken: '' };
    const result = await commitTransition(deps, event, existing, next);
    if (result.kind !== 'written') {
      await pause(attempt);
      continue;
    }
    const mail = submissionMail(deps, event, plan, next);
    if (mail) await notify(deps, event, next, mail, manageToken);
    return plan.outcome;
  }
  throw busy();
}

function submissionMail(deps: RegistrationDeps, event: ConferenceEvent, plan: SubmissionPlan, registration: Registration): ParticipantMail | undefined {
  if (plan.mail === 'confirmation_request' && plan.secret) {
    const token = composeToken({ eventId: event.id, emailKey: registration.emailKey, secret: plan.secret });
    return { kind: 'confirmation_request', confirmUrl: confirmationUrl(deps.publicBaseUrl, token), lifetimeHours: deps.confirmTokenLifetimeHours };
  }
  if (plan.mail === 'already_registered') return { kind: 'already_registered', reference: registration.reference };
  return undefined;
}

export type TokenState =
  | { kind: 'invalid' }
  | { kind: 'expired'; registration: Registration }
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
  if (!registration || !sameSecret(sha256(parts.secret), registration.confirmToken.hash)) return { kind: 'invalid' };
  // A withdrawn or rejected registration has nothing left to confirm.
  if (registration.status === 'withdrawn' || registration.status === 'rejected' || !registration.reference) {
    return registration.status === 'pending_confirmation' ? pendingState(registration, now) : { kind: 'invalid' };
  }
  return { kind: 'confirmed', registration };
}

function pendingState(registration: Registration, now: Date): TokenState {
  if (isExpired(registration.confirmToken.expiresAt, now)) return { kind: 'expired', registration };
  return { kind: 'pending', registration };
}

export interface ConfirmOutcome {
  /** Where the registration stands now: confirmed, waitlisted, awaiting_approval, or later states on a repeat. */
  status: Exclude<Registration['status'], 'pending_confirmation'>;
  reference: string;
  eventId: string;
  position?: number;
  language: RegistrationDetails['language'];
}

export const invalidToken = () =>
  new ApiError(400, 'invalid_token', 'This link is not valid. Use the most recent e-mail, or register again.');
export const tokenExpired = () =>
  new ApiError(410, 'token_expired', 'This link has expired. Please register again to receive a new one.');

/**
 * Confirms the address a token belongs to. Where the registration goes depends on the event: a seat
 * (confirmed), the waiting list when the seats are taken, or the organizers' review. A repeat answers
 * the same without a second e-mail; an expired link purges the unconfirmed registration (the TTL would,
 * but it can lag by days).
 */
export async function confirmRegistration(deps: RegistrationDeps, token: string, now: Date = new Date()): Promise<ConfirmOutcome> {
  for (let attempt = 1; attempt <= maxWriteAttempts; attempt++) {
    const state = await inspectConfirmationToken(deps.registrations, token, now);
    if (state.kind === 'invalid') throw invalidToken();
    const { registration } = state;
    const event = await deps.events.get(registration.eventId);
    if (!event) throw invalidToken();
    if (state.kind === 'confirmed') return outcomeOf(registration);
    if (state.kind === 'expired') {
      await commitRemoval(deps, event, registration);
      throw tokenExpired();
    }

    const result = await placeConfirmed(deps, event, registration, now);
    if (result.kind !== 'written') {
      if (result.kind === 'lost' && result.seatReturned) await settleQueue(deps, event, now);
      await pause(attempt);
      continue;
    }
    // Only the request whose write won sends the e-mail, so it goes out once however often the button is pressed.
    await notify(deps, event, result.registration, placementMail(result.registration), result.manageToken);
    if (result.registration.status === 'waitlisted') await settleQueue(deps, event, now);
    return outcomeOf(result.registration);
  }
  throw busy();
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
