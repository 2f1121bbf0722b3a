// The clients and stores a handler needs, made once per cold start (on first use, so tests and the
// local runner can set the environment before any handler runs) and reused by warm invocations.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { loadConfig, type Config } from './config.ts';
import { accessLog, errorResponses, securityHeaders, type HttpEvent, type HttpResult } from './http.ts';
import { createLogger } from './log.ts';
import type { StoreDeps } from './transitions.ts';
import { createDynamoClient } from './store/client.ts';
import { CountersStore } from './store/counters-store.ts';
import { EventStore } from './store/event-store.ts';
import { RegistrationStore } from './store/registration-store.ts';

/**
 * What every handler needs. Handlers that send mail use mailingRuntime() (shared/mailing-runtime.ts)
 * instead, so the SES client is bundled only into the functions that mail.
 */
export interface Runtime extends StoreDeps {
  config: Config;
  /** The clients themselves, for the tests that watch which calls each handler makes. */
  clients: { dynamo: DynamoDBClient; counters: DynamoDBClient };
}

let current: Runtime | undefined;

export function runtime(): Runtime {
  if (current) return current;
  const config = loadConfig();
  const dynamo = createDynamoClient();
  // The counters' ADD must not be retried by the SDK (see CountersStore).
  const countersClient = createDynamoClient(process.env, { maxAttempts: 1 });
  current = {
    config,
    clients: { dynamo, counters: countersClient },
    log: createLogger({ service: 'conference-registration' }),
    registrations: new RegistrationStore(dynamo, config.tableName),
    events: new EventStore(dynamo, config.tableName),
    counters: new CountersStore(countersClient, config.tableName),
    publicBaseUrl: config.publicBaseUrl,
    confirmTokenLifetimeHours: config.confirmTokenLifetimeHours,
  };
  return current;
}

/** Forgets the clients so the next invocation reads the environment again (tests switch tables). */
export function resetRuntime(): void {
  current = undefined;
  for (const reset of resetHooks) reset();
}

const resetHooks: (() => void)[] = [];
/** Lets runtimes built on this one forget their clients along with it. */
export function onRuntimeReset(reset: () => void): void {
  resetHooks.push(reset);
}

type RouteHandler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

/**
 * Wraps a route handler in the middleware every route shares. Order matters: middy runs onError in
 * reverse, so errors are mapped first, then get the security headers, then are logged.
 */
export function httpHandler(name: string, handler: RouteHandler) {
  const log = createLogger({ service: 'conference-registration', handler: name });
  return middy<HttpEvent, HttpResult, Error, Context>(handler)
    .use(accessLog(log))
    .use(securityHeaders())
    .use(errorResponses(log));
}
