// The middy middlewares every route shares: security headers, the access log, and the one error
// mapper, which answers JSON clients in the API's error shape and browsers' form posts with a page.
import type { MiddlewareObj, Request } from '@middy/core';
import type { Context } from 'aws-lambda';
import { ApiError } from '../model/errors.ts';
import { describeError, type Logger } from '../platform/log.ts';
import type { HttpEvent } from './request.ts';
import { apiContentSecurityPolicy, errorResult, html, type HttpResult } from './responses.ts';

type HttpRequest = Request<HttpEvent, HttpResult, Error, Context>;

const baseHeaders: Record<string, string> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
};

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

/** Every error as the API tells it: ApiErrors as they are, outages as 503, the rest as 500 (a bug, logged). */
export function toApiError(error: unknown, log: Logger): ApiError {
  if (error instanceof ApiError) return error;
  if (isDependencyUnavailable(error)) {
    log.warn('dependency_unavailable', describeError(error));
    return new ApiError(503, 'service_unavailable', 'The service is temporarily unavailable. Please try again shortly.', {
      headers: { 'retry-after': '5' },
    });
  }
  log.error('unhandled_error', describeError(error));
  return new ApiError(500, 'internal_error', 'Something went wrong on our side.');
}

/** Renders an error as a page for the requests that came from one (a form post, a link), or declines. */
export type ErrorPage = (event: HttpEvent, error: ApiError) => string | undefined;

export function errorResponses(log: Logger, errorPage?: ErrorPage): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    onError: (request) => {
      const error = toApiError(request.error, log);
      const page = errorPage?.(request.event, error);
      request.response = page === undefined ? errorResult(error) : html(error.statusCode, page, error.headers);
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
