// Many decisions at once (the console's "select many, approve or reject with one reason"). Each item
// is decided on its own, about the revision the organizer saw, exactly as one decision is; nothing
// is half done silently: every item comes back with what happened to it, in the order sent.
import { ApiError, fieldIssue, validationFailed } from '../model/errors.ts';
import type { ConferenceEvent } from '../model/event.ts';
import type { Decision, RegistrationStatus } from '../model/lifecycle.ts';
import { actorOf, type Organizer } from '../model/organizer.ts';
import { revisionOf, type Registration } from '../model/registration.ts';
import { describeError } from '../platform/log.ts';
import { attemptDecision } from './decide-registration.ts';
import type { RegistrationDeps } from './deps.ts';
import { findRegistration } from './find-registration.ts';

export interface BulkItem {
  registrationId: string;
  /** The revision the organizer saw, as If-Match names it for one decision. */
  revision: string;
}

export type SkipCode = 'precondition_failed' | 'invalid_transition' | 'not_found' | 'service_unavailable';

export interface BulkResult {
  registrationId: string;
  outcome: 'done' | 'skipped';
  /** Why it was skipped: changed since (precondition_failed), a status the decision does not fit, gone, or not decided now (try it again). */
  code?: SkipCode;
  /** The status now: after the decision, or the one that refused it. */
  status?: RegistrationStatus;
  /** The revision now: for the next decision, or to look again at what changed. */
  revision?: string;
}

// Decisions of one request run a few at a time: quicker than one by one, without a burst the mail
// service or the table would throttle.
const concurrency = 4;

export async function decideRegistrations(
  deps: RegistrationDeps,
  event: ConferenceEvent,
  decision: Decision,
  reason: string | undefined,
  items: readonly BulkItem[],
  organizer: Organizer,
  now: Date = new Date(),
): Promise<BulkResult[]> {
  refuseRepeats(items);
  const results: BulkResult[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await decideItem(deps, event, decision, reason, items[index]!, organizer, now);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  deps.log.info('bulk_decided', {
    eventId: event.id,
    decision,
    done: results.filter((result) => result.outcome === 'done').length,
    skipped: results.filter((result) => result.outcome === 'skipped').length,
  });
  return results;
}

/** One registration twice in one request would be decided once and refused once as stale: refused up front. */
function refuseRepeats(items: readonly BulkItem[]): void {
  const seen = new Set<string>();
  const issues = items.flatMap((item, index) => {
    const repeated = seen.has(item.registrationId);
    seen.add(item.registrationId);
    return repeated ? [fieldIssue(`items.${index}.registrationId`, 'Listed more than once', 'duplicate')] : [];
  });
  if (issues.length > 0) throw validationFailed(issues);
}

async function decideItem(
  deps: RegistrationDeps,
  event: ConferenceEvent,
  decision: Decision,
  reason: string | undefined,
  item: BulkItem,
  organizer: Organizer,
  now: Date,
): Promise<BulkResult> {
  const { registrationId } = item;
  try {
    const outcome = await attemptDecision(deps, event, registrationId, decision, reason, organizer, item.revision, now);
    switch (outcome.kind) {
      case 'done':
        return { registrationId, outcome: 'done', status: outcome.registration.status, revision: revisionOf(outcome.registration) };
      case 'not_found':
        return { registrationId, outcome: 'skipped', code: 'not_found' };
      case 'stale':
        return { registrationId, outcome: 'skipped', code: 'precondition_failed', status: outcome.current.status, revision: revisionOf(outcome.current) };
      case 'invalid_transition':
        return { registrationId, outcome: 'skipped', code: 'invalid_transition', status: outcome.current.status, revision: revisionOf(outcome.current) };
    }
  } catch (error) {
    // Too many simultaneous changes, a dependency down, or a bug. The decision may have been written
    // before the failure (while the waiting list was being served): the registration tells.
    if (!(error instanceof ApiError)) deps.log.error('bulk_item_failed', { eventId: event.id, ...describeError(error) });
    const current = await findRegistration(deps.registrations, event.id, registrationId, now).catch(() => undefined);
    if (current && decidedHere(current, decision, organizer, now)) {
      return { registrationId, outcome: 'done', status: current.status, revision: revisionOf(current) };
    }
    return { registrationId, outcome: 'skipped', code: 'service_unavailable' };
  }
}

/** Whether this very request's decision is the registration's latest entry (same organizer, action and moment). */
function decidedHere(registration: Registration, decision: Decision, organizer: Organizer, now: Date): boolean {
  const last = registration.history.at(-1);
  return last?.at === now.toISOString() && last.actor === actorOf(organizer) && last.action === (decision === 'approve' ? 'approved' : 'rejected');
}
