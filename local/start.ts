// `npm start`: the whole pipeline on this machine, no AWS account needed.
import { announceInstance, runningInstances } from './instances.ts';
import { LocalSetupError, localSettings } from './settings.ts';
import { startLocalStack } from './stack.ts';

try {
  const settings = localSettings();
  const clash = (await runningInstances()).find((instance) => instance.dataDir === settings.dataDir);
  if (clash) {
    throw new LocalSetupError(
      `npm start is already running with DATA_DIR=${settings.dataDir} (process ${clash.pid}, ${clash.gatewayUrl}).\n` +
        'Stop it first, or start another one with its own DATA_DIR, PORT, EMAIL_PORT, AUTH_PORT and S3_PORT.',
    );
  }
  const { organizer } = settings;
  const stack = await startLocalStack({ ...settings, initialAccount: { email: organizer.email, password: organizer.password, groups: ['organizers'] } });
  const withdrawAnnouncement = await announceInstance({
    pid: process.pid,
    dataDir: settings.dataDir,
    gatewayUrl: stack.gatewayUrl,
    mailViewerUrl: stack.mailViewerUrl,
    dynamodbUrl: stack.dynamodbUrl,
    tableName: stack.tableName,
    issuer: stack.issuer,
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
      `  S3 (uploads)    ${stack.s3Url}   (bucket ${stack.uploadsBucket}, files in ${settings.dataDir}/s3)`,
      `  DynamoDB        ${settings.dynamodbEndpoint ? stack.dynamodbUrl : `${stack.dynamodbUrl} (dynalite, data in ${settings.dataDir})`}`,
      `  Sign-in         ${stack.issuer}   (OpenID Connect provider, accounts in ${settings.dataDir})`,
      '',
      `Organizer console ${stack.gatewayUrl}/organizer/`,
      `  sign in as      ${organizer.email}   password ${organizer.passwordIsDefault ? organizer.password : '(LOCAL_ORGANIZER_PASSWORD)'}${stack.createdInitialAccount ? '   (account created now)' : ''}`,
      '  more accounts   npm run --silent user -- add <email> --password <password> --group organizers',
      '',
      'Organizer token:  npm run --silent token            (group organizers)',
      '                  npm run --silent token -- --group NAME',
      'Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = (reason: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${reason}: stopping...\n`);
    Promise.all([withdrawAnnouncement(), stack.stop()]).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGHUP', () => shutdown('SIGHUP'));
  // npm passes SIGINT and SIGTERM on; if npm itself is killed outright, this process is handed to
  // another parent, and stops instead of holding its ports as an orphan.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) shutdown('parent process gone');
  }, 500).unref();
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Could not start: ${message}\n`);
  process.exit(1);
}
