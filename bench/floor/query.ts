// The floor for the organizer list: one Query on the byEvent index, no middy, no Zod, no shared code.
import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';

const client = new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region: process.env.AWS_REGION ?? 'eu-central-1' });

export const handler = async (event: { pathParameters?: Record<string, string>; queryStringParameters?: Record<string, string> }) => {
  const eventId = event.pathParameters?.eventId ?? 'osce-drugs-2017';
  const { Items } = await client.send(
    new QueryCommand({
      TableName: process.env.TABLE_NAME,
      IndexName: 'byEvent',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': { S: `EVENT#${eventId}#REGISTRATIONS` } },
      Limit: Number(event.queryStringParameters?.limit ?? 50),
    }),
  );
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: Items?.length ?? 0 }) };
};
