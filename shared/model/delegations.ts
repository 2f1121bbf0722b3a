// Delegations: who may nominate participants of an event (the nominating entities), their focal
// points, the nominations they make and the quotas those count against. Pure: no I/O.
//
// Every OSCE participating State and Partner for Co-operation is a nominating entity of every event
// without being stored; organizers add the others (international organizations, field operations,
// NGOs). A delegation's quota is held on one counter item per delegation, changed with one conditional
// ADD (store/delegation-store.ts), as the event's seats are: see model/seats.ts for the failure window.
import { ApiError } from './errors.ts';
import type { ConferenceEvent } from './event-schema.ts';
import type { Language } from './languages.ts';
import { participatingStates, partnersForCooperation } from './osce.ts';
import type { RegistrationStatus } from './lifecycle.ts';
import type { PendingMail } from './registration.ts';

export const addedEntityKinds = ['international_organization', 'field_operation', 'ngo'] as const;
export type AddedEntityKind = (typeof addedEntityKinds)[number];
export type EntityKind = 'participating_state' | 'partner_for_cooperation' | AddedEntityKind;
export const nomineeRoles = ['head', 'member'] as const;
export type NomineeRole = (typeof nomineeRoles)[number];

/** Built-in entities are named by their ISO code (AT); added ones by a lowercase slug (unodc), so the two never collide. */
export const addedEntityIdPattern = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const entityIdPattern = /^(?:[A-Z]{2}|[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?)$/;

export interface NominatingEntity {
  id: string;
  kind: EntityKind;
  name: string;
}

export const builtInEntities: readonly NominatingEntity[] = [
  ...participatingStates.map((state) => ({ id: state.code, kind: 'participating_state' as const, name: state.name })),
  ...partnersForCooperation.map((partner) => ({ id: partner.code, kind: 'partner_for_cooperation' as const, name: partner.name })),
];
const builtInById = new Map(builtInEntities.map((entity) => [entity.id, entity]));

export function builtInEntity(id: string): NominatingEntity | undefined {
  return builtInById.get(id);
}

/** The quota of one delegation: delegates in all, of whom at most `heads` head the delegation. */
export interface Quota {
  delegates: number;
  heads: number;
}

export const defaultQuota: Quota = { delegates: 3, heads: 1 };

/** What the delegation's counter item holds besides its counts: an added entity's name, the organizers' quota for it. */
export interface Delegation {
  eventId: string;
  entity: NominatingEntity;
  /** Set by organizers for this entity; absent: the event's quota. */
  quota?: Quota | undefined;
  /** Lifted by organizers: nominations of this entity are not limited. */
  quotaLifted: boolean;
  /** Nominees holding a place (nominated, not withdrawn) and the heads among them. */
  delegatesTaken: number;
  headsTaken: number;
  /** Waiting-list numbers handed out so far (they order the entity's waiting list). */
  waitlistIssued: number;
  /** The delegation's nomination letter (a note verbale), uploaded by a focal point and checked. */
  letter?: NominationLetter | undefined;
}

export interface NominationLetter {
  uploadId: string;
  size: number;
  uploadedAt: string;
  /** The address key of the focal point who uploaded it. */
  uploadedBy: string;
}

/** What a nomination letter may be: one PDF, checked by its bytes like a form's file answer. */
export const nominationLetterRules = { id: 'nominationLetter', kind: 'file', label: { en: 'Nomination letter' }, fileTypes: ['application/pdf'], maxBytes: 10 * 1024 * 1024 } as const;

export function quotaOf(event: ConferenceEvent, delegation: Pick<Delegation, 'quota'> | undefined): Quota {
  return delegation?.quota ?? event.delegations?.quota ?? defaultQuota;
}

/** The event's nomination deadline; without one, nominations stay open (as the registration window does without closesAt). */
export function nominationsCloseAt(event: ConferenceEvent): string | undefined {
  return event.delegations?.nominationsCloseAt;
}

export function areNominationsOpen(event: ConferenceEvent, now: Date): boolean {
  const closesAt = nominationsCloseAt(event);
  return closesAt === undefined || now.getTime() < Date.parse(closesAt);
}

export function assertNominationsOpen(event: ConferenceEvent, now: Date): void {
  if (!areNominationsOpen(event, now)) {
    throw new ApiError(409, 'nominations_closed', 'The deadline for nominations to this event has passed.');
  }
}

export function unknownEntity(): ApiError {
  return new ApiError(404, 'unknown_entity', 'There is no such nominating entity for this event.');
}

/** A focal point: the person an entity names to nominate its delegation, reached by a private link. */
export interface FocalPoint {
  eventId: string;
  entityId: string;
  /** The entity's name as the mails and the page show it. */
  entityName: string;
  emailKey: string;
  email: string;
  language: Language;
  invitedAt: string;
  invitedBy: string;
  /** Hashes of the links mailed so far (newest last) and when the newest stops working. */
  linkHashes: string[];
  linkExpiresAt: string;
  pendingMails: PendingMail[];
  version: number;
}

export type NominationStatus = 'nominated' | 'waitlisted' | 'withdrawn';

export interface Nomination {
  eventId: string;
  /** The nominee's address key: one nomination per address and event, whichever delegation made it. */
  emailKey: string;
  nominationId: string;
  entityId: string;
  entityName: string;
  name: string;
  email: string;
  function: string;
  role: NomineeRole;
  language: Language;
  status: NominationStatus;
  /** While waitlisted: the number that orders the entity's waiting list. */
  waitlistSeq?: number | undefined;
  nominatedAt: string;
  /** The focal point's address key. */
  nominatedBy: string;
  withdrawnAt?: string | undefined;
  /** When organizers last had the nominee reminded to register and confirm (at most once a day). */
  remindedAt?: string | undefined;
  /** Hashes of the invitation links mailed so far (newest last): the nominee's way to the form. */
  inviteHashes: string[];
  inviteExpiresAt: string;
  pendingMails: PendingMail[];
  version: number;
}

/** The order of the official list: participating States alphabetically in English, then Partners, then the others. */
const kindOrder: Record<EntityKind, number> = {
  participating_state: 0,
  partner_for_cooperation: 1,
  international_organization: 2,
  field_operation: 3,
  ngo: 4,
};

const englishOrder = new Intl.Collator('en', { sensitivity: 'base' });

export function compareEntities(a: NominatingEntity, b: NominatingEntity): number {
  return kindOrder[a.kind] - kindOrder[b.kind] || englishOrder.compare(a.name, b.name) || a.id.localeCompare(b.id);
}

/** How long a focal point's and a nominee's link works: past the deadline it has nothing left to do. */
export const delegationLinkLifetimeDays = 30;

export function linkExpiry(now: Date): string {
  return new Date(now.getTime() + delegationLinkLifetimeDays * 86_400_000).toISOString();
}

// A focal point's link names event, entity and address, so checking it is one GetItem:
// <eventId>.<entityId>.<emailKey>.<secret>. Only sha256(secret) is stored.
const focalTokenPattern = /^([a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)\.([A-Za-z0-9-]{2,40})\.([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/;

export interface FocalTokenParts {
  eventId: string;
  entityId: string;
  emailKey: string;
  secret: string;
}

export function composeFocalToken(parts: FocalTokenParts): string {
  return `${parts.eventId}.${parts.entityId}.${parts.emailKey}.${parts.secret}`;
}

export function parseFocalToken(token: string): FocalTokenParts | undefined {
  const match = focalTokenPattern.exec(token);
  if (!match || !entityIdPattern.test(match[2]!)) return undefined;
  return { eventId: match[1]!, entityId: match[2]!, emailKey: match[3]!, secret: match[4]! };
}

export function delegationUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl}/delegation?token=${encodeURIComponent(token)}`;
}

/** The registration page for the event, carrying the nomination (a nominee token, as registration tokens are made). */
export function nomineeUrl(publicBaseUrl: string, eventId: string, token: string, language: Language): string {
  return `${publicBaseUrl}/register/${encodeURIComponent(eventId)}?lang=${language}&nomination=${encodeURIComponent(token)}`;
}

export function invalidDelegationLink(): ApiError {
  return new ApiError(404, 'invalid_token', 'This link is not valid. Ask the organizers for a new one.');
}

/** What a focal point and the organizers see of a nomination (never a link or its hash). */
export function nominationView(nomination: Nomination, registrationStatus: RegistrationStatus | undefined) {
  return {
    nominationId: nomination.nominationId,
    entityId: nomination.entityId,
    name: nomination.name,
    email: nomination.email,
    function: nomination.function,
    role: nomination.role,
    status: nomination.status,
    nominatedAt: nomination.nominatedAt,
    /** The nominee's own registration: none until they submit the form; confirmed once they confirm by e-mail. */
    registrationStatus: registrationStatus ?? null,
  };
}
export type NominationView = ReturnType<typeof nominationView>;

/** A nominee holding a place whose address is not confirmed yet (no registration, or one pending confirmation): whom to remind. */
export function isUnconfirmed(nomination: Pick<Nomination, 'status'>, registrationStatus: RegistrationStatus | null | undefined): boolean {
  return nomination.status === 'nominated' && (registrationStatus == null || registrationStatus === 'pending_confirmation');
}

/** A reminder a day at most: a second click, a retried request or a colleague's click the same day sends nothing more. */
export const reminderIntervalHours = 24;

export function remindedRecently(nomination: Pick<Nomination, 'remindedAt'>, now: Date): boolean {
  return nomination.remindedAt !== undefined && now.getTime() - Date.parse(nomination.remindedAt) < reminderIntervalHours * 3_600_000;
}

/** Waitlisted nominations in the order they joined. */
export function waitingOrder(nominations: readonly Nomination[]): Nomination[] {
  return nominations.filter((nomination) => nomination.status === 'waitlisted').sort((a, b) => (a.waitlistSeq ?? 0) - (b.waitlistSeq ?? 0));
}
