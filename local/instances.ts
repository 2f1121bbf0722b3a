// A running `npm start` announces itself (its data directory, addresses and table) in a per-user
// folder, so the other local commands find the server they are meant for, or say plainly that they
// were pointed at another data directory. An entry whose process is gone is ignored and removed.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { LocalSetupError } from './settings.ts';

export interface RunningInstance {
  pid: number;
  dataDir: string;
  gatewayUrl: string;
  mailViewerUrl: string;
  dynamodbUrl: string;
  tableName: string;
  /** The local identity provider: the `iss` of its tokens and of `npm run token`'s. */
  issuer: string;
}

const registry = () => join(tmpdir(), `conference-registration-${userInfo().uid}`, 'running');

export async function announceInstance(instance: RunningInstance): Promise<() => Promise<void>> {
  await mkdir(registry(), { recursive: true, mode: 0o700 });
  const file = join(registry(), `${instance.pid}.json`);
  await writeFile(file, JSON.stringify(instance), { mode: 0o600 });
  return () => rm(file, { force: true });
}

export async function runningInstances(): Promise<RunningInstance[]> {
  let names: string[];
  try {
    names = await readdir(registry());
  } catch {
    return [];
  }
  const found: RunningInstance[] = [];
  for (const name of names.filter((entry) => entry.endsWith('.json'))) {
    const file = join(registry(), name);
    try {
      const instance = JSON.parse(await readFile(file, 'utf8')) as RunningInstance;
      if (isAlive(instance.pid)) found.push(instance);
      else await rm(file, { force: true });
    } catch {
      // Half-written by a server that is starting, or removed meanwhile: not an instance yet.
    }
  }
  return found;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The running server that uses `dataDir`, or none when no server runs at all. A server running on
 * another data directory is an error: a token or a repair made from this one would not reach it.
 */
export async function instanceUsing(dataDir: string, command: string): Promise<RunningInstance | undefined> {
  const running = await runningInstances();
  const same = running.find((instance) => instance.dataDir === dataDir);
  if (same || running.length === 0) return same;
  const others = running.map((instance) => `  ${instance.gatewayUrl}  DATA_DIR=${instance.dataDir}`).join('\n');
  throw new LocalSetupError(
    `npm start is running with another data directory than this command's (DATA_DIR=${dataDir}):\n${others}\n` +
      `Run the command with the server's DATA_DIR, for example:\n  DATA_DIR=${running[0]!.dataDir} ${command}`,
  );
}
