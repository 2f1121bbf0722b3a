import {
  BatchGetItemCommand,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import type { RegistrationStatus } from '../model/lifecycle.ts';
import type { SortRow } from '../model/listing.ts';
import type { Registration, Tombstone } from '../model/registration.ts';
import { fromItem, toItem } from './attributes.ts';
import { batchGetConsistent } from './batch-get.ts';
import { outboxEntries } from './outbox-index.ts';
import { isIndexedAsItShouldBe, searchTextAttribute, toRegistration, toRegistrationItem } from './registration-item.ts';
import { keys, tableKeys } from './table.ts';

export interface RegistrationFilter {
  status?: RegistrationStatus | undefined;
  category?: string | undefined;
  country?: string | undefined;
  /** Only registrations whose search text (model/listing.ts) contains this, already made searchable. */
  search?: string | undefined;
  /** Leave out unconfirmed registrations expired by then: gone, though the TTL may not have deleted them yet. */
  liveAt?: Date | undefined;
}

export interface RegistrationPage {
  items: Registration[];
  lastEvaluatedKey: Record<string, string> | undefined;
  consumedCapacity: number;
  /** With `findOutdated`: the items whose index keys or search text are missing or old (written before them), which reconcile rewrites. */
  outdated: Registration[];
}

/** What sorting reads of every match (model/listing.ts), and the key to fetch the match with. */
export type SortEntry = SortRow & { emailKey: string };

// BatchGetItem takes at most 100 keys per call.
const batchGetLimit = 100;
// A filtered page reads at most this many times (the first read a page's worth, the others up to a
// megabyte each): about ten thousand registrations searched in one request.
const maxReadsPerPage = 12;

export class RegistrationStore {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;

  constructor(client: DynamoDBClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async get(eventId: string, emailKey: string): Promise<Registration | undefined> {
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: toItem(keys.registration(eventId, emailKey)), ConsistentRead: true }),
    );
    return Item ? toRegistration(Item) : undefined;
  }

  /**
   * Writes the registration if nobody else wrote it since it was read (`expectedVersion`), or if it does
   * not exist yet (`expectedVersion` undefined). Returns false when another request got there first.
   *
   * The SDK retries a call whose answer was lost on the network; a retried conditional write then fails
   * against its own first attempt. Each write carries a random writeId, so that case is told apart
   * from a real lost race by reading the item back.
   */
  async save(registration: Registration, expectedVersion: number | undefined): Promise<boolean> {
    const writeId = randomUUID();
    // The last few write ids travel with the item, so a write that others built on is still recognised.
    const writeIds = [...(registration.writeIds ?? []), writeId].slice(-5);
    const ours = async () => {
      const { Item } = await this.client.send(
        new GetItemCommand({
          TableName: this.tableName,
          Key: toItem(keys.registration(registration.eventId, registration.emailKey)),
          ConsistentRead: true,
          ProjectionExpression: 'writeIds',
        }),
      );
      return (Item?.writeIds?.L ?? []).some((entry) => entry.S === writeId);
    };
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: { ...toRegistrationItem(registration), writeIds: { L: writeIds.map((id) => ({ S: id })) } },
          ...versionCondition(expectedVersion),
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return ours();
      // A timeout or a dropped connection leaves it open whether the write landed: look before failing.
      if (await ours().catch(() => false)) return true;
      throw error;
    }
  }

  /**
   * Marks the address's mail as bounced or complained. The version goes up like on every other write,
   * so a request that read the registration before this (and saves with the old version) fails its
   * condition and re-reads instead of overwriting the mark. A complaint is never downgraded to a
   * bounce, and a registration that no longer exists is not recreated: false then.
   */
  async markEmailStatus(eventId: string, emailKey: string, status: 'bounced' | 'complained'): Promise<boolean> {
    const conditions = ['attribute_exists(pk)'];
    if (status === 'bounced') conditions.push('(attribute_not_exists(#emailStatus) OR #emailStatus <> :complained)');
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: toItem(keys.registration(eventId, emailKey)),
          UpdateExpression: 'SET #emailStatus = :status, #version = if_not_exists(#version, :zero) + :one',
          ConditionExpression: conditions.join(' AND '),
          ExpressionAttributeNames: { '#emailStatus': 'emailStatus', '#version': 'version' },
          ExpressionAttributeValues: {
            ':status': { S: status },
            ':zero': { N: '0' },
            ':one': { N: '1' },
            ...(status === 'bounced' ? { ':complained': { S: 'complained' } } : {}),
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /**
   * Deletes the registration if it is still at the version read. `gone` means somebody (or an SDK retry
   * of this very call) deleted it already: the caller must not count the removal a second time.
   */
  async delete(registration: Registration): Promise<'deleted' | 'gone' | 'lost'> {
    try {
      await this.client.send(
        new DeleteItemCommand({
          TableName: this.tableName,
          Key: toItem(keys.registration(registration.eventId, registration.emailKey)),
          ...versionCondition(registration.version),
        }),
      );
      return 'deleted';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return (await this.get(registration.eventId, registration.emailKey)) === undefined ? 'gone' : 'lost';
    }
  }

  /** The registration with this id, read consistently through its key (the index only finds the key). */
  async findById(eventId: string, registrationId: string): Promise<Registration | undefined> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: tableKeys.byEventIndex,
        KeyConditionExpression: '#partition = :partition AND #sort = :sort',
        ExpressionAttributeNames: { '#partition': tableKeys.byEventPartitionKey, '#sort': tableKeys.byEventSortKey },
        ExpressionAttributeValues: { ':partition': { S: keys.registrationsOfEvent(eventId) }, ':sort': { S: registrationId } },
      }),
    );
    const emailKey = Items?.[0]?.emailKey?.S;
    const registration = emailKey ? await this.get(eventId, emailKey) : undefined;
    // The index may lag: the address may have registered afresh since, under another id.
    return registration?.registrationId === registrationId ? registration : undefined;
  }

  /**
   * The waitlisted registrations after queue number `afterSeq`, oldest first, as keys and queue numbers.
   * The index is eventually consistent: callers read each registration again before acting on it.
   */
  async waitlistHead(eventId: string, limit: number, afterSeq = 0): Promise<{ emailKey: string; seq: number }[]> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: tableKeys.waitlistIndex,
        KeyConditionExpression: '#partition = :partition AND #sort > :after',
        ExpressionAttributeNames: { '#partition': tableKeys.waitlistPartitionKey, '#sort': tableKeys.waitlistSortKey },
        ExpressionAttributeValues: {
          ':partition': { S: keys.waitlistOfEvent(eventId) },
          ':after': { S: String(afterSeq).padStart(10, '0') },
        },
        Limit: limit,
      }),
    );
    return (Items ?? []).flatMap((item) => {
      const emailKey = item.sk?.S?.slice('REGISTRATION#'.length);
      const seq = Number(item[tableKeys.waitlistSortKey]?.S);
      return emailKey && Number.isFinite(seq) ? [{ emailKey, seq }] : [];
    });
  }

  /** How many waitlisted registrations are ahead of this queue number: the current position, less one. */
  async waitlistedAhead(eventId: string, seq: number): Promise<number> {
    let ahead = 0;
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const result = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: tableKeys.waitlistIndex,
          KeyConditionExpression: '#partition = :partition AND #sort < :sort',
          ExpressionAttributeNames: { '#partition': tableKeys.waitlistPartitionKey, '#sort': tableKeys.waitlistSortKey },
          ExpressionAttributeValues: {
            ':partition': { S: keys.waitlistOfEvent(eventId) },
            ':sort': { S: String(seq).padStart(10, '0') },
          },
          Select: 'COUNT',
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      ahead += result.Count ?? 0;
      startKey = result.LastEvaluatedKey;
    } while (startKey);
    return ahead;
  }

  /** Registrations with mail due by `now`, as [eventId, emailKey], soonest first. */
  async dueForMail(now: Date, limit: number): Promise<[string, string][]> {
    // From the start of the index: every registration's key starts with its time, before the delegations' "D#".
    const entries = await outboxEntries(this.client, this.tableName, { from: '0', to: `${now.toISOString()}#~` }, limit);
    return entries.flatMap((sortKey) => {
      const [, eventId, emailKey] = sortKey.split('#');
      return eventId && emailKey ? [[eventId, emailKey] as [string, string]] : [];
    });
  }

  /** Puts the anonymous remains of an erased registration under a key no address leads to. */
  async saveTombstone(tombstone: Tombstone): Promise<void> {
    await this.client.send(
      new PutItemCommand({
        TableName: this.tableName,
        Item: toItem({ ...keys.tombstone(tombstone.eventId, tombstone.registrationId), type: 'tombstone', ...tombstone }),
      }),
    );
  }

  /**
   * Remembers that organizers rejected this address for the event, with nothing else of the person:
   * the address key (the registration's own pseudonym) and the time. Written when a rejected
   * registration is erased, so erasing and registering again cannot undo a rejection.
   */
  async saveRejection(eventId: string, emailKey: string, rejectedAt: string): Promise<void> {
    await this.client.send(
      new PutItemCommand({ TableName: this.tableName, Item: toItem({ ...keys.rejection(eventId, emailKey), type: 'rejection', rejectedAt }) }),
    );
  }

  /**
   * What a submission decides on, in one consistent read whatever the address's past: its
   * registration, and whether a rejection of the address is kept (only looked at when there is none).
   */
  async getForSubmission(eventId: string, emailKey: string): Promise<{ existing: Registration | undefined; rejectedBefore: boolean }> {
    const wanted = [keys.registration(eventId, emailKey), keys.rejection(eventId, emailKey)].map((key) => toItem(key));
    const found = await batchGetConsistent(this.client, this.tableName, wanted);
    const item = (sk: string) => found.find((candidate) => candidate.sk?.S === sk);
    const registration = item(wanted[0]!.sk!.S!);
    const existing = registration ? toRegistration(registration) : undefined;
    return { existing, rejectedBefore: existing === undefined && item(wanted[1]!.sk!.S!) !== undefined };
  }

  /**
   * Sends the registration as a write whose condition cannot hold: DynamoDB reads the item and
   * refuses, so nothing changes, at the cost and in the time of a real write. A submission that
   * changes nothing sends one, so that its answer comes as late as any other's.
   */
  async refusedWrite(registration: Registration): Promise<void> {
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: toRegistrationItem(registration),
          ConditionExpression: 'attribute_not_exists(pk) AND attribute_exists(pk)',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return;
      throw error;
    }
    throw new Error('a write whose condition cannot hold was accepted');
  }

  async wasRejected(eventId: string, emailKey: string): Promise<boolean> {
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: toItem(keys.rejection(eventId, emailKey)), ConsistentRead: true, ProjectionExpression: 'sk' }),
    );
    return Item !== undefined;
  }

  /**
   * What the event's tombstones count: how many registrations were erased, and by the day each had
   * been confirmed on (erasure keeps that day, so the registrations-per-day figures do not shrink).
   */
  async tombstoneCounts(eventId: string): Promise<{ erased: number; confirmedOn: Record<string, number> }> {
    const counts = { erased: 0, confirmedOn: {} as Record<string, number> };
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const result = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': { S: keys.eventPartition(eventId) }, ':prefix': { S: 'TOMBSTONE#' } },
          ProjectionExpression: 'confirmedOn',
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      for (const item of result.Items ?? []) {
        counts.erased++;
        const day = item.confirmedOn?.S;
        if (day) counts.confirmedOn[day] = (counts.confirmedOn[day] ?? 0) + 1;
      }
      startKey = result.LastEvaluatedKey;
    } while (startKey);
    return counts;
  }

  /** Whether the event has any registration at all (unconfirmed ones too). */
  async hasAny(eventId: string): Promise<boolean> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: tableKeys.byEventIndex,
        KeyConditionExpression: '#partition = :partition',
        ExpressionAttributeNames: { '#partition': tableKeys.byEventPartitionKey },
        ExpressionAttributeValues: { ':partition': { S: keys.registrationsOfEvent(eventId) } },
        Limit: 1,
        ProjectionExpression: 'pk',
      }),
    );
    return (Items?.length ?? 0) > 0;
  }

  /**
   * One page in registration order, oldest first or newest first. A status filter reads the byStatus
   * index, so it costs what it finds, however many registrations the event has; without one the
   * byEvent index is read. The other filters (category, country, search) apply after the read: when
   * the first read of `limit` items leaves the page short, it reads on, a megabyte at a time, until
   * the page is full, the matches end, or `maxReadsPerPage` reads were spent (a search over a few
   * thousand registrations is one request); a page may still come back short.
   */
  async listByEvent(
    eventId: string,
    filter: RegistrationFilter,
    limit: number,
    exclusiveStartKey: Record<string, string> | undefined,
    options: { newestFirst?: boolean; findOutdated?: boolean } = {},
  ): Promise<RegistrationPage> {
    const query = this.matching(eventId, filter);
    const found: Record<string, AttributeValue>[] = [];
    let next: Record<string, AttributeValue> | undefined = exclusiveStartKey ? toItem(exclusiveStartKey) : undefined;
    let consumedCapacity = 0;
    for (let read = 0; read < maxReadsPerPage; read++) {
      const result = await this.client.send(
        new QueryCommand({
          ...query,
          // The first read takes what a page holds; further reads take DynamoDB's megabyte.
          ...(read === 0 ? { Limit: limit } : {}),
          ScanIndexForward: !options.newestFirst,
          ...(next ? { ExclusiveStartKey: next } : {}),
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      consumedCapacity += result.ConsumedCapacity?.CapacityUnits ?? 0;
      found.push(...(result.Items ?? []));
      next = result.LastEvaluatedKey;
      if (!next || found.length >= limit) break;
    }
    // More than a page's worth: the page ends at its last item, and the next one starts after it.
    if (found.length > limit) {
      found.length = limit;
      next = keyOf(found.at(-1)!, [tableKeys.partitionKey, tableKeys.sortKey, ...indexKeysOf(query.IndexName)]);
    }
    const pairs = found.map((item) => ({ item, registration: toRegistration(item) }));
    return {
      items: pairs.map((pair) => pair.registration),
      lastEvaluatedKey: next ? stringKey(next) : undefined,
      consumedCapacity,
      outdated: options.findOutdated ? pairs.filter((pair) => !isIndexedAsItShouldBe(pair.item, pair.registration)).map((pair) => pair.registration) : [],
    };
  }

  /**
   * What sorting needs of every match (a few attributes each, not the whole registration), for a sort
   * the indexes do not keep; the page itself is then read with getMany.
   */
  async sortEntries(eventId: string, filter: RegistrationFilter): Promise<SortEntry[]> {
    const entries: SortEntry[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    const query = this.matching(eventId, filter);
    const projected = ['registrationId', 'emailKey', 'status', 'lastName', 'organization', 'country'];
    const names = { ...query.ExpressionAttributeNames, ...Object.fromEntries(projected.map((name) => [`#p_${name}`, name])) };
    do {
      const result = await this.client.send(
        new QueryCommand({
          ...query,
          ExpressionAttributeNames: names,
          ProjectionExpression: projected.map((name) => `#p_${name}`).join(', '),
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      for (const item of result.Items ?? []) entries.push(fromItem(item) as unknown as SortEntry);
      startKey = result.LastEvaluatedKey;
    } while (startKey);
    return entries;
  }

  /** These registrations of the event, read consistently, in the order asked; those gone since are left out. */
  async getMany(eventId: string, emailKeys: readonly string[]): Promise<Registration[]> {
    const found = new Map<string, Registration>();
    for (let start = 0; start < emailKeys.length; start += batchGetLimit) {
      let wanted: Record<string, AttributeValue>[] = emailKeys.slice(start, start + batchGetLimit).map((emailKey) => toItem(keys.registration(eventId, emailKey)));
      // DynamoDB may leave keys unprocessed under load: ask again for those, backing off a little.
      for (let attempt = 0; wanted.length > 0; attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(500, 20 * 2 ** attempt) * Math.random()));
        const result = await this.client.send(new BatchGetItemCommand({ RequestItems: { [this.tableName]: { Keys: wanted, ConsistentRead: true } } }));
        for (const item of result.Responses?.[this.tableName] ?? []) {
          const registration = toRegistration(item);
          found.set(registration.emailKey, registration);
        }
        wanted = result.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      }
    }
    return emailKeys.flatMap((emailKey) => found.get(emailKey) ?? []);
  }

  /** The Query that finds an event's registrations matching the filter: its index, key condition and filter expression. */
  private matching(eventId: string, filter: RegistrationFilter) {
    const byStatus = filter.status !== undefined;
    const names: Record<string, string> = { '#partition': byStatus ? tableKeys.statusPartitionKey : tableKeys.byEventPartitionKey };
    const values: Record<string, AttributeValue> = {
      ':partition': { S: byStatus ? keys.registrationsInStatus(eventId, filter.status!) : keys.registrationsOfEvent(eventId) },
    };
    const conditions: string[] = [];
    for (const field of ['category', 'country'] as const) {
      const wanted = filter[field];
      if (wanted === undefined) continue;
      names[`#${field}`] = field;
      values[`:${field}`] = { S: wanted };
      conditions.push(`#${field} = :${field}`);
    }
    if (filter.search) {
      names['#search'] = searchTextAttribute;
      values[':search'] = { S: filter.search };
      conditions.push('contains(#search, :search)');
    }
    if (filter.liveAt) {
      // Only unconfirmed registrations carry the TTL attribute.
      names['#expiresAt'] = tableKeys.timeToLive;
      values[':liveAt'] = { N: String(Math.floor(filter.liveAt.getTime() / 1000)) };
      conditions.push('(attribute_not_exists(#expiresAt) OR #expiresAt > :liveAt)');
    }
    return {
      TableName: this.tableName,
      IndexName: byStatus ? tableKeys.statusIndex : tableKeys.byEventIndex,
      KeyConditionExpression: '#partition = :partition',
      ...(conditions.length > 0 ? { FilterExpression: conditions.join(' AND ') } : {}),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    };
  }
}

function versionCondition(expectedVersion: number | undefined) {
  return expectedVersion === undefined
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : {
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':version': { N: String(expectedVersion) } },
      };
}

/** The key attributes of an index's entry (the table's key and the index's own): what a Query resumes after. */
function indexKeysOf(indexName: string): string[] {
  return indexName === tableKeys.statusIndex ? [tableKeys.statusPartitionKey, tableKeys.statusSortKey] : [tableKeys.byEventPartitionKey, tableKeys.byEventSortKey];
}

function keyOf(item: Record<string, AttributeValue>, names: readonly string[]): Record<string, AttributeValue> {
  return Object.fromEntries(names.map((name) => [name, item[name]!]));
}

function stringKey(key: Record<string, AttributeValue>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(key)) if (value.S !== undefined) out[name] = value.S;
  return out;
}
