import {
  ConditionalCheckFailedException,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { CounterChange, Counters } from '../model/seats.ts';
import { fromItem, toItem } from './attributes.ts';
import { keys } from './table.ts';

const countPrefix = 'n#';
// Refusals DynamoDB documents as not applied, so retrying cannot count twice.
const notApplied = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']);

/**
 * One item per event with its seat and waiting-list counters and the registration counts by status,
 * category and country. Each change is one atomic UpdateItem, so concurrent requests never lose an
 * increment, and the capacity check and the increment are the same operation.
 *
 * ADD is not idempotent: an SDK retry of an update whose answer was lost would count it twice. So the
 * client given here must not retry (maxAttempts 1); apply() itself retries only the refusals that
 * DynamoDB guarantees were not applied (throttling). Any other failure is thrown and the caller's
 * request fails; whether it was counted is then unknown, which reconcile settles.
 */
export class CountersStore {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;

  constructor(client: DynamoDBClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async get(eventId: string): Promise<Counters> {
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: toItem(keys.counters(eventId)), ConsistentRead: true }),
    );
    return toCounters(Item);
  }

  /**
   * Applies the change atomically. With `capacity`, a change that takes seats only happens while
   * seatsTaken stays within it; returns undefined when the event is full.
   */
  async apply(
    eventId: string,
    change: CounterChange,
    capacity?: number,
    options: { queueFirst?: boolean } = {},
  ): Promise<Counters | undefined> {
    const names: Record<string, string> = {};
    const values: Record<string, AttributeValue> = {};
    const additions: string[] = [];
    const add = (attribute: string, amount: number | undefined) => {
      if (!amount) return;
      const index = additions.length;
      names[`#a${index}`] = attribute;
      values[`:a${index}`] = { N: String(amount) };
      additions.push(`#a${index} :a${index}`);
    };
    add('seatsTaken', change.seats);
    add('waitlistIssued', change.waitlistIssued);
    add('waitlistDeparted', change.waitlistDeparted);
    add('waiting', (change.waitlistIssued ?? 0) - (change.waitlistDeparted ?? 0));
    for (const [name, amount] of Object.entries(change.counts ?? {})) add(`${countPrefix}${name}`, amount);
    if (additions.length === 0) return this.get(eventId);

    const conditions: string[] = [];
    if (capacity !== undefined && (change.seats ?? 0) > 0) {
      names['#seats'] = 'seatsTaken';
      values[':room'] = { N: String(capacity - (change.seats ?? 0)) };
      conditions.push('(attribute_not_exists(#seats) OR #seats <= :room)');
    }
    // A newcomer may take a seat only when nobody is waiting for one: the queue goes first.
    if (options.queueFirst && (change.seats ?? 0) > 0) {
      names['#waiting'] = 'waiting';
      values[':nobody'] = { N: '0' };
      conditions.push('(attribute_not_exists(#waiting) OR #waiting <= :nobody)');
    }
    const command = new UpdateItemCommand({
      TableName: this.tableName,
      Key: toItem(keys.counters(eventId)),
      UpdateExpression: `ADD ${additions.join(', ')}`,
      ...(conditions.length > 0 ? { ConditionExpression: conditions.join(' AND ') } : {}),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ReturnValues: 'ALL_NEW',
    });
    for (let attempt = 1; ; attempt++) {
      try {
        const { Attributes } = await this.client.send(command);
        return toCounters(Attributes);
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return undefined;
        if (!notApplied.has((error as Error).name) || attempt >= 4) throw error;
        await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt * Math.random()));
      }
    }
  }

  /** Overwrites the counters with a recount (see reconcileEvent). */
  async replace(eventId: string, counters: Counters): Promise<void> {
    const counts = Object.fromEntries(Object.entries(counters.counts).map(([name, value]) => [`${countPrefix}${name}`, value]));
    await this.client.send(
      new PutItemCommand({
        TableName: this.tableName,
        Item: toItem({
          ...keys.counters(eventId),
          type: 'counters',
          seatsTaken: counters.seatsTaken,
          waitlistIssued: counters.waitlistIssued,
          waitlistDeparted: counters.waitlistDeparted,
          waiting: counters.waitlistIssued - counters.waitlistDeparted,
          ...counts,
        }),
      }),
    );
  }
}

function toCounters(item: Record<string, AttributeValue> | undefined): Counters {
  const record = item ? fromItem(item) : {};
  const counts: Record<string, number> = {};
  for (const [name, value] of Object.entries(record)) {
    if (name.startsWith(countPrefix) && typeof value === 'number' && value !== 0) counts[name.slice(countPrefix.length)] = value;
  }
  return {
    seatsTaken: typeof record.seatsTaken === 'number' ? record.seatsTaken : 0,
    waitlistIssued: typeof record.waitlistIssued === 'number' ? record.waitlistIssued : 0,
    waitlistDeparted: typeof record.waitlistDeparted === 'number' ? record.waitlistDeparted : 0,
    waiting: typeof record.waiting === 'number' ? record.waiting : 0,
    counts,
  };
}
