// The registration rules: what a submission and a confirmation do to a registration, and which e-mail
// they send. Every change is one conditional write of one item (no transactions: dynalite has none), so a
// request that loses a race re-reads and decides again.
import { ApiError } from './errors.ts';
import { composeToken, emailKey, newReference, newRegistrationId, parseToken, randomSecret, sameSecret, sha256 } from './identifiers.ts';
import type { Logger } from './log.ts';
import {
  alreadyRegisteredEmail,
  confirmationRequestEmail,
  registrationConfirmedEmail,
  type Email,
} from './mail/emails.ts';
import type { Mailer } from './mail/mailer.ts';
import type { ConferenceEvent, RegistrationDetails, RegistrationForm } from './schemas.ts';
import type { EventStore } from './store/event-store.ts';
import type { Registration, RegistrationStore } from './store/registration-store.ts';

export const mailsPerHourPerAddress = 3;
const mailWindowMs = 60 * 60 * 1000;
// Twenty simultaneous submissions of one address settle in at most twenty rounds; the margin covers jitter.
const maxWriteAttempts = 40;

export interface RegistrationDeps {
  registrations: RegistrationStore;
  events: EventStore;
  mailer: Mailer;
  log: Logger;
  publicBaseUrl: string;
  confirmTokenLifetimeHours: number;
}

export type SubmitOutcome = 'ignored_honeypot' | 'created' | 'refreshed' | 'already_registered' | 'mail_limit_reached';

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

  const abandoned = existing?.status === 'pending_confirmation' && isExpired(existing.confirmToken.expiresAt, now);
  if (existing === undefined || abandoned) {
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
        version: (existing?.version ?? 0) + 1,
      },
    };
  }

  const window = currentMailWindow(existing, now);
  const mayMail = window.sent < mailsPerHourPerAddress;

  if (existing.status === 'confirmed') {
    if (!mayMail) return { outcome: 'mail_limit_reached', next: undefined, secret: undefined, mail: undefined };
    return {
      outcome: 'already_registered',
      secret: undefined,
      mail: 'already_registered',
      next: { ...existing, mailWindow: { ...window, sent: window.sent + 1 }, version: existing.version + 1 },
    };
  }

  // Still unconfirmed: the newest data wins. Past the mail cap the old link stays valid and no mail goes out.
  const updated: Registration = { ...existing, details, updatedAt: nowIso, version: existing.version + 1 };
  if (!mayMail) return { outcome: 'mail_limit_reached', next: { ...updated, mailWindow: window }, secret: undefined, mail: undefined };
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
    if (plan.next && !(await deps.registrations.save(plan.next, existing?.version))) {
      await pause(attempt);
      continue;
    }
    const email = plan.next && submissionEmail(deps, event, plan);
    if (email) await sendOrUnavailable(deps, email);
    return plan.outcome;
  }
  throw busy();
}

function submissionEmail(deps: RegistrationDeps, event: ConferenceEvent, plan: SubmissionPlan): Email | undefined {
  const registration = plan.next!;
  if (plan.mail === 'confirmation_request' && plan.secret) {
    const token = composeToken({ eventId: event.id, emailKey: registration.emailKey, secret: plan.secret });
    return confirmationRequestEmail(registration, event, confirmationUrl(deps.publicBaseUrl, token), deps.confirmTokenLifetimeHours);
  }
  if (plan.mail === 'already_registered') return alreadyRegisteredEmail(registration, event, registration.reference);
  return undefined;
}

async function sendOrUnavailable(deps: RegistrationDeps, email: Email): Promise<void> {
  try {
    await deps.mailer.send(email);
  } catch (error) {
    deps.log.error('mail_send_failed', { errorType: error instanceof Error ? error.name : typeof error });
    throw new ApiError(503, 'service_unavailable', 'The e-mail could not be sent. Please try again in a minute.', {
      headers: { 'retry-after': '60' },
    });
  }
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
  if (registration.status === 'confirmed') return { kind: 'confirmed', registration };
  if (isExpired(registration.confirmToken.expiresAt, now)) return { kind: 'expired', registration };
  return { kind: 'pending', registration };
}

export interface ConfirmOutcome {
  status: 'confirmed';
  reference: string;
  eventId: string;
  language: RegistrationDetails['language'];
}

export const invalidToken = () =>
  new ApiError(400, 'invalid_token', 'This link is not valid. Use the most recent e-mail, or register again.');
export const tokenExpired = () =>
  new ApiError(410, 'token_expired', 'This link has expired. Please register again to receive a new one.');

/**
 * Confirms the registration a token belongs to. A repeat answers the same without a second e-mail; an
 * expired link purges the unconfirmed registration (the TTL would, but it can lag by days).
 */
export async function confirmRegistration(deps: RegistrationDeps, token: string, now: Date = new Date()): Promise<ConfirmOutcome> {
  for (let attempt = 1; attempt <= maxWriteAttempts; attempt++) {
    const state = await inspectConfirmationToken(deps.registrations, token, now);
    if (state.kind === 'invalid') throw invalidToken();
    const { registration } = state;
    if (state.kind === 'confirmed') return outcomeOf(registration);
    if (state.kind === 'expired') {
      await deps.registrations.delete(registration);
      throw tokenExpired();
    }

    const event = await deps.events.get(registration.eventId);
    if (!event) throw invalidToken();
    const confirmed: Registration = {
      ...registration,
      status: 'confirmed',
      confirmedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      reference: newReference(event.referencePrefix),
      version: registration.version + 1,
    };
    if (!(await deps.registrations.save(confirmed, registration.version))) {
      await pause(attempt);
      continue;
    }
    // Only the request whose write won sends the e-mail, so it goes out once however often the button is pressed.
    try {
      await deps.mailer.send(registrationConfirmedEmail(confirmed, event, confirmed.reference!));
    } catch (error) {
      // The confirmation stands and the page shows the reference; the e-mail is a copy of it.
      deps.log.error('mail_send_failed', { errorType: error instanceof Error ? error.name : typeof error, mail: 'registration_confirmed' });
    }
    return outcomeOf(confirmed);
  }
  throw busy();
}

function outcomeOf(registration: Registration): ConfirmOutcome {
  return {
    status: 'confirmed',
    reference: registration.reference!,
    eventId: registration.eventId,
    language: registration.details.language,
  };
}

function busy(): ApiError {
  return new ApiError(503, 'service_unavailable', 'Too many simultaneous changes. Please try again.', {
    headers: { 'retry-after': '1' },
  });
}

function pause(attempt: number): Promise<void> {
  const ms = Math.min(50, 2 * attempt) * Math.random();
  return new Promise((resolve) => setTimeout(resolve, ms));
}
