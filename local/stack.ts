// Local mode: the emulators, the table with its seed event, the identity provider and the gateway,
// wired the way the CDK stack wires the cloud. Used by `npm start` and by the HTTP tests.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describeError } from '#shared/platform/log.ts';
import { settleWaitingLists } from '#shared/actions/waitlist.ts';
import { purgeAccreditationData } from '#shared/actions/purge-accreditation.ts';
import { deliverAllDelegationMail } from '#shared/mail/delegation-outbox.ts';
import { deliverAllDue } from '#shared/mail/outbox.ts';
import { mailingRuntime } from '#shared/runtime/mailing-runtime.ts';
import { files } from '#shared/runtime/files-runtime.ts';
import { resetRuntime, runtime } from '#shared/runtime/runtime.ts';
import { throttleFromEnv, type ThrottleSettings } from '#shared/http/throttling.ts';
import { seedEvent } from '#shared/model/seed-event.ts';
import { createDynamoClient } from '#shared/store/client.ts';
import { EventStore } from '#shared/store/event-store.ts';
import type { AuthConfig } from '../web/console/auth.ts';
import { consoleAuthConfig, consolePath } from '../web/console/config.ts';
import { createWebRoutes } from '../web/serve.ts';
import { AccountStore, type NewAccount } from './accounts.ts';
import { startGateway, type RunningGateway } from './gateway.ts';
import { startS3 } from './s3.ts';
import { listenIdentityProvider, type SignInLimits } from './identity-provider.ts';
import { localClientId, loadOrCreateSecrets, publicJwks, type LocalSecrets } from './secrets.ts';
import { startDynalite, startSes, type RunningService } from './services.ts';
import { localSenderAddress } from './settings.ts';
import { ensureTable } from './table-setup.ts';

export interface LocalStackOptions {
  dataDir: string;
  port: number;
  emailPort: number;
  /** The identity provider's port; 0 (the default) picks a free one. */
  authPort?: number;
  /** Made when no account has its address (npm start's first organizer). */
  initialAccount?: NewAccount;
  /** The sign-in page's limit on failed attempts per client. */
  signInLimits?: SignInLimits;
  /** How long the provider's access tokens last (Cognito's hour by default; tests of renewal shorten it). */
  accessTokenSeconds?: number;
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
  /** The S3 emulator's port (0: any free one); its objects are kept under dataDir/s3. */
  s3Port?: number;
}

export interface LocalStack {
  gatewayUrl: string;
  mailViewerUrl: string;
  dynamodbUrl: string;
  s3Url: string;
  uploadsBucket: string;
  tableName: string;
  secrets: LocalSecrets;
  gateway: RunningGateway;
  /** The identity provider's address: the `iss` of the tokens the gateway accepts. */
  issuer: string;
  clientId: string;
  /** The organizer accounts of the data directory. */
  accounts: AccountStore;
  /** Whether initialAccount was made now (it did not exist yet). */
  createdInitialAccount: boolean;
  /** The console's sign-in settings, as served at /organizer/config.json. */
  consoleConfig: AuthConfig;
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

    // A real S3 wire protocol for the uploads, with the POST policy checked as S3 checks it.
    const uploadsBucket = 'conference-registration-uploads';
    const s3 = await startS3({ port: options.s3Port ?? 0, directory: join(dataDir, 's3'), bucket: uploadsBucket });
    started.push(s3);

    const secrets = await loadOrCreateSecrets(dataDir);
    const tableName = options.tableName ?? 'conference-registration';
    // The handlers read their settings from the environment, exactly as in Lambda.
    Object.assign(process.env, {
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamodbUrl,
      SES_ENDPOINT: sesUrl,
      S3_ENDPOINT: s3.url,
      UPLOADS_BUCKET: uploadsBucket,
      AWS_REGION: process.env.AWS_REGION ?? 'eu-central-1',
      AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'local',
      AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
      SENDER_ADDRESS: process.env.SENDER_ADDRESS || localSenderAddress,
      CURSOR_SECRET: secrets.cursorSecret,
    });

    const dynamo = createDynamoClient();
    await ensureTable(dynamo, tableName);
    await new EventStore(dynamo, tableName).create(seedEvent);

    const accounts = new AccountStore(dataDir);
    const createdInitialAccount = options.initialAccount !== undefined && !(await accounts.byEmail(options.initialAccount.email));
    if (createdInitialAccount) await accounts.add(options.initialAccount!);

    // The provider listens first: its address is the issuer the gateway checks tokens against.
    const identity = await listenIdentityProvider(options.authPort ?? 0);
    started.push(identity);
    let consoleConfig: AuthConfig | undefined;
    const webRoutes = await createWebRoutes({ defaultEventId: seedEvent.id, consoleConfig: () => consoleConfig!, uploadOrigin: s3.url });
    const gateway = await startGateway({
      port: options.port,
      authorizer: { issuer: identity.issuer, audience: [localClientId], jwks: publicJwks(secrets) },
      throttle: options.throttle ?? throttleFromEnv(),
      extraRoutes: webRoutes,
    });
    started.push(gateway);
    const siteUrl = options.publicBaseUrl ?? gateway.url;
    process.env.PUBLIC_BASE_URL = siteUrl;
    resetRuntime();
    consoleConfig = consoleAuthConfig({ issuer: identity.issuer, loginBaseUrl: identity.issuer, clientId: localClientId, siteUrl });
    identity.serve({
      signingKey: secrets.signingKey,
      dataDir,
      client: { clientId: localClientId, redirectUris: [`${siteUrl}${consolePath}`], postLogoutRedirectUris: [`${siteUrl}${consolePath}`] },
      ...(options.signInLimits ? { signInLimits: options.signInLimits } : {}),
      ...(options.accessTokenSeconds ? { accessTokenSeconds: options.accessTokenSeconds } : {}),
    });

    const sweepEvery = options.mailSweepIntervalMs ?? Number(process.env.MAIL_SWEEP_INTERVAL_MS ?? 250);
    if (sweepEvery) {
      // The same code the mail worker runs in the cloud; one sweep at a time.
      let sweeping = false;
      const timer = setInterval(() => {
        if (sweeping) return;
        sweeping = true;
        Promise.all([deliverAllDue(mailingRuntime()), deliverAllDelegationMail(mailingRuntime())])
          .catch((error) => runtime().log.warn('mail_sweep_failed', describeError(error)))
          .finally(() => (sweeping = false));
      }, sweepEvery);
      timer.unref();
      started.push({ stop: async () => clearInterval(timer) });
    }
    const settleEvery = options.settleIntervalMs ?? 60_000;
    if (settleEvery) {
      // The scheduled safety net of the waiting lists and the accreditation sweep, as in the cloud (every minute).
      const timer = setInterval(() => {
        settleWaitingLists(mailingRuntime()).catch((error) => runtime().log.warn('settle_failed', describeError(error)));
        purgeAccreditationData({ ...runtime(), files: files() }).catch((error) => runtime().log.warn('accreditation_purge_failed', describeError(error)));
      }, settleEvery);
      timer.unref();
      started.push({ stop: async () => clearInterval(timer) });
    }

    return {
      gatewayUrl: gateway.url,
      mailViewerUrl: sesUrl,
      dynamodbUrl,
      s3Url: s3.url,
      uploadsBucket,
      tableName,
      secrets,
      gateway,
      issuer: identity.issuer,
      clientId: localClientId,
      accounts,
      createdInitialAccount,
      consoleConfig,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
