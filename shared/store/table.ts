import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

// One table holds events, registrations and delegations. The CDK stack and the local runner both build it from
// these names, so the two cannot drift apart.
export const tableKeys = {
  partitionKey: 'pk',
  sortKey: 'sk',
  byEventIndex: 'byEvent',
  byEventPartitionKey: 'gsi1pk',
  byEventSortKey: 'gsi1sk',
  waitlistIndex: 'byWaitlist',
  waitlistPartitionKey: 'gsi2pk',
  waitlistSortKey: 'gsi2sk',
  outboxIndex: 'byPendingMail',
  outboxPartitionKey: 'gsi3pk',
  outboxSortKey: 'gsi3sk',
  statusIndex: 'byStatus',
  statusPartitionKey: 'gsi4pk',
  statusSortKey: 'gsi4sk',
  timeToLive: 'expiresAt',
} as const;

export const keys = {
  // Events share one partition, so listing them is a Query on the table that IAM can confine to it.
  event: (eventId: string) => ({ pk: keys.eventListing(), sk: `EVENT#${eventId}` }),
  eventListing: () => 'EVENTS',
  /** The partition holding an event's registrations, counters and tombstones. */
  eventPartition: (eventId: string) => `EVENT#${eventId}`,
  registration: (eventId: string, emailKey: string) => ({ pk: keys.eventPartition(eventId), sk: `REGISTRATION#${emailKey}` }),
  registrationsOfEvent: (eventId: string) => `EVENT#${eventId}#REGISTRATIONS`,
  waitlistOfEvent: (eventId: string) => `EVENT#${eventId}#WAITLIST`,
  /** The byStatus partition of an event's registrations in one status. */
  registrationsInStatus: (eventId: string, status: string) => `EVENT#${eventId}#STATUS#${status}`,
  outbox: () => 'OUTBOX',
  counters: (eventId: string) => ({ pk: keys.eventPartition(eventId), sk: 'COUNTERS' }),
  tombstone: (eventId: string, registrationId: string) => ({ pk: keys.eventPartition(eventId), sk: `TOMBSTONE#${registrationId}` }),
  /** How many e-mails submissions sent to one mailbox in the current hour. */
  mailbox: (eventId: string, mailboxKey: string) => ({ pk: keys.eventPartition(eventId), sk: `MAILBOX#${mailboxKey}` }),
  /** Kept when a rejected registration is erased, so the rejection stays in force for that address. */
  rejection: (eventId: string, emailKey: string) => ({ pk: keys.eventPartition(eventId), sk: `REJECTION#${emailKey}` }),
  /**
   * The accreditation answers of one registration, in a partition of the event's own that IAM grants
   * apart from the registrations' (only the functions that write, read or delete them name it).
   */
  accreditation: (eventId: string, registrationId: string) => ({ pk: keys.accreditationOfEvent(eventId), sk: `REGISTRATION#${registrationId}` }),
  accreditationOfEvent: (eventId: string) => `ACCREDITATION#${eventId}`,
  /** A checked upload (what it is, for which question), kept with the accreditation data and swept with them. */
  upload: (eventId: string, uploadId: string) => ({ pk: keys.accreditationOfEvent(eventId), sk: `UPLOAD#${uploadId}` }),
  /**
   * An event's delegations, in a partition of their own: the focal points' public functions may read
   * and write it without reaching the registrations (IAM names the partition).
   */
  delegationsOfEvent: (eventId: string) => `DELEGATIONS#${eventId}`,
  /** A delegation's places item: who holds its places, its waiting-list numbers, an added entity's name, its own quota. */
  delegation: (eventId: string, entityId: string) => ({ pk: keys.delegationsOfEvent(eventId), sk: `DELEGATION#${entityId}` }),
  focalPoint: (eventId: string, entityId: string, emailKey: string) => ({ pk: keys.delegationsOfEvent(eventId), sk: `FOCAL#${entityId}#${emailKey}` }),
  /** One per address and event: an address is nominated by one delegation at most. */
  nomination: (eventId: string, emailKey: string) => ({ pk: keys.delegationsOfEvent(eventId), sk: `NOMINATION#${emailKey}` }),
};

export function createTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: tableKeys.partitionKey, AttributeType: 'S' },
      { AttributeName: tableKeys.sortKey, AttributeType: 'S' },
      { AttributeName: tableKeys.byEventPartitionKey, AttributeType: 'S' },
      { AttributeName: tableKeys.byEventSortKey, AttributeType: 'S' },
      { AttributeName: tableKeys.waitlistPartitionKey, AttributeType: 'S' },
      { AttributeName: tableKeys.waitlistSortKey, AttributeType: 'S' },
      { AttributeName: tableKeys.outboxPartitionKey, AttributeType: 'S' },
      { AttributeName: tableKeys.outboxSortKey, AttributeType: 'S' },
      { AttributeName: tableKeys.statusPartitionKey, AttributeType: 'S' },
      { AttributeName: tableKeys.statusSortKey, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: tableKeys.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableKeys.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: tableKeys.byEventIndex,
        KeySchema: [
          { AttributeName: tableKeys.byEventPartitionKey, KeyType: 'HASH' },
          { AttributeName: tableKeys.byEventSortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
      {
        // Sparse: only waitlisted registrations carry gsi2pk, so the queue's head is one small Query.
        IndexName: tableKeys.waitlistIndex,
        KeySchema: [
          { AttributeName: tableKeys.waitlistPartitionKey, KeyType: 'HASH' },
          { AttributeName: tableKeys.waitlistSortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
      {
        // Sparse: only registrations with undelivered mail carry gsi3pk; sorted by when to try again.
        IndexName: tableKeys.outboxIndex,
        KeySchema: [
          { AttributeName: tableKeys.outboxPartitionKey, KeyType: 'HASH' },
          { AttributeName: tableKeys.outboxSortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
      {
        // Sparse: only registrations carry gsi4pk, one partition per event and status, in registration
        // order; so a status filter (the moderator's queue) reads its matches and nothing else.
        IndexName: tableKeys.statusIndex,
        KeySchema: [
          { AttributeName: tableKeys.statusPartitionKey, KeyType: 'HASH' },
          { AttributeName: tableKeys.statusSortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}
