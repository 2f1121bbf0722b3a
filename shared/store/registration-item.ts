// How a registration is kept in the table: one item, its form fields as top-level attributes (so the
// list can filter and sort on them), its search text, the index keys that put it in the byEvent,
// byStatus, byWaitlist and byPendingMail indexes, and the TTL of an unconfirmed one. Every write of a
// registration is a whole item made here, so the derived attributes can never lag behind the item.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { detailFields } from '../model/form-fields.ts';
import type { RegistrationStatus } from '../model/lifecycle.ts';
import { searchTextOf } from '../model/listing.ts';
import type { ConfirmLink, HistoryEntry, PendingMail, Registration, RegistrationDetails } from '../model/registration.ts';
import { fromItem, toItem, type Plain } from './attributes.ts';
import { keys, tableKeys } from './table.ts';

export function toRegistrationItem(registration: Registration): Record<string, AttributeValue> {
  const details = registration.details as unknown as Record<string, Plain>;
  return toItem({
    ...keys.registration(registration.eventId, registration.emailKey),
    [tableKeys.byEventPartitionKey]: keys.registrationsOfEvent(registration.eventId),
    [tableKeys.byEventSortKey]: registration.registrationId,
    [tableKeys.statusPartitionKey]: keys.registrationsInStatus(registration.eventId, registration.status),
    [tableKeys.statusSortKey]: registration.registrationId,
    type: 'registration',
    eventId: registration.eventId,
    emailKey: registration.emailKey,
    registrationId: registration.registrationId,
    status: registration.status,
    createdAt: registration.createdAt,
    updatedAt: registration.updatedAt,
    confirmedAt: registration.confirmedAt,
    reference: registration.reference,
    ...Object.fromEntries(detailFields.map((field) => [field, details[field]])),
    // The answers to the event's own questions, as one map (the accreditation answers are kept apart).
    answers: registration.details.answers && Object.keys(registration.details.answers).length > 0 ? (registration.details.answers as unknown as Plain) : undefined,
    [searchTextAttribute]: searchTextOf(registration.details),
    confirmTokenHash: registration.confirmToken.hash,
    confirmTokenExpiresAt: registration.confirmToken.expiresAt,
    earlierConfirmTokens: registration.earlierConfirmTokens?.length ? (registration.earlierConfirmTokens as unknown as Plain[]) : undefined,
    emailStatus: registration.emailStatus,
    manageTokenHashes: registration.manageTokenHashes,
    waitlistSeq: registration.waitlist?.seq,
    waitlistPosition: registration.waitlist?.position,
    [tableKeys.waitlistPartitionKey]: registration.status === 'waitlisted' ? keys.waitlistOfEvent(registration.eventId) : undefined,
    [tableKeys.waitlistSortKey]:
      registration.status === 'waitlisted' && registration.waitlist ? String(registration.waitlist.seq).padStart(10, '0') : undefined,
    approvedAt: registration.approvedAt,
    delegationEntityId: registration.delegation?.entityId,
    delegationRole: registration.delegation?.role,
    history: registration.history as unknown as Plain[],
    pendingMails: registration.pendingMails.length > 0 ? (registration.pendingMails as unknown as Plain[]) : undefined,
    [tableKeys.outboxPartitionKey]: registration.pendingMails.length > 0 ? keys.outbox() : undefined,
    [tableKeys.outboxSortKey]:
      registration.pendingMails.length > 0
        ? `${registration.pendingMails.map((mail) => mail.nextAttemptAt).sort()[0]}#${registration.eventId}#${registration.emailKey}`
        : undefined,
    version: registration.version,
    // DynamoDB's TTL purges unconfirmed registrations once their link has expired; confirmed ones
    // carry no expiry. TTL can lag by up to two days, so expiry is also checked in code.
    [tableKeys.timeToLive]:
      registration.status === 'pending_confirmation'
        ? Math.ceil(Date.parse(registration.confirmToken.expiresAt) / 1000)
        : undefined,
  });
}

/** The attribute holding what a search looks in (model/listing.ts). */
export const searchTextAttribute = 'searchText';

/** The attributes derived from the rest of the item: what a reindex rewrites when they are missing or old. */
export const derivedAttributes = [
  tableKeys.byEventPartitionKey,
  tableKeys.byEventSortKey,
  tableKeys.statusPartitionKey,
  tableKeys.statusSortKey,
  tableKeys.waitlistPartitionKey,
  tableKeys.waitlistSortKey,
  tableKeys.outboxPartitionKey,
  tableKeys.outboxSortKey,
  searchTextAttribute,
] as const;

/** Whether an item as stored carries the derived attributes its registration calls for now. */
export function isIndexedAsItShouldBe(item: Record<string, AttributeValue>, registration: Registration): boolean {
  const expected = toRegistrationItem(registration);
  return derivedAttributes.every((name) => JSON.stringify(item[name]) === JSON.stringify(expected[name]));
}

export function toRegistration(item: Record<string, AttributeValue>): Registration {
  const record = fromItem(item) as Record<string, unknown>;
  const details = Object.fromEntries(
    [...detailFields, 'answers'].filter((field) => record[field] !== undefined).map((field) => [field, record[field]]),
  ) as unknown as RegistrationDetails;
  return {
    eventId: record.eventId as string,
    emailKey: record.emailKey as string,
    registrationId: record.registrationId as string,
    status: record.status as RegistrationStatus,
    createdAt: record.createdAt as string,
    updatedAt: record.updatedAt as string,
    confirmedAt: record.confirmedAt as string | undefined,
    reference: record.reference as string | undefined,
    details,
    confirmToken: { hash: record.confirmTokenHash as string, expiresAt: record.confirmTokenExpiresAt as string },
    earlierConfirmTokens: (record.earlierConfirmTokens as ConfirmLink[] | undefined) ?? [],
    emailStatus: record.emailStatus as Registration['emailStatus'],
    manageTokenHashes: (record.manageTokenHashes as string[] | undefined) ?? [],
    waitlist:
      typeof record.waitlistSeq === 'number'
        ? { seq: record.waitlistSeq, position: (record.waitlistPosition as number | undefined) ?? record.waitlistSeq }
        : undefined,
    approvedAt: record.approvedAt as string | undefined,
    delegation: typeof record.delegationEntityId === 'string' ? { entityId: record.delegationEntityId, role: record.delegationRole === 'head' ? 'head' : 'member' } : undefined,
    history: (record.history as HistoryEntry[] | undefined) ?? [],
    pendingMails: (record.pendingMails as PendingMail[] | undefined) ?? [],
    version: record.version as number,
    writeIds: (record.writeIds as string[] | undefined) ?? [],
  };
}
