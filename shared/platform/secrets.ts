// The secrets a function needs at run time: the origin header CloudFront adds, and the key that signs
// the organizer list's cursors. In the cloud a function gets only the secret's ARN (and IAM leave to
// read that one secret) and fetches the value from Secrets Manager on first use, once per cold start:
// the value never sits in plain text in its environment, where anyone allowed to read the function's
// configuration would see it. Locally (npm start, the tests) the value itself is in the environment.
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** Each secret's two settings: the value (local mode), or the ARN to fetch it by (the cloud). */
export const secretSettings = {
  origin: { value: 'ORIGIN_SECRET', arn: 'ORIGIN_SECRET_ARN' },
  cursor: { value: 'CURSOR_SECRET', arn: 'CURSOR_SECRET_ARN' },
} as const;

export type SecretName = keyof typeof secretSettings;

const fetched = new Map<string, Promise<string>>();
let client: SecretsManagerClient | undefined;

/**
 * The secret's value, or undefined when neither its value nor its ARN is configured. A fetched value
 * is kept for the life of the process (a rotation reaches a function at its next cold start); a failed
 * fetch is not, so the next request tries again. SECRETS_MANAGER_ENDPOINT points the client at an
 * emulator (the tests use moto); in Lambda it is unset and the regional endpoint is used.
 */
export function readSecret(name: SecretName, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const settings = secretSettings[name];
  const value = env[settings.value];
  if (value) return Promise.resolve(value);
  const arn = env[settings.arn];
  if (!arn) return Promise.resolve(undefined);
  let pending = fetched.get(arn);
  if (!pending) {
    pending = fetchSecret(arn, env);
    fetched.set(arn, pending);
    pending.catch(() => fetched.delete(arn));
  }
  return pending;
}

async function fetchSecret(arn: string, env: NodeJS.ProcessEnv): Promise<string> {
  client ??= new SecretsManagerClient({
    ...(env.SECRETS_MANAGER_ENDPOINT ? { endpoint: env.SECRETS_MANAGER_ENDPOINT } : {}),
    region: env.AWS_REGION ?? 'eu-central-1',
    maxAttempts: 3,
    // As for DynamoDB (shared/store/client.ts): an unreachable service is a quick 503, not a hung request.
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000, throwOnRequestTimeout: true },
  });
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: arn }));
  if (!SecretString) throw new Error(`The secret ${arn} has no string value`);
  return SecretString;
}

/** Forgets fetched values and the client (tests point the functions at another emulator). */
export function forgetSecrets(): void {
  fetched.clear();
  client = undefined;
}
