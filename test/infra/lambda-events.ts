// Lambda events as API Gateway (payload 2.0) and SNS deliver them, for invoking handlers directly.
import { randomUUID } from 'node:crypto';
import type { SNSEvent } from 'aws-lambda';

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
