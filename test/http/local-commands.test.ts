// The local commands as a newcomer and a process manager use them: `npm start` stopped by a signal
// to its own pid, and `npm run token` / `npm run reconcile` / `npm run user` finding the running
// server's data, or saying plainly that they were pointed elsewhere.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runningInstances } from '../../local/instances.ts';
import { defaultOrganizer } from '../../local/settings.ts';
import { signIn } from '../support/sign-in.ts';

interface Started {
  npm: ChildProcess;
  dataDir: string;
  apiUrl: string;
  mailUrl: string;
  authUrl: string;
  banner: string;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'registration-local-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** `npm start`, exactly as typed, on free ports and its own data directory. */
async function npmStart(dataDir: string, env: Record<string, string> = {}): Promise<Started> {
  const npm = spawn('npm', ['start'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', EMAIL_PORT: '0', AUTH_PORT: '0', S3_PORT: '0', DYNAMODB_ENDPOINT: '', SES_ENDPOINT: '', LOCAL_ORGANIZER_EMAIL: '', LOCAL_ORGANIZER_PASSWORD: '', ...env },
  });
  cleanups.push(async () => void npm.kill('SIGKILL'));
  let output = '';
  npm.stdout!.on('data', (chunk) => (output += chunk));
  npm.stderr!.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    npm.on('exit', (code) => reject(new Error(`npm start exited with ${code}: ${output}`)));
    const poll = setInterval(() => {
      if (!output.includes('Stop with Ctrl-C.')) return;
      clearInterval(poll);
      resolve();
    }, 20);
  });
  return { npm, dataDir, apiUrl: /API and pages\s+(\S+)/.exec(output)![1]!, mailUrl: /Mail viewer\s+(\S+)/.exec(output)![1]!, authUrl: /Sign-in\s+(\S+)/.exec(output)![1]!, banner: output };
}

async function run(script: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn('npm', ['run', '--silent', ...script], { env: { ...process.env, DYNAMODB_ENDPOINT: '', AWS_ACCESS_KEY_ID: '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout: stdout.trim(), stderr: stderr.trim() };
}

function accepts(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function within(ms: number, condition: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

describe('npm start', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('stops with its servers when %s reaches npm’s own pid, leaving no orphan', async (signal) => {
    // Prepare
    const started = await npmStart(await tempDir());
    const server = (await runningInstances()).find((instance) => instance.dataDir === started.dataDir);
    expect(server, 'npm start announces itself').toBeDefined();
    expect(await accepts(started.apiUrl)).toBe(true);
    expect(await accepts(started.authUrl)).toBe(true);

    // Act
    started.npm.kill(signal);

    // Assess: the node process behind npm is gone and its ports are free within 5 s.
    expect(await within(5_000, async () => !isAlive(server!.pid))).toBe(true);
    expect(await accepts(started.apiUrl)).toBe(false);
    expect(await accepts(started.mailUrl)).toBe(false);
    expect(await accepts(started.authUrl)).toBe(false);
    expect((await runningInstances()).some((instance) => instance.pid === server!.pid)).toBe(false);
  }, 60_000);
});

describe('npm run token and npm run reconcile', () => {
  it('use the running server’s data when given its DATA_DIR, and name it when given another', async () => {
    // Prepare
    const started = await npmStart(await tempDir());
    const elsewhere = await tempDir();

    // Act
    const token = await run(['token'], { DATA_DIR: started.dataDir });
    const stats = await fetch(`${started.apiUrl}/events/osce-drugs-2017/stats`, { headers: { authorization: `Bearer ${token.stdout}` } });
    const reconciled = await run(['reconcile', '--', 'osce-drugs-2017'], { DATA_DIR: started.dataDir });
    const wrongToken = await run(['token'], { DATA_DIR: elsewhere });
    const wrongReconcile = await run(['reconcile', '--', 'osce-drugs-2017'], { DATA_DIR: elsewhere });

    // Assess
    expect(token.code).toBe(0);
    expect(stats.status).toBe(200);
    expect(reconciled.code).toBe(0);
    expect(JSON.parse(reconciled.stdout)).toMatchObject({ eventId: 'osce-drugs-2017' });
    for (const refused of [wrongToken, wrongReconcile]) {
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain(`DATA_DIR=${elsewhere}`);
      expect(refused.stderr).toContain(`DATA_DIR=${started.dataDir}`);
    }
  }, 60_000);

  it('refuse to make a signing key of their own where npm start never ran', async () => {
    // Prepare
    const empty = await tempDir();

    // Act
    const token = await run(['token'], { DATA_DIR: empty });

    // Assess: no token, a message naming the directory (a server other tests started may be named too).
    expect(token.code).toBe(2);
    expect(token.stdout).toBe('');
    expect(token.stderr).toContain(empty);
  }, 30_000);
});

describe('npm start and npm run user', () => {
  it('make the first organizer from the defaults, print them, and add accounts that sign in at once', async () => {
    // Prepare
    const started = await npmStart(await tempDir());
    const stats = (token: string) => fetch(`${started.apiUrl}/events/osce-drugs-2017/stats`, { headers: { authorization: `Bearer ${token}` } });

    // Act
    const first = await signIn(started.apiUrl, defaultOrganizer.email, defaultOrganizer.password);
    const added = await run(['user', '--', 'add', 'Moderator@osce.example', '--password', 'moderator-password', '--group', 'organizers', '--group', 'moderators'], { DATA_DIR: started.dataDir });
    const second = await signIn(started.apiUrl, 'moderator@osce.example', 'moderator-password');
    const again = await run(['user', '--', 'add', 'moderator@osce.example', '--password', 'another-password'], { DATA_DIR: started.dataDir });
    const listed = await run(['user', '--', 'list'], { DATA_DIR: started.dataDir });
    const noPassword = await run(['user', '--', 'add', 'x@osce.example'], { DATA_DIR: started.dataDir });

    // Assess
    expect(started.banner).toContain(`${started.apiUrl}/organizer/`);
    expect(started.banner).toContain(`sign in as      ${defaultOrganizer.email}   password ${defaultOrganizer.password}`);
    expect((await stats(first.access_token)).status).toBe(200);
    expect(added).toMatchObject({ code: 0, stdout: 'Added moderator@osce.example (groups: organizers, moderators)' });
    expect(added.stderr).toContain(`${started.apiUrl}/organizer/`);
    expect((await stats(second.access_token)).status).toBe(200);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('There is already an account for moderator@osce.example');
    expect(listed.stdout.split('\n')).toEqual([`${defaultOrganizer.email}\torganizers`, 'moderator@osce.example\torganizers,moderators']);
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('--password is required');
  }, 90_000);

  it('take the first organizer from LOCAL_ORGANIZER_EMAIL and _PASSWORD without printing the password', async () => {
    // Prepare
    const started = await npmStart(await tempDir(), { LOCAL_ORGANIZER_EMAIL: 'head@osce.example', LOCAL_ORGANIZER_PASSWORD: 'secret-from-env' });

    // Act
    const tokens = await signIn(started.apiUrl, 'head@osce.example', 'secret-from-env');

    // Assess
    expect(started.banner).toContain('sign in as      head@osce.example   password (LOCAL_ORGANIZER_PASSWORD)');
    expect(started.banner).not.toContain('secret-from-env');
    expect(tokens.access_token).toBeTruthy();
  }, 60_000);

  it('say plainly when pointed at another data directory than the running server’s, or at none', async () => {
    // Prepare
    const started = await npmStart(await tempDir());
    const elsewhere = await tempDir();

    // Act
    const wrong = await run(['user', '--', 'add', 'a@osce.example', '--password', 'long enough'], { DATA_DIR: elsewhere });
    await new Promise<void>((resolve) => {
      started.npm.once('exit', () => resolve());
      started.npm.kill('SIGINT');
    });
    const stopped = await run(['user', '--', 'add', 'b@osce.example', '--password', 'long enough'], { DATA_DIR: started.dataDir });

    // Assess
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(`DATA_DIR=${started.dataDir}`);
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toContain(`No npm start is running with DATA_DIR=${started.dataDir}`);
  }, 60_000);
});
