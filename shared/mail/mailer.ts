import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import type { Email } from './emails.ts';

export interface Mailer {
  send(email: Email): Promise<void>;
}

/** SES_ENDPOINT points at aws-ses-v2-local in local mode and tests; in Lambda it is unset. */
export function createSesClient(env: NodeJS.ProcessEnv = process.env): SESClient {
  return new SESClient({
    ...(env.SES_ENDPOINT ? { endpoint: env.SES_ENDPOINT } : {}),
    region: env.AWS_REGION ?? 'eu-central-1',
    // Two short tries: a request must answer well within its Lambda's 20 s, and mail SES does not take
    // in time is recorded and retried by the mail sweeper anyway.
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000, throwOnRequestTimeout: true },
  });
}

export class SesMailer implements Mailer {
  private readonly client: SESClient;
  private readonly sender: string;
  private readonly configurationSetName: string | undefined;

  constructor(client: SESClient, sender: string, configurationSetName: string | undefined) {
    this.client = client;
    this.sender = sender;
    this.configurationSetName = configurationSetName;
  }

  async send(email: Email): Promise<void> {
    await this.client.send(
      new SendEmailCommand({
        Source: this.sender,
        Destination: { ToAddresses: [email.to] },
        Message: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
        },
        Tags: Object.entries(email.tags).map(([Name, Value]) => ({ Name, Value })),
        ...(this.configurationSetName ? { ConfigurationSetName: this.configurationSetName } : {}),
      }),
    );
  }
}
