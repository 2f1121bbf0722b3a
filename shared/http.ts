// The HTTP edge shared by every handler: middy middlewares for bodies, errors, headers and access logs,
// and the response shapes. Handlers stay thin: parse, call one domain function, answer.
import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { ApiError } from './errors.ts';
import { describeError, type Logger } from './log.ts';

export type HttpEvent = APIGatewayProxyEventV2 & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims?: Record<string, string | number | boolean | string[]>; scopes?: string[] | null } };
  };
};
export type HttpResult = APIGatewayProxyStructuredResultV2 & { statusCode: number; headers: Record<string, string> };
type HttpRequest = Request<HttpEvent, HttpResult, Error, Context>;

export const maxBodyBytes = 32 * 1024;

const baseHeaders: Record<string, string> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
};
const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
export const pageContentSecurityPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

export function html(statusCode: number, body: string, headers: Record<string, string> = {}): HttpResult {
  return {
    statusCode,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': pageContentSecurityPolicy, ...headers },
    body,
  };
}

export function errorResult(error: ApiError): HttpResult {
  return json(error.statusCode, error.toBody(), error.headers);
}

/** Adds the security headers to every answer, error answers included (so it must wrap errorResponses). */
export function securityHeaders(): MiddlewareObj<HttpEvent, HttpResult> {
  const apply = (request: HttpRequest) => {
    if (!request.response) return;
    const headers = { ...baseHeaders, ...request.response.headers };
    headers['content-security-policy'] ??= apiContentSecurityPolicy;
    request.response = { ...request.response, headers };
  };
  return { after: apply, onError: apply };
}

const unavailableErrors = new Set([
  'TimeoutError',
  'RequestTimeout',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'ServiceUnavailable',
  'InternalServerError',
  'InternalFailure',
]);
const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** A failure of a service we depend on, which the client may retry, as opposed to a bug. */
export function isDependencyUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return unavailableErrors.has(error.name) || (code !== undefined && unavailableCodes.has(code)) || (status !== undefined && status >= 500);
}

/** Turns every error into the API's error shape: ApiErrors as they are, outages as 503, the rest as 500. */
export function errorResponses(log: Logger): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    onError: (request) => {
      const { error } = request;
      if (error instanceof ApiError) {
        request.response = errorResult(error);
        return;
      }
      if (isDependencyUnavailable(error)) {
        log.warn('dependency_unavailable', describeError(error));
        request.response = errorResult(
          new ApiError(503, 'service_unavailable', 'The service is temporarily unavailable. Please try again shortly.', {
            headers: { 'retry-after': '5' },
          }),
        );
        return;
      }
      log.error('unhandled_error', describeError(error));
      request.response = json(500, { error: { code: 'internal_error', message: 'Something went wrong on our side.' } });
    },
  };
}

/** One line per request: route, status and duration. No path values, query strings or bodies. */
export function accessLog(log: Logger): MiddlewareObj<HttpEvent, HttpResult> {
  const started = new WeakMap<object, number>();
  const write = (request: HttpRequest) => {
    log.info('request', {
      route: request.event.routeKey,
      status: request.response?.statusCode,
      durationMs: Math.round(performance.now() - (started.get(request) ?? performance.now())),
      requestId: request.event.requestContext?.requestId,
    });
  };
  return {
    before: (request) => {
      started.set(request, performance.now());
    },
    after: write,
    onError: write,
  };
}

export function header(event: HttpEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

type BodyKind = 'json' | 'form';

function mediaType(event: HttpEvent): { type: string; charset: string | undefined } {
  const [type = '', ...params] = (header(event, 'content-type') ?? '').split(';');
  const charset = params
    .map((param) => param.trim().toLowerCase())
    .find((param) => param.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  return { type: type.trim().toLowerCase(), charset };
}

export interface ParsedBody {
  kind: BodyKind;
  value: unknown;
}

/**
 * Checks media type, size and encoding of the body, and parses it: JSON into a value, a form post into
 * a plain object of strings. API Gateway base64-encodes bodies it does not consider text, so both arrive.
 */
export function readBody(event: HttpEvent, accepted: readonly BodyKind[]): ParsedBody {
  const { type, charset } = mediaType(event);
  const kind: BodyKind | undefined =
    type === 'application/json' ? 'json' : type === 'application/x-www-form-urlencoded' ? 'form' : undefined;
  if (!kind || !accepted.includes(kind) || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')) {
    const expected = accepted.map((k) => (k === 'json' ? 'application/json' : 'application/x-www-form-urlencoded')).join(' or ');
    throw new ApiError(415, 'unsupported_media_type', `Send the body as ${expected} (UTF-8).`);
  }
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > maxBodyBytes) {
    throw new ApiError(413, 'payload_too_large', `The body must not exceed ${maxBodyBytes} bytes.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not valid UTF-8.');
  }
  if (kind === 'form') return { kind, value: Object.fromEntries(new URLSearchParams(text)) };
  try {
    return { kind, value: JSON.parse(text) };
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not valid JSON.');
  }
}

export function requireJsonObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError(400, 'validation_failed', 'The body must be a JSON object.', {
      issues: [{ path: '', message: 'Expected an object', code: 'invalid_type' }],
    });
  }
  return value as Record<string, unknown>;
}
