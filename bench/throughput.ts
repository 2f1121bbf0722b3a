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
    await mail.clear();
    const roundTripSeconds = await runConcurrently(settings.roundTrips, settings.clients, async () => {
      const email = address('roundtrip');
      const submitted = await fetch(`${base}/events/${eventId}/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(form(email)) });
      await submitted.arrayBuffer();
      let token: string | undefined;
      for (let attempt = 0; attempt < 200 && !token; attempt++) {
        token = (await mail.tokens()).get(email);
        if (!token) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      if (!token) throw new Error(`no mail for ${email}`);
      const confirmed = await fetch(`${base}/registrations/confirm`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
      await confirmed.arrayBuffer();
      if (confirmed.status !== 200) throw new Error(`confirm answered ${confirmed.status}`);
    });
    return {
      method: `local gateway (local/stack.ts startLocalStack, port 0, emulators external) in the bench process; ${settings.clients} concurrent fetch clients; a round trip is submit, read the link from the SES emulator's /store (cleared before the run), confirm`,
      clients: settings.clients,
      registrations: settings.registrations,
      registrationsPerSecond: round(settings.registrations / submitSeconds, 1),
      submitP50Ms: round(quantile(submitLatencies, 0.5), 1),
      submitP99Ms: round(quantile(submitLatencies, 0.99), 1),
      roundTrips: settings.roundTrips,
      roundTripsPerSecond: round(settings.roundTrips / roundTripSeconds, 1),
    };
  } finally {
    await stack.stop();
  }
}
