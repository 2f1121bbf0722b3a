// Hostile payloads that are not random: bodies at and beyond the 32 KiB limit, deeply nested JSON,
// invalid UTF-8, huge and numerous headers, path values beyond DynamoDB's key limits, and tampered
// cursors and link tokens (a bit flipped in each of their parts).
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEvent } from '#shared/model/seed-event.ts';
import { register, registerAndConfirm } from '../support/journeys.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { answerOf, assertWellFormed, listAll, validFormFor } from './support.ts';
import { uniqueEmail } from '../support/fixtures.ts';

const eventId = seedEvent.id;
const submitPath = `/events/${eventId}/registrations`;
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

function errorCode(body: string): string | undefined {
  return (JSON.parse(body) as { error?: { code?: string } }).error?.code;
}

/** Flips one bit of the character at `index` and keeps the result in the token's alphabet where possible. */
function flip(value: string, index: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const current = value[index]!;
  const position = alphabet.indexOf(current);
  const replacement = position >= 0 ? alphabet[position ^ 1]! : String.fromCharCode(current.charCodeAt(0) ^ 1);
  return value.slice(0, index) + replacement + value.slice(index + 1);
}

/** Raw HTTP, for what fetch refuses to send (oversized headers) or would fix up. */
function rawRequest(path: string, headers: Record<string, string>, body?: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${api.baseUrl}${path}`, { method: body ? 'POST' : 'GET', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('oversized and deeply nested JSON', () => {
  it('answers 413 payload_too_large one byte over 32 KiB, and handles a body exactly at the limit', async () => {
    // Prepare
    const form = validFormFor(uniqueEmail());
    const base = JSON.stringify({ ...form, dietaryRequirements: '' });
    const atLimit = base.replace('"dietaryRequirements":""', `"dietaryRequirements":"${' '.repeat(32 * 1024 - base.length)}"`);
    const overLimit = atLimit.replace('"dietaryRequirements":"', '"dietaryRequirements":" ');

    // Act
    const at = await answerOf(await api.postJson(submitPath, atLimit));
    const over = await answerOf(await api.postJson(submitPath, overLimit));

    // Assess
    expect(Buffer.byteLength(atLimit)).toBe(32 * 1024);
    expect(at.status).toBe(202); // 32,000 spaces trim to an empty answer, which is allowed
    expect(over.status).toBe(413);
    expect(errorCode(over.body)).toBe('payload_too_large');
  });

  it('refuses 100,000 nested arrays (over the limit) with 413 and 16,000 (within it) with a 4xx', async () => {
    // Prepare
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const nestedObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

    // Act
    const answers = [
      await answerOf(await api.postJson(submitPath, nested(100_000))),
      await answerOf(await api.postJson(submitPath, nested(16_000))),
      await answerOf(await api.postJson(submitPath, `{"firstName":${nested(16_000)}}`)),
      await answerOf(await api.postJson(submitPath, nestedObject(5_000))),
      await answerOf(await api.postJson('/registrations/update', `{"token":"x","changes":${nestedObject(5_000)}}`)),
      await answerOf(await api.postJson('/registrations/confirm', `{"token":${nested(16_000)}}`)),
    ];

    // Assess
    expect(answers[0]!.status).toBe(413);
    for (const answer of answers) assertWellFormed(answer, 'nested');
    expect(answers.slice(1).map((answer) => answer.status)).toEqual([400, 400, 400, 400, 400]);
  });

  it('refuses an object with 5,000 unknown keys field by field, within the limit', async () => {
    // Prepare
    const form: Record<string, unknown> = validFormFor(uniqueEmail());
    for (let i = 0; i < 5_000; i++) form[`k${i}`] = 0;

    // Act
    const answer = await answerOf(await api.postJson(submitPath, JSON.stringify(form).slice(0, 32 * 1024 - 1).replace(/,"k\d*"?:?\d*$/, '}')));

    // Assess
    assertWellFormed(answer, 'many keys');
    expect(answer.status).toBe(400);
  });
});

describe('invalid UTF-8', () => {
  it('is refused as invalid_json, whether the bad bytes are in a string or anywhere else, and nothing is stored', async () => {
    // Prepare: invalid sequences inside a string value of a valid form, and a body of garbage bytes.
    const email = uniqueEmail('utf8');
    const json = Buffer.from(JSON.stringify({ ...validFormFor(email), firstName: 'AXX', lastName: 'BYY' }));
    const withBadBytes = Buffer.from(json.toString('latin1').replace('AXX', 'A\xff\xfe').replace('BYY', 'B\xc3\x28'), 'latin1');
    const garbage = Buffer.from([0x7b, 0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x7d]);

    // Act
    const inString = await rawRequest(submitPath, { 'content-type': 'application/json' }, withBadBytes);
    const invalid = await rawRequest(submitPath, { 'content-type': 'application/json' }, garbage);

    // Assess: the gateway passes a body that is not UTF-8 base64-encoded; the handler's strict decoder refuses it.
    expect(invalid.status).toBe(400);
    expect(errorCode(invalid.body)).toBe('invalid_json');
    expect(inString.status).toBe(400);
    expect(errorCode(inString.body)).toBe('invalid_json');
    expect((await listAll(api, eventId)).filter((item) => item.email === email)).toEqual([]);
  });

  it('is refused with invalid_json when it arrives base64-encoded (as API Gateway sends non-text types)', async () => {
    // Prepare: the handler itself, with the event API Gateway builds for a body it does not treat as text.
    const { handler } = await import('../../functions/submit-registration.ts');
    const body = Buffer.concat([Buffer.from('{"firstName":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]).toString('base64');

    // Act
    const result = await handler(
      {
        version: '2.0',
        routeKey: 'POST /events/{eventId}/registrations',
        rawPath: submitPath,
        rawQueryString: '',
        headers: { 'content-type': 'application/json' },
        pathParameters: { eventId },
        requestContext: { http: { method: 'POST', path: submitPath }, requestId: 'utf8', routeKey: 'POST /events/{eventId}/registrations' },
        body,
        isBase64Encoded: true,
      } as never,
      { getRemainingTimeInMillis: () => 10_000 } as never,
    );

    // Assess
    expect(result.statusCode).toBe(400);
    expect(errorCode(result.body!)).toBe('invalid_json');
  });
});

describe('huge header values', () => {
  it('answers 431 for headers over Node’s 16 KiB limit, before any handler runs', async () => {
    // Act
    const answer = await rawRequest(submitPath, { 'content-type': 'application/json', 'x-padding': 'a'.repeat(20_000) }, Buffer.from('{}'));

    // Assess: Node's HTTP parser (maxHeaderSize 16 KiB) closes with 431 and an empty body; API Gateway
    // itself refuses headers over 10 KB, so nothing this large reaches a Lambda function.
    expect(answer.status).toBe(431);
    expect(answer.body).toBe('');
  });

  it('handles large but accepted header values (15 KB) and many headers without a 5xx', async () => {
    // Prepare
    const many: Record<string, string> = {};
    for (let i = 0; i < 300; i++) many[`x-h${i}`] = 'v'.repeat(20);

    // Act
    const answers = [
      await answerOf(await api.request(`/events/${eventId}`, { headers: { 'accept-language': `${'de-AT;q=0.9,'.repeat(1_250)}en` } })),
      await answerOf(await api.request(`/confirm?token=x`, { headers: { 'accept-language': 'x'.repeat(15_000) } })),
      await answerOf(await api.request(`/events/${eventId}/registrations`, { headers: { accept: 'text/csv,'.repeat(1_600) } })),
      await answerOf(await api.request(`/events/${eventId}/registrations`, { headers: { authorization: `Bearer ${'a'.repeat(15_000)}` } })),
      await answerOf(await api.postJson(submitPath, validFormFor(uniqueEmail()), { 'content-type': `application/json; ${'p=1; '.repeat(2_500)}` })),
      await answerOf(await api.request(`/events/${eventId}`, { headers: many })),
    ];

    // Assess
    answers.forEach((answer, index) => assertWellFormed(answer, `header case ${index}`));
  });
});

describe('path values beyond DynamoDB key limits', () => {
  it('answers 404 for an approval or rejection of a registration id longer than 1,024 bytes', async () => {
    // Prepare
    const organizer = await api.organizerToken();
    const longId = '0'.repeat(1_100);

    // Act
    const answers = await Promise.all(
      ['approve', 'reject'].map(async (decision) =>
        answerOf(await api.request(`/events/${eventId}/registrations/${longId}/${decision}`, { method: 'POST', headers: { authorization: `Bearer ${organizer}`, 'if-match': '"any"' } })),
      ),
    );

    // Assess
    for (const answer of answers) {
      assertWellFormed(answer, 'long registration id');
      expect(answer.status).toBe(404);
    }
  });
});

describe('tampered cursors', () => {
  it('answers 400 invalid_cursor for a bit flipped in the payload or the signature, swapped, truncated or moved to another filter', async () => {
    // Prepare: three registrations, pages of one.
    for (let i = 0; i < 3; i++) await register(api, eventId);
    const organizer = await api.organizerToken();
    const list = (query: string) => api.request(`/events/${eventId}/registrations?${query}`, { headers: { authorization: `Bearer ${organizer}` } });
    const { nextCursor } = (await (await list('limit=1')).json()) as { nextCursor: string };
    const [payload, signature] = nextCursor.split('.') as [string, string];
    const tampered = [
      ...[0, Math.floor(payload.length / 2), payload.length - 1].map((index) => `${flip(payload, index)}.${signature}`),
      ...[0, Math.floor(signature.length / 2), signature.length - 1].map((index) => `${payload}.${flip(signature, index)}`),
      `${signature}.${payload}`,
      payload,
      `${payload}.`,
      `.${signature}`,
      `${nextCursor}.${signature}`,
      nextCursor.slice(0, -1),
      `${Buffer.from(JSON.stringify({ q: 'x', k: {} })).toString('base64url')}.${signature}`,
    ];

    // Act
    const answers = await Promise.all(tampered.map(async (cursor) => answerOf(await list(`limit=1&cursor=${encodeURIComponent(cursor)}`))));
    const otherFilter = await answerOf(await list(`limit=1&status=confirmed&cursor=${encodeURIComponent(nextCursor)}`));
    const genuine = await list(`limit=1&cursor=${encodeURIComponent(nextCursor)}`);

    // Assess
    for (const answer of [...answers, otherFilter]) {
      assertWellFormed(answer, 'cursor');
      expect(answer.status).toBe(400);
      expect(errorCode(answer.body)).toBe('invalid_cursor');
    }
    expect(genuine.status).toBe(200);
  });
});

describe('tampered link tokens', () => {
  it('refuses a bit flipped in each part of a confirmation token and of a manage token, and changes nothing', async () => {
    // Prepare
    const pending = await register(api, eventId);
    const confirmed = await registerAndConfirm(api, eventId);
    const variants = (token: string) => {
      const [event, key, secret] = token.split('.') as [string, string, string];
      return [
        `${flip(event, 0)}.${key}.${secret}`,
        `${event}.${flip(key, 0)}.${secret}`,
        `${event}.${flip(key, key.length - 1)}.${secret}`,
        `${event}.${key}.${flip(secret, 0)}`,
        `${event}.${key}.${flip(secret, secret.length - 1)}`,
        `${event}.${key}.${secret}x`,
        `${event}.${key}`,
        `${event}.${secret}.${key}`,
        token.toUpperCase(),
      ];
    };
    const before = JSON.stringify(await listAll(api, eventId));

    // Act
    const confirms = [];
    for (const token of variants(pending.confirmToken)) {
      confirms.push(await answerOf(await api.postJson('/registrations/confirm', { token })));
      confirms.push(await answerOf(await api.request(`/confirm?token=${encodeURIComponent(token)}`)));
    }
    const manages = [];
    for (const token of variants(confirmed.manage)) {
      manages.push(await answerOf(await api.request(`/registrations/self?token=${encodeURIComponent(token)}`)));
      manages.push(await answerOf(await api.request(`/manage?token=${encodeURIComponent(token)}`)));
      manages.push(await answerOf(await api.postJson('/registrations/update', { token, changes: { firstName: 'Mallory' } })));
      manages.push(await answerOf(await api.postJson('/registrations/withdraw', { token })));
      manages.push(await answerOf(await api.postJson('/registrations/erase', { token })));
    }

    // Assess
    for (const answer of [...confirms, ...manages]) {
      assertWellFormed(answer, 'token');
      expect(answer.status).toBe(400);
      if (answer.contentType.startsWith('application/json')) expect(errorCode(answer.body)).toBe('invalid_token');
    }
    expect(JSON.stringify(await listAll(api, eventId))).toBe(before);
  });
});
