// Local mode's secrets live in DATA_DIR so organizer tokens and list cursors stay valid across restarts.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { LocalSetupError } from './settings.ts';

export interface LocalSecrets {
  signingKey: JWK & { kid: string };
  cursorSecret: string;
}

/** The organizer console's app client at the local identity provider (the issuer is the provider's address). */
export const localClientId = 'local-organizer-app';

const secretsFile = (dataDir: string) => join(dataDir, 'local-secrets.json');

async function readSecrets(dataDir: string): Promise<LocalSecrets | undefined> {
  try {
    return JSON.parse(await readFile(secretsFile(dataDir), 'utf8')) as LocalSecrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return undefined;
  }
}

/**
 * The secrets `npm start` made in this data directory. Only `npm start` makes them: a command that
 * made its own would sign tokens the server does not know.
 */
export async function loadSecrets(dataDir: string): Promise<LocalSecrets> {
  const secrets = await readSecrets(dataDir);
  if (secrets) return secrets;
  throw new LocalSetupError(`There is no local data in ${dataDir} yet: start the system once with \`npm start\` (with this DATA_DIR), which creates it.`);
}

/** The data directory's secrets, made on first start. */
export async function loadOrCreateSecrets(dataDir: string): Promise<LocalSecrets> {
  const existing = await readSecrets(dataDir);
  if (existing) return existing;
  const file = secretsFile(dataDir);
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const secrets: LocalSecrets = {
    signingKey: { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' },
    cursorSecret: randomBytes(32).toString('base64url'),
  };
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** The public half, as a JWKS such as Cognito publishes at {issuer}/.well-known/jwks.json. */
export function publicJwks(secrets: LocalSecrets): { keys: JWK[] } {
  const { kty, n, e, kid, alg, use } = secrets.signingKey;
  return { keys: [{ kty, n, e, kid, alg, use }] };
}
