// Shared pieces of the hostile-input tests: one fixed fast-check seed (CI reruns see the same inputs),
// the error-shape check every 4xx must pass, and generators of hostile strings, bodies and headers.
import { validForm } from '../support/fixtures.ts';
import fc from 'fast-check';
import { expect } from 'vitest';
import { registrationInputSchema } from '#shared/model/registration-schema.ts';
import type { TestApi } from '../support/local-api.ts';
import { errorCodes } from '#shared/model/errors.ts';
import { registrationViewSchema } from '#shared/http/contract.ts';

/** Override with FUZZ_SEED=<n> to explore; the default keeps CI deterministic. */
export const fuzzSeed = Number(process.env.FUZZ_SEED ?? 20170710);
fc.configureGlobal({ seed: fuzzSeed, endOnFailure: true });

export interface Answer {
  status: number;
  contentType: string;
  body: string;
}

export async function answerOf(response: Response): Promise<Answer> {
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
}

/**
 * Never a 5xx; a JSON 4xx is exactly `{"error":{"code","message"[,"issues"]}}` with a known code. Pages
 * (text/html) answer refused form posts and links with a page instead, which is allowed.
 */
export function assertWellFormed(answer: Answer, label: string): void {
  expect(answer.status, `${label}: ${answer.body.slice(0, 300)}`).toBeLessThan(500);
  if (answer.status < 400) return;
  if (answer.contentType.startsWith('text/html')) return;
  expect(answer.contentType, label).toMatch(/^application\/json/);
  const body = JSON.parse(answer.body) as { error?: Record<string, unknown> };
  expect(Object.keys(body), label).toEqual(['error']);
  expect(errorCodes, `${label}: ${answer.body.slice(0, 300)}`).toContain(body.error?.code);
  expect(typeof body.error?.message, label).toBe('string');
  expect(Object.keys(body.error!).every((key) => ['code', 'message', 'issues'].includes(key)), label).toBe(true);
}

// ---------------------------------------------------------------- generators
const printable = fc.mapToConstant({ num: 95, build: (v) => String.fromCharCode(0x20 + v) });
/** Header values fetch will send: printable ASCII (undici refuses CR, LF and NUL itself). */
export const headerValue = fc.oneof(fc.string({ unit: printable, maxLength: 200 }), fc.constantFrom('', ' ', 'null', '%00', '\\u0000', '*/*', 'a'.repeat(4000)));

const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\r\n',
  '\u2028',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '=cmd|\' /C calc\'!A0',
  '../../etc/passwd',
  '%00',
  '${7*7}',
  '{{7*7}}',
  'null',
  'true',
  '-1',
  '1e400',
  '\uD800',
  '\uFFFF',
  'A'.repeat(513),
  'é'.repeat(300),
  '🦄'.repeat(120),
  'osce-drugs-2017',
  'OSCE-DRUGS-2017',
);
export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 3, arbitrary: nasty },
  { weight: 1, arbitrary: fc.string({ minLength: 1000, maxLength: 3000 }) },
);
/** Path segments, percent-encoded as a client would, including ones far beyond DynamoDB's key limits. */
export const pathSegment = fc.oneof(
  hostileString.filter((value) => value.length > 0).map((value) => encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, 'x'))),
  fc.constantFrom('%', '%E0%A4%A', '%ZZ', '..', '.', 'osce-drugs-2017', '%2F', 'a'.repeat(1100), '01ARZ3NDEKTSV4RRFFQ69G5FAV'),
);

export const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);

/** A complete, valid form for this address (the shared fixture, with the address fixed). */
export function validFormFor(email: string): Record<string, unknown> {
  return validForm({ email });
}

const formFields = [...Object.keys(validFormFor('x@example.org')), 'website', 'dietaryRequirements', 'accessibilityNeeds', '__proto__', 'constructor', 'unknown'];

/** A valid form with some fields replaced, removed or added: most inputs land near the boundary. */
export function mutatedForm(email: fc.Arbitrary<string>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(email, fc.array(fc.tuple(fc.constantFrom(...formFields), fc.option(jsonValue, { nil: undefined })), { maxLength: 4 }))
    .map(([address, changes]) => {
      const form: Record<string, unknown> = validFormFor(address);
      for (const [field, value] of changes) {
        if (value === undefined) delete form[field];
        else Object.defineProperty(form, field, { value, enumerable: true, writable: true, configurable: true });
      }
      return form;
    });
}

/** A body as bytes on the wire: JSON of anything, broken JSON, forms, raw bytes. */
export function hostileBody(json: fc.Arbitrary<unknown>): fc.Arbitrary<string | Blob> {
  return fc.oneof(
    { weight: 4, arbitrary: json.map((value) => JSON.stringify(value) ?? 'undefined') },
    { weight: 1, arbitrary: fc.json({ maxDepth: 4 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => new Blob([Uint8Array.from(bytes)])) },
    { weight: 1, arbitrary: fc.constantFrom('{', '{"token":', '[]', 'null', '""', '{"a":1,"a":2}', '\uFEFF{}', 'token=abc&lang=xx', '{"__proto__":{"polluted":true}}') },
  );
}

export const contentType = fc.oneof(
  { weight: 5, arbitrary: fc.constant('application/json') },
  { weight: 2, arbitrary: fc.constantFrom('application/x-www-form-urlencoded', 'text/plain', 'application/json; charset=latin1', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'multipart/form-data; boundary=x', 'application/vnd.api+json', '') },
  { weight: 1, arbitrary: headerValue },
);

export const extraHeaders = fc.dictionary(
  fc.constantFrom('accept', 'accept-language', 'authorization', 'x-forwarded-for', 'origin', 'cookie', 'x-amzn-trace-id', 'if-none-match', 'range', 'content-encoding'),
  headerValue,
  { maxKeys: 4 },
);

export const queryString = fc.oneof(
  fc.dictionary(fc.constantFrom('token', 'limit', 'cursor', 'status', 'category', 'country', 'lang', 'x', 'token[]'), hostileString, { maxKeys: 4 }).map((entries) =>
    new URLSearchParams(Object.entries(entries).map(([key, value]) => [key, value.replace(/[\uD800-\uDFFF]/g, 'x')])).toString(),
  ),
  fc.constantFrom('token=%E0%A4%A', 'limit=0', 'limit=101', 'limit=1e2', 'limit=-1', 'limit=%00', 'token=a&token=b', 'cursor=', '%%%', '&&&=', 'status=confirmed&status=pending_confirmation'),
);

// ---------------------------------------------------------------- stored data
export async function listAll(api: TestApi, eventId: string): Promise<Record<string, unknown>[]> {
  const token = await api.organizerToken();
  const items: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const response = await api.request(`/events/${eventId}/registrations?limit=100${query}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { items: Record<string, unknown>[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

const formKeys = ['title', 'firstName', 'lastName', 'email', 'phone', 'category', 'country', 'organization', 'position', 'language', 'arrivalDate', 'departureDate', 'dietaryRequirements', 'accessibilityNeeds', 'consents'];

/** Every stored registration passes the view schema, and its form fields pass the input schema again. */
export function assertValidRegistration(item: Record<string, unknown>): void {
  const view = registrationViewSchema.safeParse(item);
  expect(view.success, `${JSON.stringify(item).slice(0, 400)} ${view.error?.message ?? ''}`).toBe(true);
  const form = Object.fromEntries(formKeys.filter((key) => item[key] !== undefined).map((key) => [key, item[key]]));
  const input = registrationInputSchema.safeParse(form);
  expect(input.success, `${JSON.stringify(form).slice(0, 400)} ${input.error?.message ?? ''}`).toBe(true);
}
