// What organizers do with a delegation once its focal points have nominated: remind the nominees who
// have not confirmed their registration, and approve the delegation's registrations at once.
import { isUnconfirmed, remindedRecently, type Nomination } from '../model/delegations.ts';
import type { ConferenceEvent } from '../model/event.ts';
import { accepts, type RegistrationStatus } from '../model/lifecycle.ts';
import type { Organizer } from '../model/organizer.ts';
import { revisionOf, type Registration } from '../model/registration.ts';
import { queuedDelegationMail } from '../mail/delegation-outbox.ts';
import { lostRace, retryOnConflict } from '../store/optimistic.ts';
import { decideRegistrations, type SkipCode } from './decide-registrations.ts';
import { findDelegation } from './delegations.ts';
import type { RegistrationDeps, StoreDeps } from './deps.ts';

/** The standing nominees (holding a place) of one delegation, or of every delegation, each with their registration if any. */
async function standingNominees(deps: Pick<StoreDeps, 'delegations' | 'registrations'>, event: ConferenceEvent, entityId: string | undefined) {
  if (entityId !== undefined) await findDelegation(deps, event, entityId);
  const nominations = (await deps.delegations.listNominations(event.id, entityId))
    .filter((nomination) => nomination.status === 'nominated')
    .sort((a, b) => a.entityId.localeCompare(b.entityId) || a.nominationId.localeCompare(b.nominationId));
  // One BatchGetItem per hundred nominees, not one read each.
  const registrations = new Map((await deps.registrations.getMany(event.id, nominations.map((nomination) => nomination.emailKey))).map((registration) => [registration.emailKey, registration]));
  return nominations.map((nomination) => ({ nomination, registration: registrations.get(nomination.emailKey) }));
}

export interface ReminderReport {
  /** Reminders queued for the mail worker. */
  sent: number;
  /** Unconfirmed nominees reminded less than a day ago: not reminded again. */
  skipped: number;
}

/**
 * Reminds each standing nominee who has not confirmed a registration yet, with a fresh invitation
 * link in their language, at most once a day: the reminder's time is written with the mail, in the
 * nomination's one conditional write, so a retried request or a second click finds it and skips.
 */
export async function remindNominees(deps: Pick<StoreDeps, 'delegations' | 'registrations'>, event: ConferenceEvent, entityId: string | undefined, now = new Date()): Promise<ReminderReport> {
  const report: ReminderReport = { sent: 0, skipped: 0 };
  for (const { nomination, registration } of await standingNominees(deps, event, entityId)) {
    if (!isUnconfirmed(nomination, registration?.status)) continue;
    const outcome = await retryOnConflict(async () => {
      const current = await deps.delegations.getNomination(event.id, nomination.emailKey);
      if (!current || current.nominationId !== nomination.nominationId || current.status !== 'nominated') return 'gone' as const;
      if (remindedRecently(current, now)) return 'skipped' as const;
      const reminded: Nomination = { ...current, remindedAt: now.toISOString(), pendingMails: queuedDelegationMail(current.pendingMails, 'nominee_reminder', now), version: current.version + 1 };
      return (await deps.delegations.saveNomination(reminded, current.version)) ? ('sent' as const) : lostRace;
    });
    if (outcome === 'sent') report.sent++;
    if (outcome === 'skipped') report.skipped++;
  }
  return report;
}

export type DelegationApprovalCode = 'not_registered' | 'registered_alone' | 'unconfirmed' | 'not_awaiting_decision' | SkipCode;

export interface DelegationApprovalResult {
  nominationId: string;
  name: string;
  registrationId: string | null;
  outcome: 'done' | 'skipped';
  /** Why not: no registration yet, its address not confirmed, nothing to decide (already approved, say), or the bulk decision's reason. */
  code?: DelegationApprovalCode;
  /** The registration's status now: approved, or waitlisted when the event is full. */
  status: RegistrationStatus | null;
}

/**
 * Approves every registration of the delegation's standing nominees that awaits a decision, through
 * the bulk decision (the event's capacity included: beyond it an approved registration waits in the
 * queue), and says for each nominee what became of them and why.
 */
export async function approveDelegation(deps: RegistrationDeps, event: ConferenceEvent, entityId: string | undefined, organizer: Organizer, now = new Date()) {
  const nominees = await standingNominees(deps, event, entityId ?? '');
  // Only registrations made through this delegation's nomination: somebody who registered on their own
  // and was nominated later is decided one by one, not by a focal point's list.
  const throughDelegation = (registration: Registration | undefined) => registration?.delegation?.entityId === entityId;
  const decidable = nominees.flatMap(({ registration }) => (registration && throughDelegation(registration) && accepts(registration.status, 'approve') ? [registration] : []));
  const decided = await decideRegistrations(
    deps,
    event,
    'approve',
    undefined,
    decidable.map((registration) => ({ registrationId: registration.registrationId, revision: revisionOf(registration) })),
    organizer,
    now,
  );
  const byId = new Map(decided.map((result) => [result.registrationId, result]));
  const results = nominees.map(({ nomination, registration }): DelegationApprovalResult => {
    const base = { nominationId: nomination.nominationId, name: nomination.name, registrationId: registration?.registrationId ?? null };
    const result = registration ? byId.get(registration.registrationId) : undefined;
    if (result) return { ...base, outcome: result.outcome, ...(result.code ? { code: result.code } : {}), status: result.status ?? registration!.status };
    return { ...base, outcome: 'skipped', code: registration && !throughDelegation(registration) ? 'registered_alone' : whyNotDecidable(registration), status: registration?.status ?? null };
  });
  return { approved: results.filter((result) => result.outcome === 'done').length, results };
}

function whyNotDecidable(registration: Registration | undefined): DelegationApprovalCode {
  if (!registration) return 'not_registered';
  return registration.status === 'pending_confirmation' ? 'unconfirmed' : 'not_awaiting_decision';
}
