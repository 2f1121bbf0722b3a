// The outbox index (byPendingMail): one partition, sort keys "<when due>#<which item>". Registrations'
// keys start with the time (a digit), delegation items' with "D#" (delegation-store.ts), so each store
// reads its own range of the same index with this one Query.
import { QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { keys, tableKeys } from './table.ts';

/** The sort keys of the outbox entries between `from` and `to` (both included), soonest first. */
export async function outboxEntries(client: DynamoDBClient, tableName: string, range: { from: string; to: string }, limit: number): Promise<string[]> {
  const { Items } = await client.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: tableKeys.outboxIndex,
      KeyConditionExpression: '#partition = :partition AND #sort BETWEEN :from AND :to',
      ExpressionAttributeNames: { '#partition': tableKeys.outboxPartitionKey, '#sort': tableKeys.outboxSortKey },
      ExpressionAttributeValues: { ':partition': { S: keys.outbox() }, ':from': { S: range.from }, ':to': { S: range.to } },
      Limit: limit,
    }),
  );
  return (Items ?? []).flatMap((item) => (item[tableKeys.outboxSortKey]?.S ? [item[tableKeys.outboxSortKey]!.S!] : []));
}
