// How a registration moves from one state to the next: the counters, the conditional write, the
// compensation when the write loses, the history, and the e-mail with a fresh manage link.
import { ApiError } from './errors.ts';
import { composeToken, newReference, randomSecret, sha256 } from './identifiers.ts';
import type { Logger } from './log.ts';
import { participantEmail, type ParticipantMail } from './mail/emails.ts';
// outbox.ts builds on this module too; the cycle is safe because each side only calls the other's functions.
import { isPermanentRefusal, recordPendingMail } from './outbox.ts';
import type { Mailer } from './mail/mailer.ts';
import type { ConferenceEvent, RegistrationStatus } from './schemas.ts';
import { compensation, counterChange, positionOnJoining } from './seats.ts';
import type { CounterChange, CountersStore } from './store/counters-store.ts';
import type { EventStore } from './store/event-store.ts';
import type { HistoryEntry, Registration, RegistrationStore } from './store/registration-store.ts';

/** What reading and writing registrations needs. */
export interface StoreDeps {
  registrations: RegistrationStore;
  events: EventStore;
  counters: CountersStore;
  log: Logger;
  publicBaseUrl: string;
  confirmTokenLifetimeHours: number;
}

/** ... and, for the changes that e-mail the participant, a mailer. */
export interface RegistrationDeps extends StoreDeps {
  mailer: Mailer;
}

// Twenty simultaneous requests on one registration settle in at most twenty rounds; the margin covers jitter.
export const maxWriteAttempts = 60;
const keptManageLinks = 10;

export function pause(attempt: number): Promise<void> {
  const ms = Math.min(50, 2 * attempt) * Math.random();
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function busy(): ApiError {
  return new ApiError(503, 'service_unavailable', 'Too many simultaneous changes. Please try again.', {
    headers: { 'retry-after': '1' },
  });
}

export function invalidTransition(status: RegistrationStatus | 'erased', action: string): ApiError {
  return new ApiError(409, 'invalid_transition', `A registration that is ${status.replace(/_/g, ' ')} cannot be ${action}.`);
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

// Statuses reached only after the address was confirmed: they carry a reference and a confirmation time.
const participatingStatuses: ReadonlySet<RegistrationStatus> = new Set(['confirmed', 'waitlisted', 'awaiting_approval', 'approved']);

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
  const participating = participatingStatuses.has(to);
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

/** Adds a fresh manage link: only its hash is stored; the link itself goes into the e-mail. */
export function withManageLink(registration: Registration): { registration: Registration; manageToken: string } {
  const secret = randomSecret();
  return {
    registration: { ...registration, manageTokenHashes: [...registration.manageTokenHashes, sha256(secret)].slice(-keptManageLinks) },
    manageToken: composeToken({ eventId: registration.eventId, emailKey: registration.emailKey, secret }),
  };
}

export function manageUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl}/manage?token=${encodeURIComponent(token)}`;
}

/** `seatReturned`: a lost write gave back a seat it had taken, which the waiting list may now need. */
export type CommitResult = { kind: 'written'; registration: Registration } | { kind: 'lost'; seatReturned: boolean } | { kind: 'full' };

/**
 * Writes a transition with its counter change, ordered so that a failure can only leave the counters
 * fuller than the registrations, never emptier (see shared/seats.ts):
 * - a change that takes a seat or a queue number changes the counters first (the capacity check is
 *   part of that update), then writes the registration; a lost or failed write is compensated;
 * - a change that frees a seat or leaves the queue writes the registration first, then the counters.
 * A newcomer (anyone not coming off the waiting list) gets a seat only while nobody is waiting.
 */
export async function commitTransition(
  deps: Pick<StoreDeps, 'counters' | 'registrations' | 'log'>,
  event: ConferenceEvent,
  before: Registration | undefined,
  after: Registration,
): Promise<CommitResult> {
  const change = counterChange(before, after);
  const reserves = (change.seats ?? 0) > 0 || (change.waitlistIssued ?? 0) > 0;
  if (!reserves) {
    if (!(await deps.registrations.save(after, before?.version))) return { kind: 'lost', seatReturned: false };
    await applyAfterWrite(deps, event, change);
    return { kind: 'written', registration: after };
  }

  const takesSeat = (change.seats ?? 0) > 0;
  const counters = await deps.counters.apply(event.id, change, takesSeat ? event.capacity : undefined, {
    queueFirst: before?.status !== 'waitlisted',
  });
  if (!counters) return { kind: 'full' };
  const written = change.waitlistIssued ? { ...after, waitlist: { seq: counters.waitlistIssued, position: positionOnJoining(counters) } } : after;
  // If the write fails with its outcome unknown, no compensation: the counters stay fuller, never emptier.
  if (await deps.registrations.save(written, before?.version)) return { kind: 'written', registration: written };
  await deps.counters.apply(event.id, compensation(change));
  return { kind: 'lost', seatReturned: takesSeat };
}

/**
 * Gives free seats to the waiting list if both exist. Needed after a registration joins the queue (a
 * seat may have been freed while it joined, before it was listed) and after a lost write gave a seat
 * back. The waitlist index is eventually consistent, so in DynamoDB a just-written entry may be found
 * only by the next settle (the next transition, or reconcile).
 */
export async function settleQueue(deps: RegistrationDeps, event: ConferenceEvent, now: Date = new Date()): Promise<number> {
  const counters = await deps.counters.get(event.id);
  const free = event.capacity === undefined || counters.seatsTaken < event.capacity;
  return free && counters.waiting > 0 ? promoteFromWaitlist(deps, event, now) : 0;
}

function touches(change: CounterChange): boolean {
  return Boolean(change.seats) || Boolean(change.waitlistIssued) || Boolean(change.waitlistDeparted) || Object.keys(change.counts ?? {}).length > 0;
}

/**
 * The registration is written; its counter change follows. If that fails the change stands (the
 * participant's request succeeded) and the counters stay fuller than the truth until reconcile.
 */
async function applyAfterWrite(deps: Pick<StoreDeps, 'counters' | 'log'>, event: ConferenceEvent, change: CounterChange): Promise<void> {
  if (!touches(change)) return;
  try {
    await deps.counters.apply(event.id, change);
  } catch (error) {
    deps.log.error('counters_behind', { eventId: event.id, errorType: error instanceof Error ? error.name : typeof error });
  }
}

/**
 * Deletes the registration (expired link, erasure) and takes it out of the counts, with `extraCounts`
 * (the erasure's own count). Only the request whose delete removed the item counts the removal.
 */
export async function commitRemoval(
  deps: Pick<StoreDeps, 'counters' | 'registrations' | 'log'>,
  event: ConferenceEvent,
  before: Registration,
  extraCounts: Record<string, number> = {},
): Promise<'deleted' | 'gone' | 'lost'> {
  const outcome = await deps.registrations.delete(before);
  if (outcome !== 'deleted') return outcome;
  const change = counterChange(before, undefined);
  await applyAfterWrite(deps, event, { ...change, counts: { ...change.counts, ...extraCounts } });
  return outcome;
}

/**
 * Sends a participant e-mail. When SES does not take it, the state change it reports still stands and
 * the mail is recorded as pending, for the mail sweeper to retry (shared/outbox.ts).
 */
export async function notify(deps: RegistrationDeps, event: ConferenceEvent, registration: Registration, mail: ParticipantMail, manageToken: string): Promise<boolean> {
  try {
    await deps.mailer.send(participantEmail(registration, event, mail, manageUrl(deps.publicBaseUrl, manageToken)));
    return true;
  } catch (error) {
    deps.log.error('mail_send_failed', { errorType: error instanceof Error ? error.name : typeof error, mail: mail.kind });
    if (!isPermanentRefusal(error)) await recordPendingMail(deps, registration, mail.kind);
    return false;
  }
}

/** The e-mail that tells a participant where a seat-related transition left them. */
export function placementMail(registration: Registration, promoted = false): ParticipantMail {
  if (registration.status === 'waitlisted') return { kind: 'waitlisted', position: registration.waitlist?.position ?? 1 };
  if (registration.status === 'awaiting_approval') return { kind: 'awaiting_approval' };
  if (promoted) return { kind: 'promoted', reference: registration.reference! };
  if (registration.status === 'approved') return { kind: 'approved', reference: registration.reference! };
  return { kind: 'confirmed', reference: registration.reference! };
}

/**
 * Gives free seats to the oldest waitlisted registrations, one at a time, and e-mails each. Safe to run
 * concurrently: each promotion takes its seat atomically and writes conditionally. It walks the queue
 * by queue number, so entries the (eventually consistent) index still shows are passed over, not retried.
 */
export async function promoteFromWaitlist(deps: RegistrationDeps, event: ConferenceEvent, now: Date = new Date()): Promise<number> {
  let promoted = 0;
  let after = 0;
  for (let page = 0; page < 1_000; page++) {
    const head = await deps.registrations.waitlistHead(event.id, 10, after);
    if (head.length === 0) return promoted;
    for (const { emailKey, seq } of head) {
      after = seq;
      const candidate = await deps.registrations.get(event.id, emailKey);
      if (candidate?.status !== 'waitlisted') continue;
      // Approval may have been switched on after they joined: unreviewed ones go to review, not to a seat.
      const target: RegistrationStatus = candidate.approvedAt ? 'approved' : event.approval === 'required' ? 'awaiting_approval' : 'confirmed';
      const { registration: next, manageToken } = withManageLink(moved(candidate, target, event, now, 'system', 'promoted'));
      let result: CommitResult;
      try {
        result = await commitTransition(deps, event, candidate, next);
      } catch (error) {
        // One registration that cannot be written must not hold up the rest of the queue.
        deps.log.error('promotion_failed', { eventId: event.id, errorType: error instanceof Error ? error.name : typeof error });
        continue;
      }
      if (result.kind === 'full') return promoted;
      if (result.kind === 'lost') continue;
      if (target !== 'awaiting_approval') promoted++;
      await notify(deps, event, result.registration, placementMail(result.registration, target !== 'awaiting_approval'), manageToken);
    }
  }
  return promoted;
}
