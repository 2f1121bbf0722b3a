// Where local mode keeps its data and which ports it uses, read the same way by every command
// (`npm start`, `npm run token`, `npm run reconcile`, `npm run user`), so that none of them can quietly look elsewhere.
import { resolve } from 'node:path';
import { roleGroupsFrom, type RoleGroups } from '#shared/platform/config.ts';

export interface LocalSettings {
  /** Absolute: dynalite's files, the uploaded files (s3/), the JWT signing key, the cursor secret and the organizer accounts. */
  dataDir: string;
  port: number;
  emailPort: number;
  /** The S3 emulator's (uploads bucket). */
  s3Port: number;
  /** The local identity provider (sign-in for the organizer console). */
  authPort: number;
  /** Use this DynamoDB-compatible endpoint instead of starting dynalite. */
  dynamodbEndpoint: string | undefined;
  /** Use this SES endpoint instead of starting aws-ses-v2-local. */
  sesEndpoint: string | undefined;
  tableName: string | undefined;
  publicBaseUrl: string | undefined;
  /** The organizer account `npm start` makes when no account has this address. */
  organizer: { email: string; password: string; passwordIsDefault: boolean };
  /** The staff roles' groups, as the handlers read them (ORGANIZER_GROUP, MODERATOR_GROUP, VIEWER_GROUP). */
  roleGroups: RoleGroups;
}

/** The first organizer's sign-in in local mode, unless LOCAL_ORGANIZER_EMAIL / _PASSWORD say otherwise. */
export const defaultOrganizer = { email: 'organizer@osce.local', password: 'organizer-local' };

export const defaultDataDir = '.data';

/** The From address of local mode's e-mails, unless SENDER_ADDRESS says otherwise. */
export const localSenderAddress = 'registration@osce.local';

export function localSettings(env: NodeJS.ProcessEnv = process.env): LocalSettings {
  return {
    // npm runs every script from the project's root, so a relative DATA_DIR means the same folder to all of them.
    dataDir: resolve(env.DATA_DIR || defaultDataDir),
    port: portOf(env, 'PORT', 3000),
    emailPort: portOf(env, 'EMAIL_PORT', 8005),
    s3Port: portOf(env, 'S3_PORT', 4569),
    authPort: portOf(env, 'AUTH_PORT', 3001),
    dynamodbEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    sesEndpoint: env.SES_ENDPOINT || undefined,
    tableName: env.TABLE_NAME || undefined,
    publicBaseUrl: env.PUBLIC_BASE_URL || undefined,
    organizer: {
      email: env.LOCAL_ORGANIZER_EMAIL || defaultOrganizer.email,
      password: env.LOCAL_ORGANIZER_PASSWORD || defaultOrganizer.password,
      passwordIsDefault: !env.LOCAL_ORGANIZER_PASSWORD,
    },
    roleGroups: roleGroupsFrom(env),
  };
}

function portOf(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new LocalSetupError(`${name}=${raw} is not a port number (0-65535).`);
  return port;
}

/** A mistake in how a local command was run: printed as it is, without a stack trace. */
export class LocalSetupError extends Error {
  override name = 'LocalSetupError';
}
