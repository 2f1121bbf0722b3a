// What a submission does to the registration of its address, decided from the registration as it
// was read: pure, so every case is unit-tested without a table.
//
// No submission waits on the mail service: a mail it owes is written with the registration as a
// pending mail due at once, and the mail worker sends it (the table's stream wakes it in the cloud;
// locally it polls). Every outcome also writes once, when there is a registration to write, so that
// neither an answer nor its timing tells a rejected or capped address from any other.
import { historyEntry, isExpiredUnconfirmed, queuedMail, type Registration, type RegistrationDetails } from './registration.ts';
import { emailKey, newRegistrationId } from './tokens.ts';

export type SubmitOutcome = 'ignored_honeypot' | 'created' | 'refreshed' | 'already_registered' | 'mail_limit_reached' | 'unchanged';

/** What a submission does, decided from the registration as it was read. */
export interface SubmissionPlan {
  outcome: Exclude<SubmitOutcome, 'ignored_honeypot'>;
  /** The registration to write (its data, or only its version when nothing else changes), or none. */
  next: Registration | undefined;
  /** The mail the write queues, if any. */
  mail: 'confirmation_request' | 'already_registered' | undefined;
  /**
   * When there is nothing to write: the registration a new submission would write, to be sent as a
   * write its condition refuses, so that a path that changes nothing costs what a write costs.
   */
  decoy?: Registration;
}

export interface SubmissionContext {
  now: Date;
  lifetimeHours: number;
  /** Organizers rejected this address for the event before its registration was erased. */
  rejectedBefore: boolean;
  /** The mailbox has mails left this hour. */
  mailAllowed: boolean;
}

/** The same registration, written again unchanged: what every path costs, whatever it decides. */
function touched(registration: Registration): Registration {
  return { ...registration, version: registration.version + 1 };
}

export function planSubmission(existing: Registration | undefined, eventId: string, details: RegistrationDetails, context: SubmissionContext): SubmissionPlan {
  const { now, lifetimeHours, rejectedBefore, mailAllowed } = context;
  const nowIso = now.toISOString();

  // An expired link or a withdrawal ends a registration: the address may start afresh.
  const ended = (existing !== undefined && isExpiredUnconfirmed(existing, now)) || existing?.status === 'withdrawn';
  const fresh = existing === undefined || ended;
  // Past the mailbox's cap nothing changes: no mail, and no silent rewrite of someone's pending data.
  // A rejection stays in force: erasing the registration and registering again does not undo it.
  if (!mailAllowed || (fresh && rejectedBefore) || existing?.status === 'rejected') {
    const outcome = mailAllowed ? 'unchanged' : 'mail_limit_reached';
    if (existing && !ended) return { outcome, next: touched(existing), mail: undefined };
    const decoy = newRegistration(existing, eventId, details, now, lifetimeHours);
    return { outcome, next: undefined, mail: undefined, decoy: { ...decoy, pendingMails: queuedMail(decoy, 'confirmation_request', now) } };
  }

  if (fresh) {
    const registration = newRegistration(existing, eventId, details, now, lifetimeHours);
    return { outcome: 'created', mail: 'confirmation_request', next: { ...registration, pendingMails: queuedMail(registration, 'confirmation_request', now) } };
  }

  if (existing.status !== 'pending_confirmation') {
    return { outcome: 'already_registered', mail: 'already_registered', next: { ...touched(existing), pendingMails: queuedMail(existing, 'already_registered', now) } };
  }

  // Still unconfirmed: the newest data wins, with a fresh link. The links mailed before keep working:
  // whoever submitted again may not be the owner, and must not take away the owner's link (the
  // confirm page shows the data being confirmed, and the manage link corrects it).
  const updated: Registration = { ...touched(existing), details, updatedAt: nowIso };
  return { outcome: 'refreshed', mail: 'confirmation_request', next: { ...updated, pendingMails: queuedMail(existing, 'confirmation_request', now) } };
}

/** A registration for an address that has none (or whose registration ended): pending confirmation. */
function newRegistration(ended: Registration | undefined, eventId: string, details: RegistrationDetails, now: Date, lifetimeHours: number): Registration {
  const nowIso = now.toISOString();
  return {
    eventId,
    emailKey: emailKey(details.email),
    registrationId: newRegistrationId(now),
    status: 'pending_confirmation',
    createdAt: nowIso,
    updatedAt: nowIso,
    confirmedAt: undefined,
    reference: undefined,
    details,
    // The link itself is issued when the mail goes out (only its hash is ever stored); until then
    // the registration's time runs from now.
    confirmToken: { hash: '', expiresAt: new Date(now.getTime() + lifetimeHours * 3_600_000).toISOString() },
    earlierConfirmTokens: [],
    manageTokenHashes: [],
    pendingMails: [],
    waitlist: undefined,
    approvedAt: undefined,
    history: [historyEntry(now, 'participant', 'submitted', undefined, 'pending_confirmation')],
    version: (ended?.version ?? 0) + 1,
  };
}
