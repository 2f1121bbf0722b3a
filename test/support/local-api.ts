// Starts the local gateway in the test's process against the shared emulators, with a table of its
// own, and gives tests the calls a client would make.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { signOrganizerToken } from '../../local/jwt.ts';
import { localClientId } from '../../local/secrets.ts';
import { startLocalStack, type LocalStack } from '../../local/stack.ts';
import type { ThrottleSettings } from '#shared/http/throttling.ts';
import type { SignInLimits } from '../../local/identity-provider.ts';
import { signIn, type Tokens } from './sign-in.ts';

export interface TestApi {
  stack: LocalStack;
  baseUrl: string;
  sesEndpoint: string;
  request(path: string, init?: RequestInit): Promise<Response>;
  postJson(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** A token signed with the local key, as `npm run token` makes (no sign-in). */
  organizerToken(groups?: string[]): Promise<string>;
  /** An account at the local identity provider (as `npm run user -- add` makes). */
  addAccount(email: string, password: string, groups?: string[]): Promise<void>;
  /** Signs in through the local identity provider (the real code flow with PKCE) and returns the console's tokens. */
  signIn(email: string, password: string): Promise<Tokens>;
  stop(): Promise<void>;
}

export interface TestApiOptions {
  /** Off by default: tests send bursts a real client would not; the throttling test turns it on. */
  throttle?: ThrottleSettings | false;
  /** How often the mail worker polls (50 ms: mail arrives as promptly as the stream makes it); false: never. */
  mailSweepIntervalMs?: number | false;
  /** The sign-in page's limit on failed attempts per client. */
  signInLimits?: SignInLimits;
  /** How long the identity provider's access tokens last (an hour by default). */
  accessTokenSeconds?: number;
  /**
   * The minute's settling and accreditation sweep of local mode: off in tests, which call them when
   * they test them. On, a file lasts a minute in any test whose event is the 2017 seed's (long past
   * its retention period), so a test slower than that under load lost its photo (the conformance test
   * of the file route found no file to hand out, at random).
   */
  settleIntervalMs?: number;
}

export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const dataDir = await mkdtemp(join(tmpdir(), 'registration-test-'));
  const sesEndpoint = inject('sesEndpoint');
  const stack = await startLocalStack({
    dataDir,
    port: 0,
    emailPort: 0,
    dynamodbEndpoint: inject('dynamodbEndpoint'),
    sesEndpoint,
    tableName: `test-${randomUUID()}`,
    inMemory: true,
    throttle: options.throttle ?? false,
    mailSweepIntervalMs: options.mailSweepIntervalMs ?? 50,
    settleIntervalMs: options.settleIntervalMs ?? 0,
    ...(options.signInLimits ? { signInLimits: options.signInLimits } : {}),
    ...(options.accessTokenSeconds ? { accessTokenSeconds: options.accessTokenSeconds } : {}),
  });
  const baseUrl = stack.gatewayUrl;
  const request = (path: string, init?: RequestInit) => fetch(`${baseUrl}${path}`, init);
  return {
    stack,
    baseUrl,
    sesEndpoint,
    request,
    postJson: (path, body, headers = {}) =>
      request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    organizerToken: (groups = ['organizers']) =>
      signOrganizerToken({ signingKey: stack.secrets.signingKey, issuer: stack.issuer, clientId: localClientId, groups }),
    addAccount: async (email, password, groups = ['organizers']) => {
      await stack.accounts.add({ email, password, groups });
    },
    signIn: (email, password) => signIn(baseUrl, email, password),
    stop: async () => {
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
