// `npm run reconcile -- <eventId>`: recounts an event's counters from its registrations and repairs
// them, against the local data (or DYNAMODB_ENDPOINT / TABLE_NAME, or the real table with AWS
// credentials and TABLE_NAME set). The same logic as POST /events/{eventId}/reconcile.
import { reconcileEvent } from '#shared/reconcile.ts';
import { mailingRuntime } from '#shared/mailing-runtime.ts';
import { startDynalite } from './services.ts';

const eventId = process.argv[2];
if (!eventId) {
  process.stderr.write('Usage: npm run reconcile -- <eventId>\n');
  process.exit(2);
}

// Without an endpoint or AWS credentials, open local mode's data directory (stop npm start first:
// dynalite holds a lock on it).
const local = !process.env.DYNAMODB_ENDPOINT && !process.env.AWS_ACCESS_KEY_ID;
const dynalite = local ? await startDynalite({ port: 0, path: `${process.env.DATA_DIR ?? '.data'}/dynamodb` }) : undefined;
if (dynalite) {
  Object.assign(process.env, { DYNAMODB_ENDPOINT: dynalite.url, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' });
  process.env.LOG_LEVEL ??= 'warn';
  // Nothing is mailed when no SES endpoint is reachable; promotions are still written.
  process.env.SES_ENDPOINT ??= `http://127.0.0.1:${process.env.EMAIL_PORT ?? 8005}`;
}

try {
  const deps = mailingRuntime();
  const event = await deps.events.get(eventId);
  if (!event) {
    process.stderr.write(`No event ${eventId}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`${JSON.stringify(await reconcileEvent(deps, event), null, 2)}\n`);
  }
} finally {
  await dynalite?.stop();
}
