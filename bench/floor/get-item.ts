// The floor for handlers that read one item: one GetItem, no middy, no Zod, no shared code.
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

const client = new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region: process.env.AWS_REGION ?? 'eu-central-1' });

export const handler = async (event: { pathParameters?: Record<string, string> }) => {
  const eventId = event.pathParameters?.eventId ?? 'osce-drugs-2017';
  const { Item } = await client.send(
    new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { pk: { S: 'EVENTS' }, sk: { S: `EVENT#${eventId}` } } }),
  );
  return {
    statusCode: Item ? 200 : 404,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(Item ? { id: eventId } : { error: { code: 'event_not_found', message: 'There is no such event.' } }),
  };
};
