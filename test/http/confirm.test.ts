import { emailKey } from '#shared/model/tokens.ts';
import { runtime } from '#shared/runtime/runtime.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEvent } from '#shared/model/seed-event.ts';
import { uniqueEmail, validForm } from '../support/fixtures.ts';
import { backdate } from '../support/journeys.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { linkToken, mailTo, settledMail, waitForMail } from '../support/mailbox.ts';

const submitPath = '/events/osce-drugs-2017/registrations';
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.stop();
});

async function registerAndReadLink(overrides: Record<string, unknown> = {}) {
  const email = uniqueEmail();
  const response = await api.postJson(submitPath, validForm({ email, ...overrides }));
  expect(response.status).toBe(202);
  const [mail] = await waitForMail(api.sesEndpoint, email);
  return { email, token: linkToken(mail!) };
}

async function statusOf(email: string): Promise<string | undefined> {
  const token = await api.organizerToken();
  const response = await api.request(`${submitPath}?limit=100`, { headers: { authorization: `Bearer ${token}` } });
  const { items } = (await response.json()) as { items: { email: string; status: string }[] };
  return items.find((item) => item.email === email)?.status;
}

/** A registration whose link was mailed `hoursAgo` hours ago. */
async function registerInThePast(hoursAgo: number) {
  const email = uniqueEmail('late');
  await api.postJson(submitPath, validForm({ email, language: 'fr' }));
  const [mail] = await waitForMail(api.sesEndpoint, email);
  await backdate(seedEvent.id, email, hoursAgo);
  return { email, token: linkToken(mail!) };
}

describe('GET /confirm', () => {
  it('shows a page with a button that posts the token, in the registrant language, and changes nothing', async () => {
    // Prepare
    const { email, token } = await registerAndReadLink({ language: 'fr' });

    // Act
    const response = await api.request(`/confirm?token=${encodeURIComponent(token)}`);

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const page = await response.text();
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('<form method="post" action="/registrations/confirm">');
    expect(page).toContain(`name="token" value="${token}"`);
    expect(await statusOf(email)).toBe('pending_confirmation');
    expect(await mailTo(api.sesEndpoint, email)).toHaveLength(1);
  });

  it('explains a bad link on a page in the browser language', async () => {
    // Act
    const response = await api.request('/confirm?token=nonsense', { headers: { 'accept-language': 'es-ES,es;q=0.9' } });

    // Assess
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('<html lang="es">');
    expect(page).toContain('href="');
  });

  it('explains an expired link and leaves the purge to the button', async () => {
    // Prepare
    const { email, token } = await registerInThePast(73);

    // Act
    const response = await api.request(`/confirm?token=${encodeURIComponent(token)}`);

    // Assess
    expect(response.status).toBe(410);
    expect(await response.text()).toContain('<html lang="fr">');
    // Still in the table (organizers no longer see it: expired means gone for them).
    expect((await runtime().registrations.get(seedEvent.id, emailKey(email)))?.status).toBe('pending_confirmation');
  });
});

describe('POST /registrations/confirm', () => {
  it('confirms with a reference, answers a repeat the same, and mails the confirmation once', async () => {
    // Prepare
    const { email, token } = await registerAndReadLink();

    // Act
    const first = await api.postJson('/registrations/confirm', { token });
    const repeat = await api.postJson('/registrations/confirm', { token });

    // Assess
    expect(first.status).toBe(200);
    const body = (await first.json()) as { status: string; reference: string; eventId: string };
    expect(body).toEqual({ status: 'confirmed', reference: expect.stringMatching(/^DRUGS17-[0-9A-Z]{4}-[0-9A-Z]{4}$/), eventId: 'osce-drugs-2017' });
    expect(await repeat.json()).toEqual(body);
    const mails = await settledMail(api.sesEndpoint, email, 2);
    expect(mails).toHaveLength(2);
    expect(mails[1]?.subject).toContain('Registration confirmed');
    for (const text of [body.reference, /10\s?–\s?11 July 2017/, 'Hofburg (Neuer Saal), Vienna, Austria']) {
      expect(mails[1]?.body.text).toMatch(text);
      expect(mails[1]?.body.html).toMatch(text);
    }
    expect(await statusOf(email)).toBe('confirmed');
  });

  it('confirms once however many presses arrive at the same time', async () => {
    // Prepare
    const { email, token } = await registerAndReadLink();

    // Act
    const answers = await Promise.all(Array.from({ length: 10 }, () => api.postJson('/registrations/confirm', { token })));

    // Assess
    const bodies = await Promise.all(answers.map((answer) => answer.json()));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
    expect(await settledMail(api.sesEndpoint, email, 2)).toHaveLength(2);
  });

  it('answers the confirm page form post with a page showing the reference', async () => {
    // Prepare
    const { token } = await registerAndReadLink({ language: 'de' });

    // Act
    const response = await api.request('/registrations/confirm', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, lang: 'de' }).toString(),
    });

    // Assess
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<html lang="de">');
    expect(page).toMatch(/<strong id="reference">DRUGS17-[0-9A-Z]{4}-[0-9A-Z]{4}<\/strong>/);
  });

  it('answers a form post with a bad token with a page, not JSON', async () => {
    // Act
    const response = await api.request('/registrations/confirm', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=forged&lang=it',
    });

    // Assess
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<html lang="it">');
  });

  it.each([
    ['garbage', 'not-a-token'],
    ['a forged secret', `osce-drugs-2017.${'A'.repeat(43)}.${'B'.repeat(43)}`],
    ['an unknown event', `no-event.${'A'.repeat(43)}.${'B'.repeat(43)}`],
  ])('answers %s with 400 invalid_token', async (_label, token) => {
    // Act
    const response = await api.postJson('/registrations/confirm', { token });

    // Assess
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_token');
  });

  it('refuses a real token whose secret part was altered', async () => {
    // Prepare
    const { email, token } = await registerAndReadLink();
    const altered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');

    // Act
    const response = await api.postJson('/registrations/confirm', { token: altered });

    // Assess
    expect(response.status).toBe(400);
    expect(await statusOf(email)).toBe('pending_confirmation');
  });

  it('answers an expired token with 410 token_expired and purges the unconfirmed registration', async () => {
    // Prepare
    const { email, token } = await registerInThePast(73);

    // Act
    const response = await api.postJson('/registrations/confirm', { token });
    const again = await api.postJson('/registrations/confirm', { token });

    // Assess
    expect(response.status).toBe(410);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('token_expired');
    expect(await statusOf(email)).toBeUndefined();
    expect(again.status).toBe(400);
  });

  it('still accepts a token 71 hours old', async () => {
    // Prepare
    const { email, token } = await registerInThePast(71);

    // Act
    const response = await api.postJson('/registrations/confirm', { token });

    // Assess
    expect(response.status).toBe(200);
    expect(await statusOf(email)).toBe('confirmed');
  });

  it.each([
    ['no token', {}, 400, 'validation_failed'],
    ['an empty token', { token: '' }, 400, 'validation_failed'],
    ['a number', { token: 42 }, 400, 'validation_failed'],
    ['extra fields', { token: 'x', admin: true }, 400, 'validation_failed'],
  ])('answers %s with %i %s', async (_label, body, status, code) => {
    // Act
    const response = await api.postJson('/registrations/confirm', body);

    // Assess
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it('answers a text/plain body with 415', async () => {
    // Act
    const response = await api.request('/registrations/confirm', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });

    // Assess
    expect(response.status).toBe(415);
  });
});
