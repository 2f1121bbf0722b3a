import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '#shared/i18n/index.ts';
import { emailKey } from '#shared/model/tokens.ts';
import { runtime } from '#shared/runtime/runtime.ts';
import { validForm } from '../support/fixtures.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { mailTo, settledMail, waitForMail } from '../support/mailbox.ts';
import {
  confirm,
  decide,
  manageToken,
  organizerCall,
  putEvent,
  register,
  registerAndConfirm,
  registrationsOf,
  statsOf,
} from '../support/journeys.ts';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.stop();
});

const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe('Event settings', () => {
  it('creates an event with 201, replaces it with 200, and lists it', async () => {
    // Act
    const created = await putEvent(api, 'settings-demo', { capacity: 30, approval: 'required', title: 'Expert meeting' });
    const replaced = await putEvent(api, 'settings-demo', { capacity: 40, title: 'Expert meeting (revised)' });
    const listed = await api.request('/events');

    // Assess
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: 'settings-demo', capacity: 30, approval: 'required' });
    expect(replaced.status).toBe(200);
    const { items } = (await listed.json()) as { items: { id: string; title: string; capacity?: number }[] };
    expect(items.find((event) => event.id === 'settings-demo')).toMatchObject({ title: 'Expert meeting (revised)', capacity: 40 });
    expect(items.map((event) => event.id)).toContain('osce-drugs-2017');
  });

  it.each([
    ['a capacity of 0', { capacity: 0 }, 'capacity'],
    ['an unknown approval mode', { approval: 'sometimes' }, 'approval'],
    ['a window that closes before it opens', { registration: { opensAt: '2027-02-01T00:00:00Z', closesAt: '2027-01-01T00:00:00Z' } }, 'registration.closesAt'],
    ['no categories', { categories: [] }, 'categories'],
    ['an unknown field', { colour: 'blue' }, 'colour'],
  ])('refuses %s with 400 validation_failed', async (_label, settings, path) => {
    // Act
    const response = await putEvent(api, 'settings-invalid', settings as never);

    // Assess
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.issues.map((issue) => issue.path)).toContain(path);
    expect((await api.request('/events/settings-invalid')).status).toBe(404);
  });

  it('lets only organizers change events', async () => {
    // Act
    const anonymous = await api.request('/events/settings-anon', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
    const staff = await organizerCall(api, '/events/settings-anon', { method: 'PUT', body: '{}' }, ['staff']);

    // Assess
    expect(anonymous.status).toBe(401);
    expect(staff.status).toBe(403);
  });

  it('answers 409 registration_closed outside the window set by organizers', async () => {
    // Prepare
    await putEvent(api, 'settings-closed', { registration: { closesAt: '2021-01-01T00:00:00Z' } });

    // Act
    const response = await api.postJson('/events/settings-closed/registrations', { firstName: 'x' });

    // Assess
    expect(response.status).toBe(409);
    expect(await errorCode(response)).toBe('registration_closed');
  });
});

describe('Capacity and waiting list', () => {
  it('waitlists confirmations beyond capacity, says so, and promotes the oldest when a seat frees', async () => {
    // Prepare
    await putEvent(api, 'cap-two', { capacity: 2 });
    const first = await registerAndConfirm(api, 'cap-two');
    const second = await registerAndConfirm(api, 'cap-two');

    // Act
    const third = await registerAndConfirm(api, 'cap-two');
    const fourth = await registerAndConfirm(api, 'cap-two');

    // Assess
    expect([first.outcome.status, second.outcome.status]).toEqual(['confirmed', 'confirmed']);
    expect(third.outcome).toMatchObject({ status: 'waitlisted', position: 1, reference: expect.stringMatching(/^DRUGS17-/) });
    expect(fourth.outcome).toMatchObject({ status: 'waitlisted', position: 2 });
    expect(third.mails[1]?.subject).toContain('waiting list');
    expect(third.mails[1]?.body.text).toContain('number 1 on the waiting list');
    expect(await statsOf(api, 'cap-two')).toMatchObject({ capacity: 2, seatsTaken: 2, seatsLeft: 0, waitlistLength: 2 });

    // Act: a confirmed participant withdraws
    const withdrawn = await api.postJson('/registrations/withdraw', { token: first.manage });

    // Assess
    expect(await withdrawn.json()).toEqual({ status: 'withdrawn' });
    const thirdMails = await waitForMail(api.sesEndpoint, third.email, 3);
    expect(thirdMails[2]?.subject).toContain('A seat is now available');
    const statuses = Object.fromEntries((await registrationsOf(api, 'cap-two')).map((item) => [item.email, item.status]));
    expect(statuses).toEqual({ [first.email]: 'withdrawn', [second.email]: 'confirmed', [third.email]: 'confirmed', [fourth.email]: 'waitlisted' });
    const self = (await (await api.request(`/registrations/self?token=${encodeURIComponent(fourth.manage)}`)).json()) as { waitlistPosition: number };
    expect(self.waitlistPosition).toBe(1);
    expect(await statsOf(api, 'cap-two')).toMatchObject({
      seatsTaken: 2,
      seatsLeft: 0,
      waitlistLength: 1,
      byStatus: expect.objectContaining({ confirmed: 2, waitlisted: 1, withdrawn: 1 }),
    });
  });

  it('tells a participant confirming from the page that they are on the waiting list', async () => {
    // Prepare
    await putEvent(api, 'cap-page', { capacity: 1 });
    await registerAndConfirm(api, 'cap-page');
    const late = await register(api, 'cap-page', { language: 'fr' });

    // Act
    const response = await api.request('/registrations/confirm', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: late.confirmToken, lang: 'fr' }).toString(),
    });

    // Assess
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain(`<h1>${messagesFor('fr').statuses.waitlisted}</h1>`);
    expect(page).toMatch(/<strong id="reference">DRUGS17-/);
  });

  it('promotes from the waiting list when organizers raise the capacity', async () => {
    // Prepare
    await putEvent(api, 'cap-raise', { capacity: 1 });
    await registerAndConfirm(api, 'cap-raise');
    const waiting = [await registerAndConfirm(api, 'cap-raise'), await registerAndConfirm(api, 'cap-raise')];

    // Act
    await putEvent(api, 'cap-raise', { capacity: 2 });

    // Assess
    const statuses = Object.fromEntries((await registrationsOf(api, 'cap-raise')).map((item) => [item.email, item.status]));
    expect(statuses[waiting[0]!.email]).toBe('confirmed');
    expect(statuses[waiting[1]!.email]).toBe('waitlisted');
    expect((await waitForMail(api.sesEndpoint, waiting[0]!.email, 3))[2]?.subject).toContain('A seat is now available');
  });
});

describe('Approval', () => {
  it('holds confirmed addresses for review, and approves and rejects them with history and e-mails', async () => {
    // Prepare
    await putEvent(api, 'approval-flow', { approval: 'required', capacity: 1 });
    const alice = await registerAndConfirm(api, 'approval-flow');
    const bob = await registerAndConfirm(api, 'approval-flow');
    const carol = await registerAndConfirm(api, 'approval-flow');
    const ids = Object.fromEntries((await registrationsOf(api, 'approval-flow')).map((item) => [item.email, item.registrationId]));

    // Act
    const approved = await decide(api, 'approval-flow', ids[alice.email]!, 'approve');
    const overCapacity = await decide(api, 'approval-flow', ids[bob.email]!, 'approve');
    const rejected = await decide(api, 'approval-flow', ids[carol.email]!, 'reject', { body: JSON.stringify({ reason: 'The delegation quota is reached' }) });

    // Assess
    expect(alice.outcome.status).toBe('awaiting_approval');
    expect(alice.mails[1]?.subject).toContain('Registration received');
    expect(approved.status).toBe(200);
    const approvedBody = (await approved.json()) as { status: string; history: { actor: string; action: string; at: string }[] };
    expect(approvedBody.status).toBe('approved');
    expect(approvedBody.history.at(-1)).toMatchObject({ actor: 'organizer:local-organizer', action: 'approved', from: 'awaiting_approval', to: 'approved' });
    expect(((await overCapacity.json()) as { status: string }).status).toBe('waitlisted');
    const rejectedBody = (await rejected.json()) as { status: string; history: { reason?: string }[] };
    expect(rejectedBody).toMatchObject({ status: 'rejected' });
    expect(rejectedBody.history.at(-1)?.reason).toBe('The delegation quota is reached');
    expect((await waitForMail(api.sesEndpoint, alice.email, 3))[2]?.subject).toContain('Registration approved');
    const carolMails = await waitForMail(api.sesEndpoint, carol.email, 3);
    expect(carolMails[2]?.subject).toContain('not accepted');
    expect(carolMails[2]?.body.text).toContain('The delegation quota is reached');

    // Act: rejecting the approved one frees the seat for the approved one waiting
    await decide(api, 'approval-flow', ids[alice.email]!, 'reject');

    // Assess
    const statuses = Object.fromEntries((await registrationsOf(api, 'approval-flow')).map((item) => [item.email, item.status]));
    expect(statuses).toEqual({ [alice.email]: 'rejected', [bob.email]: 'approved', [carol.email]: 'rejected' });
    expect(await statsOf(api, 'approval-flow')).toMatchObject({ seatsTaken: 1, waitlistLength: 0, byStatus: expect.objectContaining({ approved: 1, rejected: 2 }) });
  });

  it('binds a decision to the data the organizer saw: If-Match with its revision, 412 when it changed since', async () => {
    // Prepare: a registration awaiting approval, as the organizer's list shows it.
    await putEvent(api, 'bound-decision', { approval: 'required' });
    const person = await registerAndConfirm(api, 'bound-decision', { lastName: 'Reviewed' });
    const [seen] = await registrationsOf(api, 'bound-decision');
    const path = `/events/bound-decision/registrations/${seen!.registrationId}/approve`;

    // Act: a decision without a revision; the participant changes the name; the decision on the old data.
    const unbound = await organizerCall(api, path, { method: 'POST' });
    await api.postJson('/registrations/update', { token: person.manage, changes: { lastName: 'Swapped' } });
    const stale = await organizerCall(api, path, { method: 'POST', headers: { 'if-match': `"${seen!.revision}"` } });
    const [now] = await registrationsOf(api, 'bound-decision');
    const current = await organizerCall(api, path, { method: 'POST', headers: { 'if-match': `"${now!.revision}"` } });

    // Assess
    expect(unbound.status).toBe(428);
    expect(await errorCode(unbound)).toBe('precondition_required');
    expect(stale.status).toBe(412);
    expect(await errorCode(stale)).toBe('precondition_failed');
    expect(stale.headers.get('etag')).toBe(`"${now!.revision}"`);
    expect(current.status).toBe(200);
    expect(await current.json()).toMatchObject({ status: 'approved', lastName: 'Swapped' });
    expect(current.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);
  });

  it('keeps a decision valid when only bookkeeping changed (a bounce recorded), not the data', async () => {
    // Prepare
    await putEvent(api, 'bookkeeping', { approval: 'required' });
    const person = await registerAndConfirm(api, 'bookkeeping');
    const [seen] = await registrationsOf(api, 'bookkeeping');
    await runtime().registrations.markEmailStatus('bookkeeping', emailKey(person.email), 'bounced');

    // Act
    const decision = await organizerCall(api, `/events/bookkeeping/registrations/${seen!.registrationId}/approve`, { method: 'POST', headers: { 'if-match': `"${seen!.revision}"` } });

    // Assess
    expect(decision.status).toBe(200);
  });

  it.each([
    ['approve a withdrawn registration', 'withdrawn', 'approve'],
    ['approve an approved registration', 'approved', 'approve'],
    ['reject a withdrawn registration', 'withdrawn', 'reject'],
  ] as const)('refuses to %s with 409 invalid_transition and changes nothing', async (_label, state, action) => {
    // Prepare
    const eventId = `illegal-${state}-${action}`;
    await putEvent(api, eventId, { approval: 'required' });
    const person = await registerAndConfirm(api, eventId);
    const registrationId = (await registrationsOf(api, eventId))[0]!.registrationId;
    if (state === 'withdrawn') await api.postJson('/registrations/withdraw', { token: person.manage });
    if (state === 'approved') await decide(api, eventId, registrationId, 'approve');
    const before = await registrationsOf(api, eventId);

    // Act
    const response = await decide(api, eventId, registrationId, action);

    // Assess
    expect(response.status).toBe(409);
    expect(await errorCode(response)).toBe('invalid_transition');
    expect(await registrationsOf(api, eventId)).toEqual(before);
  });

  it('answers an unknown registration id with 404', async () => {
    // Act
    const response = await decide(api, 'osce-drugs-2017', '01NOSUCHREGISTRATION0000000', 'approve');

    // Assess
    expect(response.status).toBe(404);
  });
});

describe('Self-service', () => {
  it('puts a manage link in every e-mail and shows the registration on a page that changes nothing', async () => {
    // Prepare
    const person = await register(api, 'osce-drugs-2017', { language: 'es' });
    const token = manageToken(person.mails[0]!);

    // Act
    const page = await api.request(`/manage?token=${encodeURIComponent(token)}`);
    const self = await api.request(`/registrations/self?token=${encodeURIComponent(token)}`);

    // Assess
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('<html lang="es">');
    expect(text).toContain('action="/registrations/withdraw"');
    expect(text).toContain('action="/registrations/erase"');
    expect(text).toContain('action="/registrations/update"');
    expect(await self.json()).toMatchObject({ email: person.email, status: 'pending_confirmation', canEdit: true, canWithdraw: true });
    expect(JSON.stringify(await (await api.request(`/registrations/self?token=${encodeURIComponent(token)}`)).json())).not.toMatch(/hash|secret/i);
    await confirm(api, person);
  });

  it('lets a participant correct their data, never their address, and sends a correction after approval back for review', async () => {
    // Prepare
    await putEvent(api, 'self-update', { approval: 'required' });
    const person = await registerAndConfirm(api, 'self-update');

    // Act
    const updated = await api.postJson('/registrations/update', { token: person.manage, changes: { organization: 'Ministry of Health', position: null } });
    const addressChange = await api.postJson('/registrations/update', { token: person.manage, changes: { email: 'someone@else.example' } });
    const badCountry = await api.postJson('/registrations/update', { token: person.manage, changes: { country: 'JP' } });
    const registrationId = (await registrationsOf(api, 'self-update'))[0]!.registrationId;
    await decide(api, 'self-update', registrationId, 'approve');
    const afterApproval = await api.postJson('/registrations/update', { token: person.manage, changes: { organization: 'Late' } });

    // Assess
    expect(updated.status).toBe(200);
    const body = (await updated.json()) as { organization: string; position?: string };
    expect(body.organization).toBe('Ministry of Health');
    expect(body.position).toBeUndefined();
    expect(addressChange.status).toBe(400);
    expect(((await addressChange.json()) as { error: { issues: { path: string; code: string }[] } }).error.issues).toEqual([
      expect.objectContaining({ path: 'changes.email', code: 'not_changeable' }),
    ]);
    expect(badCountry.status).toBe(400);
    expect(((await badCountry.json()) as { error: { issues: { path: string }[] } }).error.issues[0]?.path).toBe('changes.country');
    expect(afterApproval.status).toBe(200);
    expect(await afterApproval.json()).toMatchObject({ organization: 'Late', status: 'awaiting_reapproval' });
    const [listed] = await registrationsOf(api, 'self-update');
    expect(listed).toMatchObject({ status: 'awaiting_reapproval', organization: 'Late' });
    // The seat stays taken while the organizers look at the change again.
    expect(await statsOf(api, 'self-update')).toMatchObject({ seatsTaken: 1, byStatus: expect.objectContaining({ approved: 0, awaiting_reapproval: 1 }) });
  });

  it('takes corrections from the manage page as a form post', async () => {
    // Prepare
    const person = await registerAndConfirm(api, 'osce-drugs-2017');

    // Act
    const response = await api.request('/registrations/update', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: person.manage, firstName: 'Annemarie', position: '', language: 'de' }).toString(),
    });

    // Assess
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<html lang="de">');
    const self = (await (await api.request(`/registrations/self?token=${encodeURIComponent(person.manage)}`)).json()) as Record<string, unknown>;
    expect(self).toMatchObject({ firstName: 'Annemarie', language: 'de' });
    expect(self.position).toBeUndefined();
  });

  it('withdraws once; a second withdrawal is 409 invalid_transition', async () => {
    // Prepare
    const person = await registerAndConfirm(api, 'osce-drugs-2017');

    // Act
    const first = await api.postJson('/registrations/withdraw', { token: person.manage });
    const second = await api.postJson('/registrations/withdraw', { token: person.manage });

    // Assess
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ status: 'withdrawn' });
    expect(second.status).toBe(409);
    expect(await errorCode(second)).toBe('invalid_transition');
    expect((await waitForMail(api.sesEndpoint, person.email, 3))[2]?.subject).toContain('Registration withdrawn');
  });

  it('erases the personal data, keeps an anonymous count, and retires the link', async () => {
    // Prepare
    await putEvent(api, 'self-erase');
    const person = await registerAndConfirm(api, 'self-erase', { lastName: 'Erasable' });

    // Act
    const response = await api.postJson('/registrations/erase', { token: person.manage });

    // Assess
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'erased' });
    expect(await registrationsOf(api, 'self-erase')).toEqual([]);
    const csv = await (await organizerCall(api, '/events/self-erase/registrations', { headers: { accept: 'text/csv' } })).text();
    expect(csv).not.toContain('Erasable');
    expect((await statsOf(api, 'self-erase')).byStatus).toMatchObject({ erased: 1, confirmed: 0 });
    expect((await api.request(`/registrations/self?token=${encodeURIComponent(person.manage)}`)).status).toBe(400);
    expect((await api.postJson('/registrations/erase', { token: person.manage })).status).toBe(400);
  });

  it('keeps a rejection in force when the participant erases the registration and registers again', async () => {
    // Prepare: a rejected registration, erased through its manage link.
    await putEvent(api, 'reject-erase', { approval: 'required' });
    const person = await registerAndConfirm(api, 'reject-erase', { lastName: 'Declined' });
    const { registrationId } = (await registrationsOf(api, 'reject-erase'))[0]!;
    const rejection = await decide(api, 'reject-erase', registrationId, 'reject', { body: '{"reason":"Not invited"}' });
    expect(rejection.status).toBe(200);
    const mailsBefore = (await waitForMail(api.sesEndpoint, person.email, 3)).length;
    expect((await api.postJson('/registrations/erase', { token: person.manage })).status).toBe(200);

    // Act
    const again = await api.postJson('/events/reject-erase/registrations', validForm({ email: person.email, lastName: 'Declined' }));

    // Assess: the same answer as ever, but no registration and no mail with a link.
    expect(again.status).toBe(202);
    expect(await registrationsOf(api, 'reject-erase')).toEqual([]);
    expect(await settledMail(api.sesEndpoint, person.email)).toHaveLength(mailsBefore);
  });

  it('refuses a manage token used on another registration, and a confirmation token used as a manage token', async () => {
    // Prepare
    const alice = await registerAndConfirm(api, 'osce-drugs-2017');
    const bob = await registerAndConfirm(api, 'osce-drugs-2017');
    const [eventId, , aliceSecret] = alice.manage.split('.');
    const [, bobKey] = bob.manage.split('.');
    const swapped = `${eventId}.${bobKey}.${aliceSecret}`;

    // Act
    const onOther = await api.postJson('/registrations/withdraw', { token: swapped });
    const confirmAsManage = await api.postJson('/registrations/withdraw', { token: alice.confirmToken });

    // Assess
    expect(onOther.status).toBe(400);
    expect(await errorCode(onOther)).toBe('invalid_token');
    expect(confirmAsManage.status).toBe(400);
    const statuses = (await registrationsOf(api, 'osce-drugs-2017')).filter((item) => [alice.email, bob.email].includes(item.email));
    expect(statuses.map((item) => item.status)).toEqual(['confirmed', 'confirmed']);
  });

  it('keeps older manage links working after newer e-mails', async () => {
    // Prepare
    const person = await register(api, 'osce-drugs-2017');
    const firstLink = manageToken(person.mails[0]!);
    await confirm(api, person);
    await waitForMail(api.sesEndpoint, person.email, 2);

    // Act
    const response = await api.request(`/registrations/self?token=${encodeURIComponent(firstLink)}`);

    // Assess
    expect(response.status).toBe(200);
    expect(await mailTo(api.sesEndpoint, person.email)).toHaveLength(2);
  });
});

describe('Organizer views', () => {
  it('filters the list by every status', async () => {
    // Prepare
    await putEvent(api, 'views-status', { approval: 'required', capacity: 1 });
    const pending = await register(api, 'views-status');
    const awaiting = await registerAndConfirm(api, 'views-status');
    const approved = await registerAndConfirm(api, 'views-status');
    const waitlisted = await registerAndConfirm(api, 'views-status');
    const rejected = await registerAndConfirm(api, 'views-status');
    const withdrawn = await registerAndConfirm(api, 'views-status');
    const ids = Object.fromEntries((await registrationsOf(api, 'views-status')).map((item) => [item.email, item.registrationId]));
    const decideAbout = (email: string, action: 'approve' | 'reject') => decide(api, 'views-status', ids[email]!, action);
    await decideAbout(approved.email, 'approve');
    await decideAbout(waitlisted.email, 'approve');
    await decideAbout(rejected.email, 'reject');
    await api.postJson('/registrations/withdraw', { token: withdrawn.manage });

    // Act
    const byStatus: Record<string, string[]> = {};
    for (const status of ['pending_confirmation', 'awaiting_approval', 'approved', 'waitlisted', 'rejected', 'withdrawn']) {
      byStatus[status] = (await registrationsOf(api, 'views-status', `&status=${status}`)).map((item) => item.email);
    }

    // Assess
    expect(byStatus).toEqual({
      pending_confirmation: [pending.email],
      awaiting_approval: [awaiting.email],
      approved: [approved.email],
      waitlisted: [waitlisted.email],
      rejected: [rejected.email],
      withdrawn: [withdrawn.email],
    });
    const stats = await statsOf(api, 'views-status');
    expect(stats.byStatus).toMatchObject({ awaiting_approval: 1, approved: 1, waitlisted: 1, rejected: 1, withdrawn: 1 });
    // Unconfirmed registrations are listed but not counted: DynamoDB's TTL removes them silently.
    expect(stats.byStatus).not.toHaveProperty('pending_confirmation');
    expect(stats.byCategory).toEqual({ participating_state: 3 });
    expect(stats.byCountry).toEqual({ AT: 3 });
  });
});
