// Reading a few items of the table in one consistent call, as the submission path does to cost the
// same whatever it finds.
import { BatchGetItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

type Item = Record<string, AttributeValue>;

/**
 * The items found among `keys` (at most 100), read consistently. BatchGetItem may hand keys back
 * unprocessed under load: those are asked for again, a few times, before giving up.
 */
export async function batchGetConsistent(client: DynamoDBClient, tableName: string, keys: Item[], attributes?: readonly string[]): Promise<Item[]> {
  const projection = attributes
    ? { ProjectionExpression: attributes.map((_, index) => `#a${index}`).join(', '), ExpressionAttributeNames: Object.fromEntries(attributes.map((name, index) => [`#a${index}`, name])) }
    : {};
  const found: Item[] = [];
  let pending = keys;
  for (let round = 0; pending.length > 0; round++) {
    if (round > 5) throw new Error('DynamoDB left keys of a BatchGetItem unprocessed');
    const { Responses, UnprocessedKeys } = await client.send(new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true, ...projection } } }));
    found.push(...(Responses?.[tableName] ?? []));
    pending = UnprocessedKeys?.[tableName]?.Keys ?? [];
  }
  return found;
}
