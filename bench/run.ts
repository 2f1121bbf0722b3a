// `npm run bench`: bundle size, cold start, warm latency, throughput and DynamoDB cost of the handlers,
// each set beside a floor measured in the same run (a minimal handler making the same SDK call with no
// middy and no Zod, bundled alike), so the ratios survive a noisy machine. Prints a Markdown table and
// writes bench/results.json and bench/results.md.
//
// Repetitions: BENCH_RUNS (cold starts and cost pages, default 20), BENCH_WARM (warm calls per handler,
// default 200), BENCH_REGISTRATIONS (throughput, default 640), BENCH_ROUNDTRIPS (default 160),
// BENCH_COST_N (registrations for the large list, default 10000), BENCH_JOURNEYS (default 20),
// BENCH_CONSOLE_N (registrations around the moderator's queue, default 10000), BENCH_SEARCH_N (default 5000),
// BENCH_PARTICIPANTS_N (the list of participants, default 1500), BENCH_FLOOD_SECONDS (default 10), BENCH_FLOOD_PARTICIPANTS (default 20) and BENCH_TIMING_ROUNDS
// (default 200). BENCH_ONLY=<measure>,... runs those measures alone and prints them (results untouched).
//
// This file only orders the measures and writes what they return; each measure lives in its own module.
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../infra/functions.ts';
import { ensureTable } from '../local/table-setup.ts';
import { seedEvent } from '#shared/model/seed-event.ts';
import { createDynamoClient } from '#shared/store/client.ts';
import { EventStore } from '#shared/store/event-store.ts';
import { searchTime, statusIndexCost } from './console-list.ts';
import { formCompileTime } from './form-compile.ts';
import { participantListTime } from './participant-list.ts';
import { costGrowth, journeyCapacity } from './cost.ts';
import { flood } from './flood.ts';
import { pageWeights } from './bundle.ts';
import { bundleAll, bundleSize, coldStarts, floorCalls, warmLatency } from './handlers.ts';
import { toMarkdown } from './markdown.ts';
import { round } from './stats.ts';
import { elapsedSeconds, envCount, log, mailbox, startServices, tmp, useServices } from './support.ts';
import { stackDir, throughput } from './throughput.ts';
import { submitTiming } from './timing.ts';

const settings = {
  runs: envCount('BENCH_RUNS', 20),
  warm: envCount('BENCH_WARM', 200),
  registrations: envCount('BENCH_REGISTRATIONS', 640),
  roundTrips: envCount('BENCH_ROUNDTRIPS', 160),
  costN: envCount('BENCH_COST_N', 10_000),
  participantsN: envCount('BENCH_PARTICIPANTS_N', 1500),
  journeys: envCount('BENCH_JOURNEYS', 20),
  consoleN: envCount('BENCH_CONSOLE_N', 10_000),
  searchN: envCount('BENCH_SEARCH_N', 5_000),
  floodSeconds: envCount('BENCH_FLOOD_SECONDS', 10),
  floodParticipants: envCount('BENCH_FLOOD_PARTICIPANTS', 20),
  timingRounds: envCount('BENCH_TIMING_ROUNDS', 200),
  clients: 32,
};

async function main() {
  await mkdir(tmp, { recursive: true });
  log(`settings ${JSON.stringify(settings)}`);
  const services = await startServices();
  const mail = mailbox(services.sesUrl);
  const tableName = `bench-${randomUUID()}`;
  useServices(services, tableName);
  const dynamo = createDynamoClient();
  await ensureTable(dynamo, tableName);
  await new EventStore(dynamo, tableName).create(seedEvent);
  const results: Record<string, unknown> = {};

  // BENCH_ONLY=submitTiming,costGrowth runs some measures alone (printed, not written to results).
  const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim()).filter(Boolean);
  const wanted = (name: string) => !only || only.includes(name);
  try {
    const bundles = wanted('bundleSize') || wanted('coldStart') || wanted('warmLatency') ? await bundleAll() : undefined;
    const measures: [string, () => unknown][] = [
      ['bundleSize', () => bundleSize(bundles!)],
      ['pageWeight', () => pageWeights()],
      ['coldStart', () => coldStarts(bundles!, mail, settings.runs)],
      ['warmLatency', () => warmLatency(bundles!, mail, settings.warm)],
      ['throughput', () => throughput(services, mail, settings)],
      ['flood', () => flood(services, mail, { floodSeconds: settings.floodSeconds, participants: settings.floodParticipants })],
      ['submitTiming', () => submitTiming(mail, settings.timingRounds)],
      ['costGrowth', () => costGrowth(settings.runs, settings.costN)],
      // Last: it moves the in-process runtime to a table of its own.
      ['journeyCapacity', () => journeyCapacity(dynamo, mail, settings.journeys)],
      ['statusIndex', () => statusIndexCost(dynamo, settings.runs, settings.consoleN)],
      ['search', () => searchTime(dynamo, settings.runs, settings.searchN)],
      ['formCompile', () => formCompileTime(200)],
      ['participantList', () => participantListTime(dynamo, Math.min(settings.runs, 5), settings.participantsN)],
    ];
    for (const [name, measure] of measures) if (wanted(name)) results[name] = await measure();
  } finally {
    services.child.stdin?.end();
    services.child.kill('SIGTERM');
    await rm(stackDir, { recursive: true, force: true });
  }

  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
  const document = { date: new Date().toISOString(), machine, settings, floors: floorCalls, durationSeconds: elapsedSeconds(), ...results };
  if (only) {
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    return;
  }
  await writeFile(join(projectRoot, 'bench', 'results.json'), `${JSON.stringify(document, null, 2)}\n`);
  const markdown = toMarkdown(document);
  await writeFile(join(projectRoot, 'bench', 'results.md'), markdown);
  process.stdout.write(markdown);
}

await main();
process.exit(0);
