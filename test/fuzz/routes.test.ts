// Property-based fuzzing of every route of the API through the local gateway: hostile bodies, queries,
// headers and path values. Whatever arrives, the answer is never a 5xx, a JSON error is always the one
// error shape with a known code, nothing invalid is ever stored, and a refused request changes nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isForStaff, routes, type Route } from '#shared/http/routes.ts';
import { seedEvent } from '#shared/model/seed-event.ts';
import { registerAndConfirm } from '../support/journeys.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import {
  answerOf,
  assertValidRegistration,
  assertWellFormed,
  contentType,
  extraHeaders,
  fuzzSeed,
  hostileBody,
  hostileString,
  jsonValue,
  listAll,
  mutatedForm,
  pathSegment,
  queryString,
} from './support.ts';

const eventId = seedEvent.id;
let api: TestApi;
let organizer: string;
let known: Awaited<ReturnType<typeof registerAndConfirm>>;
let knownRegistrationId: string;

beforeAll(async () => {
  api = await startTestApi();
  organizer = await api.organizerToken();
  known = await registerAndConfirm(api, eventId);
  knownRegistrationId = (await listAll(api, eventId)).find((item) => item.email === known.email)!.registrationId as string;
});
afterAll(async () => {
  await api?.stop();
});

/** What a participant and an organizer can see of the known registration. */
async function snapshot(): Promise<string> {
  const own = await api.request(`/registrations/self?token=${encodeURIComponent(known.manage)}`);
  expect(own.status).toBe(200);
  const listed = (await listAll(api, eventId)).find((item) => item.registrationId === knownRegistrationId);
  return JSON.stringify({ own: await own.json(), listed });
}

interface Fuzzed {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | Blob | undefined;
}

/** A request for `route`: path values either real or hostile, hostile query and headers, and a body where the method has one. */
function requestFor(route: Route): fc.Arbitrary<Fuzzed> {
  const parameter = (name: string) =>
    name === 'eventId' ? fc.oneof(fc.constant(eventId), pathSegment) : fc.oneof(fc.constant('01ARZ3NDEKTSV4RRFFQ69G5FAV'), pathSegment);
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  const body =
    route.handler === 'submit-registration'
      ? fc.oneof(hostileBody(jsonValue), mutatedForm(fc.oneof(fc.emailAddress(), hostileString)).map((form) => JSON.stringify(form)))
      : route.handler === 'update-registration'
        ? hostileBody(fc.record({ token: fc.oneof(hostileString, jsonValue), changes: jsonValue }, { requiredKeys: [] }))
        : hostileBody(fc.oneof(jsonValue, fc.record({ token: hostileString, reason: hostileString }, { requiredKeys: [] })));
  return fc
    .record({
      values: fc.tuple(...names.map(parameter)),
      query: fc.option(queryString, { nil: undefined }),
      type: contentType,
      headers: extraHeaders,
      body: route.method === 'GET' ? fc.constant(undefined) : fc.option(body, { nil: undefined, freq: 8 }),
      signedIn: fc.boolean(),
    })
    .map(({ values, query, type, headers, body: payload, signedIn }) => {
      let path = route.path;
      names.forEach((name, index) => (path = path.replace(`{${name}}`, values[index]!)));
      const all: Record<string, string> = { ...headers };
      if (payload !== undefined) all['content-type'] = type;
      if (isForStaff(route) && signedIn) all.authorization = `Bearer ${organizer}`;
      return { method: route.method, path: query ? `${path}?${query}` : path, headers: all, body: payload };
    });
}

async function send(request: Fuzzed) {
  return answerOf(
    await api.request(request.path, { method: request.method, headers: request.headers, ...(request.body !== undefined ? { body: request.body } : {}) }),
  );
}

describe(`every route under fuzzing (seed ${fuzzSeed})`, () => {
  for (const route of routes) {
    it(`${route.method} ${route.path}: never a 5xx, always the error shape`, async () => {
      // Prepare
      const requests = requestFor(route);

      // Act / Assess
      await fc.assert(
        fc.asyncProperty(requests, async (request) => {
          assertWellFormed(await send(request), `${request.method} ${request.path} ${JSON.stringify(request.headers)}`);
        }),
        { numRuns: route.handler === 'submit-registration' || route.handler === 'update-registration' ? 150 : 80 },
      );
    });
  }

  it('unknown paths and methods: 404 or 405 in the error shape', async () => {
    // Prepare
    const requests = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
      segments: fc.array(pathSegment, { minLength: 1, maxLength: 4 }),
    });

    // Act / Assess
    await fc.assert(
      fc.asyncProperty(requests, async ({ method, segments }) => {
        const answer = await answerOf(await api.request(`/${segments.join('/')}`, { method }));
        assertWellFormed(answer, `${method} /${segments.join('/')}`);
      }),
      { numRuns: 60 },
    );
  });
});

describe('refused requests aimed at a known registration', () => {
  it('change nothing: submits with its address, updates, approvals and tampered tokens', async () => {
    // Prepare
    const manage = () => known.manage;
    const tampered = fc.tuple(fc.nat(), fc.nat()).map(([position, bit]) => {
      const token = manage();
      const index = position % token.length;
      return token.slice(0, index) + String.fromCharCode(token.charCodeAt(index) ^ (1 << (bit % 7))) + token.slice(index + 1);
    });
    const attack = fc.oneof(
      mutatedForm(fc.constantFrom(known.email, known.email.toUpperCase(), ` ${known.email} `)).map((form) => ({
        path: `/events/${eventId}/registrations`,
        body: JSON.stringify(form),
      })),
      fc.record({ changes: jsonValue }).map(({ changes }) => ({ path: '/registrations/update', body: JSON.stringify({ token: manage(), changes }) })),
      fc
        .dictionary(fc.constantFrom('firstName', 'lastName', 'email', 'category', 'country', 'consents', 'phone', 'website', 'language', 'arrivalDate'), jsonValue, { minKeys: 1, maxKeys: 3 })
        .map((changes) => ({ path: '/registrations/update', body: JSON.stringify({ token: manage(), changes }) })),
      fc.tuple(fc.constantFrom('/registrations/withdraw', '/registrations/erase', '/registrations/update'), tampered).map(([path, token]) => ({
        path,
        body: JSON.stringify({ token, changes: { firstName: 'Mallory' } }),
      })),
      hostileBody(jsonValue).map((body) => ({ path: `/events/${eventId}/registrations/${knownRegistrationId}/approve`, body, organizer: true })),
    );
    let before = await snapshot();

    // Act / Assess
    await fc.assert(
      fc.asyncProperty(attack, async (request) => {
        const answer = await answerOf(
          await api.request(request.path, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...('organizer' in request ? { authorization: `Bearer ${organizer}` } : {}) },
            body: request.body,
          }),
        );
        assertWellFormed(answer, `${request.path} ${String(request.body).slice(0, 200)}`);
        const after = await snapshot();
        // A refused request, or a submit (always 202, and a confirmed registration is never overwritten), changes nothing.
        if (answer.status >= 400 || request.path.endsWith('/registrations')) expect(after, `${request.path} ${String(request.body).slice(0, 300)}`).toBe(before);
        before = after;
      }),
      { numRuns: 150 },
    );
  });
});

describe('what the fuzzing left in the table', () => {
  it('every stored registration passes the schema', async () => {
    // Act
    const items = await listAll(api, eventId);

    // Assess
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) assertValidRegistration(item);
  });
});
