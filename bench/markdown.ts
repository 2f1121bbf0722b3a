// The Markdown form of results.json: each handler in one row beside its floor with the ratios checked
// against their targets, the gateway and cost figures, and how each number was obtained, so the table
// can be read (and pasted into a review) without the JSON.
import { round } from './stats.ts';

export function toMarkdown(doc: any): string {
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
  if (doc.pageWeight) {
    lines.push('', '| web page (first load: HTML + CSS + JS) | min | gzip | budget (gzip) |', '|---|---|---|---|');
    for (const row of doc.pageWeight.rows) lines.push(`| ${row.page} | ${kib(row.bytes)} | ${kib(row.gzipBytes)} | ${row.gzipBytes <= row.budgetGzipBytes ? '✓' : '✗'} ${kib(row.budgetGzipBytes)} |`);
  }
  const t = doc.throughput;
  const c = doc.costGrowth;
  const j = doc.journeyCapacity;
  const f = doc.flood;
  const share = (run: any) => `${round(run.successRate * 100, 1)}% (${run.participantsSucceeded} of ${f.participants}); flooder ${run.floodAccepted} accepted, ${run.floodRefused} refused of ${run.floodSent}`;
  lines.push('', '| measure | value |', '|---|---|');
  lines.push(`| registrations/s through the local gateway (${t.clients} clients, ${t.registrations} requests) | ${t.registrationsPerSecond} (p50 ${t.submitP50Ms} ms, p99 ${t.submitP99Ms} ms) |`);
  lines.push(`| confirmation round trips/s (submit, mail worker, read mail, confirm; ${t.roundTrips}) | ${t.roundTripsPerSecond} (confirmations answered 503 busy and tried again after Retry-After: ${t.confirmBusyAnswers ?? 0}) |`);
  lines.push(`| participants registered and confirmed while one client floods at ${f.floodPerSecond}/s for ${f.floodSeconds} s (deployed throttling) | ${share(f.deployed)} |`);
  lines.push(`| the same with the shared per-route buckets alone (5/s, burst 10; before issue 11) | ${share(f.sharedBucketsOnly)} |`);
  lines.push(`| capacity of one list page (limit 50): ${c.smallN} vs ${c.largeN} registrations | ${c.smallPageUnits} vs ${c.largePageUnits} RCU, ratio ${ok(c.ratio, 1.1)} (target ≤1.1) |`);
  lines.push(`| capacity units per journey (submit + mail worker + confirm + one list page) | ${j.totalUnits} (${j.submitUnits} + ${j.mailUnits} + ${j.confirmUnits} + ${j.listUnits}) |`);
  const q = doc.statusIndex;
  const search = doc.search;
  lines.push(`| the moderator's queue (${q.awaiting} awaiting approval) among ${q.smallN} vs ${q.largeN} registrations, status index | ${q.smallUnits} vs ${q.largeUnits} RCU, ratio ${ok(q.unitsRatio, 1.1)} (target ≤1.1); ${q.smallMs} vs ${q.largeMs} ms, ratio ${q.timeRatio}x; without the index ${q.withoutIndexUnits} RCU, ${q.withoutIndexMs} ms |`);
  lines.push(`| search over ${search.n} registrations: one match (every page) / a common word (first page) / sorted by name (first page) | ${search.rareMatchMs} ms in ${search.rareMatchRequests} request(s), ${search.rareMatchUnits} RCU / ${search.commonFirstPageMs} ms / ${search.sortedFirstPageMs} ms, ${search.sortedFirstPageUnits} RCU |`);
  const p = doc.participantList;
  if (p) lines.push(`| the list of participants for ${p.n} people in 57 delegations (target < 10 s) | PDF ${p.pdfMs} ms (${p.pdfKiB} KiB), XLSX ${p.xlsxMs} ms (${p.xlsxKiB} KiB) |`);
  const compile = doc.formCompile;
  if (compile) lines.push(`| compiling a form of ${compile.fields} questions, warm, not cached (target < 5 ms) | p50 ${compile.compileP50Ms} ms, p99 ${compile.compileP99Ms} ms; checking one registration with it p50 ${compile.checkP50Ms} ms |`);
  const s = doc.submitTiming;
  lines.push(`| submit p50 by what the address is (ratio to a new address; spread ≤1.25) | ${s.rows.map((row: any) => `${row.kind} ${row.p50Ms} ms (${row.ratioToNew}x)`).join(', ')}; spread ${ok(s.spread, 1.25)} |`);
  lines.push(`| DynamoDB calls per journey | ${Object.entries(j.callsPerJourney).map(([command, count]) => `${command.replace('Command', '')} ${count}`).join(', ')} |`);
  lines.push('', 'How each number was obtained:', '');
  for (const key of ['bundleSize', 'pageWeight', 'coldStart', 'warmLatency', 'throughput', 'flood', 'costGrowth', 'journeyCapacity', 'submitTiming', 'statusIndex', 'search', 'participantList', 'formCompile']) if (doc[key]) lines.push(`- **${key}**: ${doc[key].method}.`);
  lines.push(`- Floors: minimal handlers in bench/floor/ (no middy, no Zod, no shared code) bundled with the same settings: ${Object.entries(doc.floors).map(([name, call]) => `${name} = ${call}`).join('; ')}.`);
  lines.push(`- Reproduce: \`npm run bench\` (BENCH_RUNS=${doc.settings.runs}, BENCH_WARM=${doc.settings.warm}; took ${doc.durationSeconds} s). Figures from dynalite on one machine: compare ratios, not absolute times.`, '');
  return `${lines.join('\n')}\n`;
}
