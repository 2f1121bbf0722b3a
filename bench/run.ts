// `npm run bench`: bundle size, cold start, warm latency, throughput and DynamoDB cost of the handlers,
// each set beside a floor measured in the same run (a minimal handler making the same SDK call with no
// middy and no Zod, bundled alike), so the ratios survive a noisy machine. Prints a Markdown table and
// writes bench/results.json and bench/results.md.
//
// Repetitions: BENCH_RUNS (cold starts and cost pages, default 20), BENCH_WARM (warm calls per handler,
// default 200), BENCH_REGISTRATIONS (throughput, default 640), BENCH_ROUNDTRIPS (default 160),
// BENCH_COST_N (registrations for the large list, default 10000), BENCH_JOURNEYS (default 20).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../infra/functions.ts';
import { ensureTable } from '../local/table-setup.ts';
import { startLocalStack } from '../local/stack.ts';
import { resetRuntime, runtime } from '#shared/runtime/runtime.ts';
import { registrationInputSchema } from '#shared/model/registration-schema.ts';
import { seedEvent } from '#shared/model/seed-event.ts';
import { createDynamoClient } from '#shared/store/client.ts';
import { EventStore } from '#shared/store/event-store.ts';
import { RegistrationStore } from '#shared/store/registration-store.ts';
import { bundle, type Bundle } from './bundle.ts';
import { recordCapacity, type CapacityRecorder } from './capacity.ts';
import { eventId, form, httpEvent, lambdaContext, requests, type EventSpec } from './events.ts';
import { median, quantile, ratio, round } from './stats.ts';
import { type HttpEvent } from '#shared/http/request.ts';
import { type HttpResult } from '#shared/http/responses.ts';
import { planSubmission } from '#shared/model/submission.ts';

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
};
const settings = {
  runs: env('BENCH_RUNS', 20),
  warm: env('BENCH_WARM', 200),
  registrations: env('BENCH_REGISTRATIONS', 640),
  roundTrips: env('BENCH_ROUNDTRIPS', 160),
  costN: env('BENCH_COST_N', 10_000),
  journeys: env('BENCH_JOURNEYS', 20),
  clients: 32,
};
const tmp = join(projectRoot, 'bench', 'tmp');
const benchStarted = performance.now();
const log = (message: string) => process.stderr.write(`[bench ${round((performance.now() - benchStarted) / 1000, 0)}s] ${message}\n`);

type Handler = (event: HttpEvent, context: unknown) => Promise<HttpResult>;

// ---------------------------------------------------------------- emulators, in a process of their own
async function startServices(): Promise<{ dynamodbUrl: string; sesUrl: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(projectRoot, 'bench', 'services.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the emulators exited (${code})`)));
  });
  return { ...(JSON.parse(line) as { dynamodbUrl: string; sesUrl: string }), child };
}

let sesUrl = '';
async function clearMail(): Promise<void> {
  await fetch(`${sesUrl}/clear-store`, { method: 'POST' });
}
async function mailTokens(): Promise<Map<string, string>> {
  const { emails } = (await (await fetch(`${sesUrl}/store`)).json()) as { emails: { destination: { to: string[] }; body: { text?: string } }[] };
  const tokens = new Map<string, string>();
  for (const mail of emails) {
    const match = /\/confirm\?token=([A-Za-z0-9._%-]+)/.exec(mail.body.text ?? '');
    if (match) tokens.set(mail.destination.to[0]!.toLowerCase(), decodeURIComponent(match[1]!));
  }
  return tokens;
}

const address = (label: string) => `${label}.${randomUUID().slice(0, 12)}@example.org`;

/** Pending registrations made with the source submit handler; returns their confirmation tokens. */
async function pendingTokens(count: number): Promise<string[]> {
  const { handler } = (await import('../functions/submit-registration.ts')) as { handler: Handler };
  const emails = Array.from({ length: count }, () => address('pending'));
  for (let i = 0; i < emails.length; i += 16) {
    await Promise.all(emails.slice(i, i + 16).map((email) => handler(httpEvent(requests.submit(email)), lambdaContext('submit'))));
  }
  const tokens = await mailTokens();
  return emails.map((email) => {
    const token = tokens.get(email);
    if (!token) throw new Error(`no confirmation mail for ${email}`);
    return token;
  });
}

// ---------------------------------------------------------------- the handlers and their floors
interface Measured {
  name: string;
  entry: string;
  floor: 'get-item' | 'query' | 'put-and-mail';
  /** The event of invocation `i` (tokens are prepared beforehand where a handler needs one each). */
  request: (i: number, tokens: string[]) => EventSpec;
  floorRequest: () => EventSpec;
  needsTokens: boolean;
}

const measured: Measured[] = [
  { name: 'get-event', entry: 'functions/get-event.ts', floor: 'get-item', request: () => requests.getEvent(), floorRequest: requests.getEvent, needsTokens: false },
  { name: 'submit-registration', entry: 'functions/submit-registration.ts', floor: 'put-and-mail', request: () => requests.submit(address('submit')), floorRequest: () => requests.submit(address('floor')), needsTokens: false },
  { name: 'confirm-registration', entry: 'functions/confirm-registration.ts', floor: 'put-and-mail', request: (i, tokens) => requests.confirm(tokens[i]!), floorRequest: () => requests.submit(address('floor')), needsTokens: true },
  { name: 'show-confirm-page', entry: 'functions/show-confirm-page.ts', floor: 'get-item', request: (_i, tokens) => requests.confirmPage(tokens[0]!), floorRequest: requests.getEvent, needsTokens: true },
  { name: 'list-registrations', entry: 'functions/list-registrations.ts', floor: 'query', request: () => requests.list(), floorRequest: requests.list, needsTokens: false },
];
const floors = { 'get-item': 'bench/floor/get-item.ts', query: 'bench/floor/query.ts', 'put-and-mail': 'bench/floor/put-and-mail.ts' } as const;
const floorCalls = { 'get-item': 'GetItem', query: 'Query (byEvent, Limit 50)', 'put-and-mail': 'PutItem + SES SendEmail' } as const;

// ---------------------------------------------------------------- cold start
interface ColdSample {
  wallMs: number;
  importMs: number;
  invokeMs: number;
  status: number;
}

function coldStart(file: string, event: HttpEvent): Promise<ColdSample> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // Lambda's functions run with NODE_OPTIONS=--enable-source-maps (infra/functions.ts); so do these.
    const child = spawn(process.execPath, ['--enable-source-maps', join(projectRoot, 'bench', 'cold-child.mjs'), file], {
      env: { ...process.env, BENCH_EVENT: JSON.stringify(event), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /\nBENCH (\{.*\})\n/.exec(output);
      if (match) {
        const wallMs = performance.now() - started;
        const sample = JSON.parse(match[1]!) as { importMs: number; invokeMs: number; status: number };
        resolve({ wallMs, importMs: sample.importMs, invokeMs: sample.invokeMs, status: sample.status });
      }
    });
    child.once('exit', (code) => {
      if (!/\nBENCH /.test(output)) reject(new Error(`cold start of ${file} exited with ${code}: ${output.slice(-500)}`));
    });
  });
}

// ---------------------------------------------------------------- helpers
async function timed(call: () => Promise<HttpResult>, expectStatus: number, label: string): Promise<number> {
  const started = performance.now();
  const result = await call();
  const elapsed = performance.now() - started;
  if (result.statusCode !== expectStatus) throw new Error(`${label} answered ${result.statusCode}: ${result.body?.slice(0, 300)}`);
  return elapsed;
}

const expected: Record<string, number> = { 'get-event': 200, 'submit-registration': 202, 'confirm-registration': 200, 'show-confirm-page': 200, 'list-registrations': 200, 'get-item': 200, query: 200, 'put-and-mail': 202 };

async function runConcurrently(total: number, clients: number, task: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < total; i = next++) await task(i);
    }),
  );
  return (performance.now() - started) / 1000;
}

function fabricatedRegistration(index: number, now: Date) {
  const details = registrationInputSchema.parse({ ...form(`cost.${index}.${randomUUID().slice(0, 8)}@example.org`), language: 'en' });
  const { website: _honeypot, ...rest } = details;
  const plan = planSubmission(undefined, eventId, rest, now, 72);
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

// ---------------------------------------------------------------- main
async function main() {
  await mkdir(tmp, { recursive: true });
  log(`settings ${JSON.stringify(settings)}`);
  const services = await startServices();
  sesUrl = services.sesUrl;
  const tableName = `bench-${randomUUID()}`;
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: services.dynamodbUrl,
    SES_ENDPOINT: services.sesUrl,
    AWS_REGION: 'eu-central-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    SENDER_ADDRESS: 'registration@osce.local',
    PUBLIC_BASE_URL: 'https://registration.osce.example',
    CURSOR_SECRET: 'bench-cursor-secret',
    LOG_LEVEL: 'warn',
  });
  const dynamo = createDynamoClient();
  await ensureTable(dynamo, tableName);
  await new EventStore(dynamo, tableName).create(seedEvent);
  const results: Record<string, unknown> = {};

  try {
    // 1. Bundle sizes (deterministic: one build each).
    log('bundling');
    const bundles: Record<string, Bundle> = {};
    for (const item of measured) bundles[item.name] = await bundle(item.name, item.entry);
    for (const [name, entry] of Object.entries(floors)) bundles[`floor:${name}`] = await bundle(`floor-${name}`, entry);
    const sizeRows = measured.map((item) => {
      const own = bundles[item.name]!;
      const floor = bundles[`floor:${item.floor}`]!;
      return { handler: item.name, floor: item.floor, bytes: own.bytes, gzipBytes: own.gzipBytes, floorBytes: floor.bytes, floorGzipBytes: floor.gzipBytes, ratio: ratio(own.bytes, floor.bytes), gzipRatio: ratio(own.gzipBytes, floor.gzipBytes) };
    });
    results.bundleSize = { method: 'esbuild with infra/functions.ts `bundling` (ESM, minified, linked source map, createRequire banner, node24, AWS SDK bundled); index.mjs bytes and gzip -9 bytes; the .map is not counted', rows: sizeRows };

    // 2. Cold starts: fresh processes, handler and floor alternating.
    log(`cold starts (${settings.runs} runs each)`);
    await clearMail();
    const coldTokens = await pendingTokens(settings.runs + 1);
    const coldRows = [];
    for (const item of measured) {
      const own: ColdSample[] = [];
      const floor: ColdSample[] = [];
      for (let run = 0; run < settings.runs; run++) {
        own.push(await coldStart(bundles[item.name]!.file, httpEvent(item.request(run, coldTokens))));
        floor.push(await coldStart(bundles[`floor:${item.floor}`]!.file, httpEvent(item.floorRequest())));
      }
      for (const sample of own) if (sample.status !== expected[item.name]) throw new Error(`cold ${item.name} answered ${sample.status}`);
      const m = (samples: ColdSample[], key: keyof ColdSample) => round(median(samples.map((sample) => sample[key])));
      coldRows.push({
        handler: item.name,
        floor: item.floor,
        wallMs: m(own, 'wallMs'),
        floorWallMs: m(floor, 'wallMs'),
        ratio: ratio(median(own.map((s) => s.wallMs)), median(floor.map((s) => s.wallMs))),
        importMs: m(own, 'importMs'),
        firstInvokeMs: m(own, 'invokeMs'),
        floorImportMs: m(floor, 'importMs'),
        floorFirstInvokeMs: m(floor, 'invokeMs'),
      });
    }
    results.coldStart = {
      method: `median of ${settings.runs} fresh \`${process.execPath} --enable-source-maps\` processes per handler, alternating with the floor: wall time from spawn until the first invocation answered against dynalite/aws-ses-v2-local; import and first-invoke times measured inside the child`,
      rows: coldRows,
    };

    // 3. Warm latency: the bundles loaded in this process, handler and floor calls alternating.
    log(`warm latency (${settings.warm} calls each)`);
    await clearMail();
    const warmTokens = await pendingTokens(settings.warm + 20);
    const loaded: Record<string, Handler> = {};
    for (const [name, file] of Object.entries(bundles)) loaded[name] = ((await import(pathToFileURL(file.file).href)) as { handler: Handler }).handler;
    const warmRows = [];
    for (const item of measured) {
      const own: number[] = [];
      const floor: number[] = [];
      const ownHandler = loaded[item.name]!;
      const floorHandler = loaded[`floor:${item.floor}`]!;
      const warmup = 20;
      for (let i = 0; i < warmup + settings.warm; i++) {
        const tokenIndex = i;
        const a = await timed(() => ownHandler(httpEvent(item.request(tokenIndex, warmTokens)), lambdaContext(item.name)), expected[item.name]!, item.name);
        const b = await timed(() => floorHandler(httpEvent(item.floorRequest()), lambdaContext('floor')), expected[item.floor]!, item.floor);
        if (i >= warmup) {
          own.push(a);
          floor.push(b);
        }
      }
      warmRows.push({
        handler: item.name,
        floor: item.floor,
        p50Ms: round(quantile(own, 0.5), 2),
        p99Ms: round(quantile(own, 0.99), 2),
        floorP50Ms: round(quantile(floor, 0.5), 2),
        floorP99Ms: round(quantile(floor, 0.99), 2),
        p50Ratio: ratio(quantile(own, 0.5), quantile(floor, 0.5)),
      });
    }
    results.warmLatency = {
      method: `${settings.warm} calls per handler (after 20 warm-up calls) of the bundled handler loaded in the bench process, against dynalite and aws-ses-v2-local running in a second process; floor calls interleaved`,
      rows: warmRows,
    };

    // 4. Throughput through the local gateway.
    log(`throughput (${settings.registrations} registrations, ${settings.roundTrips} round trips, ${settings.clients} clients)`);
    const stack = await startLocalStack({
      dataDir: join(tmp, 'stack'),
      port: 0,
      emailPort: 0,
      dynamodbEndpoint: services.dynamodbUrl,
      sesEndpoint: services.sesUrl,
      tableName: `bench-gateway-${randomUUID()}`,
      inMemory: true,
      // Measures the pipeline, not the stage's rate limit (which would answer 429 beyond 5 POSTs/s).
      throttle: false,
    });
    try {
      await clearMail();
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
      await clearMail();
      const roundTripSeconds = await runConcurrently(settings.roundTrips, settings.clients, async () => {
        const email = address('roundtrip');
        const submitted = await fetch(`${base}/events/${eventId}/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(form(email)) });
        await submitted.arrayBuffer();
        let token: string | undefined;
        for (let attempt = 0; attempt < 200 && !token; attempt++) {
          token = (await mailTokens()).get(email);
          if (!token) await new Promise((resolve) => setTimeout(resolve, 10));
        }
        if (!token) throw new Error(`no mail for ${email}`);
        const confirmed = await fetch(`${base}/registrations/confirm`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
        await confirmed.arrayBuffer();
        if (confirmed.status !== 200) throw new Error(`confirm answered ${confirmed.status}`);
      });
      results.throughput = {
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

    // 5. Cost: one list page with 100 and with N registrations, and one journey.
    log(`cost growth (100 and ${settings.costN} registrations)`);
    const costTable = `bench-cost-${randomUUID()}`;
    const costClient = createDynamoClient();
    const costRecorder = recordCapacity(costClient);
    await ensureTable(costClient, costTable);
    await new EventStore(costClient, costTable).create(seedEvent);
    const costStore = new RegistrationStore(costClient, costTable);
    const pageCost = async () => {
      const reported: number[] = [];
      const recorded: number[] = [];
      for (let run = 0; run < settings.runs; run++) {
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
    await fill(costStore, 100, settings.costN);
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    const large = await pageCost();
    results.costGrowth = {
      method: 'RegistrationStore.listByEvent(limit 50, no filter): ConsumedCapacity.CapacityUnits it returns (ReturnConsumedCapacity TOTAL), and the same summed by a middleware on the client; median of BENCH_RUNS pages; registrations fabricated from the schema and written with RegistrationStore.save (conditional PutItem, 64 in parallel)',
      smallN: 100,
      largeN: settings.costN,
      smallPageUnits: small.listByEvent,
      largePageUnits: large.listByEvent,
      smallPageUnitsMiddleware: small.middleware,
      largePageUnitsMiddleware: large.middleware,
      ratio: ratio(large.listByEvent, small.listByEvent),
      writesPerSecond: round((settings.costN - 100) / fillSeconds, 0),
    };

    // Capacity per journey, through the source handlers and the runtime's own client.
    log(`capacity per journey (${settings.journeys} journeys)`);
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
    await clearMail();
    const steps: Record<'submit' | 'confirm' | 'list' | 'total', number[]> = { submit: [], confirm: [], list: [], total: [] };
    const callsPerJourney: Record<string, number[]> = {};
    for (let journey = 0; journey < settings.journeys; journey++) {
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
      const token = (await mailTokens()).get(email);
      if (!token) throw new Error('journey: no mail');
      total += await step('confirm', requests.confirm(token), 200);
      total += await step('list', requests.list(), 200);
      steps.total.push(total);
      for (const [command, count] of Object.entries(calls)) (callsPerJourney[command] ??= []).push(count);
      calls = {};
    }
    const unreported = Object.entries(recorder.calls).filter(([, entry]) => entry.reported < entry.count).map(([command]) => command);
    results.journeyCapacity = {
      method: `source handlers (submit, confirm, list limit 50) invoked in-process; a middleware on the runtime's DynamoDB clients (items and counters) sets ReturnConsumedCapacity=TOTAL on every item call and Query and sums what DynamoDB (dynalite) returns; median of ${settings.journeys} journeys in a fresh table`,
      submitUnits: median(steps.submit),
      confirmUnits: median(steps.confirm),
      listUnits: median(steps.list),
      totalUnits: median(steps.total),
      callsPerJourney: Object.fromEntries(Object.entries(callsPerJourney).map(([command, counts]) => [command, median(counts)])),
      commandsWithoutReportedCapacity: unreported,
    };
  } finally {
    services.child.stdin?.end();
    services.child.kill('SIGTERM');
    await rm(join(tmp, 'stack'), { recursive: true, force: true });
  }

  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
  const document = { date: new Date().toISOString(), machine, settings, floors: floorCalls, durationSeconds: round((performance.now() - benchStarted) / 1000, 0), ...results };
  await writeFile(join(projectRoot, 'bench', 'results.json'), `${JSON.stringify(document, null, 2)}\n`);
  const markdown = toMarkdown(document);
  await writeFile(join(projectRoot, 'bench', 'results.md'), markdown);
  process.stdout.write(markdown);
}

function toMarkdown(doc: any): string {
  const ok = (value: number, target: number) => (value <= target ? `${value}x ✓` : `${value}x ✗`);
  const kib = (bytes: number) => `${round(bytes / 1024, 1)} KiB`;
  const lines: string[] = [];
  lines.push(`### Benchmark (${doc.date.slice(0, 10)}; ${doc.machine.cpu}, ${doc.machine.cores} cores, ${doc.machine.memoryGiB} GiB, Node ${doc.machine.node})`, '');
  lines.push('| handler | floor | bundle min / gzip | floor min / gzip | size ratio (≤1.5) | cold start | floor cold | cold ratio (≤1.5) | warm p50 / p99 | floor p50 / p99 |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const size of doc.bundleSize.rows) {
    const cold = doc.coldStart.rows.find((row: any) => row.handler === size.handler);
    const warm = doc.warmLatency.rows.find((row: any) => row.handler === size.handler);
    lines.push(
      `| ${size.handler} | ${doc.floors[size.floor]} | ${kib(size.bytes)} / ${kib(size.gzipBytes)} | ${kib(size.floorBytes)} / ${kib(size.floorGzipBytes)} | ${ok(size.ratio, 1.5)} (gzip ${size.gzipRatio}x) | ${cold.wallMs} ms | ${cold.floorWallMs} ms | ${ok(cold.ratio, 1.5)} | ${warm.p50Ms} / ${warm.p99Ms} ms | ${warm.floorP50Ms} / ${warm.floorP99Ms} ms |`,
    );
  }
  const t = doc.throughput;
  const c = doc.costGrowth;
  const j = doc.journeyCapacity;
  lines.push('', '| measure | value |', '|---|---|');
  lines.push(`| registrations/s through the local gateway (${t.clients} clients, ${t.registrations} requests) | ${t.registrationsPerSecond} (p50 ${t.submitP50Ms} ms, p99 ${t.submitP99Ms} ms) |`);
  lines.push(`| confirmation round trips/s (submit, read mail, confirm; ${t.roundTrips}) | ${t.roundTripsPerSecond} |`);
  lines.push(`| capacity of one list page (limit 50): ${c.smallN} vs ${c.largeN} registrations | ${c.smallPageUnits} vs ${c.largePageUnits} RCU, ratio ${ok(c.ratio, 1.1).replace('1.1', '1.1')} (target ≤1.1) |`);
  lines.push(`| capacity units per journey (submit + confirm + one list page) | ${j.totalUnits} (${j.submitUnits} + ${j.confirmUnits} + ${j.listUnits}) |`);
  lines.push(`| DynamoDB calls per journey | ${Object.entries(j.callsPerJourney).map(([command, count]) => `${command.replace('Command', '')} ${count}`).join(', ')} |`);
  lines.push('', 'How each number was obtained:', '');
  for (const key of ['bundleSize', 'coldStart', 'warmLatency', 'throughput', 'costGrowth', 'journeyCapacity']) lines.push(`- **${key}**: ${doc[key].method}.`);
  lines.push(`- Floors: minimal handlers in bench/floor/ (no middy, no Zod, no shared code) bundled with the same settings: ${Object.entries(doc.floors).map(([name, call]) => `${name} = ${call}`).join('; ')}.`);
  lines.push(`- Reproduce: \`npm run bench\` (BENCH_RUNS=${doc.settings.runs}, BENCH_WARM=${doc.settings.warm}; took ${doc.durationSeconds} s). Figures from dynalite on one machine: compare ratios, not absolute times.`, '');
  return `${lines.join('\n')}\n`;
}

await main();
process.exit(0);
