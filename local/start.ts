// `npm start`: the whole pipeline on this machine, no AWS account needed.
import { startLocalStack } from './stack.ts';

const port = Number(process.env.PORT ?? 3000);
const emailPort = Number(process.env.EMAIL_PORT ?? 8005);
const dataDir = process.env.DATA_DIR ?? '.data';
const externalDynamo = process.env.DYNAMODB_ENDPOINT || undefined;

try {
  const stack = await startLocalStack({
    dataDir,
    port,
    emailPort,
    dynamodbEndpoint: externalDynamo,
    sesEndpoint: process.env.SES_ENDPOINT || undefined,
    tableName: process.env.TABLE_NAME || undefined,
    publicBaseUrl: process.env.PUBLIC_BASE_URL || undefined,
  });
  const mailViewer = stack.mailViewerUrl.replace('127.0.0.1', 'localhost');
  process.stdout.write(
    [
      '',
      'conference-registration is running locally',
      `  API and pages   ${stack.gatewayUrl}`,
      `  Seed event      ${stack.gatewayUrl}/events/osce-drugs-2017`,
      `  OpenAPI         ${stack.gatewayUrl}/openapi.json`,
      `  Mail viewer     ${mailViewer}   (sent mail as JSON: ${mailViewer}/store)`,
      `  DynamoDB        ${externalDynamo ? stack.dynamodbUrl : `${stack.dynamodbUrl} (dynalite, data in ${dataDir})`}`,
      '',
      'Organizer token:  npm run --silent token            (group organizers)',
      '                  npm run --silent token -- --group NAME',
      'Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping...\n`);
    stack.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
} catch (error) {
  process.stderr.write(`Could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
