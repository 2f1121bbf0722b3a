// One cold start: a fresh Node process imports the bundled handler and answers its first invocation.
// Prints one line `BENCH {...}` with the times measured from the process's own time origin.
import { pathToFileURL } from 'node:url';

const [file] = process.argv.slice(2);
const started = performance.now();
const module = await import(pathToFileURL(file).href);
const imported = performance.now();
const event = JSON.parse(process.env.BENCH_EVENT ?? '{}');
const context = { functionName: 'bench', awsRequestId: 'bench', getRemainingTimeInMillis: () => 20_000, callbackWaitsForEmptyEventLoop: false };
const result = await module.handler(event, context);
const answered = performance.now();
process.stdout.write(`\nBENCH ${JSON.stringify({ bootMs: started, importMs: imported - started, invokeMs: answered - imported, totalMs: answered, status: result?.statusCode })}\n`);
process.exit(0);
