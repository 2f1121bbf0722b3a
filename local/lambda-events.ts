// API Gateway payload-2.0 events and a Lambda context, built from a short description: for invoking
// handler modules (or their bundles) directly, as the tests of the deploy artefact and the benchmarks do.
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { HttpEvent } from '#shared/http/request.ts';

export interface HttpRequestSpec {
  method: string;
  path: string;
  routeKey: string;
  pathParameters?: Record<string, string> | undefined;
  /** Query parameters as API Gateway passes them: a repeated name's values joined by commas. */
  query?: Record<string, string>;
  /** The query string as sent; built from `query` when absent. */
  rawQueryString?: string;
  headers?: Record<string, string>;
  cookies?: string[];
  body?: string | undefined;
  isBase64Encoded?: boolean;
  sourceIp?: string;
  protocol?: string;
  /** The JWT claims, as the HTTP API authorizer hands them over (every value a string). */
  claims?: Record<string, string> | undefined;
}

/** The payload-2.0 event, as API Gateway builds it; the local gateway, the artefact test and the bench all use this one. */
export function httpEvent(spec: HttpRequestSpec): HttpEvent {
  const query = spec.query ?? {};
  const headers = { host: 'api.local', 'user-agent': 'direct-invoke', ...spec.headers };
  const now = Date.now();
  return {
    version: '2.0',
    routeKey: spec.routeKey,
    rawPath: spec.path,
    rawQueryString: spec.rawQueryString ?? new URLSearchParams(query).toString(),
    ...(spec.cookies && spec.cookies.length > 0 ? { cookies: spec.cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(spec.pathParameters ? { pathParameters: spec.pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host,
      domainPrefix: headers.host.split('.')[0] ?? headers.host,
      http: {
        method: spec.method,
        path: spec.path,
        protocol: spec.protocol ?? 'HTTP/1.1',
        sourceIp: spec.sourceIp ?? '127.0.0.1',
        userAgent: headers['user-agent'],
      },
      requestId: randomUUID(),
      routeKey: spec.routeKey,
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
      ...(spec.claims ? { authorizer: { jwt: { claims: spec.claims, scopes: null } } } : {}),
    },
    ...(spec.body !== undefined ? { body: spec.body } : {}),
    isBase64Encoded: spec.isBase64Encoded ?? false,
  } as HttpEvent;
}

/** A Lambda context whose deadline is `timeoutMs` away, as middy's early-timeout reads it. */
export function lambdaContext(functionName: string, timeoutMs = 29_000): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
