// Delegations in a partition of the event's own (DELEGATIONS#<eventId>): one places item per
// delegation (DELEGATION#<entityId>), one item per focal point (FOCAL#<entityId>#<emailKey>) and one
// per nominee (NOMINATION#<emailKey>: one nomination per address and event, whichever delegation made
// it, is a conditional PutItem).
//
// A delegation's quota is a condition on its places item's update, as the event's capacity is on the
// counters item (counters-store.ts): concurrent nominations never overrun it, and no transaction is
// needed. A place is not a number but the nominee's address key in a string set (holders; heads also
// in headHolders), so taking and giving back are idempotent: a call whose answer was lost (a timeout,
// a reset connection) and is tried again cannot take a second place, which a counter's ADD did (against
// a slow emulator the quota test found delegations 'full' with one nominee). The waiting-list number is
// still an ADD: a lost answer there only skips a number, which keeps the order.
import {
  ConditionalCheckFailedException,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
  type QueryCommandOutput,
} from '@aws-sdk/client-dynamodb';
import type { Delegation, FocalPoint, NominatingEntity, Nomination, NominationLetter, NomineeRole, Quota } from '../model/delegations.ts';
import { builtInEntity } from '../model/delegations.ts';
import type { PendingMail } from '../model/registration.ts';
import { fromAttribute, fromItem, toItem, type Plain } from './attributes.ts';
import { outboxEntries } from './outbox-index.ts';
import { keys, tableKeys } from './table.ts';

const notApplied = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']);

/** The outbox index's sort key of a delegation item with mail due: after every registration's (those start with a digit). */
export const delegationMailPrefix = 'D#';

function outboxKeys(pendingMails: readonly PendingMail[], pk: string, sk: string): Record<string, Plain> {
  if (pendingMails.length === 0) return {};
  const due = pendingMails.map((mail) => mail.nextAttemptAt).sort()[0];
  return { [tableKeys.outboxPartitionKey]: keys.outbox(), [tableKeys.outboxSortKey]: `${delegationMailPrefix}${due}#${pk}#${sk}` };
}

function versionCondition(expectedVersion: number | undefined) {
  return expectedVersion === undefined
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: '#version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': { N: String(expectedVersion) } } };
}

export type PlaceOutcome = { kind: 'taken' } | { kind: 'full'; delegation: Delegation };

export class DelegationStore {
  private readonly client: DynamoDBClient;
  private readonly counterClient: DynamoDBClient;
  private readonly tableName: string;

  constructor(client: DynamoDBClient, counterClient: DynamoDBClient, tableName: string) {
    this.client = client;
    this.counterClient = counterClient;
    this.tableName = tableName;
  }

  /** The delegation of an entity: a built-in one exists before anything is stored for it. */
  async getDelegation(eventId: string, entityId: string): Promise<Delegation | undefined> {
    const { Item } = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: toItem(keys.delegation(eventId, entityId)), ConsistentRead: true }));
    if (Item) return toDelegation(eventId, Item);
    const entity = builtInEntity(entityId);
    return entity ? emptyDelegation(eventId, entity) : undefined;
  }

  /** Every delegation with anything stored, and every added entity. */
  async listDelegations(eventId: string): Promise<Delegation[]> {
    return (await this.queryPrefix(eventId, 'DELEGATION#')).map((item) => toDelegation(eventId, item));
  }

  /** Adds an entity organizers name; false if one with that id exists. */
  async addEntity(eventId: string, entity: NominatingEntity): Promise<boolean> {
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: toItem({ ...keys.delegation(eventId, entity.id), type: 'delegation', entityId: entity.id, entityKind: entity.kind, entityName: entity.name }),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /** Sets (or, with undefined, removes) the entity's own quota and whether it is lifted; the counts are left as they are. */
  async setQuota(eventId: string, entity: NominatingEntity, quota: Quota | undefined, lifted: boolean): Promise<Delegation> {
    const { Attributes } = await this.client.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: toItem(keys.delegation(eventId, entity.id)),
        UpdateExpression: `SET #type = :type, entityId = :id, entityKind = :kind, entityName = :name, quotaLifted = :lifted${quota ? ', quota = :quota' : ''}${quota ? '' : ' REMOVE quota'}`,
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: toItem({
          ':type': 'delegation',
          ':id': entity.id,
          ':kind': entity.kind,
          ':name': entity.name,
          ':lifted': lifted,
          ...(quota ? { ':quota': { delegates: quota.delegates, heads: quota.heads } } : {}),
        }),
        ReturnValues: 'ALL_NEW',
      }),
    );
    return toDelegation(eventId, Attributes ?? {});
  }

  /**
   * Takes a place in the delegation for one nominee (named by their address key) in one conditional
   * update: within the quota unless it is undefined (lifted). Idempotent: a place is a member of the
   * item's set of holders, so a retry of a call whose answer was lost finds the place already its own
   * instead of taking a second one. 'full' carries the counts as they were, to tell which limit held.
   */
  async takePlace(eventId: string, entity: NominatingEntity, role: NomineeRole, quota: Quota | undefined, holder: string): Promise<PlaceOutcome> {
    const conditions: string[] = [];
    const values: Record<string, AttributeValue> = { ':holder': { SS: [holder] } };
    if (quota) {
      // DynamoDB refuses values an expression does not use, so the key joins the conditions' values only.
      values[':holderKey'] = { S: holder };
      values[':delegates'] = { N: String(quota.delegates) };
      conditions.push('(attribute_not_exists(holders) OR size(holders) < :delegates OR contains(holders, :holderKey))');
      if (role === 'head') {
        values[':heads'] = { N: String(quota.heads) };
        conditions.push('(attribute_not_exists(headHolders) OR size(headHolders) < :heads OR contains(headHolders, :holderKey))');
      }
    }
    // No head at all (heads 0): the set's condition would let the first one by, as the set is absent.
    if (role === 'head' && quota?.heads === 0) return { kind: 'full', delegation: (await this.getDelegation(eventId, entity.id))! };
    try {
      // A member's place is not a head's: a head's try of this address that failed and came back as a member leaves no head behind.
      await this.applyCounts(this.client, eventId, entity, role === 'head' ? 'ADD holders :holder, headHolders :holder' : 'ADD holders :holder DELETE headHolders :holder', values, conditions);
      return { kind: 'taken' };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return { kind: 'full', delegation: (await this.getDelegation(eventId, entity.id))! };
    }
  }

  /** Gives a nominee's place back (a withdrawal, a nomination whose write lost, a repair); idempotent too. */
  async releasePlace(eventId: string, entity: NominatingEntity, holder: string): Promise<void> {
    await this.applyCounts(this.client, eventId, entity, 'DELETE holders :holder, headHolders :holder', { ':holder': { SS: [holder] } }, []);
  }

  /** Records the delegation's nomination letter; answers the one it replaces, if any. */
  async setLetter(eventId: string, entity: NominatingEntity, letter: NominationLetter): Promise<NominationLetter | undefined> {
    const { Attributes } = await this.client.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: toItem(keys.delegation(eventId, entity.id)),
        UpdateExpression: 'SET #type = :type, entityId = :id, entityKind = :kind, entityName = :name, letter = :letter',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: toItem({ ':type': 'delegation', ':id': entity.id, ':kind': entity.kind, ':name': entity.name, ':letter': { ...letter } }),
        ReturnValues: 'ALL_OLD',
      }),
    );
    return Attributes?.letter ? (fromAttribute(Attributes.letter) as unknown as NominationLetter) : undefined;
  }

  /** Gives back only the head's part of a place (the address holds a member's place). */
  async releaseHeadPlace(eventId: string, entity: NominatingEntity, holder: string): Promise<void> {
    await this.applyCounts(this.client, eventId, entity, 'DELETE headHolders :holder', { ':holder': { SS: [holder] } }, []);
  }

  /** Who holds the delegation's places, and the heads' among them, by address key (the repair compares them with the nominations). */
  async placesOf(eventId: string, entityId: string): Promise<{ holders: string[]; heads: string[] }> {
    const { Item } = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: toItem(keys.delegation(eventId, entityId)), ConsistentRead: true }));
    return { holders: Item?.holders?.SS ?? [], heads: Item?.headHolders?.SS ?? [] };
  }

  /** The next number on the delegation's waiting list (a lost answer tried again only skips a number). */
  async issueWaitlistNumber(eventId: string, entity: NominatingEntity): Promise<number> {
    const attributes = await this.applyCounts(this.counterClient, eventId, entity, 'ADD waitlistIssued :one', { ':one': { N: '1' } }, []);
    return Number(attributes?.waitlistIssued?.N ?? '1');
  }

  private async applyCounts(client: DynamoDBClient, eventId: string, entity: NominatingEntity, update: string, values: Record<string, AttributeValue>, conditions: string[]) {
    // The entity's identity travels with every change, so the first nomination of a built-in entity creates its item whole.
    const command = new UpdateItemCommand({
      TableName: this.tableName,
      Key: toItem(keys.delegation(eventId, entity.id)),
      UpdateExpression: `${update} SET #type = :type, entityId = :id, entityKind = :kind, entityName = :name`,
      ...(conditions.length > 0 ? { ConditionExpression: conditions.join(' AND ') } : {}),
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ...values, ...toItem({ ':type': 'delegation', ':id': entity.id, ':kind': entity.kind, ':name': entity.name }) },
      ReturnValues: 'ALL_NEW',
    });
    for (let attempt = 1; ; attempt++) {
      try {
        return (await client.send(command)).Attributes;
      } catch (error) {
        if (!notApplied.has((error as Error).name) || attempt >= 4) throw error;
        await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt * Math.random()));
      }
    }
  }

  async getFocalPoint(eventId: string, entityId: string, emailKey: string): Promise<FocalPoint | undefined> {
    const { Item } = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: toItem(keys.focalPoint(eventId, entityId, emailKey)), ConsistentRead: true }));
    return Item ? (stored(Item) as unknown as FocalPoint) : undefined;
  }

  /** Writes the focal point if nobody changed it since it was read (or it does not exist yet): false otherwise. */
  async saveFocalPoint(focalPoint: FocalPoint, expectedVersion: number | undefined): Promise<boolean> {
    const key = keys.focalPoint(focalPoint.eventId, focalPoint.entityId, focalPoint.emailKey);
    return this.conditionalPut({ ...key, type: 'focal_point', ...(focalPoint as unknown as Record<string, Plain>), ...outboxKeys(focalPoint.pendingMails, key.pk, key.sk) }, expectedVersion);
  }

  async listFocalPoints(eventId: string): Promise<FocalPoint[]> {
    return (await this.queryPrefix(eventId, 'FOCAL#')).map((item) => stored(item) as unknown as FocalPoint);
  }

  async getNomination(eventId: string, emailKey: string): Promise<Nomination | undefined> {
    const { Item } = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: toItem(keys.nomination(eventId, emailKey)), ConsistentRead: true }));
    return Item ? (stored(Item) as unknown as Nomination) : undefined;
  }

  /** Writes the nomination at the version read; a new one only if the address has none in this event. */
  async saveNomination(nomination: Nomination, expectedVersion: number | undefined): Promise<boolean> {
    const key = keys.nomination(nomination.eventId, nomination.emailKey);
    return this.conditionalPut({ ...key, type: 'nomination', ...(nomination as unknown as Record<string, Plain>), ...outboxKeys(nomination.pendingMails, key.pk, key.sk) }, expectedVersion);
  }

  /** The event's nominations, or one delegation's. */
  async listNominations(eventId: string, entityId?: string): Promise<Nomination[]> {
    const filter = entityId ? { expression: 'entityId = :entity', values: { ':entity': { S: entityId } } } : undefined;
    return (await this.queryPrefix(eventId, 'NOMINATION#', filter)).map((item) => stored(item) as unknown as Nomination);
  }

  /** Delegation items with mail due, as [pk, sk]: the outbox index's entries after the registrations'. */
  async dueForMail(now: Date, limit: number): Promise<[string, string][]> {
    const entries = await outboxEntries(this.client, this.tableName, { from: delegationMailPrefix, to: `${delegationMailPrefix}${now.toISOString()}#~` }, limit);
    return entries.flatMap((sortKey) => {
      const [, , pk, ...sk] = sortKey.split('#');
      // pk is DELEGATIONS#<id>: split took it apart.
      const eventId = sk.shift();
      return eventId && sk.length > 0 && `${pk}#${eventId}` === keys.delegationsOfEvent(eventId) ? [[keys.delegationsOfEvent(eventId), sk.join('#')] as [string, string]] : [];
    });
  }

  /** One item of the delegations' partition as plain data (the mail worker's read). */
  async getItem(pk: string, sk: string): Promise<Record<string, Plain> | undefined> {
    const { Item } = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: toItem({ pk, sk }), ConsistentRead: true }));
    return Item ? fromItem(Item) : undefined;
  }

  private async conditionalPut(record: Record<string, Plain>, expectedVersion: number | undefined): Promise<boolean> {
    try {
      await this.client.send(new PutItemCommand({ TableName: this.tableName, Item: toItem(record), ...versionCondition(expectedVersion) }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  private async queryPrefix(eventId: string, prefix: string, filter?: { expression: string; values: Record<string, AttributeValue> }): Promise<Record<string, AttributeValue>[]> {
    const items: Record<string, AttributeValue>[] = [];
    let startKey: QueryCommandOutput['LastEvaluatedKey'];
    do {
      const result = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: '#partition = :partition AND begins_with(#sort, :prefix)',
          ExpressionAttributeNames: { '#partition': tableKeys.partitionKey, '#sort': tableKeys.sortKey },
          ExpressionAttributeValues: { ':partition': { S: keys.delegationsOfEvent(eventId) }, ':prefix': { S: prefix }, ...(filter?.values ?? {}) },
          ...(filter ? { FilterExpression: filter.expression } : {}),
          ConsistentRead: true,
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      items.push(...(result.Items ?? []));
      startKey = result.LastEvaluatedKey;
    } while (startKey);
    return items;
  }
}

// The keys and index keys are derived on every write (saveFocalPoint, saveNomination), never carried over from a read.
const derived = new Set(['pk', 'sk', 'type', tableKeys.outboxPartitionKey, tableKeys.outboxSortKey]);

function stored(item: Record<string, AttributeValue>): Record<string, Plain> {
  return Object.fromEntries(Object.entries(fromItem(item)).filter(([name]) => !derived.has(name)));
}

function emptyDelegation(eventId: string, entity: NominatingEntity): Delegation {
  return { eventId, entity, quota: undefined, quotaLifted: false, delegatesTaken: 0, headsTaken: 0, waitlistIssued: 0 };
}

function toDelegation(eventId: string, item: Record<string, AttributeValue>): Delegation {
  const record = fromItem(item) as Record<string, unknown>;
  const entity = builtInEntity(record.entityId as string) ?? { id: record.entityId as string, kind: record.entityKind as NominatingEntity['kind'], name: record.entityName as string };
  const quota = record.quota as Quota | undefined;
  return {
    eventId,
    entity,
    quota: quota ? { delegates: quota.delegates, heads: quota.heads } : undefined,
    quotaLifted: record.quotaLifted === true,
    delegatesTaken: item.holders?.SS?.length ?? 0,
    headsTaken: item.headHolders?.SS?.length ?? 0,
    waitlistIssued: (record.waitlistIssued as number | undefined) ?? 0,
    letter: record.letter ? (record.letter as unknown as NominationLetter) : undefined,
  };
}
