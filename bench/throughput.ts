// Throughput through the local gateway, the path a browser's request takes: registrations per second
// under many concurrent clients, and full confirmation round trips (submit, read the mailed link,
// confirm) per second. The emulators stay in their own process so they do not share this one's core.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { startLocalStack } from '../local/stack.ts';
import { eventId, form } from './events.ts';
import { quantile, round } from './stats.ts';
import { address, log, runConcurrently, tmp, type Mailbox, type Services } from './support.ts';

export const stackDir = join(tmp, 'stack');

export interface ThroughputSettings {
  registrations: number;
  roundTrips: number;
  clients: number;
}

export async function throughput(services: Services, mail: Mailbox, settings: ThroughputSettings) {
  log(`throughput (${settings.registrations} registrations, ${settings.roundTrips} round trips, ${settings.clients} clients)`);
  const stack = await startLocalStack({
    dataDir: stackDir,
    port: 0,
    emailPort: 0,
    dynamodbEndpoint: services.dynamodbUrl,
    sesEndpoint: services.sesUrl,
    tableName: `bench-gateway-${randomUUID()}`,
    inMemory: true,
    // Measures the pipeline, not the throttling: all 32 clients share one address, which the per-client
    // rule would hold to 30 public POSTs a minute (bench/flood.ts measures the throttling).
    throttle: false,
  });
  try {
    await mail.clear();
    const base = stack.gatewayUrl;
    const submitLatencies: number[] = [];
    const submitSeconds = await runConcurrently(settings.registrations, settings.clients, async () => {
      const started = performance.now();
      const response = await fetch(`${base}/events/${eventId}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(form(address('load'))),
      });
      await response.arrayBuffer();
      submitLatencies.push(performance.now() - started);
      if (response.status !== 202) throw new Error(`submit through the gateway answered ${response.status}`);
    });
    // The mail worker sends the registrations' mail after they were answered; let it finish, so the
    // round trips below wait for their own mail and not behind that backlog.
    await until(async () => (await mail.tokens()).size >= settings.registrations, 300_000, 'the registrations\' mail');
    await mail.clear();
    let busyAnswers = 0;
    const roundTripSeconds = await runConcurrently(settings.roundTrips, settings.clients, async () => {
      const email = address('roundtrip');
      const submitted = await fetch(`${base}/events/${eventId}/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(form(email)) });
      await submitted.arrayBuffer();
      let token: string | undefined;
      await until(async () => Boolean((token = (await mail.tokens()).get(email))), 60_000, `the mail for ${email}`);
      // As a client should: a 503 "too many simultaneous changes" is tried again after its Retry-After
      // (the mail worker hands out links in batches, so confirmations arrive in bursts on one event).
      for (let attempt = 1; ; attempt++) {
        const confirmed = await fetch(`${base}/registrations/confirm`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
        await confirmed.arrayBuffer();
        if (confirmed.status === 200) break;
        if (confirmed.status !== 503 || attempt === 5) throw new Error(`confirm answered ${confirmed.status}`);
        busyAnswers++;
        await new Promise((resolve) => setTimeout(resolve, Number(confirmed.headers.get('retry-after') ?? 1) * 1000));
      }
    });
    return {
      method: `local gateway (local/stack.ts startLocalStack, port 0, emulators external) in the bench process; ${settings.clients} concurrent fetch clients; a round trip is submit, wait until the mail worker (its local sweep runs every 250 ms) has sent the link, read it from the SES emulator's /store (cleared before the run), confirm`,
      clients: settings.clients,
      registrations: settings.registrations,
      registrationsPerSecond: round(settings.registrations / submitSeconds, 1),
      submitP50Ms: round(quantile(submitLatencies, 0.5), 1),
      submitP99Ms: round(quantile(submitLatencies, 0.99), 1),
      roundTrips: settings.roundTrips,
      roundTripsPerSecond: round(settings.roundTrips / roundTripSeconds, 1),
      confirmBusyAnswers: busyAnswers,
    };
  } finally {
    await stack.stop();
  }
}

/** Polls until the check holds (every 20 ms), or fails after the limit naming what never came. */
async function until(check: () => Promise<boolean>, limitMs: number, what: string): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${limitMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
