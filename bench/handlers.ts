// Bundle size, cold start and warm latency of each handler beside its floor (bench/floor/: the same
// SDK call with no middy, no Zod, no shared code, bundled alike). Handler and floor are measured in
// the same run, alternating, so a noisy machine moves both alike and the ratio survives.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../infra/functions.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import { bundle, type Bundle } from './bundle.ts';
import { httpEvent, lambdaContext, requests, type EventSpec } from './events.ts';
import { median, quantile, ratio, round } from './stats.ts';
import { address, log, timed, type Handler, type Mailbox } from './support.ts';

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
export const floorCalls = { 'get-item': 'GetItem', query: 'Query (byEvent, Limit 50)', 'put-and-mail': 'PutItem + SES SendEmail' } as const;

const expected: Record<string, number> = { 'get-event': 200, 'submit-registration': 202, 'confirm-registration': 200, 'show-confirm-page': 200, 'list-registrations': 200, 'get-item': 200, query: 200, 'put-and-mail': 202 };

/** The bundles of the handlers (by name) and of the floors (by `floor:name`). */
export type Bundles = Record<string, Bundle>;

// Deterministic: one build each.
export async function bundleAll(): Promise<Bundles> {
  log('bundling');
  const bundles: Bundles = {};
  for (const item of measured) bundles[item.name] = await bundle(item.name, item.entry);
  for (const [name, entry] of Object.entries(floors)) bundles[`floor:${name}`] = await bundle(`floor-${name}`, entry);
  return bundles;
}

export function bundleSize(bundles: Bundles) {
  const rows = measured.map((item) => {
    const own = bundles[item.name]!;
    const floor = bundles[`floor:${item.floor}`]!;
    return { handler: item.name, floor: item.floor, bytes: own.bytes, gzipBytes: own.gzipBytes, floorBytes: floor.bytes, floorGzipBytes: floor.gzipBytes, ratio: ratio(own.bytes, floor.bytes), gzipRatio: ratio(own.gzipBytes, floor.gzipBytes) };
  });
  return { method: 'esbuild with infra/functions.ts `bundling` (ESM, minified, linked source map, createRequire banner, node24, AWS SDK bundled); index.mjs bytes and gzip -9 bytes; the .map is not counted', rows };
}

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
    // 'close', not 'exit': a child can exit before its last output has been read from the pipe.
    child.once('close', (code) => {
      if (!/\nBENCH /.test(output)) reject(new Error(`cold start of ${file} exited with ${code}: ${output.slice(-500)}`));
    });
  });
}

// Fresh processes, handler and floor alternating.
export async function coldStarts(bundles: Bundles, mail: Mailbox, runs: number) {
  log(`cold starts (${runs} runs each)`);
  await mail.clear();
  const tokens = await mail.pendingTokens(runs + 1);
  const rows = [];
  for (const item of measured) {
    const own: ColdSample[] = [];
    const floor: ColdSample[] = [];
    for (let run = 0; run < runs; run++) {
      own.push(await coldStart(bundles[item.name]!.file, httpEvent(item.request(run, tokens))));
      floor.push(await coldStart(bundles[`floor:${item.floor}`]!.file, httpEvent(item.floorRequest())));
    }
    for (const sample of own) if (sample.status !== expected[item.name]) throw new Error(`cold ${item.name} answered ${sample.status}`);
    const m = (samples: ColdSample[], key: keyof ColdSample) => round(median(samples.map((sample) => sample[key])));
    rows.push({
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
  return {
    method: `median of ${runs} fresh \`${process.execPath} --enable-source-maps\` processes per handler, alternating with the floor: wall time from spawn until the first invocation answered against dynalite/aws-ses-v2-local; import and first-invoke times measured inside the child`,
    rows,
  };
}

// The bundles loaded in this process, handler and floor calls alternating.
export async function warmLatency(bundles: Bundles, mail: Mailbox, calls: number) {
  log(`warm latency (${calls} calls each)`);
  await mail.clear();
  const tokens = await mail.pendingTokens(calls + 20);
  const loaded: Record<string, Handler> = {};
  for (const [name, file] of Object.entries(bundles)) loaded[name] = ((await import(pathToFileURL(file.file).href)) as { handler: Handler }).handler;
  const rows = [];
  for (const item of measured) {
    const own: number[] = [];
    const floor: number[] = [];
    const ownHandler = loaded[item.name]!;
    const floorHandler = loaded[`floor:${item.floor}`]!;
    const warmup = 20;
    for (let i = 0; i < warmup + calls; i++) {
      const tokenIndex = i;
      const a = await timed(() => ownHandler(httpEvent(item.request(tokenIndex, tokens)), lambdaContext(item.name)), expected[item.name]!, item.name);
      const b = await timed(() => floorHandler(httpEvent(item.floorRequest()), lambdaContext('floor')), expected[item.floor]!, item.floor);
      if (i >= warmup) {
        own.push(a);
        floor.push(b);
      }
    }
    rows.push({
      handler: item.name,
      floor: item.floor,
      p50Ms: round(quantile(own, 0.5), 2),
      p99Ms: round(quantile(own, 0.99), 2),
      floorP50Ms: round(quantile(floor, 0.5), 2),
      floorP99Ms: round(quantile(floor, 0.99), 2),
      p50Ratio: ratio(quantile(own, 0.5), quantile(floor, 0.5)),
    });
  }
  return {
    method: `${calls} calls per handler (after 20 warm-up calls) of the bundled handler loaded in the bench process, against dynalite and aws-ses-v2-local running in a second process; floor calls interleaved`,
    rows,
  };
}
