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

/** A mail that cannot be sent as it is, whatever SES would say: refused before anything goes out, never retried. */
export class MailRefused extends Error {
  override name = 'MailRefused';
}

/**
 * Every text of the mail must be well-formed Unicode: the SDK's query serializer throws half-way
 * through a lone surrogate (encodeURIComponent), and text already written for that request must not
 * reach any other.
 */
function assertWellFormed(email: Email): void {
  const texts = [email.to, email.subject, email.text, email.html, ...Object.values(email.tags)];
  if (!texts.every((text) => text.isWellFormed())) throw new MailRefused('The mail holds ill-formed text.');
}

export class SesMailer implements Mailer {
  private client: SESClient;
  private readonly newClient: () => SESClient;
  private readonly sender: string;
  private readonly configurationSetName: string | undefined;

  constructor(newClient: () => SESClient, sender: string, configurationSetName: string | undefined, client: SESClient = newClient()) {
    this.newClient = newClient;
    this.client = client;
    this.sender = sender;
    this.configurationSetName = configurationSetName;
  }

  async send(email: Email): Promise<void> {
    assertWellFormed(email);
    await this.transmit(email);
  }

  /**
   * The SES call alone. On its own it must already keep mails apart, whatever fails on the way: a
   * check before it (as in send) is one defence, this is the other.
   */
  async transmit(email: Email): Promise<void> {
    try {
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
    } catch (error) {
      // The SES client keeps state between requests (its serializer wrote into the failed one): after
      // any failure the next mail goes out through a new client, so nothing of this one can reach it.
      this.client.destroy();
      this.client = this.newClient();
      throw error;
    }
  }
}
