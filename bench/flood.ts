// Legitimate participants' success under a flood: one client sends about 20 junk registrations a
// second through the local gateway while participants, each from an address of its own
// (local/loopback-client.ts), register and confirm, spread over the flood. Run with the deployed
// throttling (the per-client rules first, then the shared buckets), and for comparison with the
// shared per-route buckets alone at their old numbers (5/s, burst 10), which one flooder used up.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { defaultThrottle, type ThrottleSettings } from '#shared/http/throttling.ts';
import { loopbackAddress, postJsonFrom } from '../local/loopback-client.ts';
import { startLocalStack } from '../local/stack.ts';
import { eventId, form } from './events.ts';
import { round } from './stats.ts';
import { address, log, tmp, type Mailbox, type Services } from './support.ts';

export interface FloodSettings {
  floodSeconds: number;
  participants: number;
}

/** A flood rate like the one that was seen: about 20 requests a second from one address. */
const floodPerSecond = 20;

const sharedBucketsOnly: ThrottleSettings = {
  ...defaultThrottle,
  publicPostRateLimit: 5,
  publicPostBurstLimit: 10,
  clientPublicPostLimit: Number.MAX_SAFE_INTEGER,
  clientRequestLimit: Number.MAX_SAFE_INTEGER,
};

export async function flood(services: Services, mail: Mailbox, settings: FloodSettings) {
  log(`flood (${settings.floodSeconds} s at ${floodPerSecond}/s from one client, ${settings.participants} participants)`);
  const deployed = await underFlood(services, mail, settings, defaultThrottle);
  const before = await underFlood(services, mail, settings, sharedBucketsOnly);
  return {
    method: `local gateway (startLocalStack, port 0, emulators external) with the deployed throttling (shared/http/throttling.ts defaultThrottle), then with the per-route buckets alone at 5/s burst 10 and no per-client rule; one flooder at ${floodPerSecond} submits/s (in bursts of ${floodPerSecond / 4} every 250 ms) for ${settings.floodSeconds} s from 127.0.0.2; ${settings.participants} participants, each from its own loopback address, start evenly over the flood and submit, read the link from the SES emulator, confirm; a participant succeeds when both answer 202 and 200`,
    floodPerSecond,
    floodSeconds: settings.floodSeconds,
    participants: settings.participants,
    deployed,
    sharedBucketsOnly: before,
  };
}

async function underFlood(services: Services, mail: Mailbox, settings: FloodSettings, throttle: ThrottleSettings) {
  const stack = await startLocalStack({
    dataDir: join(tmp, 'flood'),
    port: 0,
    emailPort: 0,
    dynamodbEndpoint: services.dynamodbUrl,
    sesEndpoint: services.sesUrl,
    tableName: `bench-flood-${randomUUID()}`,
    inMemory: true,
    throttle,
    // The mail worker's local sweep sends the links (every 250 ms), as the table's stream does in the cloud.
  });
  try {
    const submitUrl = `${stack.gatewayUrl}/events/${eventId}/registrations`;
    const flooder = loopbackAddress(1);
    const floodStatuses: number[] = [];
    const started = performance.now();
    const flooding = (async () => {
      const burst = floodPerSecond / 4;
      for (let tick = 0; performance.now() - started < settings.floodSeconds * 1000; tick++) {
        const answers = await Promise.all(Array.from({ length: burst }, () => postJsonFrom(flooder, submitUrl, form(address('junk')))));
        floodStatuses.push(...answers.map((answer) => answer.status));
        const next = started + (tick + 1) * 250;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
      }
    })();
    const outcomes = await Promise.all(
      Array.from({ length: settings.participants }, async (_, index) => {
        await new Promise((resolve) => setTimeout(resolve, ((index + 0.5) / settings.participants) * settings.floodSeconds * 1000));
        return participate(stack.gatewayUrl, loopbackAddress(index + 2), mail);
      }),
    );
    await flooding;
    const succeeded = outcomes.filter(Boolean).length;
    return {
      participantsSucceeded: succeeded,
      successRate: round(succeeded / settings.participants, 3),
      floodSent: floodStatuses.length,
      floodAccepted: floodStatuses.filter((status) => status === 202).length,
      floodRefused: floodStatuses.filter((status) => status === 429).length,
    };
  } finally {
    await stack.stop();
  }
}

/** One participant's registration: submit, the mailed link, confirm. */
async function participate(gatewayUrl: string, from: string, mail: Mailbox): Promise<boolean> {
  const email = address('participant');
  const submitted = await postJsonFrom(from, `${gatewayUrl}/events/${eventId}/registrations`, form(email));
  if (submitted.status !== 202) return false;
  let token: string | undefined;
  // Up to 30 s: the link comes from the mail worker, behind whatever the flooder got accepted.
  for (const deadline = Date.now() + 30_000; !token && Date.now() < deadline; ) {
    token = (await mail.tokens()).get(email);
    if (!token) await new Promise((resolve) => setTimeout(resolve, 25));
  }
  if (!token) return false;
  const confirmed = await postJsonFrom(from, `${gatewayUrl}/registrations/confirm`, { token });
  return confirmed.status === 200;
}
