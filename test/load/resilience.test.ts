// Load and faults, bounded in count and time: `npm run test:load` (also run by .ci/run).
// Each test starts its own emulators so it can stop and restart them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { signOrganizerToken } from '../../local/jwt.ts';
import { localClientId } from '../../local/secrets.ts';
import { startDynalite, startSes, type RunningService } from '../../local/services.ts';
import { startLocalStack, type LocalStack } from '../../local/stack.ts';
import { uniqueEmail, validForm } from '../support/fixtures.ts';
import { mailTo, type ReceivedMail } from '../support/mailbox.ts';
import { defaultThrottle } from '#shared/http/throttling.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'registration-load-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function stackOn(dynamodb: string, ses: string, options: Partial<Parameters<typeof startLocalStack>[0]> = {}): Promise<LocalStack> {
  const stack = await startLocalStack({
    dataDir: await tempDir(),
    port: 0,
    emailPort: 0,
    dynamodbEndpoint: dynamodb,
    sesEndpoint: ses,
    tableName: `load-${randomUUID()}`,
    throttle: false,
    // The mail worker: a submission's mail goes out through it.
    mailSweepIntervalMs: 50,
    ...options,
  });
  cleanups.push(() => stack.stop());
  return stack;
}

const submit = (stack: LocalStack, form: Record<string, unknown>) =>
  fetch(`${stack.gatewayUrl}/events/osce-drugs-2017/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(form),
  });

/** Runs `work` for each item with at most `clients` in flight, like that many clients in a loop. */
async function withClients<T, R>(items: T[], clients: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

async function listAll(stack: LocalStack): Promise<{ email: string; status: string }[]> {
  const token = await signOrganizerToken({ signingKey: stack.secrets.signingKey, issuer: stack.issuer, clientId: localClientId, groups: ['organizers'] });
  const items: { email: string; status: string }[] = [];
  let cursor: string | null = null;
  do {
    const response = await fetch(
      `${stack.gatewayUrl}/events/osce-drugs-2017/registrations?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    const page = (await response.json()) as { items: { email: string; status: string }[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

async function allMail(ses: string): Promise<ReceivedMail[]> {
  return ((await (await fetch(`${ses}/store`)).json()) as { emails: ReceivedMail[] }).emails;
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

describe('Load', () => {
  it('takes 1,000 registrations from 50 concurrent clients: no 5xx, each stored once, one link mail each', async () => {
    // Prepare
    const dynalite = await startDynalite({ port: 0 });
    cleanups.push(() => dynalite.stop());
    const ses = await startSes({ port: 0 });
    cleanups.push(() => ses.stop());
    const stack = await stackOn(dynalite.url, ses.url);
    const emails = Array.from({ length: 1_000 }, () => uniqueEmail('load'));

    // Act
    const statuses = await withClients(emails, 50, async (email) => (await submit(stack, validForm({ email }))).status);

    // Assess
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([202]));
    const stored = await listAll(stack);
    expect(stored).toHaveLength(1_000);
    expect(new Set(stored.map((item) => item.email))).toEqual(new Set(emails));
    // The mail worker sends the links behind the answers, promptly but not before them.
    expect(await waitUntil(async () => (await allMail(ses.url)).length >= 1_000, 60_000)).toBe(true);
    const perAddress = new Map<string, number>();
    for (const mail of await allMail(ses.url)) for (const to of mail.destination.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    expect(perAddress.size).toBe(1_000);
    expect([...perAddress.values()].every((count) => count === 1)).toBe(true);
  }, 300_000);
});

describe('Faults', () => {
  it('loses no registration while SES is down, answers 202, and delivers every pending mail once SES is back', async () => {
    // Prepare
    process.env.MAIL_RETRY_BASE_MS = '200';
    process.env.MAIL_RETRY_MAX_MS = '1000';
    const dynalite = await startDynalite({ port: 0 });
    cleanups.push(() => dynalite.stop());
    let ses: RunningService = await startSes({ port: 0 });
    const sesPort = ses.port;
    cleanups.push(() => ses.stop());
    const stack = await stackOn(dynalite.url, ses.url, { mailSweepIntervalMs: 200 });
    const before = Array.from({ length: 20 }, () => uniqueEmail('before'));
    const during = Array.from({ length: 30 }, () => uniqueEmail('during'));

    // Act
    const beforeStatuses = await withClients(before, 10, async (email) => (await submit(stack, validForm({ email }))).status);
    const mailedBefore = async () => {
      const recipients = new Set((await allMail(ses.url)).flatMap((mail) => mail.destination.to));
      return before.filter((email) => recipients.has(email)).length;
    };
    // The mail worker sends the links behind the answers: wait for them before SES goes down.
    await waitUntil(async () => (await mailedBefore()) === before.length, 10_000);
    const deliveredBefore = await mailedBefore();
    await ses.stop();
    const duringStatuses = await withClients(during, 10, async (email) => (await submit(stack, validForm({ email }))).status);
    ses = await startSes({ port: sesPort });
    // The emulator keeps its store in the process, so the mail from before the outage is still listed.
    const arrived = await waitUntil(async () => {
      const recipients = new Set((await allMail(ses.url)).flatMap((mail) => mail.destination.to));
      return during.every((email) => recipients.has(email));
    }, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    // Assess
    expect([...beforeStatuses, ...duringStatuses].every((status) => status === 202)).toBe(true);
    expect(deliveredBefore).toBe(before.length);
    expect(arrived).toBe(true);
    const stored = await listAll(stack);
    expect(new Set(stored.map((item) => item.email))).toEqual(new Set([...before, ...during]));
    const counts = new Map<string, number>();
    for (const mail of await allMail(ses.url)) for (const to of mail.destination.to) counts.set(to, (counts.get(to) ?? 0) + 1);
    for (const email of [...before, ...during]) expect(counts.get(email), email).toBe(1);
    // The retried links work: confirm one registration from the outage with its mail.
    const [mail] = await mailTo(ses.url, during[0]!);
    const token = decodeURIComponent(/token=([^\s]+)/.exec(mail!.body.text!)![1]!);
    const confirmed = await fetch(`${stack.gatewayUrl}/registrations/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(confirmed.status).toBe(200);
  }, 120_000);

  it('answers 503 with Retry-After while DynamoDB is down, writes nothing half, and recovers by itself', async () => {
    // Prepare
    const path = join(await tempDir(), 'dynamodb');
    let dynalite = await startDynalite({ port: 0, path });
    const port = dynalite.port;
    cleanups.push(() => dynalite.stop());
    const ses = await startSes({ port: 0 });
    cleanups.push(() => ses.stop());
    const stack = await stackOn(dynalite.url, ses.url);
    const email = uniqueEmail('outage');

    // Act
    await dynalite.stop();
    const during = await submit(stack, validForm({ email }));
    const duringEvent = await fetch(`${stack.gatewayUrl}/events/osce-drugs-2017`);
    dynalite = await startDynalite({ port, path });
    const after = await submit(stack, validForm({ email }));

    // Assess
    expect(during.status).toBe(503);
    expect(during.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await during.json()) as { error: { code: string } }).error.code).toBe('service_unavailable');
    expect(duringEvent.status).toBe(503);
    expect(after.status).toBe(202);
    expect((await listAll(stack)).filter((item) => item.email === email)).toHaveLength(1);
    expect(await waitUntil(async () => (await mailTo(ses.url, email)).length > 0, 5_000)).toBe(true);
    expect(await mailTo(ses.url, email)).toHaveLength(1);
  }, 60_000);
});

describe('Throttling', () => {
  it('answers 429 too_many_requests with Retry-After beyond the burst, as the stage does, and lets requests in again', async () => {
    // Prepare
    const dynalite = await startDynalite({ port: 0 });
    cleanups.push(() => dynalite.stop());
    const ses = await startSes({ port: 0 });
    cleanups.push(() => ses.stop());
    const stack = await stackOn(dynalite.url, ses.url, {
      throttle: { ...defaultThrottle, rateLimit: 50, burstLimit: 100, publicPostRateLimit: 2, publicPostBurstLimit: 3 },
    });

    // Act
    const burst = await Promise.all(Array.from({ length: 8 }, () => submit(stack, validForm())));
    const reads = await Promise.all(Array.from({ length: 8 }, () => fetch(`${stack.gatewayUrl}/events/osce-drugs-2017`)));
    const refused = burst.find((response) => response.status === 429)!;
    await new Promise((resolve) => setTimeout(resolve, Number(refused.headers.get('retry-after')) * 1000));
    const later = await submit(stack, validForm());

    // Assess
    expect(burst.filter((response) => response.status === 202)).toHaveLength(3);
    expect(burst.filter((response) => response.status === 429)).toHaveLength(5);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('too_many_requests');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(reads.every((response) => response.status === 200)).toBe(true);
    expect(later.status).toBe(202);
  }, 60_000);
});
