// Local mode: the emulators, the table with its seed event, and the gateway, wired the way the CDK
// stack wires the cloud. Used by `npm start` and by the HTTP tests.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describeError } from '#shared/platform/log.ts';
import { settleWaitingLists } from '#shared/actions/waitlist.ts';
import { deliverAllDue } from '#shared/mail/outbox.ts';
import { mailingRuntime } from '#shared/runtime/mailing-runtime.ts';
import { resetRuntime, runtime } from '#shared/runtime/runtime.ts';
import { throttleFromEnv, type ThrottleSettings } from '#shared/http/throttling.ts';
import { seedEvent } from '#shared/model/seed-event.ts';
import { createDynamoClient } from '#shared/store/client.ts';
import { EventStore } from '#shared/store/event-store.ts';
import { createWebRoutes } from '../web/serve.ts';
import { startGateway, type RunningGateway } from './gateway.ts';
import { localClientId, localIssuer, loadOrCreateSecrets, publicJwks, type LocalSecrets } from './secrets.ts';
import { startDynalite, startSes, type RunningService } from './services.ts';
import { localSenderAddress } from './settings.ts';
import { ensureTable } from './table-setup.ts';

export interface LocalStackOptions {
  dataDir: string;
  port: number;
  emailPort: number;
  /** Use this DynamoDB-compatible endpoint instead of starting dynalite. */
  dynamodbEndpoint?: string | undefined;
  /** Use this SES endpoint instead of starting aws-ses-v2-local. */
  sesEndpoint?: string | undefined;
  tableName?: string | undefined;
  /** Keep dynalite's data in memory only (tests); otherwise it is kept under dataDir. */
  inMemory?: boolean;
  publicBaseUrl?: string | undefined;
  /** The gateway's per-client limits and throttling; defaults to the stack's (CLIENT_*, THROTTLE_*, PUBLIC_POST_* variables), false turns them off. */
  throttle?: ThrottleSettings | false;
  /**
   * How often the mail worker looks for mail to send; false: never. In the cloud the table's stream
   * wakes it the moment mail is queued and a schedule retries every minute; here one short poll of
   * the outbox index does both.
   */
  mailSweepIntervalMs?: number | false;
  /** How often every waiting list is settled (the cloud's schedule: every minute); false: never. */
  settleIntervalMs?: number | false;
}

export interface LocalStack {
  gatewayUrl: string;
  mailViewerUrl: string;
  dynamodbUrl: string;
  tableName: string;
  secrets: LocalSecrets;
  gateway: RunningGateway;
  stop(): Promise<void>;
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const started: { stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    for (const service of started.reverse()) await service.stop().catch(() => undefined);
  };

  try {
    let dynamodbUrl = options.dynamodbEndpoint;
    if (!dynamodbUrl) {
      const dynalite: RunningService = await startDynalite({
        port: 0,
        path: options.inMemory ? undefined : join(dataDir, 'dynamodb'),
      });
      started.push(dynalite);
      dynamodbUrl = dynalite.url;
    }
    let sesUrl = options.sesEndpoint;
    if (!sesUrl) {
      const ses = await startSes({ port: options.emailPort });
      started.push(ses);
      sesUrl = ses.url;
    }

    const secrets = await loadOrCreateSecrets(dataDir);
    const tableName = options.tableName ?? 'conference-registration';
    // The handlers read their settings from the environment, exactly as in Lambda.
    Object.assign(process.env, {
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamodbUrl,
      SES_ENDPOINT: sesUrl,
      AWS_REGION: process.env.AWS_REGION ?? 'eu-central-1',
      AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'local',
      AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
      SENDER_ADDRESS: process.env.SENDER_ADDRESS || localSenderAddress,
      CURSOR_SECRET: secrets.cursorSecret,
    });

    const dynamo = createDynamoClient();
    await ensureTable(dynamo, tableName);
    await new EventStore(dynamo, tableName).create(seedEvent);

    const jwks = publicJwks(secrets);
    const webRoutes = await createWebRoutes({ defaultEventId: seedEvent.id });
    const gateway = await startGateway({
      port: options.port,
      authorizer: { issuer: localIssuer, audience: [localClientId], jwks },
      throttle: options.throttle ?? throttleFromEnv(),
      extraRoutes: (request, response) => {
        if (webRoutes(request, response)) return true;
        if (request.method === 'GET' && request.url === '/organizer/config.json') {
          // PROVISIONAL (console branch): the sign-in branch serves the real settings of the local
          // OpenID Connect provider here; the console's stand-in sign-in (web/console/auth.ts) reads none.
          response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
          response.end('{}');
          return true;
        }
        if (request.method === 'GET' && request.url === '/.well-known/jwks.json') {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify(jwks));
          return true;
        }
        return false;
      },
    });
    started.push(gateway);
    process.env.PUBLIC_BASE_URL = options.publicBaseUrl ?? gateway.url;
    resetRuntime();

    const sweepEvery = options.mailSweepIntervalMs ?? Number(process.env.MAIL_SWEEP_INTERVAL_MS ?? 250);
    if (sweepEvery) {
      // The same code the mail worker runs in the cloud; one sweep at a time.
      let sweeping = false;
      const timer = setInterval(() => {
        if (sweeping) return;
        sweeping = true;
        deliverAllDue(mailingRuntime())
          .catch((error) => runtime().log.warn('mail_sweep_failed', describeError(error)))
          .finally(() => (sweeping = false));
      }, sweepEvery);
      timer.unref();
      started.push({ stop: async () => clearInterval(timer) });
    }
    const settleEvery = options.settleIntervalMs ?? 60_000;
    if (settleEvery) {
      // The scheduled safety net of the waiting lists, as in the cloud (every minute).
      const timer = setInterval(() => {
        settleWaitingLists(mailingRuntime()).catch((error) => runtime().log.warn('settle_failed', describeError(error)));
      }, settleEvery);
      timer.unref();
      started.push({ stop: async () => clearInterval(timer) });
    }

    return {
      gatewayUrl: gateway.url,
      mailViewerUrl: sesUrl,
      dynamodbUrl,
      tableName,
      secrets,
      gateway,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
