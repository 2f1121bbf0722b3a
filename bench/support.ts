// What the measures share: the emulators in a process of their own, the mailbox the handlers send
// to (read back for confirmation tokens), the clock the progress log and the run's duration count
// from, and the small timing and concurrency loops, so each measure states only its method.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { projectRoot } from '../infra/functions.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import type { HttpResult } from '#shared/http/responses.ts';
import { httpEvent, lambdaContext, requests } from './events.ts';
import { round } from './stats.ts';

export type Handler = (event: HttpEvent, context: unknown) => Promise<HttpResult>;

export const tmp = join(projectRoot, 'bench', 'tmp');

const benchStarted = performance.now();
export const elapsedSeconds = () => round((performance.now() - benchStarted) / 1000, 0);
export const log = (message: string) => process.stderr.write(`[bench ${elapsedSeconds()}s] ${message}\n`);

/** A positive whole number from the environment, or the fallback. */
export const envCount = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
};

export interface Services {
  dynamodbUrl: string;
  sesUrl: string;
  child: ChildProcess;
}

export async function startServices(): Promise<Services> {
  const child = spawn(process.execPath, [join(projectRoot, 'bench', 'services.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the emulators exited (${code})`)));
  });
  return { ...(JSON.parse(line) as { dynamodbUrl: string; sesUrl: string }), child };
}

/** The settings the handlers read, pointed at the bench's emulators and table, as the stack would give them. */
export function useServices(services: Services, tableName: string): void {
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: services.dynamodbUrl,
    SES_ENDPOINT: services.sesUrl,
    AWS_REGION: 'eu-central-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    SENDER_ADDRESS: 'registration@osce.local',
    PUBLIC_BASE_URL: 'https://registration.osce.example',
    CURSOR_SECRET: 'bench-cursor-secret',
    LOG_LEVEL: 'warn',
  });
}

export const address = (label: string) => `${label}.${randomUUID().slice(0, 12)}@example.org`;

export interface Mailbox {
  clear(): Promise<void>;
  /** The confirmation token last mailed to each address (lower-cased). */
  tokens(): Promise<Map<string, string>>;
  /** Pending registrations made with the source submit handler; returns their confirmation tokens. */
  pendingTokens(count: number): Promise<string[]>;
  /** Sends the mail that is due, as the mail worker does (submissions only queue it). */
  deliver(): Promise<void>;
}

export function mailbox(sesUrl: string): Mailbox {
  const tokens = async () => {
    const { emails } = (await (await fetch(`${sesUrl}/store`)).json()) as { emails: { destination: { to: string[] }; body: { text?: string } }[] };
    const found = new Map<string, string>();
    for (const mail of emails) {
      const match = /\/confirm\?token=([A-Za-z0-9._%-]+)/.exec(mail.body.text ?? '');
      if (match) found.set(mail.destination.to[0]!.toLowerCase(), decodeURIComponent(match[1]!));
    }
    return found;
  };
  const deliver = async () => {
    const { deliverAllDue } = await import('#shared/mail/outbox.ts');
    const { mailingRuntime } = await import('#shared/runtime/mailing-runtime.ts');
    const report = await deliverAllDue(mailingRuntime(), () => true, 1000);
    if (report.failed > 0) throw new Error(`the mail worker could not send ${report.failed} mails`);
  };
  return {
    deliver,
    async clear() {
      await fetch(`${sesUrl}/clear-store`, { method: 'POST' });
    },
    tokens,
    async pendingTokens(count) {
      const { handler } = (await import('../functions/submit-registration.ts')) as { handler: Handler };
      const emails = Array.from({ length: count }, () => address('pending'));
      for (let i = 0; i < emails.length; i += 16) {
        await Promise.all(emails.slice(i, i + 16).map((email) => handler(httpEvent(requests.submit(email)), lambdaContext('submit'))));
      }
      await deliver();
      const mailed = await tokens();
      return emails.map((email) => {
        const token = mailed.get(email);
        if (!token) throw new Error(`no confirmation mail for ${email}`);
        return token;
      });
    },
  };
}

export async function timed(call: () => Promise<HttpResult>, expectStatus: number, label: string): Promise<number> {
  const started = performance.now();
  const result = await call();
  const elapsed = performance.now() - started;
  if (result.statusCode !== expectStatus) throw new Error(`${label} answered ${result.statusCode}: ${result.body?.slice(0, 300)}`);
  return elapsed;
}

export async function runConcurrently(total: number, clients: number, task: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < total; i = next++) await task(i);
    }),
  );
  return (performance.now() - started) / 1000;
}
