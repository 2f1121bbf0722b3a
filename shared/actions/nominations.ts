// The focal point's side: the private link to one delegation, nominating delegates against the
// delegation's quota (the overflow joins the delegation's waiting list), withdrawing a nominee, and
// the nominee's link that carries the nomination into their own registration.
//
// A nomination takes its place first (the nominee's address key joins the delegation's holders, in one
// conditional update), then writes the nomination item (a conditional PutItem, one per address and
// event); if that write loses to somebody else's nomination of the address, the place is given back.
// A failure in between (an outage) leaves the place held by the address: the client's retry finds it
// its own, and without a retry `repairPlaces` gives it back. Nobody is ever over the quota.
import {
  assertNominationsOpen,
  invalidDelegationLink,
  areNominationsOpen,
  nominationsCloseAt,
  nominationView,
  parseFocalToken,
  quotaOf,
  waitingOrder,
  type FocalPoint,
  type Nomination,
  type NomineeRole,
} from '../model/delegations.ts';
import { ApiError, tokenExpired } from '../model/errors.ts';
import type { ConferenceEvent } from '../model/event.ts';
import type { Language } from '../model/languages.ts';
import { emailKey, newRegistrationId, normalizeEmail, parseToken, sameSecret, sha256 } from '../model/tokens.ts';
import { queuedDelegationMail } from '../mail/delegation-outbox.ts';
import { lostRace, retryOnConflict } from '../store/optimistic.ts';
import { delegationSummary, findDelegation } from './delegations.ts';
import type { StoreDeps } from './deps.ts';

type Deps = Pick<StoreDeps, 'delegations' | 'events' | 'registrations'>;

export interface FocalSession {
  focal: FocalPoint;
  event: ConferenceEvent;
}

/** The focal point a link belongs to: the token names event, entity and address; only its secret's hash is stored. */
export async function resolveFocalToken(deps: Deps, token: string | undefined, now = new Date()): Promise<FocalSession> {
  const parts = parseFocalToken(token ?? '');
  if (!parts) throw invalidDelegationLink();
  const [focal, event] = await Promise.all([deps.delegations.getFocalPoint(parts.eventId, parts.entityId, parts.emailKey), deps.events.get(parts.eventId)]);
  const hash = sha256(parts.secret);
  // The hash is compared in constant time against every kept link, found or not.
  const known = (focal?.linkHashes ?? ['']).some((candidate) => sameSecret(candidate, hash));
  if (!focal || !event || !known) throw invalidDelegationLink();
  if (now.getTime() >= Date.parse(focal.linkExpiresAt)) throw tokenExpired();
  return { focal, event };
}

export interface NomineeInput {
  name: string;
  email: string;
  function: string;
  role: NomineeRole;
  language: Language;
}

export type NominationOutcome = { nomination: Nomination; placed: 'nominated' | 'waitlisted' };

export function alreadyNominated(): ApiError {
  return new ApiError(409, 'already_nominated', 'This person is already nominated to this event by a delegation.');
}

export async function nominate(deps: Deps, session: FocalSession, input: NomineeInput, now = new Date()): Promise<NominationOutcome> {
  const { focal, event } = session;
  assertNominationsOpen(event, now);
  const delegation = await findDelegation(deps, event, focal.entityId);
  const key = emailKey(input.email);
  const existing = await deps.delegations.getNomination(event.id, key);
  if (existing && existing.status !== 'withdrawn') throw alreadyNominated();

  const quota = delegation.quotaLifted ? undefined : quotaOf(event, delegation);
  const place = await deps.delegations.takePlace(event.id, delegation.entity, input.role, quota, key);
  let waitlistSeq: number | undefined;
  if (place.kind === 'full') {
    // A head of delegation beyond the heads' quota is refused: the waiting list is for places, not for a second head.
    if (input.role === 'head' && quota && place.delegation.headsTaken >= quota.heads) {
      throw new ApiError(409, 'quota_exceeded', `This delegation already has its ${quota.heads} head(s) of delegation. Nominate the person as a member, or withdraw the current head first.`);
    }
    waitlistSeq = await deps.delegations.issueWaitlistNumber(event.id, delegation.entity);
  }
  const placed = place.kind === 'taken' ? 'nominated' : 'waitlisted';
  const nomination: Nomination = {
    eventId: event.id,
    emailKey: key,
    nominationId: newRegistrationId(now),
    entityId: delegation.entity.id,
    entityName: delegation.entity.name,
    name: input.name,
    email: normalizeEmail(input.email),
    function: input.function,
    role: input.role,
    language: input.language,
    status: placed,
    waitlistSeq,
    nominatedAt: now.toISOString(),
    nominatedBy: focal.emailKey,
    inviteHashes: [],
    inviteExpiresAt: now.toISOString(),
    pendingMails: placed === 'nominated' ? queuedDelegationMail([], 'nominee_invite', now) : [],
    version: (existing?.version ?? 0) + 1,
  };
  if (await deps.delegations.saveNomination(nomination, existing?.version)) return { nomination, placed };
  const winner = await deps.delegations.getNomination(event.id, key);
  // The SDK tried again a write whose answer was lost, and the first try had landed: it is this nomination.
  if (winner?.nominationId === nomination.nominationId) return { nomination: winner, placed };
  // Another delegation (or this one, twice at once) nominated the address meanwhile: give the place
  // back, unless the winner is this delegation's own nomination holding it (the place is one per address).
  const winnerHoldsIt = winner?.entityId === delegation.entity.id && winner.status === 'nominated';
  if (place.kind === 'taken' && !winnerHoldsIt) await deps.delegations.releasePlace(event.id, delegation.entity, key);
  // The winner is the same address as a member: this try's head part is not theirs.
  else if (place.kind === 'taken' && input.role === 'head' && winner?.role === 'member') await deps.delegations.releaseHeadPlace(event.id, delegation.entity, key);
  throw alreadyNominated();
}

/** The delegation's nominees, each with the state of their own registration. */
export async function delegationNominees(deps: Deps, event: ConferenceEvent, entityId: string) {
  const nominations = (await deps.delegations.listNominations(event.id, entityId)).sort((a, b) => a.nominationId.localeCompare(b.nominationId));
  const registrations = new Map((await deps.registrations.getMany(event.id, nominations.map((nomination) => nomination.emailKey))).map((registration) => [registration.emailKey, registration.status]));
  return nominations.map((nomination) => nominationView(nomination, registrations.get(nomination.emailKey)));
}

/**
 * Withdraws one of the delegation's nominees until the deadline. A place it held goes to the head of
 * the delegation's waiting list (the first whose role still fits), who is then invited.
 */
export async function withdrawNomination(deps: Deps, session: FocalSession, nominationId: string, now = new Date()): Promise<Nomination> {
  const { focal, event } = session;
  assertNominationsOpen(event, now);
  const delegation = await findDelegation(deps, event, focal.entityId);
  const withdrawn = await retryOnConflict(async () => {
    const nominations = await deps.delegations.listNominations(event.id, focal.entityId);
    const nomination = nominations.find((candidate) => candidate.nominationId === nominationId);
    if (!nomination) throw new ApiError(404, 'not_found', 'This delegation has no such nominee.');
    // Withdrawn already (a retry, perhaps after its release failed): the place is given back again, which is idempotent.
    if (nomination.status === 'withdrawn') return { nomination, freed: true };
    const next: Nomination = { ...nomination, status: 'withdrawn', withdrawnAt: now.toISOString(), waitlistSeq: undefined, pendingMails: [], version: nomination.version + 1 };
    if (!(await deps.delegations.saveNomination(next, nomination.version))) return lostRace;
    return { nomination: next, freed: nomination.status === 'nominated' };
  });
  // Unless the address was nominated again meanwhile, whose nomination holds the place now.
  const current = withdrawn.freed ? await deps.delegations.getNomination(event.id, withdrawn.nomination.emailKey) : undefined;
  if (current?.status === 'withdrawn') {
    await deps.delegations.releasePlace(event.id, delegation.entity, withdrawn.nomination.emailKey);
    await promoteFromWaitlist(deps, event, focal.entityId, now);
  }
  return withdrawn.nomination;
}

/** Gives free places of the delegation to its waiting list, in order, each only through the quota's condition. */
export async function promoteFromWaitlist(deps: Deps, event: ConferenceEvent, entityId: string, now: Date): Promise<void> {
  const delegation = await findDelegation(deps, event, entityId);
  const quota = delegation.quotaLifted ? undefined : quotaOf(event, delegation);
  for (const candidate of waitingOrder(await deps.delegations.listNominations(event.id, entityId))) {
    const place = await deps.delegations.takePlace(event.id, delegation.entity, candidate.role, quota, candidate.emailKey);
    if (place.kind === 'full') {
      // No place at all: nobody further back gets one either. A head blocked by the heads' quota lets a member by.
      if (place.delegation.delegatesTaken >= (quota?.delegates ?? Infinity)) return;
      continue;
    }
    const promoted: Nomination = { ...candidate, status: 'nominated', waitlistSeq: undefined, pendingMails: queuedDelegationMail(candidate.pendingMails, 'nominee_invite', now), version: candidate.version + 1 };
    if (await deps.delegations.saveNomination(promoted, candidate.version)) return;
    // The candidate changed meanwhile (withdrawn, or promoted by a concurrent withdrawal, which holds the same place).
    const current = await deps.delegations.getNomination(event.id, candidate.emailKey);
    if (current?.status !== 'nominated' || current.entityId !== entityId) await deps.delegations.releasePlace(event.id, delegation.entity, candidate.emailKey);
  }
}

/**
 * The nomination a nominee's link carries into the registration form: the link names the event and
 * the nominee's address key, and only works for that address, for a nominee holding a place.
 */
export async function nominationOfLink(deps: Pick<StoreDeps, 'delegations'>, event: ConferenceEvent, token: string, email: string, now = new Date()): Promise<Nomination> {
  const parts = parseToken(token);
  const invalid = () => new ApiError(400, 'invalid_token', 'This nomination link is not valid for this event and address.');
  if (!parts || parts.eventId !== event.id) throw invalid();
  const nomination = await deps.delegations.getNomination(event.id, parts.emailKey);
  const hash = sha256(parts.secret);
  const known = (nomination?.inviteHashes ?? ['']).some((candidate) => sameSecret(candidate, hash));
  if (!nomination || !known || nomination.status !== 'nominated' || emailKey(email) !== parts.emailKey) throw invalid();
  if (now.getTime() >= Date.parse(nomination.inviteExpiresAt)) throw tokenExpired();
  return nomination;
}

/** What the focal point's page and GET /delegations/self show: the delegation, its quota, its nominees. */
export async function ownDelegation(deps: Deps, session: FocalSession, now = new Date()) {
  const { focal, event } = session;
  const delegation = await findDelegation(deps, event, focal.entityId);
  return {
    ...delegationSummary(event, delegation),
    eventId: event.id,
    nominationsCloseAt: nominationsCloseAt(event) ?? null,
    open: areNominationsOpen(event, now),
    nominees: await delegationNominees(deps, event, delegation.entity.id),
  };
}
