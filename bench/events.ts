// API Gateway payload-2.0 events and a Lambda context, as the HTTP API sends them to the handlers.
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { HttpEvent } from '../shared/http.ts';

export interface EventSpec {
  method: string;
  path: string;
  routeKey: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
  claims?: Record<string, string>;
}

export function httpEvent(spec: EventSpec): HttpEvent {
  const now = Date.now();
  return {
    version: '2.0',
    routeKey: spec.routeKey,
    rawPath: spec.path,
    rawQueryString: new URLSearchParams(spec.query ?? {}).toString(),
    headers: { host: 'bench.local', ...spec.headers },
    ...(spec.query ? { queryStringParameters: spec.query } : {}),
    ...(spec.pathParameters ? { pathParameters: spec.pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'bench',
      domainName: 'bench.local',
      domainPrefix: 'bench',
      http: { method: spec.method, path: spec.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
      requestId: randomUUID(),
      routeKey: spec.routeKey,
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
      ...(spec.claims ? { authorizer: { jwt: { claims: spec.claims, scopes: null } } } : {}),
    },
    ...(spec.body !== undefined ? { body: spec.body } : {}),
    isBase64Encoded: false,
  } as HttpEvent;
}

export function lambdaContext(name: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `bench-${name}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:bench-${name}`,
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/bench-${name}`,
    logStreamName: 'bench',
    getRemainingTimeInMillis: () => 20_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export const eventId = 'osce-drugs-2017';

export function form(email: string): Record<string, unknown> {
  return {
    title: 'Dr',
    firstName: 'Anna',
    lastName: 'Berger',
    email,
    phone: '+43 1 514 36 0',
    category: 'participating_state',
    country: 'AT',
    organization: 'Federal Ministry of the Interior',
    position: 'Head of Unit',
    language: 'en',
    consents: { privacyNotice: true, participantList: true, photography: false },
  };
}

export const organizerClaims = () => ({ sub: randomUUID(), 'cognito:groups': '[organizers]', username: 'bench', token_use: 'access' });

export const requests = {
  getEvent: (): EventSpec => ({ method: 'GET', path: `/events/${eventId}`, routeKey: 'GET /events/{eventId}', pathParameters: { eventId } }),
  submit: (email: string): EventSpec => ({
    method: 'POST',
    path: `/events/${eventId}/registrations`,
    routeKey: 'POST /events/{eventId}/registrations',
    pathParameters: { eventId },
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(form(email)),
  }),
  confirm: (token: string): EventSpec => ({
    method: 'POST',
    path: '/registrations/confirm',
    routeKey: 'POST /registrations/confirm',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  }),
  confirmPage: (token: string): EventSpec => ({ method: 'GET', path: '/confirm', routeKey: 'GET /confirm', query: { token } }),
  list: (): EventSpec => ({
    method: 'GET',
    path: `/events/${eventId}/registrations`,
    routeKey: 'GET /events/{eventId}/registrations',
    pathParameters: { eventId },
    query: { limit: '50' },
    claims: organizerClaims(),
  }),
};
