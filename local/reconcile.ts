// `npm run reconcile -- <eventId>`: recounts an event's counters from its registrations and repairs
// them (the same logic as POST /events/{eventId}/reconcile). It works on the data of the running
// `npm start` (found by DATA_DIR, as every local command finds it), on local data while the server is
// stopped, or on DYNAMODB_ENDPOINT / the real table (AWS credentials and TABLE_NAME) when those are set.
import { reconcileEvent } from '#shared/actions/reconcile-event.ts';
import { mailingRuntime } from '#shared/runtime/mailing-runtime.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { instanceUsing } from './instances.ts';
import { startDynalite, type RunningService } from './services.ts';
import { LocalSetupError, localSenderAddress, localSettings } from './settings.ts';
import { ConfigError } from '#shared/platform/config.ts';

const eventId = process.argv[2];
if (!eventId) {
  process.stderr.write('Usage: npm run reconcile -- <eventId>\n');
  process.exit(2);
}

let dynalite: RunningService | undefined;
try {
  const settings = localSettings();
  if (!settings.dynamodbEndpoint && !process.env.AWS_ACCESS_KEY_ID) {
    const running = await instanceUsing(settings.dataDir, `npm run reconcile -- ${eventId}`);
    let endpoint = running?.dynamodbUrl;
    if (!endpoint) {
      // No server: open its data directly (dynalite locks it while npm start runs).
      const path = join(settings.dataDir, 'dynamodb');
      if (!existsSync(path)) throw new LocalSetupError(`There is no local data in ${settings.dataDir}: start the system once with \`npm start\` (with this DATA_DIR).`);
      dynalite = await startDynalite({ port: 0, path });
      endpoint = dynalite.url;
    }
    Object.assign(process.env, {
      DYNAMODB_ENDPOINT: endpoint,
      TABLE_NAME: running?.tableName ?? settings.tableName ?? 'conference-registration',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      // Promotions are mailed through the server's mail viewer; with none reachable they are kept as pending mail.
      SES_ENDPOINT: running?.mailViewerUrl ?? settings.sesEndpoint ?? `http://127.0.0.1:${settings.emailPort}`,
      PUBLIC_BASE_URL: running?.gatewayUrl ?? settings.publicBaseUrl ?? `http://localhost:${settings.port}`,
      SENDER_ADDRESS: process.env.SENDER_ADDRESS || localSenderAddress,
    });
    process.env.LOG_LEVEL ??= 'warn';
  }
  const deps = mailingRuntime();
  const event = await deps.events.get(eventId);
  if (!event) {
    process.stderr.write(`No event ${eventId}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`${JSON.stringify(await reconcileEvent(deps, event), null, 2)}\n`);
  }
} catch (error) {
  if (!(error instanceof LocalSetupError || error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 2;
} finally {
  await dynalite?.stop();
}
