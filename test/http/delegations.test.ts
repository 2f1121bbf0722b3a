import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInEntity } from '#shared/model/delegations.ts';
import { emailKey } from '#shared/model/tokens.ts';
import { runtime } from '#shared/runtime/runtime.ts';
import { uniqueEmail, validForm } from '../support/fixtures.ts';
import { changeNomination, inviteFocalPoints, nominate, nominationToken, ownDelegation } from '../support/delegation-journeys.ts';
import { organizerCall, putEvent } from '../support/journeys.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { linkToken, mailTo, settledMail, waitForMail } from '../support/mailbox.ts';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.stop();
});

const future = new Date(Date.now() + 7 * 86_400_000).toISOString();
const quota = { delegates: 3, heads: 1 };

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe('Delegations: focal points nominate against quotas', () => {
  it('invites a focal point whose link opens the delegation page in their language', async () => {
    // Prepare
    await putEvent(api, 'deleg-page', { delegations: { quota, nominationsCloseAt: future } });
    const email = uniqueEmail('focal');

    // Act
    const [token] = await inviteFocalPoints(api, 'deleg-page', [{ entityId: 'AT', email, language: 'ru' }]);
    const page = await api.request(`/delegation?token=${encodeURIComponent(token!)}`);

    // Assess
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('Делегация: Austria');
    expect(text).toContain('action="/delegations/nominate"');
    const mails = await mailTo(api.sesEndpoint, email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('Austria');
  }, 120_000);

  it('nominates within the quota, waitlists beyond it, refuses a second head and a nominee of another delegation', async () => {
    // Prepare
    await putEvent(api, 'deleg-quota', { delegations: { quota, nominationsCloseAt: future } });
    const [austria, france] = await inviteFocalPoints(api, 'deleg-quota', [
      { entityId: 'AT', email: uniqueEmail('focal-at') },
      { entityId: 'FR', email: uniqueEmail('focal-fr') },
    ]);
    const [head, second, third, fourth, otherHead] = Array.from({ length: 5 }, () => uniqueEmail('nominee'));

    // Act
    const first = await nominate(api, austria!, { email: head!, role: 'head', name: 'Иван Петров' });
    const secondHead = await nominate(api, austria!, { email: otherHead!, role: 'head' });
    const members = [await nominate(api, austria!, { email: second! }), await nominate(api, austria!, { email: third! }), await nominate(api, austria!, { email: fourth! })];
    const elsewhere = await nominate(api, france!, { email: second! });

    // Assess
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ placed: 'nominated', nomination: { role: 'head', status: 'nominated' } });
    expect(secondHead.status).toBe(409);
    expect(await errorCode(secondHead)).toBe('quota_exceeded');
    const placed = await Promise.all(members.map(async (response) => ((await response.json()) as { placed: string }).placed));
    expect(placed).toEqual(['nominated', 'nominated', 'waitlisted']);
    expect(elsewhere.status).toBe(409);
    expect(await errorCode(elsewhere)).toBe('already_nominated');
    const delegation = await ownDelegation(api, austria!);
    expect(delegation).toMatchObject({ delegatesTaken: 3, headsTaken: 1 });
    expect(delegation.nominees.map((nominee) => nominee.status)).toEqual(['nominated', 'nominated', 'nominated', 'waitlisted']);
    expect((await ownDelegation(api, france!)).nominees).toEqual([]);
    // Only the nominees holding a place are invited.
    expect(await waitForMail(api.sesEndpoint, head!, 1)).toHaveLength(1);
    expect(await settledMail(api.sesEndpoint, fourth!, 0)).toHaveLength(0);
  }, 120_000);

  it('lets a nominee register through their invitation, recording the delegation; the link works for their address only', async () => {
    // Prepare
    await putEvent(api, 'deleg-register', { delegations: { quota, nominationsCloseAt: future } });
    const [focal] = await inviteFocalPoints(api, 'deleg-register', [{ entityId: 'UA', email: uniqueEmail('focal-ua') }]);
    const nominee = uniqueEmail('nominee');
    expect((await nominate(api, focal!, { email: nominee })).status).toBe(201);
    const invitation = (await waitForMail(api.sesEndpoint, nominee, 1))[0]!;
    const nomination = nominationToken(invitation);

    // Act
    const stranger = await api.postJson('/events/deleg-register/registrations', validForm({ email: uniqueEmail(), nomination }));
    const own = await api.postJson('/events/deleg-register/registrations', validForm({ email: nominee, country: 'UA', nomination }));
    const before = await ownDelegation(api, focal!);
    const confirmation = (await waitForMail(api.sesEndpoint, nominee, 2)).at(-1)!;
    await api.postJson('/registrations/confirm', { token: linkToken(confirmation) });

    // Assess
    expect(invitation.body.text).toContain('/register/deleg-register?lang=en&nomination=');
    expect(stranger.status).toBe(400);
    expect(await errorCode(stranger)).toBe('invalid_token');
    expect(own.status).toBe(202);
    expect(before.nominees[0]!.registrationStatus).toBe('pending_confirmation');
    expect((await ownDelegation(api, focal!)).nominees[0]!.registrationStatus).toBe('confirmed');
    const overview = (await (await organizerCall(api, '/events/deleg-register/delegations', {}, ['viewers'])).json()) as { items: { entityId: string; unconfirmed: number; nominees: unknown[] }[] };
    expect(overview.items.find((item) => item.entityId === 'UA')).toMatchObject({ unconfirmed: 0, nominees: [{ email: nominee, registrationStatus: 'confirmed' }] });
  }, 120_000);

  it('gives a withdrawn nominee\'s place to the head of the waiting list, who is then invited', async () => {
    // Prepare
    await putEvent(api, 'deleg-withdraw', { delegations: { quota: { delegates: 1, heads: 1 }, nominationsCloseAt: future } });
    const [focal] = await inviteFocalPoints(api, 'deleg-withdraw', [{ entityId: 'DE', email: uniqueEmail('focal-de') }]);
    const [first, waiting] = [uniqueEmail('nominee'), uniqueEmail('nominee')];
    const placed = (await (await nominate(api, focal!, { email: first })).json()) as { nomination: { nominationId: string } };
    await nominate(api, focal!, { email: waiting });

    // Act
    const withdrawn = await api.postJson('/delegations/withdraw', { token: focal, nominationId: placed.nomination.nominationId });

    // Assess
    expect(withdrawn.status).toBe(200);
    expect(await withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    const delegation = await ownDelegation(api, focal!);
    expect(delegation.nominees.map((nominee) => [nominee.email, nominee.status])).toEqual([
      [first, 'withdrawn'],
      [waiting, 'nominated'],
    ]);
    expect(delegation.delegatesTaken).toBe(1);
    expect(await waitForMail(api.sesEndpoint, waiting, 1)).toHaveLength(1);
  }, 120_000);

  it('gives a nominee whose first try took a place but failed before the nomination was written that same place on the retry', async () => {
    // Prepare: one place; the first try of Petra's nomination took it and then lost its database
    // connection (the API answered 503), as against a busy database on CI: only the place was written.
    await putEvent(api, 'deleg-retry', { delegations: { quota: { delegates: 1, heads: 1 }, nominationsCloseAt: future } });
    const [focal] = await inviteFocalPoints(api, 'deleg-retry', [{ entityId: 'FI', email: uniqueEmail('focal-fi') }]);
    const petra = uniqueEmail('petra');
    const places = runtime().delegations;
    await places.takePlace('deleg-retry', builtInEntity('FI')!, 'member', { delegates: 1, heads: 1 }, emailKey(petra));

    // Act: the focal point's client tries again; then somebody else asks for a place
    const retried = await nominate(api, focal!, { email: petra });
    const other = await nominate(api, focal!, { email: uniqueEmail('other') });

    // Assess: Petra holds the delegation's one place, once; the next nominee waits
    expect(retried.status).toBe(201);
    expect(await retried.json()).toMatchObject({ placed: 'nominated' });
    expect(await other.json()).toMatchObject({ placed: 'waitlisted' });
    const delegation = await ownDelegation(api, focal!);
    expect(delegation.delegatesTaken).toBe(1);
    expect(delegation.nominees.filter((nominee) => nominee.status === 'nominated').map((nominee) => nominee.email)).toEqual([petra]);
  }, 120_000);

  it('gives back, on reconcile, a place whose nomination failed and was never tried again, to the waiting list', async () => {
    // Prepare: a nomination took Finland's one place and failed before it was written; nobody tried
    // again, so the next nominee waits behind a place nobody holds.
    await putEvent(api, 'deleg-repair', { delegations: { quota: { delegates: 1, heads: 1 }, nominationsCloseAt: future } });
    const [focal] = await inviteFocalPoints(api, 'deleg-repair', [{ entityId: 'FI', email: uniqueEmail('focal-fi') }]);
    await runtime().delegations.takePlace('deleg-repair', builtInEntity('FI')!, 'member', { delegates: 1, heads: 1 }, emailKey(uniqueEmail('gone')));
    const waiting = uniqueEmail('waiting');
    const before = (await (await nominate(api, focal!, { email: waiting })).json()) as { placed: string };

    // Act
    const reconcile = await organizerCall(api, '/events/deleg-repair/reconcile', { method: 'POST' });

    // Assess: the unused place is given back and goes to the waiting nominee, who is invited
    expect(before.placed).toBe('waitlisted');
    expect(reconcile.status).toBe(200);
    expect(await reconcile.json()).toMatchObject({ delegationPlaces: { released: 1, restored: 0 } });
    const delegation = await ownDelegation(api, focal!);
    expect(delegation.nominees.map((nominee) => [nominee.email, nominee.status])).toEqual([[waiting, 'nominated']]);
    expect(delegation.delegatesTaken).toBe(1);
    expect(await waitForMail(api.sesEndpoint, waiting, 1)).toHaveLength(1);
  }, 120_000);

  it('repairs a lost place before it gives unused ones to the waiting list, so the quota holds', async () => {
    // Prepare: one place, held by nobody's nomination; Berit stands nominated but lost her place; Carl waits.
    await putEvent(api, 'deleg-repair-order', { delegations: { quota: { delegates: 1, heads: 1 }, nominationsCloseAt: future } });
    const [focal] = await inviteFocalPoints(api, 'deleg-repair-order', [{ entityId: 'NO', email: uniqueEmail('focal-no') }]);
    const [berit, carl] = [uniqueEmail('berit'), uniqueEmail('carl')];
    const norway = builtInEntity('NO')!;
    expect(await (await nominate(api, focal!, { email: berit })).json()).toMatchObject({ placed: 'nominated' });
    await runtime().delegations.releasePlace('deleg-repair-order', norway, emailKey(berit));
    await runtime().delegations.takePlace('deleg-repair-order', norway, 'member', undefined, emailKey(uniqueEmail('ghost')));
    expect(await (await nominate(api, focal!, { email: carl })).json()).toMatchObject({ placed: 'waitlisted' });

    // Act
    const reconcile = await organizerCall(api, '/events/deleg-repair-order/reconcile', { method: 'POST' });

    // Assess: Berit keeps the one place, Carl still waits
    expect(await reconcile.json()).toMatchObject({ delegationPlaces: { released: 1, restored: 1 } });
    const delegation = await ownDelegation(api, focal!);
    expect(delegation.nominees.map((nominee) => [nominee.email, nominee.status])).toEqual([[berit, 'nominated'], [carl, 'waitlisted']]);
    expect(delegation.delegatesTaken).toBe(1);
  }, 120_000);

  it('counts heads exactly: none where the quota allows none, and no head left by a head\'s try that came back as a member', async () => {
    // Prepare
    await putEvent(api, 'deleg-heads', { delegations: { quota: { delegates: 3, heads: 0 }, nominationsCloseAt: future } });
    await putEvent(api, 'deleg-head-retry', { delegations: { quota: { delegates: 3, heads: 1 }, nominationsCloseAt: future } });
    const [noHeads] = await inviteFocalPoints(api, 'deleg-heads', [{ entityId: 'SE', email: uniqueEmail('focal-se') }]);
    const [focal] = await inviteFocalPoints(api, 'deleg-head-retry', [{ entityId: 'DK', email: uniqueEmail('focal-dk') }]);
    const dana = uniqueEmail('dana');
    // Dana's try as head took a head's place and failed before her nomination was written.
    await runtime().delegations.takePlace('deleg-head-retry', builtInEntity('DK')!, 'head', { delegates: 3, heads: 1 }, emailKey(dana));

    // Act
    const head = await nominate(api, noHeads!, { email: uniqueEmail('head'), role: 'head' });
    const asMember = await nominate(api, focal!, { email: dana, role: 'member' });
    const realHead = await nominate(api, focal!, { email: uniqueEmail('head'), role: 'head' });

    // Assess
    expect(head.status).toBe(409);
    expect(await errorCode(head)).toBe('quota_exceeded');
    expect(asMember.status).toBe(201);
    expect(realHead.status).toBe(201);
    expect(await realHead.json()).toMatchObject({ placed: 'nominated', nomination: { role: 'head' } });
    expect(await ownDelegation(api, focal!)).toMatchObject({ delegatesTaken: 2, headsTaken: 1 });
  }, 120_000);

  it('gives the place back when a withdrawal is tried again after its first try stopped short of it', async () => {
    // Prepare: Erik's withdrawal was written, but the place was not given back (the database went away); Frida waits.
    await putEvent(api, 'deleg-withdraw-retry', { delegations: { quota: { delegates: 1, heads: 1 }, nominationsCloseAt: future } });
    const [focal] = await inviteFocalPoints(api, 'deleg-withdraw-retry', [{ entityId: 'IS', email: uniqueEmail('focal-is') }]);
    const [erik, frida] = [uniqueEmail('erik'), uniqueEmail('frida')];
    const placed = (await (await nominate(api, focal!, { email: erik })).json()) as { nomination: { nominationId: string } };
    expect(await (await nominate(api, focal!, { email: frida })).json()).toMatchObject({ placed: 'waitlisted' });
    await changeNomination('deleg-withdraw-retry', erik, () => ({ status: 'withdrawn', withdrawnAt: new Date().toISOString(), pendingMails: [] }));

    // Act
    const retried = await api.postJson('/delegations/withdraw', { token: focal!, nominationId: placed.nomination.nominationId });

    // Assess: the place went to Frida, who is invited
    expect(retried.status).toBe(200);
    const delegation = await ownDelegation(api, focal!);
    expect(delegation.nominees.map((nominee) => [nominee.email, nominee.status])).toEqual([[erik, 'withdrawn'], [frida, 'nominated']]);
    expect(delegation.delegatesTaken).toBe(1);
    expect(await waitForMail(api.sesEndpoint, frida, 1)).toHaveLength(1);
  }, 120_000);

  it('refuses an unknown entity (writing nothing), nominations after the deadline, and lifts a quota for one entity', async () => {
    // Prepare
    await putEvent(api, 'deleg-rules', { delegations: { quota: { delegates: 1, heads: 0 }, nominationsCloseAt: future } });
    const known = uniqueEmail('focal-it');

    // Act
    const unknown = await organizerCall(api, '/events/deleg-rules/delegations/focal-points', {
      method: 'POST',
      body: JSON.stringify({ invitations: [{ entityId: 'IT', email: known }, { entityId: 'XX', email: uniqueEmail() }] }),
    });
    const added = await organizerCall(api, '/events/deleg-rules/delegations', { method: 'POST', body: JSON.stringify({ id: 'unodc', name: 'United Nations Office on Drugs and Crime', kind: 'international_organization' }) });
    const [focal] = await inviteFocalPoints(api, 'deleg-rules', [{ entityId: 'unodc', email: uniqueEmail('focal-unodc') }]);
    const lifted = await organizerCall(api, '/events/deleg-rules/delegations/unodc', { method: 'PATCH', body: JSON.stringify({ quotaLifted: true }) });
    const many = [];
    for (let i = 0; i < 3; i++) many.push(((await (await nominate(api, focal!, { email: uniqueEmail() })).json()) as { placed: string }).placed);
    await putEvent(api, 'deleg-rules', { delegations: { quota: { delegates: 1, heads: 0 }, nominationsCloseAt: new Date(Date.now() - 1000).toISOString() } });
    const late = await nominate(api, focal!, { email: uniqueEmail() });

    // Assess
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'unknown_entity', issues: [{ path: 'invitations.1.entityId' }] } });
    expect(await settledMail(api.sesEndpoint, known, 0)).toHaveLength(0);
    expect(added.status).toBe(201);
    expect(lifted.status).toBe(200);
    expect(await lifted.json()).toMatchObject({ quotaLifted: true, quota: null });
    expect(many).toEqual(['nominated', 'nominated', 'nominated']);
    expect(late.status).toBe(409);
    expect(await errorCode(late)).toBe('nominations_closed');
    const overview = (await (await organizerCall(api, '/events/deleg-rules/delegations')).json()) as { items: { entityId: string; focalPoints: unknown[] }[] };
    expect(overview.items.map((item) => item.entityId)).toEqual(['unodc']);
  }, 120_000);

  it('answers the delegation page\'s form posts with the page, and holds staff routes to their roles', async () => {
    // Prepare
    await putEvent(api, 'deleg-form', { delegations: { quota, nominationsCloseAt: future } });
    const [focal] = await inviteFocalPoints(api, 'deleg-form', [{ entityId: 'FR', email: uniqueEmail('focal-fr'), language: 'fr' }]);
    const form = (fields: Record<string, string>) => api.request('/delegations/nominate', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

    // Act
    const done = await form({ token: focal!, lang: 'fr', name: 'Marie Curie', email: uniqueEmail(), function: 'Conseillère', role: 'member', language: 'fr' });
    const refused = await form({ token: focal!, lang: 'fr', name: 'Marie Curie', email: 'not an address', function: 'Conseillère', role: 'member', language: 'fr' });
    const asViewer = await organizerCall(api, '/events/deleg-form/delegations/focal-points', { method: 'POST', body: JSON.stringify({ invitations: [{ entityId: 'FR', email: uniqueEmail() }] }) }, ['viewers']);

    // Assess
    expect(done.status).toBe(200);
    const page = await done.text();
    expect(page).toContain('La désignation est enregistrée');
    expect(page).toContain('Marie Curie');
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('text/html');
    expect(asViewer.status).toBe(403);
  }, 120_000);
});
