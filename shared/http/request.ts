// Reading a request: headers, and a body checked for media type, size and encoding before it is parsed.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ApiError, fieldIssue, validationFailed } from '../model/errors.ts';

export type HttpEvent = APIGatewayProxyEventV2 & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims?: Record<string, string | number | boolean | string[]>; scopes?: string[] | null } };
  };
};

export const maxBodyBytes = 32 * 1024;
/** An event with its form in six languages needs more room; it stays far below DynamoDB's 400 KB item. */
export const maxEventBodyBytes = 256 * 1024;

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

export type ParsedBody = { kind: 'json'; value: unknown } | { kind: 'form'; value: Record<string, string> };

/** Whether the body is a browser's form post (pages answer those with pages). */
export function isFormPost(event: HttpEvent): boolean {
  return mediaType(event).type === 'application/x-www-form-urlencoded';
}

/**
 * Checks media type, size and encoding of the body, and parses it: JSON into a value, a form post into
 * a plain object of strings. API Gateway base64-encodes bodies it does not consider text, so both arrive.
 */
export function readBody(event: HttpEvent, accepted: readonly BodyKind[], limit = maxBodyBytes): ParsedBody {
  const { type, charset } = mediaType(event);
  const kind: BodyKind | undefined =
    type === 'application/json' ? 'json' : type === 'application/x-www-form-urlencoded' ? 'form' : undefined;
  if (!kind || !accepted.includes(kind) || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')) {
    const expected = accepted.map((k) => (k === 'json' ? 'application/json' : 'application/x-www-form-urlencoded')).join(' or ');
    throw new ApiError(415, 'unsupported_media_type', `Send the body as ${expected} (UTF-8).`);
  }
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > limit) {
    throw new ApiError(413, 'payload_too_large', `The body must not exceed ${limit} bytes.`);
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
    throw validationFailed([fieldIssue('', 'Expected an object', 'invalid_type')], 'The body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

/** A JSON object body (the routes that take JSON only). */
export function readJsonObject(event: HttpEvent, limit = maxBodyBytes): Record<string, unknown> {
  return requireJsonObject(readBody(event, ['json'], limit).value);
}

/**
 * The revision a conditional request names in If-Match (an entity tag, "5f0c2a91d3e47b86"), as the
 * list gives it in each registration's `revision` and decisions in their ETag. A decision must name
 * one: 428 when it does not.
 */
export function requiredIfMatch(event: HttpEvent): string {
  const value = header(event, 'if-match')?.trim();
  if (!value) throw new ApiError(428, 'precondition_required', 'Send If-Match with the revision of the registration you looked at (its "revision" field).');
  const match = /^(?:W\/)?"?([A-Za-z0-9_-]{1,64})"?$/.exec(value);
  if (!match) throw validationFailed([fieldIssue('If-Match', 'Must be the registration\'s revision, such as "5f0c2a91d3e47b86"', 'invalid_format')]);
  return match[1]!;
}
