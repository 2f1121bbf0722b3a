// Mail SES did not take (an outage, throttling) is not lost: the registration records it as pending,
// and the mail sweeper sends it again with exponential backoff until SES takes it. In the cloud a
// scheduled function runs the sweep every minute; in local mode the same code runs on a timer.
//
// Links are never stored in clear, so a retry issues fresh ones (the failed mail's links never reached
// anybody). The sweep first writes the new link hashes and a lease (the next attempt time), then sends,
// then clears what was sent. A crash between sending and clearing sends that mail again after the
// lease: at-least-once, the most any mail system can promise; every other failure just retries.
import type { ConferenceEvent } from '../model/event.ts';
import { holdsSeat, isParticipating, type RegistrationStatus } from '../model/lifecycle.ts';
import { isExpiredUnconfirmed, withConfirmLink, type PendingMail, type Registration } from '../model/registration.ts';
import { composeToken, confirmationUrl, manageUrl, randomSecret, sha256, withManageLink } from '../model/tokens.ts';
import { errorType } from '../platform/log.ts';
import { lostRace, retryOnConflict } from '../store/optimistic.ts';
import type { MailDeps } from './deps.ts';
import { participantEmail, type ParticipantMail } from './emails.ts';

export interface RetryPolicy {
  /** The first retry waits this long; each further one twice as long, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export function retryPolicy(env: NodeJS.ProcessEnv = process.env): RetryPolicy {
  const base = Number(env.MAIL_RETRY_BASE_MS ?? 30_000);
  const max = Number(env.MAIL_RETRY_MAX_MS ?? 15 * 60_000);
  return { baseDelayMs: Number.isFinite(base) && base > 0 ? base : 30_000, maxDelayMs: Number.isFinite(max) && max > 0 ? max : 900_000 };
}

/** After this many tries (about two days with the default backoff) a mail is given up and logged. */
export const maxAttempts = 12;

/** SES refusals that no retry will change: the message or the address is refused, not the moment. */
const permanentRefusals = new Set(['MessageRejected', 'MailFromDomainNotVerifiedException', 'ConfigurationSetDoesNotExistException', 'MailRefused']);

export function isPermanentRefusal(error: unknown): boolean {
  return error instanceof Error && permanentRefusals.has(error.name);
}

export function nextAttemptAt(attempts: number, now: Date, policy: RetryPolicy): string {
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return new Date(now.getTime() + delay).toISOString();
}

/** Records that a mail could not be sent, so the sweeper retries it. A newer link request replaces an older one. */
export async function recordPendingMail(deps: MailDeps, registration: Registration, kind: ParticipantMail['kind'], now = new Date()): Promise<void> {
  const policy = retryPolicy();
  await retryOnConflict(
    async (round) => {
      // The first try writes what the caller holds; a try after a lost race reads again.
      const current = round === 1 ? registration : await deps.registrations.get(registration.eventId, registration.emailKey);
      if (!current) return undefined;
      const others = current.pendingMails.filter((mail) => !(kind === 'confirmation_request' && mail.kind === kind));
      const pending: PendingMail = { kind, attempts: 1, nextAttemptAt: nextAttemptAt(1, now, policy) };
      if (await deps.registrations.save({ ...current, pendingMails: [...others, pending], version: current.version + 1 }, current.version)) {
        deps.log.warn('mail_pending', { mail: kind, eventId: registration.eventId });
        return undefined;
      }
      return lostRace;
    },
    // Not recorded after every try: the change itself stands, and this mail is lost (and logged as failed).
    () => undefined,
  );
}

/** Whether a mail about a status still says something true of the registration as it is now. */
function stillTrue(kind: string, status: RegistrationStatus): boolean {
  switch (kind) {
    case 'confirmation_request':
      return status === 'pending_confirmation';
    case 'already_registered':
      return isParticipating(status);
    case 'promoted':
      return holdsSeat(status);
    case 'manage_link':
      // A manage link is for a registration whose address is confirmed (an unconfirmed one has the confirmation link).
      return status !== 'pending_confirmation';
    default:
      return kind === status;
  }
}

/** Rebuilds a pending mail from the registration as it is now, with fresh links where it needs them. */
function rebuild(
  deps: MailDeps,
  registration: Registration,
  pending: PendingMail,
  now: Date,
): { registration: Registration; mail: ParticipantMail } | undefined {
  const reference = registration.reference ?? '';
  // A mail about a state the registration has since left would mislead: it is dropped. So is every
  // mail of an unconfirmed registration whose link expired: it is gone, and a fresh link would revive it.
  if (!stillTrue(pending.kind, registration.status) || isExpiredUnconfirmed(registration, now)) return undefined;
  if (pending.attempts >= maxAttempts) return undefined;
  switch (pending.kind) {
    case 'confirmation_request': {
      const secret = randomSecret();
      const expiresAt = new Date(now.getTime() + deps.confirmTokenLifetimeHours * 3_600_000).toISOString();
      const token = composeToken({ eventId: registration.eventId, emailKey: registration.emailKey, secret });
      return {
        registration: withConfirmLink(registration, { hash: sha256(secret), expiresAt }, now),
        mail: {
          kind: 'confirmation_request',
          confirmUrl: confirmationUrl(deps.publicBaseUrl, token),
          lifetimeHours: deps.confirmTokenLifetimeHours,
        },
      };
    }
    case 'already_registered':
      return { registration, mail: { kind: 'already_registered', reference: registration.reference } };
    case 'confirmed':
    case 'approved':
    case 'promoted':
      return { registration, mail: { kind: pending.kind, reference } };
    case 'waitlisted':
      return { registration, mail: { kind: 'waitlisted', position: registration.waitlist?.position ?? 1 } };
    case 'awaiting_approval':
    case 'withdrawn':
      return { registration, mail: { kind: pending.kind } };
    case 'rejected':
      return { registration, mail: { kind: 'rejected', reason: registration.history.findLast((entry) => entry.action === 'rejected')?.reason } };
    case 'manage_link':
      return { registration, mail: { kind: 'manage_link', reference: registration.reference } };
    default:
      return undefined;
  }
}

export interface SweepReport {
  sent: number;
  failed: number;
  dropped: number;
}

/** One sweep: every registration whose pending mail is due. Safe to run concurrently (leases, conditional writes). */
export async function deliverPendingMail(deps: MailDeps, now: Date = new Date(), batch = 25): Promise<SweepReport> {
  return deliverMailOf(deps, await deps.registrations.dueForMail(now, batch), now);
}

/**
 * Sweeps batch after batch until nothing is due, a send fails (SES is struggling: the backoff waits),
 * or `more()` says the time is up.
 */
export async function deliverAllDue(deps: MailDeps, more: () => boolean = () => true, maxBatches = 40): Promise<SweepReport> {
  const total: SweepReport = { sent: 0, failed: 0, dropped: 0 };
  for (let batch = 0; batch < maxBatches && more(); batch++) {
    const report = await deliverPendingMail(deps);
    total.sent += report.sent;
    total.failed += report.failed;
    total.dropped += report.dropped;
    if (report.sent + report.failed + report.dropped === 0 || report.failed > 0) break;
  }
  return total;
}

/**
 * The due mail of these registrations (the sweep's, or the ones the table's stream names the moment
 * they are written). Safe to run concurrently with itself and the sweep: leases and conditional writes.
 */
/** Registrations whose mail one invocation sends at the same time (well within SES's sending rate). */
const concurrentDeliveries = 4;

export async function deliverMailOf(deps: MailDeps, keys: readonly (readonly [string, string])[], now: Date = new Date()): Promise<SweepReport> {
  const report: SweepReport = { sent: 0, failed: 0, dropped: 0 };
  const policy = retryPolicy();
  const events = new Map<string, Promise<ConferenceEvent | undefined>>();
  // A few registrations at a time: a batch after a busy minute goes out in a fraction of the time,
  // and each registration's own mail stays in order (leases and conditional writes keep them apart).
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < keys.length; index = next++) await deliverOne(keys[index]!);
  };
  const deliverOne = async ([eventId, emailKey]: readonly [string, string]) => {
    const registration = await deps.registrations.get(eventId, emailKey);
    if (!registration) return;
    const due = registration.pendingMails.filter((mail) => mail.nextAttemptAt <= now.toISOString());
    if (due.length === 0) return;
    if (!events.has(eventId)) events.set(eventId, deps.events.get(eventId));
    const event = await events.get(eventId);

    // 1. Fresh links and a lease, written before anything is sent.
    let leased: Registration = { ...registration, version: registration.version + 1 };
    const outgoing: { pending: PendingMail; mail: ParticipantMail; manageToken: string }[] = [];
    for (const pending of due) {
      const rebuilt = event ? rebuild(deps, leased, pending, now) : undefined;
      if (!rebuilt) continue;
      const { registration: withLink, manageToken } = withManageLink(rebuilt.registration);
      leased = withLink;
      outgoing.push({ pending, mail: rebuilt.mail, manageToken });
    }
    const droppedKinds = due.filter((pending) => !outgoing.some((entry) => entry.pending === pending));
    const lease = (pending: PendingMail): PendingMail => ({
      ...pending,
      attempts: pending.attempts + 1,
      nextAttemptAt: nextAttemptAt(pending.attempts + 1, now, policy),
    });
    leased = {
      ...leased,
      pendingMails: registration.pendingMails
        .filter((pending) => !droppedKinds.includes(pending))
        .map((pending) => (due.includes(pending) ? lease(pending) : pending)),
    };
    if (!(await deps.registrations.save(leased, registration.version))) return;
    report.dropped += droppedKinds.length;
    for (const pending of droppedKinds) deps.log.warn('mail_dropped', { mail: pending.kind, attempts: pending.attempts });

    // 2. Send; 3. clear what SES took.
    const delivered: PendingMail[] = [];
    for (const { pending, mail, manageToken } of outgoing) {
      try {
        await deps.mailer.send(participantEmail(leased, event!, mail, manageUrl(deps.publicBaseUrl, manageToken)));
        delivered.push(lease(pending));
        report.sent++;
      } catch (error) {
        if (isPermanentRefusal(error)) delivered.push(lease(pending));
        report.failed++;
        deps.log.warn('mail_retry_failed', { mail: pending.kind, attempts: pending.attempts + 1, ...errorType(error) });
      }
    }
    if (delivered.length > 0) await clearDelivered(deps, leased, delivered);
  };
  await Promise.all(Array.from({ length: Math.min(concurrentDeliveries, keys.length) }, worker));
  if (report.sent + report.failed + report.dropped > 0) deps.log.info('mail_sweep', { ...report });
  return report;
}

/** Removes exactly the leased entries that were sent; anything recorded since stays pending. */
async function clearDelivered(deps: MailDeps, leased: Registration, delivered: PendingMail[]): Promise<void> {
  const sent = new Set(delivered.map((pending) => `${pending.kind}@${pending.nextAttemptAt}`));
  // After every try lost, the lease runs out and the mail goes again: at least once, as promised above.
  await retryOnConflict(
    async (round) => {
      const current = round === 1 ? leased : await deps.registrations.get(leased.eventId, leased.emailKey);
      if (!current) return undefined;
      const remaining = current.pendingMails.filter((pending) => !sent.has(`${pending.kind}@${pending.nextAttemptAt}`));
      if (remaining.length === current.pendingMails.length) return undefined;
      if (await deps.registrations.save({ ...current, pendingMails: remaining, version: current.version + 1 }, current.version)) return undefined;
      return lostRace;
    },
    () => undefined,
  );
}
