// A registration as the domain knows it, and the pure operations on it: what is kept of a form, the
// move from one status to the next with its history, and what organizers see of it.
import type { ConferenceEvent } from './event.ts';
import { isParticipating, type RegistrationStatus } from './lifecycle.ts';
import type { RegistrationDetails, RegistrationForm } from './registration-schema.ts';
import { newReference, sha256 } from './tokens.ts';

export type { RegistrationDetails, RegistrationForm } from './registration-schema.ts';

export interface Registration {
  eventId: string;
  emailKey: string;
  registrationId: string;
  status: RegistrationStatus;
  createdAt: string;
  updatedAt: string;
  confirmedAt: string | undefined;
  reference: string | undefined;
  details: RegistrationDetails;
  /** The newest confirmation link: only the hash of its secret is kept. */
  confirmToken: ConfirmLink;
  /**
   * Earlier confirmation links that have not expired: a later submission of the same address (by
   * anyone who knows it) must not take away a link the owner already received.
   */
  earlierConfirmTokens?: ConfirmLink[] | undefined;
  /** Set from SES bounce and complaint notifications; absent while mail is delivered. */
  emailStatus?: 'bounced' | 'complained' | undefined;
  /** Hashes of the manage links sent so far (newest last); each e-mail carries a fresh one. */
  manageTokenHashes: string[];
  /** While waitlisted: the queue number (orders the queue) and the position announced on joining it. */
  waitlist: { seq: number; position: number } | undefined;
  /** Set when organizers approved it (approval: required), also while it waits for a seat. */
  approvedAt: string | undefined;
  /** Every change of state and who made it: the participant, an organizer (from the JWT) or the system. */
  history: HistoryEntry[];
  /** E-mails SES did not take yet, retried with backoff by the mail sweeper (mail/outbox.ts). */
  pendingMails: PendingMail[];
  /** The delegation that nominated the participant, when they registered through a nomination link. */
  delegation?: { entityId: string; role: 'head' | 'member' } | undefined;
  /** Optimistic lock: every write checks the version it read. */
  version: number;
  /** The ids of the last few writes (see save): internal, carried from read to write. */
  writeIds?: string[] | undefined;
}

export interface ConfirmLink {
  hash: string;
  expiresAt: string;
}

export interface PendingMail {
  kind: string;
  attempts: number;
  nextAttemptAt: string;
}

export interface HistoryEntry {
  at: string;
  actor: string;
  action: string;
  from?: RegistrationStatus | undefined;
  to?: RegistrationStatus | undefined;
  reason?: string | undefined;
  /** For a correction: the fields it changed (the values are the registration's own). */
  changes?: string[] | undefined;
}

/** What erasure keeps: enough to count, nothing that identifies a person. */
export interface Tombstone {
  eventId: string;
  registrationId: string;
  status: 'erased';
  previousStatus: RegistrationStatus;
  category: string;
  createdAt: string;
  erasedAt: string;
  /** The day (event's time zone) the address had been confirmed, if it was: it stays in the registrations per day. */
  confirmedOn?: string | undefined;
}

/**
 * An unconfirmed registration whose link has expired is gone, wherever it is looked at: DynamoDB's TTL
 * deletes it, but can lag by days (and dynalite has no TTL), so every reader checks the time too.
 */
export function isExpiredUnconfirmed(registration: Pick<Registration, 'status' | 'confirmToken'>, now: Date): boolean {
  return registration.status === 'pending_confirmation' && now.getTime() >= Date.parse(registration.confirmToken.expiresAt);
}

const keptConfirmLinks = 5;

/** Issues a new confirmation link (its hash); the ones mailed before stay valid until they expire. */
export function withConfirmLink<R extends Pick<Registration, 'confirmToken' | 'earlierConfirmTokens'>>(registration: R, link: ConfirmLink, now: Date): R {
  const earlier = [...(registration.earlierConfirmTokens ?? []), registration.confirmToken]
    .filter((previous) => previous.hash !== '' && Date.parse(previous.expiresAt) > now.getTime())
    .slice(-(keptConfirmLinks - 1));
  return { ...registration, confirmToken: link, earlierConfirmTokens: earlier };
}

/** The confirmation link a secret's hash belongs to, if it is one of the registration's and has not expired. */
export function confirmLinkOf(registration: Pick<Registration, 'confirmToken' | 'earlierConfirmTokens'>, hash: string, now: Date, same: (a: string, b: string) => boolean): 'valid' | 'expired' | undefined {
  const link = [registration.confirmToken, ...(registration.earlierConfirmTokens ?? [])].find((candidate) => same(candidate.hash, hash));
  if (!link) return undefined;
  return now.getTime() < Date.parse(link.expiresAt) ? 'valid' : 'expired';
}

// Mails that carry a link replace an older one of their kind still waiting: one fresh link is enough.
const oneAtATime = new Set(['confirmation_request', 'manage_link']);

/**
 * The pending mails with one more for the mail worker to send now: the mail is written with the
 * registration, and the worker (woken by the table's stream, or polling locally) sends it.
 */
export function queuedMail(registration: Pick<Registration, 'pendingMails'>, kind: string, now: Date): PendingMail[] {
  const others = registration.pendingMails.filter((mail) => !(oneAtATime.has(kind) && mail.kind === kind));
  return [...others, { kind, attempts: 0, nextAttemptAt: now.toISOString() }];
}

/** People never see the honeypot field; any value in it means a bot filled the form. */
export function isHoneypotFilled(website: unknown): boolean {
  if (website === undefined || website === null || website === false) return false;
  return typeof website !== 'string' || website.trim() !== '';
}

export function detailsOf(form: RegistrationForm): RegistrationDetails {
  const { website: _honeypot, nomination: _nomination, ...details } = form;
  return details;
}

export function historyEntry(
  now: Date,
  actor: string,
  action: string,
  from: RegistrationStatus | undefined,
  to: RegistrationStatus | undefined,
  reason?: string,
): HistoryEntry {
  return { at: now.toISOString(), actor, action, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(reason ? { reason } : {}) };
}

// The history keeps the latest entries: an item must stay far below DynamoDB's 400 KB whatever a
// participant or a script does to it.
const keptHistoryEntries = 50;

export function withHistory(registration: Registration, entry: HistoryEntry): HistoryEntry[] {
  return [...registration.history, entry].slice(-keptHistoryEntries);
}

/** Moves the registration to `to`, stamping the times that status implies and recording who did it. */
export function moved(
  registration: Registration,
  to: RegistrationStatus,
  event: ConferenceEvent,
  now: Date,
  actor: string,
  action: string,
  reason?: string,
): Registration {
  const nowIso = now.toISOString();
  const participating = isParticipating(to);
  return {
    ...registration,
    status: to,
    updatedAt: nowIso,
    reference: registration.reference ?? (participating ? newReference(event.referencePrefix) : undefined),
    confirmedAt: registration.confirmedAt ?? (participating ? nowIso : undefined),
    approvedAt: to === 'approved' && !registration.approvedAt ? nowIso : registration.approvedAt,
    waitlist: to === 'waitlisted' ? registration.waitlist : undefined,
    history: withHistory(registration, historyEntry(now, actor, action, registration.status, to, reason)),
    version: registration.version + 1,
  };
}

/**
 * A fingerprint of what organizers decide on: the status and every detail. It changes when the
 * participant corrects something or the registration moves, and not when only the bookkeeping does
 * (a new manage link, a mail retried, a bounce recorded), so a decision is refused exactly when the
 * data reviewed is no longer the data there.
 */
export function revisionOf(registration: Pick<Registration, 'status' | 'details'>): string {
  const details = Object.entries(registration.details).filter(([, value]) => value !== undefined).sort(([a], [b]) => a.localeCompare(b));
  return sha256(JSON.stringify([registration.status, details])).slice(0, 16);
}

/** What an organizer sees of a registration: the form fields and its state, never a token or its hash. */
export function registrationView(registration: Registration) {
  return {
    registrationId: registration.registrationId,
    eventId: registration.eventId,
    reference: registration.reference ?? null,
    status: registration.status,
    createdAt: registration.createdAt,
    updatedAt: registration.updatedAt,
    confirmedAt: registration.confirmedAt ?? null,
    emailStatus: registration.emailStatus ?? 'ok',
    /** What a decision must name (If-Match), so that it is about the data the organizer saw. */
    revision: revisionOf(registration),
    ...registration.details,
  };
}
export type RegistrationView = ReturnType<typeof registrationView>;
