// The waiting list: free seats go to the oldest waitlisted registrations, one at a time.
import type { ConferenceEvent } from '../model/event.ts';
import type { RegistrationStatus } from '../model/lifecycle.ts';
import { moved } from '../model/registration.ts';
import { withManageLink } from '../model/tokens.ts';
import { notify, placementMail } from '../mail/notify.ts';
import { errorType } from '../platform/log.ts';
import { commitTransition, type CommitResult } from './commit.ts';
import type { RegistrationDeps } from './deps.ts';

/**
 * Gives free seats to the waiting list if both exist. Needed after a registration joins the queue (a
 * seat may have been freed while it joined, before it was listed) and after a lost write gave a seat
 * back. The waitlist index is eventually consistent, so in DynamoDB a just-written entry may be found
 * only by the next settle (the next transition, or reconcile).
 */
export async function settleQueue(deps: RegistrationDeps, event: ConferenceEvent, now: Date = new Date()): Promise<number> {
  // The event as it is now: organizers may have raised the capacity since this request read it.
  const current = (await deps.events.get(event.id)) ?? event;
  const counters = await deps.counters.get(current.id);
  const free = current.capacity === undefined || counters.seatsTaken < current.capacity;
  return free && counters.waiting > 0 ? promoteFrom(deps, current, now) : 0;
}

/**
 * Gives free seats to the oldest waitlisted registrations, one at a time, and e-mails each. Safe to run
 * concurrently: each promotion takes its seat atomically and writes conditionally. It walks the queue
 * by queue number, so entries the (eventually consistent) index still shows are passed over, not retried.
 */
export async function promoteFromWaitlist(deps: RegistrationDeps, event: ConferenceEvent, now: Date = new Date()): Promise<number> {
  // The seats to give are the event's as it is now, not as the caller read it.
  return promoteFrom(deps, (await deps.events.get(event.id)) ?? event, now);
}

async function promoteFrom(deps: RegistrationDeps, event: ConferenceEvent, now: Date): Promise<number> {
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
        deps.log.error('promotion_failed', { eventId: event.id, ...errorType(error) });
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

/**
 * Every event's queue settled: the scheduled safety net that makes promotion converge without an
 * operator. In DynamoDB the waitlist index lags behind a write, so a promotion run at the moment a
 * registration joined the queue may not see it yet; the next settle does. One event that fails does
 * not hold up the others.
 */
export async function settleWaitingLists(deps: RegistrationDeps, now: Date = new Date()): Promise<number> {
  let promoted = 0;
  for (const event of await deps.events.list()) {
    try {
      promoted += await settleQueue(deps, event, now);
    } catch (error) {
      deps.log.error('settle_failed', { eventId: event.id, ...errorType(error) });
    }
  }
  return promoted;
}
