// One dynalite and one aws-ses-v2-local for the whole run, started by the tests themselves. Each test
// file gets its own table; mail is told apart by recipient address.
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { startDynalite, startSes } from '../../local/services.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    sesEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  // DYNAMODB_BACKEND=moto runs the same tests against moto_server, a second, independent
  // implementation of DynamoDB's wire protocol, to show the code relies on DynamoDB, not on dynalite.
  const dynamodb = process.env.DYNAMODB_BACKEND === 'moto' ? await startMoto() : await startDynalite({ port: 0 });
  const ses = await startSes({ port: 0 });
  project.provide('dynamodbEndpoint', dynamodb.url);
  project.provide('sesEndpoint', ses.url);
  return async () => {
    await ses.stop();
    await dynamodb.stop();
  };
}

async function startMoto(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error('moto_server exited: is it installed?');
    try {
      await fetch(`${url}/moto-api/`);
      return { url, stop: async () => void child.kill() };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill();
  throw new Error('moto_server did not start');
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
