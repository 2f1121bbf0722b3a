// The clients and stores a handler needs, made once per cold start (on first use, so tests and the
// local runner can set the environment before any handler runs) and reused by warm invocations.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { StoreDeps } from '../actions/deps.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import { createLogger } from '../platform/log.ts';
import { createDynamoClient } from '../store/client.ts';
import { AccreditationStore } from '../store/accreditation-store.ts';
import { CountersStore } from '../store/counters-store.ts';
import { DelegationStore } from '../store/delegation-store.ts';
import { EventStore } from '../store/event-store.ts';
import { MailboxStore } from '../store/mailbox-store.ts';
import { RegistrationStore } from '../store/registration-store.ts';

/**
 * What every handler needs. Handlers that send mail use mailingRuntime() (mailing-runtime.ts)
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
    mailboxes: new MailboxStore(dynamo, config.tableName),
    accreditation: new AccreditationStore(dynamo, config.tableName),
    delegations: new DelegationStore(dynamo, countersClient, config.tableName),
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
