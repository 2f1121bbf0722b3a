// Lambda events as API Gateway (payload 2.0) and SNS deliver them, for invoking handlers directly.
import { randomUUID } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent, SNSEvent } from 'aws-lambda';

export { httpEvent, lambdaContext, type HttpRequestSpec } from '../../local/lambda-events.ts';

/** An SNS delivery of one SES event, as the configuration set's event destination publishes it. */
export function snsEvent(message: unknown): SNSEvent {
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: 'arn:aws:sns:eu-central-1:123456789012:feedback:sub',
        Sns: {
          Type: 'Notification',
          MessageId: randomUUID(),
          TopicArn: 'arn:aws:sns:eu-central-1:123456789012:feedback',
          Subject: null as unknown as string,
          Message: JSON.stringify(message),
          Timestamp: new Date().toISOString(),
          SignatureVersion: '1',
          Signature: 'test',
          SigningCertUrl: 'https://sns.test/cert.pem',
          UnsubscribeUrl: 'https://sns.test/unsubscribe',
          MessageAttributes: {},
        },
      },
    ],
  };
}

/** The SES event JSON of a bounce or complaint for mail tagged with the event id. */
export function sesFeedback(kind: 'Bounce' | 'Complaint', eventId: string, address: string, bounceType = 'Permanent'): Record<string, unknown> {
  const mail = {
    timestamp: new Date().toISOString(),
    source: 'registration@osce.org',
    messageId: randomUUID(),
    destination: [address],
    tags: { eventId: [eventId], mail: ['confirmation_request'], 'ses:configuration-set': ['feedback'] },
  };
  return kind === 'Bounce'
    ? { eventType: 'Bounce', mail, bounce: { bounceType, bounceSubType: 'General', bouncedRecipients: [{ emailAddress: address, status: '5.1.1' }] } }
    : { eventType: 'Complaint', mail, complaint: { complainedRecipients: [{ emailAddress: address }], complaintFeedbackType: 'abuse' } };
}

/** A batch of the table's stream with one item written, as Lambda hands it to the mail worker. */
export function streamEvent(newImage: Record<string, AttributeValue>): DynamoDBStreamEvent {
  return {
    Records: [
      {
        eventID: randomUUID(),
        eventName: 'MODIFY',
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: 'eu-central-1',
        dynamodb: { Keys: { pk: newImage.pk!, sk: newImage.sk! } as never, NewImage: newImage as never, StreamViewType: 'NEW_IMAGE', SequenceNumber: '1', SizeBytes: 1 },
        eventSourceARN: 'arn:aws:dynamodb:eu-central-1:123456789012:table/registrations/stream/2026-12-01T00:00:00.000',
      },
    ],
  };
}
