// What the console does with one registration and with many, through the HTTP API: read it whole,
// correct it on the participant's behalf, send a link again, decide many at once; the event's
// settings for the edit form; and the registrations per day behind the chart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEvent } from '#shared/model/seed-event.ts';
import { runtime } from '#shared/runtime/runtime.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { linkToken, mailTo, waitForMail } from '../support/mailbox.ts';
import { backdate, manageToken, organizerCall, putEvent, register, registerAndConfirm, registrationsOf, statsOf } from '../support/journeys.ts';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

interface Detail {
  registrationId: string;
  status: string;
  revision: string;
  email: string;
  position: string;
  country?: string;
  emailStatus: string;
  consents: Record<string, boolean>;
  history: { at: string; actor: string; action: string; from?: string; to?: string; reason?: string; changes?: string[] }[];
}

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; issues?: { path: string; code: string }[] } }).error;

async function detail(eventId: string, registrationId: string, groups = ['viewers']) {
  const response = await organizerCall(api, `/events/${eventId}/registrations/${registrationId}`, {}, groups);
  return { response, body: response.status === 200 ? ((await response.json()) as Detail) : undefined };
}

async function idOf(eventId: string, email: string): Promise<string> {
  return (await registrationsOf(api, eventId)).find((item) => item.email === email)!.registrationId;
}

function edit(eventId: string, registrationId: string, revision: string | undefined, changes: unknown) {
  return organizerCall(api, `/events/${eventId}/registrations/${registrationId}`, {
    method: 'PATCH',
    headers: revision === undefined ? {} : { 'if-match': `"${revision}"` },
    body: JSON.stringify({ changes }),
  });
}

function resend(eventId: string, registrationId: string, link: string, groups = ['moderators']) {
  return organizerCall(api, `/events/${eventId}/registrations/${registrationId}/resend`, { method: 'POST', body: JSON.stringify({ link }) }, groups);
}

function bulk(eventId: string, body: unknown, groups = ['moderators']) {
  return organizerCall(api, `/events/${eventId}/registrations/bulk`, { method: 'POST', body: JSON.stringify(body) }, groups);
}

describe('GET /events/{eventId}/settings', () => {
  it('answers the event as stored, every setting with its defaults', async () => {
    // Prepare
    await putEvent(api, 'settings-read', { capacity: 120, approval: 'required' });

    // Act
    const response = await organizerCall(api, '/events/settings-read/settings', {}, ['viewers']);

    // Assess
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ...seedEvent, id: 'settings-read', capacity: 120, approval: 'required' });
  });

  it('answers 404 event_not_found for an unknown event', async () => {
    // Act
    const response = await organizerCall(api, '/events/no-such-event/settings');

    // Assess
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('event_not_found');
  });
});

describe('GET /events/{eventId}/registrations/{registrationId}', () => {
  it('answers every field, the e-mail status, the revision as ETag and the full history', async () => {
    // Prepare
    await putEvent(api, 'detail', { approval: 'required' });
    const person = await registerAndConfirm(api, 'detail');
    const registrationId = await idOf('detail', person.email);

    // Act
    const { response, body } = await detail('detail', registrationId);

    // Assess
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ registrationId, email: person.email, status: 'awaiting_approval', emailStatus: 'ok', position: 'Head of Unit' });
    expect(response.headers.get('etag')).toBe(`"${body!.revision}"`);
    expect(body!.history.map((entry) => [entry.actor, entry.action, entry.to])).toEqual([
      ['participant', 'submitted', 'pending_confirmation'],
      ['participant', 'confirmed_email', 'awaiting_approval'],
    ]);
  });

  it.each([
    ['an id no registration has', '01ARZ3NDEKTSV4RRFFQ69G5FAV'],
    ['an id that is no registrationId', 'not-a-ulid'],
  ])('answers 404 not_found for %s', async (_label, registrationId) => {
    // Act
    const { response } = await detail('detail', registrationId);

    // Assess
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('not_found');
  });

  it('answers 404 for an unconfirmed registration whose link expired (it is gone)', async () => {
    // Prepare
    const person = await register(api, 'detail');
    const registrationId = await idOf('detail', person.email);
    await backdate('detail', person.email, 73);

    // Act
    const { response } = await detail('detail', registrationId);

    // Assess
    expect(response.status).toBe(404);
  });
});

describe('PATCH /events/{eventId}/registrations/{registrationId}', () => {
  let registrationId: string;
  let email: string;
  beforeAll(async () => {
    await putEvent(api, 'edit', { approval: 'required' });
    const person = await registerAndConfirm(api, 'edit');
    email = person.email;
    registrationId = await idOf('edit', email);
    const { body } = await detail('edit', registrationId);
    const approved = await organizerCall(api, `/events/edit/registrations/${registrationId}/approve`, { method: 'POST', headers: { 'if-match': `"${body!.revision}"` } });
    expect(approved.status).toBe(200);
  }, 60_000);

  it('corrects the data through the participant\'s rules, keeps the approval, moves the counts and records the organizer', async () => {
    // Prepare
    const { body: before } = await detail('edit', registrationId);
    const statsBefore = await statsOf(api, 'edit');

    // Act
    const response = await edit('edit', registrationId, before!.revision, { position: 'Head of Delegation', country: 'DE' });

    // Assess
    expect(response.status).toBe(200);
    const after = (await response.json()) as Detail;
    expect(after).toMatchObject({ status: 'approved', position: 'Head of Delegation', country: 'DE', email });
    expect(response.headers.get('etag')).toBe(`"${after.revision}"`);
    expect(after.revision).not.toBe(before!.revision);
    expect(after.history.at(-1)).toMatchObject({ actor: 'organizer:local-organizer', action: 'edited', from: 'approved', to: 'approved', changes: ['country', 'position'] });
    expect((await detail('edit', registrationId)).body).toEqual(after);
    const statsAfter = await statsOf(api, 'edit');
    expect(statsAfter.byCountry).toEqual({ ...statsBefore.byCountry, AT: (statsBefore.byCountry.AT ?? 0) - 1 || undefined, DE: (statsBefore.byCountry.DE ?? 0) + 1 });
  });

  it('answers a change to nothing with the registration as it is, and writes no history', async () => {
    // Prepare
    const { body: before } = await detail('edit', registrationId);

    // Act
    const response = await edit('edit', registrationId, before!.revision, { position: before!.position });

    // Assess
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(before);
  });

  it('lets organizers record a withdrawn consent, and never give one', async () => {
    // Prepare
    const { body: before } = await detail('edit', registrationId);

    // Act
    const given = await edit('edit', registrationId, before!.revision, { consents: { photography: true } });
    const withdrawn = await edit('edit', registrationId, before!.revision, { consents: { participantList: false } });

    // Assess
    expect(given.status).toBe(400);
    expect((await errorOf(given)).issues).toEqual([expect.objectContaining({ path: 'changes.consents.photography', code: 'not_changeable' })]);
    expect(withdrawn.status).toBe(200);
    expect(((await withdrawn.json()) as Detail).consents).toEqual({ privacyNotice: true, participantList: false, photography: false });
  });

  it.each([
    ['the address', { email: 'someone.else@example.org' }, 'changes.email'],
    ['a category the country does not fit', { category: 'partner_for_cooperation' }, 'changes.country'],
    ['an unknown field', { colour: 'blue' }, 'changes.colour'],
  ])('refuses a change of %s with 400, naming the field', async (_label, changes, path) => {
    // Prepare
    const { body: before } = await detail('edit', registrationId);

    // Act
    const response = await edit('edit', registrationId, before!.revision, changes);

    // Assess
    expect(response.status).toBe(400);
    expect((await errorOf(response)).issues?.map((issue) => issue.path)).toContain(path);
    expect((await detail('edit', registrationId)).body).toEqual(before);
  });

  it('wants the revision looked at: 428 without If-Match, 412 with the current ETag when stale', async () => {
    // Prepare
    const { body: current } = await detail('edit', registrationId);

    // Act
    const missing = await edit('edit', registrationId, undefined, { position: 'Adviser' });
    const stale = await edit('edit', registrationId, '0000000000000000', { position: 'Adviser' });

    // Assess
    expect(missing.status).toBe(428);
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe(`"${current!.revision}"`);
    expect((await detail('edit', registrationId)).body).toEqual(current);
  });

  it('refuses with 409 to edit a withdrawn registration', async () => {
    // Prepare
    const person = await registerAndConfirm(api, 'edit');
    expect((await api.postJson('/registrations/withdraw', { token: person.manage })).status).toBe(200);
    const id = await idOf('edit', person.email);
    const { body } = await detail('edit', id);

    // Act
    const response = await edit('edit', id, body!.revision, { position: 'Adviser' });

    // Assess
    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe('invalid_transition');
  });
});

describe('POST /events/{eventId}/registrations/{registrationId}/resend', () => {
  beforeAll(async () => {
    await putEvent(api, 'resend', { approval: 'required' });
  });

  it('sends a confirmed participant a fresh manage link that works, and records who asked', async () => {
    // Prepare
    const person = await registerAndConfirm(api, 'resend');
    const registrationId = await idOf('resend', person.email);

    // Act
    const response = await resend('resend', registrationId, 'manage');

    // Assess
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ queued: true });
    const mails = await waitForMail(api.sesEndpoint, person.email, 3);
    expect(mails).toHaveLength(3);
    const own = await api.request(`/registrations/self?token=${encodeURIComponent(manageToken(mails.at(-1)!))}`);
    expect(own.status).toBe(200);
    expect((await detail('resend', registrationId)).body!.history.at(-1)).toMatchObject({ actor: 'organizer:local-organizer', action: 'resent_manage_link' });
  });

  it('sends an unconfirmed participant a confirmation link that confirms', async () => {
    // Prepare
    const person = await register(api, 'resend');
    const registrationId = await idOf('resend', person.email);

    // Act
    const response = await resend('resend', registrationId, 'confirmation');

    // Assess
    expect(response.status).toBe(202);
    const mails = await waitForMail(api.sesEndpoint, person.email, 2);
    const confirmed = await api.postJson('/registrations/confirm', { token: linkToken(mails.at(-1)!) });
    expect(confirmed.status).toBe(200);
    expect(((await confirmed.json()) as { status: string }).status).toBe('awaiting_approval');
  });

  it.each([
    ['a confirmation link to a confirmed address', true, 'confirmation'],
    ['a manage link to an unconfirmed address', false, 'manage'],
  ])('refuses %s with 409 invalid_transition, and sends nothing', async (_label, confirmed, link) => {
    // Prepare
    const person = confirmed ? await registerAndConfirm(api, 'resend') : await register(api, 'resend');
    const registrationId = await idOf('resend', person.email);
    const before = (await mailTo(api.sesEndpoint, person.email)).length;

    // Act
    const response = await resend('resend', registrationId, link);

    // Assess
    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe('invalid_transition');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await mailTo(api.sesEndpoint, person.email)).toHaveLength(before);
  });

  it('keeps to the mailbox\'s three e-mails an hour: the fourth is refused with 429 and Retry-After', async () => {
    // Prepare: the submission sent the first.
    const person = await register(api, 'resend');
    const registrationId = await idOf('resend', person.email);

    // Act
    const statuses = [];
    for (let i = 0; i < 2; i++) {
      statuses.push((await resend('resend', registrationId, 'confirmation')).status);
      // Each sent before the next is asked for (a newer link request replaces one still waiting).
      await waitForMail(api.sesEndpoint, person.email, i + 2);
    }
    const refused = await resend('resend', registrationId, 'confirmation');

    // Assess
    expect(statuses).toEqual([202, 202]);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^[1-9][0-9]*$/);
    expect((await errorOf(refused)).code).toBe('too_many_requests');
    expect(await waitForMail(api.sesEndpoint, person.email, 3)).toHaveLength(3);
  });
});

describe('POST /events/{eventId}/registrations/bulk', () => {
  it('decides each item on its own and says for each, in the order sent, what happened', async () => {
    // Prepare: two awaiting approval, one already rejected, one that changed since it was seen, one that does not exist.
    await putEvent(api, 'bulk', { approval: 'required' });
    const people = [];
    for (let i = 0; i < 4; i++) people.push(await registerAndConfirm(api, 'bulk'));
    const listed = await registrationsOf(api, 'bulk');
    const [a, b, rejected, changed] = people.map((person) => listed.find((item) => item.email === person.email)!);
    expect((await organizerCall(api, `/events/bulk/registrations/${rejected!.registrationId}/reject`, { method: 'POST', headers: { 'if-match': `"${rejected!.revision}"` } })).status).toBe(200);
    const rejectedNow = (await detail('bulk', rejected!.registrationId)).body!;
    expect((await api.postJson('/registrations/update', { token: people[3]!.manage, changes: { position: 'Adviser' } })).status).toBe(200);
    const changedNow = (await detail('bulk', changed!.registrationId)).body!;
    const missing = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

    // Act
    const response = await bulk('bulk', {
      action: 'approve',
      reason: 'Nominated by the delegation',
      items: [a, { registrationId: missing, revision: 'abc' }, rejectedNow, changed, b].map((item) => ({ registrationId: item!.registrationId, revision: item!.revision })),
    });

    // Assess
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: { registrationId: string; outcome: string; code?: string; status?: string; revision?: string }[] };
    const aNow = (await detail('bulk', a!.registrationId)).body!;
    const bNow = (await detail('bulk', b!.registrationId)).body!;
    expect(results).toEqual([
      { registrationId: a!.registrationId, outcome: 'done', status: 'approved', revision: aNow.revision },
      { registrationId: missing, outcome: 'skipped', code: 'not_found' },
      { registrationId: rejected!.registrationId, outcome: 'skipped', code: 'invalid_transition', status: 'rejected', revision: rejectedNow.revision },
      { registrationId: changed!.registrationId, outcome: 'skipped', code: 'precondition_failed', status: 'awaiting_approval', revision: changedNow.revision },
      { registrationId: b!.registrationId, outcome: 'done', status: 'approved', revision: bNow.revision },
    ]);
    expect(aNow.history.at(-1)).toMatchObject({ actor: 'organizer:local-organizer', action: 'approved', reason: 'Nominated by the delegation' });
    expect((await detail('bulk', changed!.registrationId)).body!.status).toBe('awaiting_approval');
    const mails = await waitForMail(api.sesEndpoint, people[0]!.email, 3);
    expect(mails.at(-1)!.subject).toContain('approved');
  }, 60_000);

  it('rejects many with one reason, each mailed', async () => {
    // Prepare
    await putEvent(api, 'bulk-reject', { approval: 'required' });
    const people = [await registerAndConfirm(api, 'bulk-reject'), await registerAndConfirm(api, 'bulk-reject')];
    const items = (await registrationsOf(api, 'bulk-reject')).map((item) => ({ registrationId: item.registrationId, revision: item.revision }));

    // Act
    const response = await bulk('bulk-reject', { action: 'reject', reason: 'The quota of the delegation is reached', items });

    // Assess
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: { outcome: string; status: string }[] };
    expect(results.map((result) => [result.outcome, result.status])).toEqual([['done', 'rejected'], ['done', 'rejected']]);
    for (const person of people) {
      const mails = await waitForMail(api.sesEndpoint, person.email, 3);
      expect(mails.at(-1)!.body.text).toContain('The quota of the delegation is reached');
    }
  }, 60_000);

  it.each([
    ['no item', { action: 'approve', items: [] }, 'items'],
    ['101 items', { action: 'approve', items: Array.from({ length: 101 }, () => ({ registrationId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', revision: 'abc' })) }, 'items'],
    ['one registration twice', { action: 'reject', items: [{ registrationId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', revision: 'abc' }, { registrationId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', revision: 'abc' }] }, 'items.1.registrationId'],
    ['another action', { action: 'withdraw', items: [{ registrationId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', revision: 'abc' }] }, 'action'],
  ])('refuses %s with 400, deciding nothing', async (_label, body, path) => {
    // Act
    const response = await bulk('bulk', body);

    // Assess
    expect(response.status).toBe(400);
    expect((await errorOf(response)).issues?.map((issue) => issue.path)).toContain(path);
  });
});

describe('GET /events/{eventId}/stats: byDay', () => {
  it('counts the addresses confirmed each day in the event\'s time zone, erased and withdrawn ones included, and reconcile recounts the same', async () => {
    // Prepare: a venue fourteen hours ahead of UTC, so its day is often not UTC's.
    await putEvent(api, 'per-day', { timeZone: 'Pacific/Kiritimati' });
    const people = [await registerAndConfirm(api, 'per-day'), await registerAndConfirm(api, 'per-day'), await registerAndConfirm(api, 'per-day')];
    await register(api, 'per-day');
    const confirmedAt = await Promise.all(people.map(async (person) => (await detail('per-day', await idOf('per-day', person.email))).body!));
    const day = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
    const expected: Record<string, number> = {};
    for (const registration of confirmedAt) {
      const at = registration.history.find((entry) => entry.action === 'confirmed_email')!.at;
      expected[day(at)] = (expected[day(at)] ?? 0) + 1;
    }
    expect((await api.postJson('/registrations/withdraw', { token: people[1]!.manage })).status).toBe(200);
    expect((await api.postJson('/registrations/erase', { token: people[2]!.manage })).status).toBe(200);

    // Act
    const counted = (await statsOf(api, 'per-day')).byDay;
    await runtime().counters.replace('per-day', { ...(await runtime().counters.get('per-day')), counts: {} });
    const reconcile = await organizerCall(api, '/events/per-day/reconcile', { method: 'POST' });
    const recounted = (await statsOf(api, 'per-day')).byDay;

    // Assess
    expect(counted).toEqual(expected);
    expect(reconcile.status).toBe(200);
    expect(recounted).toEqual(expected);
  }, 60_000);
});
