// One client flooding the public POST routes must not cost any other client a registration: the
// gateway counts each client's requests as the WAF's rate-based rules do, before the shared per-route
// ceilings. Clients are told apart by their socket address (local/loopback-client.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultThrottle } from '#shared/http/throttling.ts';
import { loopbackAddress, postJsonFrom, requestFrom, type LoopbackAnswer } from '../../local/loopback-client.ts';
import { uniqueEmail, validForm } from '../support/fixtures.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { linkToken, waitForMail } from '../support/mailbox.ts';

let api: TestApi;

beforeAll(async () => {
  // The numbers the stack deploys with (shared/http/throttling.ts), per client and per route.
  api = await startTestApi({ throttle: defaultThrottle });
});
afterAll(async () => {
  await api.stop();
});

describe('A flooding client', () => {
  it('is refused on its own, and every other client registers and confirms', async () => {
    // Prepare
    const flooder = loopbackAddress(1);
    const participants = Array.from({ length: 10 }, (_, index) => ({ address: loopbackAddress(index + 2), email: uniqueEmail('legit') }));
    const submit = (from: string, email: string) => postJsonFrom(from, `${api.baseUrl}/events/osce-drugs-2017/registrations`, validForm({ email }));
    const flood: LoopbackAnswer[] = [];
    let flooding = true;
    const flooded = (async () => {
      // About 20 junk submits a second, in bursts, for as long as the participants take and at least
      // until the flooder has sent twice its share.
      while (flooding || flood.length < 2 * defaultThrottle.clientPublicPostLimit) {
        flood.push(...(await Promise.all(Array.from({ length: 10 }, () => submit(flooder, uniqueEmail('junk'))))));
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    })();
    // The participants come while the flood is on and the flooder is already being refused.
    while (!flood.some((answer) => answer.status === 429)) await new Promise((resolve) => setTimeout(resolve, 50));

    // Act
    const outcomes = await Promise.all(
      participants.map(async ({ address, email }) => {
        const submitted = await submit(address, email);
        const [mail] = await waitForMail(api.sesEndpoint, email);
        const confirmed = mail ? await postJsonFrom(address, `${api.baseUrl}/registrations/confirm`, { token: linkToken(mail) }) : undefined;
        return { submitted: submitted.status, confirmed: confirmed?.status };
      }),
    );
    flooding = false;
    await flooded;

    // Assess
    expect(outcomes).toEqual(participants.map(() => ({ submitted: 202, confirmed: 200 })));
    const accepted = flood.filter((answer) => answer.status === 202);
    const refused = flood.filter((answer) => answer.status === 429);
    expect(accepted.length).toBeLessThanOrEqual(defaultThrottle.clientPublicPostLimit);
    expect(refused.length).toBeGreaterThan(0);
    expect(accepted.length + refused.length).toBe(flood.length);
    expect(JSON.parse(refused[0]!.body)).toEqual({ error: expect.objectContaining({ code: 'too_many_requests' }) });
    expect(Number(refused[0]!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('cannot pass for another client with a forwarding header', async () => {
    // Prepare: a client that has used up its share of public POSTs
    const client = loopbackAddress(40);
    const submit = (headers: Record<string, string> = {}) =>
      requestFrom(client, `${api.baseUrl}/events/osce-drugs-2017/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(validForm({ email: uniqueEmail('spoof') })),
      });
    for (let sent = 0; sent < defaultThrottle.clientPublicPostLimit; sent++) expect((await submit()).status).toBe(202);

    // Act
    const spoofed = await submit({ 'x-forwarded-for': '203.0.113.7', forwarded: 'for=203.0.113.7' });

    // Assess
    expect(spoofed.status).toBe(429);
  });
});
