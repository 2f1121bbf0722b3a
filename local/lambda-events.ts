// API Gateway payload-2.0 events and a Lambda context, built from a short description: for invoking
// handler modules (or their bundles) directly, as the tests of the deploy artefact and the benchmarks do.
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { HttpEvent } from '#shared/http.ts';

export interface HttpRequestSpec {
  method: string;
  path: string;
  routeKey: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
  /** The JWT claims, as the HTTP API authorizer hands them over (every value a string). */
  claims?: Record<string, string>;
}

export function httpEvent(spec: HttpRequestSpec): HttpEvent {
  const query = spec.query ?? {};
  const now = Date.now();
  return {
    version: '2.0',
    routeKey: spec.routeKey,
    rawPath: spec.path,
    rawQueryString: new URLSearchParams(query).toString(),
    headers: { host: 'api.local', 'user-agent': 'direct-invoke', ...spec.headers },
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(spec.pathParameters ? { pathParameters: spec.pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: 'api.local',
      domainPrefix: 'api',
      http: { method: spec.method, path: spec.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'direct-invoke' },
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
