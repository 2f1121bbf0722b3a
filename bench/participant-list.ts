// The official list of participants for a large event: GET /events/{id}/participant-list through the
// source handler in-process, over registrations spread across 60 delegations (participating States),
// every one consenting to appear; as PDF and as XLSX. The quality bar: 1,500 people in under 10 s.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { participatingStates } from '#shared/model/osce.ts';
import { fabricated, fill, freshTable } from './console-list.ts';
import { eventId, httpEvent, lambdaContext, organizerClaims } from './events.ts';
import { median, round } from './stats.ts';
import { log, type Handler } from './support.ts';

export async function participantListTime(dynamo: DynamoDBClient, runs: number, n: number) {
  log(`list of participants for ${n} people`);
  const now = new Date();
  const { store } = await freshTable(dynamo, 'participants');
  const countries = participatingStates.map((state) => state.code);
  await fill(store, 0, n, (index) => {
    const registration = fabricated(index, 'confirmed', now);
    const country = countries[index % countries.length]!;
    return { ...registration, details: { ...registration.details, country, consents: { ...registration.details.consents, participantList: true } }, delegation: index % 25 === 0 ? { entityId: country, role: 'head' } : undefined };
  });
  const { handler } = (await import('../functions/get-participant-list.ts')) as { handler: Handler };
  const render = async (format: 'pdf' | 'xlsx') => {
    const samples: number[] = [];
    let bytes = 0;
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const result = await handler(
        httpEvent({ method: 'GET', path: `/events/${eventId}/participant-list`, routeKey: 'GET /events/{eventId}/participant-list', pathParameters: { eventId }, query: { format }, claims: organizerClaims() }),
        lambdaContext('get-participant-list'),
      );
      samples.push(performance.now() - started);
      if (result.statusCode !== 200) throw new Error(`the list answered ${result.statusCode}: ${result.body?.slice(0, 300)}`);
      bytes = Buffer.from(result.body!, 'base64').length;
    }
    return { ms: round(median(samples)), kiB: round(bytes / 1024, 1) };
  };
  const pdf = await render('pdf');
  const xlsx = await render('xlsx');
  return {
    method: `GET /events/{id}/participant-list through the source handler in-process over ${n} confirmed, consenting registrations in ${countries.length} delegations (every 25th a head of delegation): read by the status index, grouped, laid out; median of BENCH_RUNS for PDF (DejaVu Sans embedded) and XLSX`,
    n,
    pdfMs: pdf.ms,
    pdfKiB: pdf.kiB,
    xlsxMs: xlsx.ms,
    xlsxKiB: xlsx.kiB,
  };
}
