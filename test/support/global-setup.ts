// One dynalite and one aws-ses-v2-local for the whole run, started by the tests themselves, and moto
// where moto_server is installed (Secrets Manager and WAF over the wire; test/support/moto.ts says what
// happens without it). Each test file gets its own table; mail is told apart by recipient address.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer, type AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { startDynalite, startSes } from '../../local/services.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    sesEndpoint: string;
    /** moto_server's URL, or '' where it is not installed. */
    motoEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  // DYNAMODB_BACKEND=moto runs the same tests against moto_server, a second, independent
  // implementation of DynamoDB's wire protocol, to show the code relies on DynamoDB, not on dynalite.
  const moto = motoInstalled() || process.env.DYNAMODB_BACKEND === 'moto' ? await startMoto() : undefined;
  const dynamodb = process.env.DYNAMODB_BACKEND === 'moto' ? moto! : await startDynalite({ port: 0 });
  const ses = await startSes({ port: 0 });
  project.provide('dynamodbEndpoint', dynamodb.url);
  project.provide('sesEndpoint', ses.url);
  project.provide('motoEndpoint', moto?.url ?? '');
  return async () => {
    await ses.stop();
    if (dynamodb !== moto) await dynamodb.stop();
    await moto?.stop();
  };
}

async function startMoto(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  // Not the moto_server command: see moto-server.py for why requests must be served one at a time.
  const child = spawn(python(), [fileURLToPath(new URL('./moto-server.py', import.meta.url)), '127.0.0.1', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 150; attempt++) {
    if (child.exitCode !== null) throw new Error(`moto could not start (is moto installed for python3?): ${stderr}`);
    try {
      await fetch(`${url}/moto-api/`);
      return { url, stop: async () => void child.kill() };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill();
  throw new Error(`moto did not start: ${stderr}`);
}

function motoServerPath(): string {
  return spawnSync('sh', ['-c', 'command -v moto_server'], { encoding: 'utf8' }).stdout.trim();
}

function motoInstalled(): boolean {
  return motoServerPath() !== '';
}

/** The Python moto_server runs on: its launcher's shebang when that names a Python (pip), else python3 (pyenv's shims). */
function python(): string {
  const found = motoServerPath();
  const shebang = found ? /^#!(\S*python[\d.]*)\s*$/m.exec(readFileSync(found, 'utf8').split('\n', 1)[0] ?? '')?.[1] : undefined;
  return shebang ?? 'python3';
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
