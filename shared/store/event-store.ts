import { ConditionalCheckFailedException, GetItemCommand, PutItemCommand, QueryCommand, type DynamoDBClient, type QueryCommandOutput } from '@aws-sdk/client-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { fromItem, toItem, type Plain } from './attributes.ts';
import { keys, tableKeys } from './table.ts';
import type { ConferenceEvent } from '../model/event-schema.ts';

/**
 * Events are data: stored as JSON on one item each, read with one GetItem per request. Every write
 * goes through eventSchema first (PUT /events, the seed), so reads trust the table and skip Zod,
 * which keeps it out of the read-only functions' bundles.
 */
function storedEvent(attribute: AttributeValue): ConferenceEvent {
  return fromItem({ event: attribute }).event as unknown as ConferenceEvent;
}

export class EventStore {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;

  constructor(client: DynamoDBClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async get(eventId: string): Promise<ConferenceEvent | undefined> {
    const { Item } = await this.client.send(
      // Consistent: the capacity read here bounds the seat counter's condition.
      new GetItemCommand({ TableName: this.tableName, Key: toItem(keys.event(eventId)), ConsistentRead: true }),
    );
    return Item?.event ? storedEvent(Item.event) : undefined;
  }

  /** Every event, by id: they share one partition of the table. */
  async list(): Promise<ConferenceEvent[]> {
    const events: ConferenceEvent[] = [];
    let startKey: QueryCommandOutput['LastEvaluatedKey'];
    do {
      const result = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: '#partition = :partition',
          ExpressionAttributeNames: { '#partition': tableKeys.partitionKey },
          ExpressionAttributeValues: { ':partition': { S: keys.eventListing() } },
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      for (const item of result.Items ?? []) if (item.event) events.push(storedEvent(item.event));
      startKey = result.LastEvaluatedKey;
    } while (startKey);
    return events;
  }

  async put(event: ConferenceEvent): Promise<void> {
    await this.client.send(new PutItemCommand({ TableName: this.tableName, Item: eventItem(event) }));
  }

  /** Writes the event only if it does not exist yet; false when it did. */
  async create(event: ConferenceEvent): Promise<boolean> {
    try {
      await this.client.send(
        new PutItemCommand({ TableName: this.tableName, Item: eventItem(event), ConditionExpression: 'attribute_not_exists(pk)' }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}

/**
 * The item an event is stored as. EventStore writes it, and so does the CDK stack's seed custom
 * resource (infra/seed.ts), so an event seeded on deploy is read exactly like one saved here.
 */
export function eventItem(event: ConferenceEvent) {
  return toItem({
    ...keys.event(event.id),
    type: 'event',
    event: event as unknown as Plain,
  });
}
