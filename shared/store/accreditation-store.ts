// The accreditation answers, one item per registration in the event's accreditation partition
// (keys.accreditation): written by submit and update, read by the list for the accreditation role,
// deleted by erasure, by the purge of an expired registration, and by the scheduled sweep.
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { AccreditationRecord, CheckedUpload } from '../model/accreditation.ts';
import type { Answers } from '../model/registration-schema.ts';
import { fromItem, toItem, type Plain } from './attributes.ts';
import { keys, tableKeys } from './table.ts';

export class AccreditationStore {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;

  constructor(client: DynamoDBClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async put(record: AccreditationRecord): Promise<void> {
    await this.client.send(
      new PutItemCommand({
        TableName: this.tableName,
        Item: toItem({
          ...keys.accreditation(record.eventId, record.registrationId),
          type: 'accreditation',
          eventId: record.eventId,
          registrationId: record.registrationId,
          answers: record.answers as Plain,
          updatedAt: record.updatedAt,
          [tableKeys.timeToLive]: record.expiresAt,
        }),
      }),
    );
  }

  /**
   * One conditional write to the registration's item that changes nothing anybody reads (when it was
   * last looked at), and nothing at all when there is none: what a submission that keeps no data
   * costs, like one that does.
   */
  async touch(eventId: string, registrationId: string, now: Date): Promise<void> {
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: toItem(keys.accreditation(eventId, registrationId)),
          UpdateExpression: 'SET #touchedAt = :now',
          ConditionExpression: 'attribute_exists(#partition)',
          ExpressionAttributeNames: { '#touchedAt': 'touchedAt', '#partition': tableKeys.partitionKey },
          ExpressionAttributeValues: { ':now': { S: now.toISOString() } },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  /** The answers kept apart for this registration; empty when there are none. */
  async answersOf(eventId: string, registrationId: string): Promise<Answers> {
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: toItem(keys.accreditation(eventId, registrationId)), ConsistentRead: true, ProjectionExpression: 'answers' }),
    );
    return Item?.answers ? (fromItem({ answers: Item.answers }).answers as Answers) : {};
  }

  /** The answers of several registrations (a page of the list), by registration id. */
  async answersOfMany(eventId: string, registrationIds: readonly string[]): Promise<Map<string, Answers>> {
    // A few reads at a time: an export of thousands must not fire thousands of requests at once.
    const found = new Map<string, Answers>();
    let next = 0;
    const reader = async () => {
      for (let index = next++; index < registrationIds.length; index = next++) {
        const answers = await this.answersOf(eventId, registrationIds[index]!);
        if (Object.keys(answers).length > 0) found.set(registrationIds[index]!, answers);
      }
    };
    await Promise.all(Array.from({ length: Math.min(16, registrationIds.length) }, reader));
    return found;
  }

  async putUpload(upload: CheckedUpload): Promise<void> {
    const { expiresAt, ...rest } = upload;
    await this.client.send(
      new PutItemCommand({ TableName: this.tableName, Item: toItem({ ...keys.upload(upload.eventId, upload.uploadId), type: 'upload', ...rest, [tableKeys.timeToLive]: expiresAt }) }),
    );
  }

  async upload(eventId: string, uploadId: string): Promise<CheckedUpload | undefined> {
    const { Item } = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: toItem(keys.upload(eventId, uploadId)), ConsistentRead: true }));
    if (!Item) return undefined;
    const plain = fromItem(Item) as Record<string, Plain>;
    return {
      eventId: String(plain.eventId),
      uploadId: String(plain.uploadId),
      field: String(plain.field),
      contentType: String(plain.contentType),
      size: Number(plain.size),
      width: typeof plain.width === 'number' ? plain.width : undefined,
      height: typeof plain.height === 'number' ? plain.height : undefined,
      checkedAt: String(plain.checkedAt),
      expiresAt: Number(plain[tableKeys.timeToLive]),
    };
  }

  async deleteUpload(eventId: string, uploadId: string): Promise<void> {
    await this.client.send(new DeleteItemCommand({ TableName: this.tableName, Key: toItem(keys.upload(eventId, uploadId)) }));
  }

  /** Deletes them at once (erasure); nothing to delete is not an error. */
  async delete(eventId: string, registrationId: string): Promise<void> {
    await this.client.send(new DeleteItemCommand({ TableName: this.tableName, Key: toItem(keys.accreditation(eventId, registrationId)) }));
  }

  /** Deletes every accreditation item of the event, the checked uploads' too (the sweep after the retention period); answers how many. */
  async deleteAllOf(eventId: string): Promise<number> {
    let deleted = 0;
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: '#partition = :partition',
          ExpressionAttributeNames: { '#partition': tableKeys.partitionKey, '#sort': tableKeys.sortKey },
          ExpressionAttributeValues: { ':partition': { S: keys.accreditationOfEvent(eventId) } },
          ProjectionExpression: '#partition, #sort',
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      for (const item of page.Items ?? []) {
        await this.client.send(new DeleteItemCommand({ TableName: this.tableName, Key: { pk: item.pk!, sk: item.sk! } }));
        deleted += 1;
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return deleted;
  }
}
