// The runtime of the handlers that send mail: the shared one plus SES. Kept apart so that read-only
// functions do not bundle the SES client.
import type { SESClient } from '@aws-sdk/client-ses';
import { createSesClient, SesMailer } from '../mail/mailer.ts';
import { onRuntimeReset, runtime, type Runtime } from './runtime.ts';
import type { RegistrationDeps } from '../actions/deps.ts';

export interface MailingRuntime extends Runtime, RegistrationDeps {
  clients: Runtime['clients'] & { ses: SESClient };
}

let current: MailingRuntime | undefined;
onRuntimeReset(() => {
  current = undefined;
});

export function mailingRuntime(): MailingRuntime {
  if (current) return current;
  const base = runtime();
  const ses = createSesClient();
  current = {
    ...base,
    clients: { ...base.clients, ses },
    mailer: new SesMailer(() => createSesClient(), base.config.senderAddress, base.config.configurationSetName, ses),
  };
  return current;
}
