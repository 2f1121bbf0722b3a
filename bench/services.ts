// Runs dynalite and aws-ses-v2-local in a process of their own, so the emulators use the second core
// instead of competing with the code being measured. Prints their URLs as one JSON line, then waits
// until its parent closes stdin or stops it.
import { startDynalite, startSes } from '../local/services.ts';

const dynalite = await startDynalite({ port: 0 });
const ses = await startSes({ port: 0 });
process.stdout.write(`${JSON.stringify({ dynamodbUrl: dynalite.url, sesUrl: ses.url })}\n`);

const stop = async () => {
  await ses.stop();
  await dynalite.stop();
  process.exit(0);
};
process.stdin.on('end', () => void stop());
process.stdin.resume();
process.on('SIGTERM', () => void stop());
