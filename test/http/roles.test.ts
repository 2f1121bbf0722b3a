// The staff roles against every staff route, through the local gateway with real tokens: organizers
// may do everything, moderators read, export and decide, viewers read and export, and a token whose
// groups give no role is refused everywhere. The table below is the contract (the console codes
// against it), written out here rather than read from the route table, so a route that admits the
// wrong roles fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isForStaff, routeKey, routes } from '#shared/http/routes.ts';
import { seedEvent } from '#shared/model/seed-event.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { putEvent, registerAndConfirm, registrationsOf } from '../support/journeys.ts';

type Role = 'organizer' | 'moderator' | 'viewer';
const groupOf: Record<Role, string> = { organizer: 'organizers', moderator: 'moderators', viewer: 'viewers' };
const everyRole: Role[] = ['organizer', 'moderator', 'viewer'];

let api: TestApi;
let registrationId: string;
let revision: string;

beforeAll(async () => {
  api = await startTestApi();
  // One registration awaiting a decision; every request below leaves it as it is (or, for the
  // decisions of admitted roles, is refused for its stale revision before anything changes).
  expect((await putEvent(api, 'roles', { approval: 'required' })).status).toBe(201);
  await registerAndConfirm(api, 'roles');
  ({ registrationId, revision } = (await registrationsOf(api, 'roles'))[0]!);
}, 60_000);
afterAll(async () => {
  await api?.stop();
});

interface Case {
  route: string;
  admitted: Role[];
  /** What an admitted role gets: the route at work, not a refusal of the caller. */
  admittedStatus: number;
  /** Groups sent beside the role's, for a route that checks a second group (the accreditation group). */
  alsoGroups?: string[];
  request: () => { path: string; method: string; body?: unknown; headers?: Record<string, string> };
}

const { id: _id, ...eventBody } = { ...seedEvent, approval: 'required' as const };
const stale = { 'if-match': '"0000000000000000"' };
let addedEntities = 0;

const cases: Case[] = [
  { route: 'PUT /events/{eventId}', admitted: ['organizer'], admittedStatus: 200, request: () => ({ method: 'PUT', path: '/events/roles', body: eventBody }) },
  { route: 'GET /events/{eventId}/settings', admitted: everyRole, admittedStatus: 200, request: () => ({ method: 'GET', path: '/events/roles/settings' }) },
  { route: 'GET /events/{eventId}/registrations', admitted: everyRole, admittedStatus: 200, request: () => ({ method: 'GET', path: '/events/roles/registrations' }) },
  {
    route: 'POST /events/{eventId}/registrations/bulk',
    admitted: ['organizer', 'moderator'],
    admittedStatus: 200,
    request: () => ({ method: 'POST', path: '/events/roles/registrations/bulk', body: { action: 'approve', items: [{ registrationId, revision: '0000000000000000' }] } }),
  },
  { route: 'GET /events/{eventId}/registrations/{registrationId}', admitted: everyRole, admittedStatus: 200, request: () => ({ method: 'GET', path: `/events/roles/registrations/${registrationId}` }) },
  {
    route: 'PATCH /events/{eventId}/registrations/{registrationId}',
    admitted: ['organizer'],
    admittedStatus: 412,
    request: () => ({ method: 'PATCH', path: `/events/roles/registrations/${registrationId}`, body: { changes: { position: 'Head of delegation' } }, headers: stale }),
  },
  {
    route: 'POST /events/{eventId}/registrations/{registrationId}/approve',
    admitted: ['organizer', 'moderator'],
    admittedStatus: 412,
    request: () => ({ method: 'POST', path: `/events/roles/registrations/${registrationId}/approve`, headers: stale }),
  },
  {
    route: 'POST /events/{eventId}/registrations/{registrationId}/reject',
    admitted: ['organizer', 'moderator'],
    admittedStatus: 412,
    request: () => ({ method: 'POST', path: `/events/roles/registrations/${registrationId}/reject`, headers: stale }),
  },
  {
    route: 'POST /events/{eventId}/registrations/{registrationId}/resend',
    admitted: ['organizer', 'moderator'],
    // A confirmation link for a confirmed address makes no sense: refused for that, not for the caller.
    admittedStatus: 409,
    request: () => ({ method: 'POST', path: `/events/roles/registrations/${registrationId}/resend`, body: { link: 'confirmation' } }),
  },
  { route: 'GET /events/{eventId}/stats', admitted: everyRole, admittedStatus: 200, request: () => ({ method: 'GET', path: '/events/roles/stats' }) },
  {
    route: 'GET /events/{eventId}/registrations/{registrationId}/visa-letter',
    admitted: everyRole,
    // The registration awaits approval: refused for that, not for the caller.
    admittedStatus: 409,
    request: () => ({ method: 'GET', path: `/events/roles/registrations/${registrationId}/visa-letter` }),
  },
  { route: 'GET /events/{eventId}/delegations', admitted: everyRole, admittedStatus: 200, request: () => ({ method: 'GET', path: '/events/roles/delegations' }) },
  {
    route: 'POST /events/{eventId}/delegations',
    admitted: ['organizer'],
    admittedStatus: 201,
    request: () => ({ method: 'POST', path: '/events/roles/delegations', body: { id: `org-${++addedEntities}`, name: 'An organization', kind: 'international_organization' } }),
  },
  {
    route: 'POST /events/{eventId}/delegations/focal-points',
    admitted: ['organizer'],
    admittedStatus: 202,
    request: () => ({ method: 'POST', path: '/events/roles/delegations/focal-points', body: { invitations: [{ entityId: 'AT', email: 'focal.roles@example.org' }] } }),
  },
  {
    route: 'POST /events/{eventId}/delegations/reminders',
    admitted: ['organizer', 'moderator'],
    admittedStatus: 202,
    request: () => ({ method: 'POST', path: '/events/roles/delegations/reminders', body: { entityId: 'AT' } }),
  },
  { route: 'POST /events/{eventId}/delegations/{entityId}/approve', admitted: ['organizer', 'moderator'], admittedStatus: 200, request: () => ({ method: 'POST', path: '/events/roles/delegations/AT/approve' }) },
  { route: 'GET /events/{eventId}/delegations/export', admitted: everyRole, admittedStatus: 200, request: () => ({ method: 'GET', path: '/events/roles/delegations/export' }) },
  // Admitted, every role: Austria has uploaded no letter here, so the answer is the 404 that says so.
  { route: 'GET /events/{eventId}/delegations/{entityId}/letter', admitted: everyRole, admittedStatus: 404, request: () => ({ method: 'GET', path: '/events/roles/delegations/AT/letter' }) },
  { route: 'PATCH /events/{eventId}/delegations/{entityId}', admitted: ['organizer'], admittedStatus: 200, request: () => ({ method: 'PATCH', path: '/events/roles/delegations/AT', body: { quotaLifted: false } }) },
  { route: 'GET /events/{eventId}/participant-list', admitted: everyRole, admittedStatus: 200, request: () => ({ method: 'GET', path: '/events/roles/participant-list?format=xlsx' }) },
  { route: 'POST /events/{eventId}/reconcile', admitted: ['organizer'], admittedStatus: 200, request: () => ({ method: 'POST', path: '/events/roles/reconcile' }) },
  // With the accreditation group every role gets past the roles' check; the registration has no photo.
  {
    route: 'GET /events/{eventId}/registrations/{registrationId}/files/{fieldId}',
    admitted: everyRole,
    admittedStatus: 404,
    alsoGroups: ['accreditation'],
    request: () => ({ method: 'GET', path: `/events/roles/registrations/${registrationId}/files/photo` }),
  },
  { route: 'GET /me', admitted: everyRole, admittedStatus: 200, request: () => ({ method: 'GET', path: '/me' }) },
];

async function send(testCase: Case, groups: string[]) {
  const { method, path, body, headers = {} } = testCase.request();
  const token = await api.organizerToken([...groups, ...(testCase.alsoGroups ?? [])]);
  const response = await api.request(path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text.startsWith('{') ? (JSON.parse(text) as { error?: { code: string; message: string } }) : {} };
}

describe('the roles each staff route admits', () => {
  it('cover every staff route of the route table', () => {
    // Assess
    expect(cases.map((testCase) => testCase.route).sort()).toEqual(routes.filter(isForStaff).map(routeKey).sort());
  });

  const table = cases.flatMap((testCase) => everyRole.map((role) => [testCase.route, role, testCase.admitted.includes(role)] as const));
  it.each(table)('%s as %s: admitted %s', async (route, role, admitted) => {
    // Prepare
    const testCase = cases.find((entry) => entry.route === route)!;

    // Act
    const answer = await send(testCase, [groupOf[role]]);

    // Assess
    if (admitted) expect(answer.status, JSON.stringify(answer.body)).toBe(testCase.admittedStatus);
    else {
      expect(answer.status).toBe(403);
      expect(answer.body.error?.code).toBe('forbidden');
      // The refusal names what would be needed.
      for (const needed of testCase.admitted) expect(answer.body.error?.message).toContain(groupOf[needed]);
    }
  });

  it.each([[['staff']], [[]], [['organizers-old', 'Organizers']]])('refuses a token whose groups give no role (%j) on every staff route', async (groups) => {
    // Act
    const answers = [];
    for (const testCase of cases) answers.push({ route: testCase.route, ...(await send(testCase, groups)) });

    // Assess
    expect(answers.filter((answer) => answer.status !== 403 || answer.body.error?.code !== 'forbidden').map((answer) => answer.route)).toEqual([]);
  });

  it('gives a token with several groups the rights of each', async () => {
    // Prepare
    const approve = cases.find((entry) => entry.route.endsWith('/approve'))!;

    // Act
    const answer = await send(approve, ['viewers', 'moderators']);

    // Assess
    expect(answer.status).toBe(412);
  });
});

describe('a viewer who forges a decision anyway', () => {
  it('is refused, and the registration stays as it was', async () => {
    // Prepare: the current revision, as the console would hold it.
    const token = await api.organizerToken(['viewers']);

    // Act
    const approve = await api.request(`/events/roles/registrations/${registrationId}/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'if-match': `"${revision}"`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Looks fine' }),
    });
    const bulk = await api.request('/events/roles/registrations/bulk', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'reject', items: [{ registrationId, revision }] }),
    });

    // Assess
    expect([approve.status, bulk.status]).toEqual([403, 403]);
    const [now] = await registrationsOf(api, 'roles');
    expect(now).toMatchObject({ registrationId, status: 'awaiting_approval', revision });
  });
});

describe('GET /me', () => {
  it.each([
    [['organizers'], ['organizer'], { manageEvents: true, decide: true, editRegistrations: true, export: true }],
    [['moderators'], ['moderator'], { manageEvents: false, decide: true, editRegistrations: false, export: true }],
    [['viewers'], ['viewer'], { manageEvents: false, decide: false, editRegistrations: false, export: true }],
    [['viewers', 'staff', 'moderators'], ['moderator', 'viewer'], { manageEvents: false, decide: true, editRegistrations: false, export: true }],
  ])('for groups %j says roles %j and what they allow', async (groups, roles, can) => {
    // Prepare
    const token = await api.organizerToken(groups);

    // Act
    const response = await api.request('/me', { headers: { authorization: `Bearer ${token}` } });

    // Assess
    expect(response.status).toBe(200);
    const me = (await response.json()) as { username: string; subject: string; roles: string[]; can: Record<string, boolean> };
    expect(me).toMatchObject({ username: 'local-organizer', roles, can });
    expect(me.subject).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 401 without a token', async () => {
    // Act
    const response = await api.request('/me');

    // Assess
    expect(response.status).toBe(401);
  });
});
