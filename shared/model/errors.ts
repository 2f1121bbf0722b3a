// The errors a client is told about, in the API's one error shape.
import type * as z from 'zod/mini';
import type { RegistrationStatus } from './lifecycle.ts';

export const errorCodes = [
  'invalid_json',
  'validation_failed',
  'event_not_found',
  'registration_closed',
  'payload_too_large',
  'unsupported_media_type',
  'invalid_token',
  'token_expired',
  'invalid_cursor',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'invalid_transition',
  'precondition_failed',
  'precondition_required',
  'unknown_entity',
  'entity_exists',
  'nominations_closed',
  'quota_exceeded',
  'already_nominated',
  'visa_letter_not_requested',
  'too_many_requests',
  'service_unavailable',
  'upload_not_found',
  'file_refused',
  'internal_error',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ApiIssue {
  path: string;
  message: string;
  code: string;
}

/** An error the client caused or must be told about: it always becomes a 4xx (or a 503), never a 500. */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: ErrorCode;
  readonly issues: ApiIssue[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    statusCode: number,
    code: ErrorCode,
    message: string,
    options: { issues?: ApiIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.code = code;
    this.issues = options.issues;
    this.headers = options.headers ?? {};
  }

  toBody() {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
  }
}

/** The one builder of validation errors: one issue per offending field, paths dotted. */
export function validationFailed(issues: ApiIssue[], message = 'The request has invalid fields.'): ApiError {
  return new ApiError(400, 'validation_failed', message, { issues });
}

export function fieldIssue(path: string, message: string, code = 'invalid_value'): ApiIssue {
  return { path, message, code };
}

/** A link of an unconfirmed registration whose time ran out: the registration is gone with it. */
export function tokenExpired(): ApiError {
  return new ApiError(410, 'token_expired', 'This link has expired. Please register again to receive a new one.');
}

/** A decision about a version of the registration that is no longer the current one. */
export function staleRevision(current: string): ApiError {
  return new ApiError(412, 'precondition_failed', 'The registration has changed since you looked at it. Look at it again, then decide.', {
    headers: { etag: etagOf(current) },
  });
}

export function etagOf(revision: string): string {
  return `"${revision}"`;
}

export function busy(): ApiError {
  return new ApiError(503, 'service_unavailable', 'Too many simultaneous changes. Please try again.', {
    headers: { 'retry-after': '1' },
  });
}

export function invalidTransition(status: RegistrationStatus | 'erased', action: string): ApiError {
  return new ApiError(409, 'invalid_transition', `A registration that is ${status.replace(/_/g, ' ')} cannot be ${action}.`);
}

/** Flattens Zod issues into the API's `{path, message, code}` form, one entry per offending key. */
export function toApiIssues(error: z.core.$ZodError, prefix: readonly (string | number)[] = []): ApiIssue[] {
  return error.issues.flatMap((issue) => {
    const base = [...prefix, ...issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment))];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...base, key].join('.'),
        message: 'Unknown field',
        code: 'unrecognized_key',
      }));
    }
    // A field the schema types as never is one that exists but may not be sent (the address in a
    // correction): say so in the code, not as a type mismatch.
    if (issue.code === 'invalid_type' && issue.expected === 'never') return [{ path: base.join('.'), message: issue.message, code: 'not_changeable' }];
    // A rule of the event's form names its own code (not_asked: a question the form does not ask).
    if (issue.code === 'custom' && typeof issue.params?.code === 'string') return [{ path: base.join('.'), message: issue.message, code: issue.params.code }];
    return [{ path: base.join('.'), message: issue.message, code: issue.code }];
  });
}

export function parseOrThrow<Schema extends z.ZodMiniType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationFailed(toApiIssues(result.error));
  return result.data;
}
