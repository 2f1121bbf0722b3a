// DynamoDB cost: whether one list page costs the same with 100 and with N registrations (a page that
// grows with the table would bill every organizer's view of a large conference), and the capacity
// units one registrant's journey (submit, confirm, one list page) consumes.
import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../local/table-setup.ts';
import { resetRuntime, runtime } from '#shared/runtime/runtime.ts';
import { registrationInputSchema } from '#shared/model/registration-schema.ts';
import { seedEvent } from '#shared/model/seed-event.ts';
import { planSubmission } from '#shared/model/submission.ts';
import { createDynamoClient } from '#shared/store/client.ts';
import { EventStore } from '#shared/store/event-store.ts';
import { RegistrationStore } from '#shared/store/registration-store.ts';
import { recordCapacity, type CapacityRecorder } from './capacity.ts';
import { eventId, form, httpEvent, lambdaContext, requests, type EventSpec } from './events.ts';
import { median, ratio, round } from './stats.ts';
import { address, log, type Handler, type Mailbox } from './support.ts';

function fabricatedRegistration(index: number, now: Date) {
  const details = registrationInputSchema.parse({ ...form(`cost.${index}.${randomUUID().slice(0, 8)}@example.org`), language: 'en' });
  const { website: _honeypot, ...rest } = details;
  const plan = planSubmission(undefined, eventId, rest, { now, lifetimeHours: 72, rejectedBefore: false, mailAllowed: true });
  return plan.next!;
}

async function fill(store: RegistrationStore, from: number, to: number): Promise<void> {
  const now = new Date();
  const batch = 64;
  for (let i = from; i < to; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, to - i) }, async (_, k) => {
        if (!(await store.save(fabricatedRegistration(i + k, now), undefined))) throw new Error('fabricated registration collided');
      }),
    );
  }
}

// One list page with 100 and with N registrations.
export async function costGrowth(runs: number, costN: number) {
  log(`cost growth (100 and ${costN} registrations)`);
  const costTable = `bench-cost-${randomUUID()}`;
  const costClient = createDynamoClient();
  const costRecorder = recordCapacity(costClient);
  await ensureTable(costClient, costTable);
  await new EventStore(costClient, costTable).create(seedEvent);
  const costStore = new RegistrationStore(costClient, costTable);
  const pageCost = async () => {
    const reported: number[] = [];
    const recorded: number[] = [];
    for (let run = 0; run < runs; run++) {
      costRecorder.reset();
      const page = await costStore.listByEvent(eventId, {}, 50, undefined);
      if (page.items.length !== 50) throw new Error(`a list page held ${page.items.length} items`);
      reported.push(page.consumedCapacity);
      recorded.push(costRecorder.total);
    }
    return { listByEvent: median(reported), middleware: median(recorded) };
  };
  await fill(costStore, 0, 100);
  const small = await pageCost();
  const fillStarted = performance.now();
  await fill(costStore, 100, costN);
  const fillSeconds = (performance.now() - fillStarted) / 1000;
  const large = await pageCost();
  return {
    method: 'RegistrationStore.listByEvent(limit 50, no filter): ConsumedCapacity.CapacityUnits it returns (ReturnConsumedCapacity TOTAL), and the same summed by a middleware on the client; median of BENCH_RUNS pages; registrations fabricated from the schema and written with RegistrationStore.save (conditional PutItem, 64 in parallel)',
    smallN: 100,
    largeN: costN,
    smallPageUnits: small.listByEvent,
    largePageUnits: large.listByEvent,
    smallPageUnitsMiddleware: small.middleware,
    largePageUnitsMiddleware: large.middleware,
    ratio: ratio(large.listByEvent, small.listByEvent),
    writesPerSecond: round((costN - 100) / fillSeconds, 0),
  };
}

// Capacity per journey, through the source handlers and the runtime's own client.
export async function journeyCapacity(dynamo: DynamoDBClient, mail: Mailbox, journeys: number) {
  log(`capacity per journey (${journeys} journeys)`);
  const journeyTable = `bench-journey-${randomUUID()}`;
  process.env.TABLE_NAME = journeyTable;
  resetRuntime();
  await ensureTable(dynamo, journeyTable);
  await new EventStore(dynamo, journeyTable).create(seedEvent);
  // Both of the runtime's clients: the counters have their own (it must not retry).
  const recorder: CapacityRecorder = recordCapacity(runtime().clients.dynamo, runtime().clients.counters);
  const handlers = {
    submit: ((await import('../functions/submit-registration.ts')) as { handler: Handler }).handler,
    confirm: ((await import('../functions/confirm-registration.ts')) as { handler: Handler }).handler,
    list: ((await import('../functions/list-registrations.ts')) as { handler: Handler }).handler,
  };
  await mail.clear();
  const steps: Record<'submit' | 'mail' | 'confirm' | 'list' | 'total', number[]> = { submit: [], mail: [], confirm: [], list: [], total: [] };
  const callsPerJourney: Record<string, number[]> = {};
  for (let journey = 0; journey < journeys; journey++) {
    const email = address('journey');
    let calls: Record<string, number> = {};
    const step = async (name: 'submit' | 'confirm' | 'list', spec: EventSpec, status: number) => {
      recorder.reset();
      const result = await handlers[name](httpEvent(spec), lambdaContext(name));
      if (result.statusCode !== status) throw new Error(`journey ${name} answered ${result.statusCode}`);
      steps[name].push(recorder.total);
      for (const [command, entry] of Object.entries(recorder.calls)) calls[command] = (calls[command] ?? 0) + entry.count;
      return recorder.total;
    };
    let total = await step('submit', requests.submit(email), 202);
    // The mail worker's share of the journey: it reads the queue and marks the mail sent.
    recorder.reset();
    await mail.deliver();
    steps.mail.push(recorder.total);
    for (const [command, entry] of Object.entries(recorder.calls)) calls[command] = (calls[command] ?? 0) + entry.count;
    total += recorder.total;
    const token = (await mail.tokens()).get(email);
    if (!token) throw new Error('journey: no mail');
    total += await step('confirm', requests.confirm(token), 200);
    total += await step('list', requests.list(), 200);
    steps.total.push(total);
    for (const [command, count] of Object.entries(calls)) (callsPerJourney[command] ??= []).push(count);
    calls = {};
  }
  const unreported = Object.entries(recorder.calls).filter(([, entry]) => entry.reported < entry.count).map(([command]) => command);
  return {
    method: `source handlers (submit, confirm, list limit 50) and the mail worker's sweep invoked in-process; a middleware on the runtime's DynamoDB clients (items and counters) sets ReturnConsumedCapacity=TOTAL on every item call and Query and sums what DynamoDB (dynalite) returns; median of ${journeys} journeys in a fresh table`,
    submitUnits: median(steps.submit),
    mailUnits: median(steps.mail),
    confirmUnits: median(steps.confirm),
    listUnits: median(steps.list),
    totalUnits: median(steps.total),
    callsPerJourney: Object.fromEntries(Object.entries(callsPerJourney).map(([command, counts]) => [command, median(counts)])),
    commandsWithoutReportedCapacity: unreported,
  };
}
