// Attacks on the organizer JWTs, against every organizer route through the local gateway, which checks
// tokens as the HTTP API JWT authorizer does. A forged or unusable token is 401, a genuine token without
// the organizer group 403, both in the API's error shape.
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWTPayload } from 'jose';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isForStaff, routes } from '#shared/http/routes.ts';
import { seedEvent } from '#shared/model/seed-event.ts';
import { localClientId } from '../../local/secrets.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { answerOf, assertWellFormed } from './support.ts';

let api: TestApi;
const organizerRoutes = routes.filter((route) => isForStaff(route));
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

function claims(overrides: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: randomUUID(),
    iss: api.stack.issuer,
    client_id: localClientId,
    token_use: 'access',
    'cognito:groups': ['organizers'],
    username: 'mallory',
    iat: now - 10,
    exp: now + 600,
    jti: randomUUID(),
    ...overrides,
  };
}

async function signed(payload: JWTPayload, header: Record<string, unknown> = {}, key?: CryptoKey | Uint8Array): Promise<string> {
  const signingKey = key ?? (await importJWK(api.stack.secrets.signingKey, 'RS256'));
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: api.stack.secrets.signingKey.kid, typ: 'JWT', ...header } as never).sign(signingKey);
}

async function call(route: (typeof organizerRoutes)[number], authorization: string | undefined) {
  const path = route.path.replace('{eventId}', seedEvent.id).replace('{registrationId}', '01ARZ3NDEKTSV4RRFFQ69G5FAV');
  const body = route.method === 'GET' ? undefined : route.method === 'PUT' ? JSON.stringify({ title: 'x' }) : '{}';
  return answerOf(
    await api.request(path, {
      method: route.method,
      headers: { ...(authorization ? { authorization } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body } : {}),
    }),
  );
}

async function forgeries(): Promise<Record<string, string | undefined>> {
  const genuine = await signed(claims());
  const [header, payload, signature] = genuine.split('.') as [string, string, string];
  const stranger = await generateKeyPair('RS256', { extractable: true });
  const strangerKid = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = await exportJWK((await importJWK({ ...api.stack.secrets.signingKey, d: undefined, p: undefined, q: undefined, dp: undefined, dq: undefined, qi: undefined }, 'RS256')) as CryptoKey);
  const hmacWithPublicKey = await new SignJWT(claims())
    .setProtectedHeader({ alg: 'HS256', kid: api.stack.secrets.signingKey.kid })
    .sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
  const now = Math.floor(Date.now() / 1000);
  return {
    'no header': undefined,
    'empty bearer': 'Bearer ',
    'not a JWT': 'Bearer organizer',
    'Basic scheme': `Basic ${Buffer.from('organizer:secret').toString('base64')}`,
    'alg none, no signature': `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`,
    'alg none, kid of the real key': `Bearer ${b64({ alg: 'none', kid: api.stack.secrets.signingKey.kid })}.${b64(claims())}.`,
    'alg none, signature kept': `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${payload}.${signature}`,
    'HS256 keyed with the public key': `Bearer ${hmacWithPublicKey}`,
    'wrong key, real kid': `Bearer ${await signed(claims(), {}, stranger.privateKey)}`,
    'wrong key, no kid': `Bearer ${await new SignJWT(claims()).setProtectedHeader({ alg: 'RS256' }).sign(stranger.privateKey)}`,
    'kid pointing nowhere': `Bearer ${await signed(claims(), { kid: 'no-such-key' }, strangerKid.privateKey)}`,
    'kid pointing nowhere, real key': `Bearer ${await signed(claims(), { kid: 'no-such-key' })}`,
    'wrong issuer': `Bearer ${await signed(claims({ iss: 'https://cognito-idp.evil.example/pool' }))}`,
    'no issuer': `Bearer ${await signed(claims({ iss: undefined }))}`,
    'wrong audience': `Bearer ${await signed(claims({ client_id: 'another-app' }))}`,
    'wrong aud claim': `Bearer ${await signed(claims({ client_id: undefined, aud: 'another-app' }))}`,
    'no audience': `Bearer ${await signed(claims({ client_id: undefined }))}`,
    expired: `Bearer ${await signed(claims({ iat: now - 7200, exp: now - 3600 }))}`,
    'expired a second ago': `Bearer ${await signed(claims({ exp: now - 1 }))}`,
    'no expiry': `Bearer ${await signed(claims({ exp: undefined }))}`,
    'not yet valid': `Bearer ${await signed(claims({ nbf: now + 3600 }))}`,
    'issued in the future': `Bearer ${await signed(claims({ iat: now + 3600, exp: now + 7200 }))}`,
    'payload bit flipped': `Bearer ${header}.${payload.slice(0, 10)}${payload[10] === 'A' ? 'B' : 'A'}${payload.slice(11)}.${signature}`,
    'signature bit flipped': `Bearer ${header}.${payload}.${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1)}`,
    'signature removed': `Bearer ${header}.${payload}.`,
    'header swapped for another token’s': `Bearer ${b64({ alg: 'RS256', kid: 'x' })}.${payload}.${signature}`,
    'two tokens': `Bearer ${genuine} ${genuine}`,
  };
}

describe('forged and unusable organizer tokens', () => {
  it('answer 401 unauthorized on every organizer route', async () => {
    // Prepare
    const tokens = await forgeries();

    // Act
    const outcomes: string[] = [];
    for (const [attack, authorization] of Object.entries(tokens)) {
      for (const route of organizerRoutes) {
        const answer = await call(route, authorization);
        assertWellFormed(answer, `${attack} ${route.method} ${route.path}`);
        outcomes.push(`${attack} | ${route.method} ${route.path} | ${answer.status} ${answer.status >= 400 ? JSON.parse(answer.body).error.code : ''}`);
      }
    }

    // Assess
    expect(outcomes.filter((line) => !line.endsWith('| 401 unauthorized'))).toEqual([]);
  });
});

describe('genuine tokens without the organizer group', () => {
  it('answer 403 forbidden (or 401 without a subject) on every organizer route', async () => {
    // Prepare
    const tokens: Record<string, [string, number]> = {
      'no groups claim': [await signed(claims({ 'cognito:groups': undefined })), 403],
      'empty groups': [await signed(claims({ 'cognito:groups': [] })), 403],
      'another group': [await signed(claims({ 'cognito:groups': ['staff'] })), 403],
      'a group with the name inside': [await signed(claims({ 'cognito:groups': ['organizers-readonly', 'xorganizers'] })), 403],
      'groups as one string': [await signed(claims({ 'cognito:groups': 'organizersx' })), 403],
      // A comma is part of a group name, not a separator.
      'a group named staff,organizers': [await signed(claims({ 'cognito:groups': ['staff,organizers'] })), 403],
      'a comma list as one string': [await signed(claims({ 'cognito:groups': 'staff,organizers' })), 403],
      'group in another claim': [await signed(claims({ 'cognito:groups': undefined, groups: ['organizers'] })), 403],
      'no subject': [await signed(claims({ sub: undefined })), 401],
    };

    // Act
    const outcomes: string[] = [];
    for (const [attack, [token, status]] of Object.entries(tokens)) {
      for (const route of organizerRoutes) {
        const answer = await call(route, `Bearer ${token}`);
        assertWellFormed(answer, attack);
        if (answer.status !== status) outcomes.push(`${attack} | ${route.method} ${route.path} | ${answer.status} (expected ${status})`);
      }
    }

    // Assess
    expect(outcomes).toEqual([]);
  });

  it('the genuine organizer token passes (the attacks above are refused for their flaw alone)', async () => {
    // Act
    const answer = await call(organizerRoutes.find((route) => route.handler === 'list-registrations')!, `Bearer ${await signed(claims())}`);

    // Assess
    expect(answer.status).toBe(200);
  });
});
