// `npm start` as a newcomer runs it: a separate process with data under DATA_DIR. Stopping it with
// Ctrl-C and starting it again keeps registrations, organizer tokens and cursors.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail, validForm } from '../support/fixtures.ts';
import { linkToken, waitForMail } from '../support/mailbox.ts';

interface Running {
  child: ChildProcessWithoutNullStreams;
  apiUrl: string;
  mailUrl: string;
  output: () => string;
}

let dataDir: string;
/** One identity provider port for both runs: it is the tokens' issuer, so a token outlives a restart only on the same one. */
let authPort: string;

async function freePort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return String(port);
}

async function start(): Promise<Running> {
  const child = spawn(process.execPath, ['local/start.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', EMAIL_PORT: '0', AUTH_PORT: authPort, S3_PORT: '0', LOG_LEVEL: 'info', DYNAMODB_ENDPOINT: '', SES_ENDPOINT: '' },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const banner = await new Promise<string>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}: ${output}`)));
    const poll = setInterval(() => {
      if (output.includes('Stop with Ctrl-C.')) {
        clearInterval(poll);
        resolve(output);
      }
    }, 20);
  });
  return {
    child,
    apiUrl: /API and pages\s+(\S+)/.exec(banner)![1]!,
    mailUrl: /Mail viewer\s+(\S+)/.exec(banner)![1]!,
    output: () => output,
  };
}

async function stop(running: Running): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => running.child.on('exit', (code) => resolve(code)));
  running.child.kill('SIGINT');
  return exited;
}

async function token(): Promise<string> {
  const child = spawn(process.execPath, ['local/token.ts'], { env: { ...process.env, DATA_DIR: dataDir } });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  await new Promise((resolve) => child.on('exit', resolve));
  return out.trim();
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'registration-restart-'));
  authPort = await freePort();
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('keeps registrations across a restart, stops cleanly on Ctrl-C, and logs no personal data', async () => {
    // Prepare
    const email = uniqueEmail('restart');
    const first = await start();
    await fetch(`${first.apiUrl}/events/osce-drugs-2017/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(validForm({ email, firstName: 'Ingrid', lastName: 'Lindqvist' })),
    });
    const [mail] = await waitForMail(first.mailUrl, email);
    const confirmToken = linkToken(mail!);
    const confirmed = (await (
      await fetch(`${first.apiUrl}/registrations/confirm`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: confirmToken }),
      })
    ).json()) as { reference: string };
    const organizer = await token();

    // Act
    const firstExit = await stop(first);
    const second = await start();
    const listed = await fetch(`${second.apiUrl}/events/osce-drugs-2017/registrations`, {
      headers: { authorization: `Bearer ${organizer}` },
    });
    const repeat = await fetch(`${second.apiUrl}/registrations/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: confirmToken }),
    });
    const secondExit = await stop(second);

    // Assess
    expect(firstExit).toBe(0);
    expect(secondExit).toBe(0);
    expect(listed.status).toBe(200);
    const { items } = (await listed.json()) as { items: { email: string; status: string; reference: string }[] };
    expect(items.find((item) => item.email === email)).toMatchObject({ status: 'confirmed', reference: confirmed.reference });
    expect(await repeat.json()).toMatchObject({ status: 'confirmed', reference: confirmed.reference });
    const logs = first.output() + second.output();
    expect(logs).toContain('"message":"request"');
    for (const personal of [email, 'Ingrid', 'Lindqvist', confirmToken, confirmToken.split('.')[2]!, organizer]) {
      expect(logs).not.toContain(personal);
    }
  }, 60_000);
});
