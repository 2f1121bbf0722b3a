// What a submission does to the registration of its address, decided from the registration as it
// was read: pure, so every case is unit-tested without a table.
import { historyEntry, isExpiredUnconfirmed, withConfirmLink, type Registration, type RegistrationDetails } from './registration.ts';
import { emailKey, newRegistrationId, randomSecret, sha256 } from './tokens.ts';

export type SubmitOutcome = 'ignored_honeypot' | 'created' | 'refreshed' | 'already_registered' | 'mail_limit_reached' | 'unchanged';

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
  /** Organizers rejected this address for the event before its registration was erased. */
  rejectedBefore = false,
): SubmissionPlan {
  const nowIso = now.toISOString();
  const newToken = () => {
    const secret = randomSecret();
    return { secret, confirmToken: { hash: sha256(secret), expiresAt: new Date(now.getTime() + lifetimeHours * 3_600_000).toISOString() } };
  };

  // An expired link or a withdrawal ends a registration: the address may start afresh.
  const ended =
    (existing !== undefined && isExpiredUnconfirmed(existing, now)) || existing?.status === 'withdrawn';
  // A rejection stays in force: erasing the registration and registering again does not undo it.
  if (existing === undefined && rejectedBefore) return { outcome: 'unchanged', next: undefined, secret: undefined, mail: undefined };
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
        manageTokenHashes: [],
        pendingMails: [],
        waitlist: undefined,
        approvedAt: undefined,
        history: [historyEntry(now, 'participant', 'submitted', undefined, 'pending_confirmation')],
        version: (existing?.version ?? 0) + 1,
      },
    };
  }

  // Organizers declined this address; a new submission changes nothing and is not answered by mail.
  if (existing.status === 'rejected') return { outcome: 'unchanged', next: undefined, secret: undefined, mail: undefined };

  if (existing.status !== 'pending_confirmation') {
    return {
      outcome: 'already_registered',
      secret: undefined,
      mail: 'already_registered',
      next: { ...existing, version: existing.version + 1 },
    };
  }

  // Still unconfirmed: the newest data wins, with a fresh link. The links mailed before keep working:
  // whoever submitted again may not be the owner, and must not take away the owner's link (the
  // confirm page shows the data being confirmed, and the manage link corrects it).
  const updated: Registration = { ...existing, details, updatedAt: nowIso, version: existing.version + 1 };
  const { secret, confirmToken } = newToken();
  return {
    outcome: 'refreshed',
    secret,
    mail: 'confirmation_request',
    next: withConfirmLink(updated, confirmToken, now),
  };
}
