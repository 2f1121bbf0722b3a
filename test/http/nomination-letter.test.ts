import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail } from '../support/fixtures.ts';
import { inviteFocalPoints, letterForm, ownDelegation, postLetter } from '../support/delegation-journeys.ts';
import { jpeg, pdf } from '../support/images.ts';
import { organizerCall, putEvent } from '../support/journeys.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.stop();
});

const future = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

const formPost = (path: string, fields: Record<string, string>) =>
  api.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

describe('The delegation\'s nomination letter', () => {
  it('is uploaded from the delegation page straight to the bucket, attached, shown to organizers and downloadable by them', async () => {
    // Prepare
    await putEvent(api, 'letter-ok', { delegations: { nominationsCloseAt: future() } });
    const [focal] = await inviteFocalPoints(api, 'letter-ok', [{ entityId: 'SI', email: uniqueEmail('focal-si') }]);
    const page = await api.request(`/delegation?token=${encodeURIComponent(focal!)}`);
    const html = await page.text();

    // Act: the browser posts the form; the bucket sends it back to the page, which offers to attach; the focal point attaches
    const posted = await postLetter(html, pdf());
    const back = new URL(posted.headers.get('location') ?? '');
    const offered = await (await api.request(`${back.pathname}${back.search}`)).text();
    const uploadId = back.searchParams.get('letter')!;
    const attached = await formPost('/delegations/letter', { token: focal!, uploadId, lang: 'en' });
    const again = await api.postJson('/delegations/letter', { token: focal!, uploadId });
    const overview = await organizerCall(api, '/events/letter-ok/delegations', {}, ['viewers']);
    const link = await organizerCall(api, '/events/letter-ok/delegations/SI/letter', {}, ['viewers']);

    // Assess
    expect(page.headers.get('content-security-policy')).toContain(`form-action 'self' ${new URL(letterForm(html).action).origin}`);
    expect(posted.status).toBe(303);
    expect(back.pathname).toBe('/delegation');
    expect(offered).toContain('Attach it as the delegation’s nomination letter?');
    expect(offered).toContain(`name="uploadId" value="${uploadId}"`);
    expect(attached.status).toBe(200);
    expect(await attached.text()).toContain('The nomination letter is attached.');
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ letter: { size: pdf().length } });
    expect((await ownDelegation(api, focal!)) as unknown).toMatchObject({ letter: { size: pdf().length } });
    const slovenia = ((await overview.json()) as { items: { entityId: string; letter: unknown }[] }).items.find((item) => item.entityId === 'SI');
    expect(slovenia?.letter).toMatchObject({ size: pdf().length });
    expect(link.status).toBe(200);
    const { url, contentType } = (await link.json()) as { url: string; contentType: string };
    expect(contentType).toBe('application/pdf');
    const file = await fetch(url);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).toString('latin1')).toContain('%PDF-1.4');
  }, 120_000);

  it('attaches to a delegation only what was posted through its own page', async () => {
    // Prepare: Slovakia's focal point posts a letter; Czechia's learns its upload id
    await putEvent(api, 'letter-own', { delegations: { nominationsCloseAt: future() } });
    const [slovakia, czechia] = await inviteFocalPoints(api, 'letter-own', [
      { entityId: 'SK', email: uniqueEmail('focal-sk') },
      { entityId: 'CZ', email: uniqueEmail('focal-cz') },
    ]);
    const posted = await postLetter(await (await api.request(`/delegation?token=${encodeURIComponent(slovakia!)}`)).text(), pdf());
    const uploadId = new URL(posted.headers.get('location') ?? '').searchParams.get('letter')!;

    // Act
    const foreign = await api.postJson('/delegations/letter', { token: czechia!, uploadId });
    const own = await api.postJson('/delegations/letter', { token: slovakia!, uploadId });

    // Assess
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ error: { code: 'upload_not_found' } });
    expect((await ownDelegation(api, czechia!)) as unknown).toMatchObject({ letter: null });
    expect(own.status).toBe(200);
  }, 120_000);

  it('refuses a JPEG sent as the PDF letter, deleting it and recording nothing, and an unknown upload', async () => {
    // Prepare
    await putEvent(api, 'letter-refused', { delegations: { nominationsCloseAt: future() } });
    const [focal] = await inviteFocalPoints(api, 'letter-refused', [{ entityId: 'HR', email: uniqueEmail('focal-hr') }]);
    const html = await (await api.request(`/delegation?token=${encodeURIComponent(focal!)}`)).text();
    const posted = await postLetter(html, jpeg(40, 40));
    const uploadId = new URL(posted.headers.get('location') ?? '').searchParams.get('letter')!;

    // Act
    const refused = await api.postJson('/delegations/letter', { token: focal!, uploadId });
    const retried = await api.postJson('/delegations/letter', { token: focal!, uploadId });
    const link = await organizerCall(api, '/events/letter-refused/delegations/HR/letter');

    // Assess
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: { code: 'file_refused' } });
    expect(retried.status).toBe(404);
    expect(await retried.json()).toMatchObject({ error: { code: 'upload_not_found' } });
    expect((await ownDelegation(api, focal!)) as unknown).toMatchObject({ letter: null });
    expect(link.status).toBe(404);
  }, 120_000);
});
