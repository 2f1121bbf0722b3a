// The floor for handlers that write and send mail (submit, confirm): one PutItem and one SES SendEmail,
// no middy, no Zod, no shared code. Both SDK clients are bundled, as in the real handlers.
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';

const region = process.env.AWS_REGION ?? 'eu-central-1';
const dynamo = new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region });
const ses = new SESClient({ endpoint: process.env.SES_ENDPOINT, region });

export const handler = async (event: { body?: string; requestContext?: { requestId?: string } }) => {
  const id = event.requestContext?.requestId ?? String(Date.now());
  await dynamo.send(
    new PutItemCommand({ TableName: process.env.TABLE_NAME, Item: { pk: { S: `FLOOR#${id}` }, sk: { S: 'FLOOR' }, body: { S: event.body ?? '' } } }),
  );
  await ses.send(
    new SendEmailCommand({
      Source: process.env.SENDER_ADDRESS ?? 'registration@osce.local',
      Destination: { ToAddresses: ['floor@example.org'] },
      Message: { Subject: { Data: 'floor' }, Body: { Text: { Data: id } } },
    }),
  );
  return { statusCode: 202, headers: { 'content-type': 'application/json' }, body: '{"status":"pending_confirmation"}' };
};
