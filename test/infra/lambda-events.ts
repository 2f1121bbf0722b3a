// Lambda events as API Gateway (payload 2.0) and SNS deliver them, for invoking handlers directly.
import { randomUUID } from 'node:crypto';
import type { Context, SNSEvent } from 'aws-lambda';
import type { HttpEvent } from '../../shared/http.ts';

export interface HttpRequestSpec {
  method: string;
  path: string;
  routeKey: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
  claims?: Record<string, string>;
}

export function httpEvent(spec: HttpRequestSpec): HttpEvent {
  const query = spec.query ?? {};
  return {
    version: '2.0',
    routeKey: spec.routeKey,
    rawPath: spec.path,
    rawQueryString: new URLSearchParams(query).toString(),
    headers: { host: 'api.test', 'user-agent': 'artefact-test', ...spec.headers },
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(spec.pathParameters ? { pathParameters: spec.pathParameters } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.test',
      domainPrefix: 'api',
      http: { method: spec.method, path: spec.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'artefact-test' },
      requestId: randomUUID(),
      routeKey: spec.routeKey,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      ...(spec.claims ? { authorizer: { jwt: { claims: spec.claims, scopes: null } } } : {}),
    },
    ...(spec.body !== undefined ? { body: spec.body } : {}),
    isBase64Encoded: false,
  } as HttpEvent;
}

export function lambdaContext(functionName: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-central-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'test',
    getRemainingTimeInMillis: () => 15_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

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
