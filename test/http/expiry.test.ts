// An unconfirmed registration whose link expired is gone, everywhere: its manage link, the organizers'
// list and their decisions, and the mail sweeper all treat it so, whether or not DynamoDB's TTL (which
// may lag by days, and which dynalite lacks) has deleted it yet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEvent } from '#shared/model/seed-event.ts';
import { emailKey } from '#shared/model/tokens.ts';
import { runtime } from '#shared/runtime/runtime.ts';
import { uniqueEmail, validForm } from '../support/fixtures.ts';
import { backdate, decide, manageToken, organizerCall } from '../support/journeys.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { waitForMail } from '../support/mailbox.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.stop();
});

/** A registration submitted 73 hours ago and never confirmed: its 72-hour link has expired. */
async function expiredRegistration() {
  const email = uniqueEmail('expired');
  await api.postJson(`/events/${seedEvent.id}/registrations`, validForm({ email }));
  const [mail] = await waitForMail(api.sesEndpoint, email);
  await backdate(seedEvent.id, email, 73);
  const stored = (await runtime().registrations.get(seedEvent.id, emailKey(email)))!;
  return { email, manage: manageToken(mail!), registrationId: stored.registrationId };
}

describe('an expired, never confirmed registration', () => {
  it('cannot be read, changed or withdrawn through its manage link', async () => {
    // Prepare
    const { manage } = await expiredRegistration();

    // Act
    const self = await api.request(`/registrations/self?token=${encodeURIComponent(manage)}`);
    const page = await api.request(`/manage?token=${encodeURIComponent(manage)}`);
    const update = await api.postJson('/registrations/update', { token: manage, changes: { organization: 'Elsewhere' } });
    const withdraw = await api.postJson('/registrations/withdraw', { token: manage });

    // Assess: the first answer says the link expired; the registration is then gone altogether.
    expect(self.status).toBe(410);
    expect(((await self.json()) as { error: { code: string } }).error.code).toBe('token_expired');
    for (const later of [page, update, withdraw]) expect([400, 410]).toContain(later.status);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect((await withdraw.json()) as object).not.toMatchObject({ status: 'withdrawn' });
  });

  it('is not listed to organizers, not even among the unconfirmed, and cannot be decided on', async () => {
    // Prepare
    const { email, registrationId } = await expiredRegistration();

    // Act
    const listed = await organizerCall(api, `/events/${seedEvent.id}/registrations?status=pending_confirmation&limit=100`);
    const csv = await organizerCall(api, `/events/${seedEvent.id}/registrations`, { headers: { accept: 'text/csv' } });
    const rejected = await decide(api, seedEvent.id, registrationId, 'reject');

    // Assess: not 409 (the wrong state for a rejection) but 404, as for any registration that is gone.
    const { items } = (await listed.json()) as { items: { email: string }[] };
    expect(items.map((item) => item.email)).not.toContain(email);
    expect(await csv.text()).not.toContain(email);
    expect(rejected.status).toBe(404);
  });
});
