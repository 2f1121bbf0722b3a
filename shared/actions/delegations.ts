// The organizers' side of the delegations: the entities they add, the quota of one entity, the focal
// points they invite, and the event seen by delegation.
import {
  builtInEntity,
  compareEntities,
  entityIdPattern,
  isUnconfirmed,
  nominationView,
  quotaOf,
  unknownEntity,
  type AddedEntityKind,
  type Delegation,
  type FocalPoint,
  type NominatingEntity,
  type Quota,
} from '../model/delegations.ts';
import { ApiError, fieldIssue } from '../model/errors.ts';
import type { ConferenceEvent } from '../model/event.ts';
import type { Language } from '../model/languages.ts';
import { actorOf, type Organizer } from '../model/organizer.ts';
import { emailKey, normalizeEmail } from '../model/tokens.ts';
import { queuedDelegationMail } from '../mail/delegation-outbox.ts';
import { lostRace, retryOnConflict } from '../store/optimistic.ts';
import type { StoreDeps } from './deps.ts';

/** The entity named, built in or added by organizers; 404 unknown_entity otherwise. */
export async function findDelegation(deps: Pick<StoreDeps, 'delegations'>, event: ConferenceEvent, entityId: string | undefined): Promise<Delegation> {
  // An id no entity can have is not looked up: a path segment of any length would not make a key.
  const delegation = entityId && entityIdPattern.test(entityId) ? await deps.delegations.getDelegation(event.id, entityId) : undefined;
  if (!delegation) throw unknownEntity();
  return delegation;
}

export async function addEntity(deps: Pick<StoreDeps, 'delegations'>, event: ConferenceEvent, input: { id: string; name: string; kind: AddedEntityKind }): Promise<NominatingEntity> {
  const entity: NominatingEntity = { id: input.id, name: input.name, kind: input.kind };
  if (!(await deps.delegations.addEntity(event.id, entity))) throw new ApiError(409, 'entity_exists', 'This event already has a nominating entity with this id.');
  return entity;
}

/** Sets the entity's own quota (none: the event's again), or lifts it altogether. */
export async function setDelegationQuota(deps: Pick<StoreDeps, 'delegations'>, event: ConferenceEvent, entityId: string | undefined, change: { quota?: Quota | null | undefined; quotaLifted?: boolean | undefined }) {
  const delegation = await findDelegation(deps, event, entityId);
  const quota = change.quota === null ? undefined : (change.quota ?? delegation.quota);
  const updated = await deps.delegations.setQuota(event.id, delegation.entity, quota, change.quotaLifted ?? delegation.quotaLifted);
  return delegationSummary(event, updated);
}

export interface FocalPointInvitation {
  entityId: string;
  email: string;
  language: Language;
}

/**
 * Invites focal points: every entity is checked before anything is written (one unknown entity
 * refuses the whole list), then each focal point is written with its mail queued for the mail worker.
 * Inviting an address again sends a fresh link; the links mailed before keep working until they expire.
 */
export async function inviteFocalPoints(deps: Pick<StoreDeps, 'delegations'>, event: ConferenceEvent, invitations: readonly FocalPointInvitation[], organizer: Organizer, now = new Date()): Promise<{ invited: number }> {
  const delegations = new Map<string, Delegation | undefined>();
  for (const { entityId } of invitations) if (!delegations.has(entityId)) delegations.set(entityId, await deps.delegations.getDelegation(event.id, entityId));
  const unknown = invitations.flatMap((invitation, index) => (delegations.get(invitation.entityId) ? [] : [fieldIssue(`invitations.${index}.entityId`, 'Not a nominating entity of this event', 'unknown_entity')]));
  if (unknown.length > 0) throw new ApiError(404, 'unknown_entity', 'The list names entities this event does not have; nothing was sent.', { issues: unknown });

  for (const invitation of invitations) {
    const entity = delegations.get(invitation.entityId)!.entity;
    const key = emailKey(invitation.email);
    await retryOnConflict(async () => {
      const existing = await deps.delegations.getFocalPoint(event.id, entity.id, key);
      const focal: FocalPoint = {
        eventId: event.id,
        entityId: entity.id,
        entityName: entity.name,
        emailKey: key,
        email: normalizeEmail(invitation.email),
        language: invitation.language,
        invitedAt: now.toISOString(),
        invitedBy: actorOf(organizer),
        linkHashes: existing?.linkHashes ?? [],
        linkExpiresAt: existing?.linkExpiresAt ?? now.toISOString(),
        pendingMails: queuedDelegationMail(existing?.pendingMails ?? [], 'focal_point_invite', now),
        version: (existing?.version ?? 0) + 1,
      };
      return (await deps.delegations.saveFocalPoint(focal, existing?.version)) ? undefined : lostRace;
    });
  }
  return { invited: invitations.length };
}

export function delegationSummary(event: ConferenceEvent, delegation: Delegation) {
  const quota = quotaOf(event, delegation);
  return {
    entityId: delegation.entity.id,
    kind: delegation.entity.kind,
    name: delegation.entity.name,
    quota: delegation.quotaLifted ? null : quota,
    quotaLifted: delegation.quotaLifted,
    delegatesTaken: delegation.delegatesTaken,
    headsTaken: delegation.headsTaken,
    letter: delegation.letter ? { size: delegation.letter.size, uploadedAt: delegation.letter.uploadedAt } : null,
  };
}

/**
 * The event by delegation, in the official order: every entity with focal points or nominees (and
 * every added one), its quota and counts, its focal points, and each nominee with the state of their
 * own registration, so organizers see who has not confirmed.
 */
export async function delegationsOverview(deps: Pick<StoreDeps, 'delegations' | 'registrations'>, event: ConferenceEvent) {
  const [stored, focalPoints, nominations] = await Promise.all([deps.delegations.listDelegations(event.id), deps.delegations.listFocalPoints(event.id), deps.delegations.listNominations(event.id)]);
  const registrations = new Map((await deps.registrations.getMany(event.id, nominations.map((nomination) => nomination.emailKey))).map((registration) => [registration.emailKey, registration]));
  const byId = new Map(stored.map((delegation) => [delegation.entity.id, delegation]));
  const focalEmails = new Map(focalPoints.map((focal) => [`${focal.entityId}#${focal.emailKey}`, focal.email]));
  for (const entityId of new Set([...focalPoints.map((focal) => focal.entityId), ...nominations.map((nomination) => nomination.entityId)])) {
    if (!byId.has(entityId)) {
      const entity = builtInEntity(entityId);
      if (entity) byId.set(entityId, { eventId: event.id, entity, quota: undefined, quotaLifted: false, delegatesTaken: 0, headsTaken: 0, waitlistIssued: 0 });
    }
  }
  const items = [...byId.values()]
    .sort((a, b) => compareEntities(a.entity, b.entity))
    .map((delegation) => {
      const nominees = nominations
        .filter((nomination) => nomination.entityId === delegation.entity.id)
        .sort((a, b) => a.nominationId.localeCompare(b.nominationId))
        .map((nomination) => ({
          ...nominationView(nomination, registrations.get(nomination.emailKey)?.status),
          nominatedBy: focalEmails.get(`${nomination.entityId}#${nomination.nominatedBy}`) ?? null,
          remindedAt: nomination.remindedAt ?? null,
        }));
      return {
        ...delegationSummary(event, delegation),
        focalPoints: focalPoints
          .filter((focal) => focal.entityId === delegation.entity.id)
          .map((focal) => ({
            email: focal.email,
            language: focal.language,
            invitedAt: focal.invitedAt,
            mailPending: focal.pendingMails.length > 0,
            linkSent: focal.linkHashes.length > 0,
            nominations: nominations.filter((nomination) => nomination.entityId === focal.entityId && nomination.nominatedBy === focal.emailKey).length,
          })),
        nominees,
        /** Nominees holding a place whose address is not confirmed yet (no registration, or one pending confirmation): whom to remind. */
        unconfirmed: nominees.filter((nominee) => isUnconfirmed(nominee, nominee.registrationStatus)).length,
      };
    });
  return { items };
}
