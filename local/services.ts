// The emulators local mode and the tests run against: dynalite speaks DynamoDB's wire protocol,
// aws-ses-v2-local speaks SES's and keeps every message for its mail viewer.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const dynalite = require('dynalite') as (options: Record<string, unknown>) => Server;
const { default: sesServer } = require('aws-ses-v2-local') as typeof import('aws-ses-v2-local');

export interface RunningService {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function listen(server: Server, port: number, host: string, name: string): Promise<RunningService> {
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(new Error(`${name} could not listen on ${host}:${port}: ${error.code ?? error.message}`));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  return running(server, name);
}

function running(server: Server, name: string): RunningService {
  if (!server.listening) throw new Error(`${name} is not listening (is its port taken?)`);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** dynalite, in memory or kept on disk under `path` (LevelDB) across restarts. */
export function startDynalite(options: { port: number; path?: string | undefined }): Promise<RunningService> {
  const server = dynalite({ path: options.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  return listen(server, options.port, '127.0.0.1', 'dynalite');
}

/**
 * aws-ses-v2-local resolves even when its port is taken, so whether it really listens is checked
 * here, and a taken port fails loudly instead of sending mail into nothing.
 */
export async function startSes(options: { port: number }): Promise<RunningService> {
  const server = await sesServer({ host: '127.0.0.1', port: options.port });
  if (!server.listening) {
    server.close();
    throw new Error(`aws-ses-v2-local could not listen on 127.0.0.1:${options.port} (is the port taken?)`);
  }
  return running(server, 'aws-ses-v2-local');
}
