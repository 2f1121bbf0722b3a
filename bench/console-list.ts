// The console's list: what the moderator's queue costs (10 registrations awaiting approval among 100,
// then among 10,000, through the status index: the ratio should stay near 1, where a filter applied
// after reading would grow with the event), and how long a search over 5,000 registrations takes.
// Both go through the source list handler in-process, as the gateway calls it.
//
// Runs inside `npm run bench`; alone: `node bench/console-list.ts` (BENCH_RUNS, BENCH_CONSOLE_N,
// BENCH_SEARCH_N as for the bench), which prints its results as JSON and writes no results file.
import { QueryCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { ensureTable } from '../local/table-setup.ts';
import { registrationInputSchema } from '#shared/model/registration-schema.ts';
import type { Registration } from '#shared/model/registration.ts';
import { seedEvent } from '#shared/model/seed-event.ts';
import { planSubmission } from '#shared/model/submission.ts';
import { newReference } from '#shared/model/tokens.ts';
import { resetRuntime, runtime } from '#shared/runtime/runtime.ts';
import { createDynamoClient } from '#shared/store/client.ts';
import { EventStore } from '#shared/store/event-store.ts';
import type { RegistrationStore } from '#shared/store/registration-store.ts';
import { keys, tableKeys } from '#shared/store/table.ts';
import { recordCapacity, type CapacityRecorder } from './capacity.ts';
import { eventId, form, httpEvent, lambdaContext, organizerClaims } from './events.ts';
import { median, ratio, round } from './stats.ts';
import { envCount, log, startServices, useServices, type Handler } from './support.ts';

const lastNames = ['Berger', 'Müller', 'García', 'Novak', 'Kovačević', 'Ivanova', 'Nowak', 'Rossi', 'Dubois', 'Jensen', 'Horváth', 'Popescu'];
const organizations = ['Federal Ministry of the Interior', 'Ministry of Foreign Affairs', 'Ministry of Justice', 'Permanent Mission to the OSCE', 'Europol', 'UNODC'];

/** A registration as the domain makes it, in a status of our choosing, with a name and organization from the lists. */
export function fabricated(index: number, status: Registration['status'], now: Date, lastName = lastNames[index % lastNames.length]!): Registration {
  const details = registrationInputSchema.parse({
    ...form(`console.${index}.${randomUUID().slice(0, 8)}@example.org`),
    lastName,
    organization: organizations[index % organizations.length],
  });
  const { website: _honeypot, ...rest } = details;
  const pending = planSubmission(undefined, eventId, rest, { now, lifetimeHours: 72, rejectedBefore: false, mailAllowed: true }).next!;
  if (status === 'pending_confirmation') return { ...pending, pendingMails: [] };
  return { ...pending, status, pendingMails: [], confirmedAt: now.toISOString(), reference: newReference('BENCH'), version: pending.version + 1 };
}

export async function fill(store: RegistrationStore, from: number, to: number, make: (index: number) => Registration): Promise<number> {
  const started = performance.now();
  const batch = 64;
  for (let i = from; i < to; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, to - i) }, async (_, k) => {
        if (!(await store.save(make(i + k), undefined))) throw new Error('fabricated registration collided');
      }),
    );
  }
  return (performance.now() - started) / 1000;
}

/** A fresh table with the seed event, the runtime pointed at it, and a recorder on its client. */
export async function freshTable(dynamo: DynamoDBClient, label: string): Promise<{ store: RegistrationStore; recorder: CapacityRecorder; tableName: string }> {
  const tableName = `bench-${label}-${randomUUID()}`;
  await ensureTable(dynamo, tableName);
  await new EventStore(dynamo, tableName).create(seedEvent);
  process.env.TABLE_NAME = tableName;
  resetRuntime();
  return { store: runtime().registrations, recorder: recordCapacity(runtime().clients.dynamo), tableName };
}

async function listHandler(): Promise<Handler> {
  return ((await import('../functions/list-registrations.ts')) as { handler: Handler }).handler;
}

interface Listed {
  items: { registrationId: string }[];
  nextCursor: string | null;
}

/** Every page of the list for this query (following nextCursor, or only the first), timed and costed as one search. */
async function listAll(handler: Handler, recorder: CapacityRecorder, query: Record<string, string>, pages = Infinity) {
  recorder.reset();
  const started = performance.now();
  const items: Listed['items'] = [];
  let cursor: string | null = null;
  let requests = 0;
  do {
    const result = await handler(
      httpEvent({
        method: 'GET',
        path: `/events/${eventId}/registrations`,
        routeKey: 'GET /events/{eventId}/registrations',
        pathParameters: { eventId },
        query: { ...query, ...(cursor ? { cursor } : {}) },
        claims: organizerClaims(),
      }),
      lambdaContext('list-registrations'),
    );
    if (result.statusCode !== 200) throw new Error(`the list answered ${result.statusCode}: ${result.body?.slice(0, 300)}`);
    const page = JSON.parse(result.body!) as Listed;
    items.push(...page.items);
    cursor = page.nextCursor;
    requests++;
  } while (cursor && requests < pages);
  return { ms: performance.now() - started, units: recorder.total, items: items.length, requests };
}

const firstPage = (handler: Handler, recorder: CapacityRecorder, query: Record<string, string>) => listAll(handler, recorder, query, 1);

async function repeated(runs: number, once: () => Promise<{ ms: number; units: number; items: number; requests: number }>) {
  const samples = [];
  for (let run = 0; run < runs; run++) samples.push(await once());
  return {
    ms: round(median(samples.map((sample) => sample.ms))),
    units: median(samples.map((sample) => sample.units)),
    items: samples[0]!.items,
    requests: samples[0]!.requests,
  };
}

/** What the queue cost before the status index: the byEvent index read whole, the status applied after reading. */
async function withoutIndex(dynamo: DynamoDBClient, tableName: string) {
  const started = performance.now();
  let units = 0;
  let matches = 0;
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const result = await dynamo.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: tableKeys.byEventIndex,
        KeyConditionExpression: '#partition = :partition',
        FilterExpression: '#status = :status',
        ExpressionAttributeNames: { '#partition': tableKeys.byEventPartitionKey, '#status': 'status' },
        ExpressionAttributeValues: { ':partition': { S: keys.registrationsOfEvent(eventId) }, ':status': { S: 'awaiting_approval' } },
        ReturnConsumedCapacity: 'TOTAL',
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    units += result.ConsumedCapacity?.CapacityUnits ?? 0;
    matches += result.Count ?? 0;
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return { ms: round(performance.now() - started), units, matches };
}

/** The moderator's queue (10 awaiting approval) among 100 and among `largeN` registrations. */
export async function statusIndexCost(dynamo: DynamoDBClient, runs: number, largeN: number) {
  log(`the moderator's queue: 10 awaiting among 100 and ${largeN} registrations`);
  const smallN = 100;
  const awaiting = 10;
  const now = new Date();
  const { store, recorder, tableName } = await freshTable(dynamo, 'queue');
  const handler = await listHandler();
  // The ten awaiting approval are spread through the registration order, as a real queue is.
  await fill(store, 0, smallN, (index) => fabricated(index, index % (smallN / awaiting) === 5 ? 'awaiting_approval' : 'confirmed', now));
  const query = { status: 'awaiting_approval', sort: 'createdAt', limit: '50' };
  const small = await repeated(runs, () => listAll(handler, recorder, query));
  const fillSeconds = await fill(store, smallN, largeN, (index) => fabricated(index, index % 7 === 0 ? 'pending_confirmation' : 'confirmed', now));
  const large = await repeated(runs, () => listAll(handler, recorder, query));
  if (small.items !== awaiting || large.items !== awaiting) throw new Error(`the queue listed ${small.items} and ${large.items}, not ${awaiting}`);
  const before = await withoutIndex(dynamo, tableName);
  return {
    method:
      `GET /events/{id}/registrations?status=awaiting_approval&sort=createdAt&limit=50 through the source list handler in-process (claims of an organizer), every page followed; ` +
      `${awaiting} registrations awaiting approval spread among ${smallN}, then the same ${awaiting} among ${largeN} (the others confirmed or unconfirmed), fabricated from the schema and written with RegistrationStore.save; ` +
      `capacity summed by a middleware on the runtime's client (ReturnConsumedCapacity TOTAL); median of BENCH_RUNS; "without the index": the byEvent index read whole with the status as a FilterExpression, as the list did before`,
    awaiting,
    smallN,
    largeN,
    smallMs: small.ms,
    largeMs: large.ms,
    smallUnits: small.units,
    largeUnits: large.units,
    requests: large.requests,
    unitsRatio: ratio(large.units, small.units),
    timeRatio: ratio(large.ms, small.ms),
    withoutIndexUnits: before.units,
    withoutIndexMs: before.ms,
    writesPerSecond: round((largeN - smallN) / fillSeconds, 0),
  };
}

/** A search over `n` registrations: a name one registration has (every page), a common word (the first page), and a sort by name. */
export async function searchTime(dynamo: DynamoDBClient, runs: number, n: number) {
  log(`search over ${n} registrations`);
  const now = new Date();
  const { store, recorder } = await freshTable(dynamo, 'search');
  const handler = await listHandler();
  const rare = Math.floor(n * 0.8);
  await fill(store, 0, n, (index) => fabricated(index, index % 3 === 0 ? 'awaiting_approval' : 'confirmed', now, index === rare ? 'Hämäläinen' : undefined));
  const one = await repeated(runs, () => listAll(handler, recorder, { q: 'hamalainen', limit: '50' }));
  if (one.items !== 1) throw new Error(`the search found ${one.items}, not 1`);
  const common = await repeated(runs, () => firstPage(handler, recorder, { q: 'ministry', limit: '50' }));
  const sorted = await repeated(runs, () => firstPage(handler, recorder, { sort: 'lastName', limit: '50' }));
  return {
    method:
      `GET /events/{id}/registrations through the source list handler in-process over ${n} fabricated registrations (names and organizations from short lists, one named Hämäläinen): ` +
      `q=hamalainen (one match, case and accents aside), every page followed until nextCursor is null; q=ministry (most match), the first page of 50; sort=lastName, the first page of 50 ` +
      `(every match's sort fields read, then the page's registrations by BatchGetItem); median of BENCH_RUNS, capacity summed by a middleware`,
    n,
    rareMatchMs: one.ms,
    rareMatchRequests: one.requests,
    rareMatchUnits: one.units,
    commonFirstPageMs: common.ms,
    commonFirstPageItems: common.items,
    sortedFirstPageMs: sorted.ms,
    sortedFirstPageUnits: sorted.units,
  };
}

if (import.meta.main) {
  const services = await startServices();
  useServices(services, 'bench-console');
  try {
    const dynamo = createDynamoClient();
    const runs = envCount('BENCH_RUNS', 20);
    const results = {
      statusIndex: await statusIndexCost(dynamo, runs, envCount('BENCH_CONSOLE_N', 10_000)),
      search: await searchTime(dynamo, runs, envCount('BENCH_SEARCH_N', 5_000)),
    };
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } finally {
    services.child.stdin?.end();
    services.child.kill('SIGTERM');
  }
  process.exit(0);
}
