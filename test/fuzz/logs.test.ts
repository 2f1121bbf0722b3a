// No personal data in logs: every line the handlers write during a whole journey (register, confirm,
// list as JSON and CSV, manage, update, withdraw, and some refused requests carrying personal data) is
// captured at LOG_LEVEL=debug, and none holds an e-mail address, a name, a phone number or a token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEvent } from '#shared/model/seed-event.ts';
import { manageToken, organizerCall } from '../support/journeys.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { linkToken, waitForMail } from '../support/mailbox.ts';
import { validFormFor } from './support.ts';

const eventId = seedEvent.id;
let api: TestApi;
const lines: string[] = [];
const originalWrite = process.stdout.write.bind(process.stdout);

beforeAll(async () => {
  // Loggers read LOG_LEVEL when they are made; the gateway imports the handler modules on first use.
  process.env.LOG_LEVEL = 'debug';
  // Captured, not passed on: the lines are the test's evidence, not output for the reader.
  process.stdout.write = ((chunk: string | Uint8Array) => {
    lines.push(...String(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')).split('\n').filter(Boolean));
    return true;
  }) as typeof process.stdout.write;
  api = await startTestApi();
});
afterAll(async () => {
  process.stdout.write = originalWrite;
  await api?.stop();
});

describe('logs of a full journey', () => {
  it('hold no e-mail address, name, phone number or token', async () => {
    // Prepare
    const email = 'Quirinus.Pfeffermeyer-7731@Example.org';
    const form = { ...validFormFor(email), firstName: 'Quirinus', lastName: 'Pfeffermeyer', phone: '+43 660 777 3131', organization: 'Ministry of Zyxwandaqq' };
    const organizer = await api.organizerToken();
    lines.length = 0;

    // Act: the participant's and the organizer's journey, with refused requests that carry personal data.
    expect((await api.postJson(`/events/${eventId}/registrations`, form)).status).toBe(202);
    const [request] = await waitForMail(api.sesEndpoint, email, 1);
    const confirmToken = linkToken(request!);
    expect((await api.request(`/confirm?token=${encodeURIComponent(confirmToken)}`)).status).toBe(200);
    expect((await api.postJson('/registrations/confirm', { token: confirmToken })).status).toBe(200);
    const manage = manageToken((await waitForMail(api.sesEndpoint, email, 2)).at(-1)!);
    expect((await organizerCall(api, `/events/${eventId}/registrations?limit=100`)).status).toBe(200);
    expect((await organizerCall(api, `/events/${eventId}/registrations`, { headers: { accept: 'text/csv' } })).status).toBe(200);
    expect((await api.request(`/manage?token=${encodeURIComponent(manage)}`)).status).toBe(200);
    expect((await api.request(`/registrations/self?token=${encodeURIComponent(manage)}`)).status).toBe(200);
    expect((await api.postJson('/registrations/update', { token: manage, changes: { position: 'Quirinus Adviser' } })).status).toBe(200);
    await api.postJson(`/events/${eventId}/registrations`, { ...form, firstName: 'Quirinus\u0000', email });
    await api.postJson(`/events/${eventId}/registrations`, `{"email":"${email}",`);
    await api.postJson('/registrations/update', { token: manage, changes: { email: 'quirinus.other@example.org', lastName: 'Pfeffermeyer'.repeat(20) } });
    await api.postJson('/registrations/confirm', { token: `${confirmToken}x` });
    await api.request(`/events/${eventId}/registrations/${encodeURIComponent(email)}/approve`, { method: 'POST', headers: { authorization: `Bearer ${organizer}` } });
    await api.request(`/nowhere/${encodeURIComponent(email)}?email=${encodeURIComponent(email)}`);
    await api.request(`/events/${eventId}/registrations`, { headers: { authorization: `Bearer ${organizer}x` } });
    expect((await api.postJson('/registrations/withdraw', { token: manage })).status).toBe(200);
    await waitForMail(api.sesEndpoint, email, 3);

    // Assess
    const secrets = [
      email,
      email.toLowerCase(),
      'Quirinus',
      'quirinus',
      'Pfeffermeyer',
      'pfeffermeyer',
      '660 777',
      'Zyxwandaqq',
      confirmToken,
      confirmToken.split('.')[2]!,
      manage,
      manage.split('.')[2]!,
      organizer,
      organizer.split('.')[2]!,
    ];
    expect(lines.filter((line) => line.includes('"message":"request"')).length).toBeGreaterThanOrEqual(15);
    const leaks = lines.filter((line) => secrets.some((secret) => line.includes(secret)));
    expect(leaks).toEqual([]);
    for (const line of lines.filter((entry) => entry.startsWith('{'))) expect(() => JSON.parse(line), line).not.toThrow();
  });
});
