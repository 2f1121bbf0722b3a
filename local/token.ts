// `npm run --silent token [-- --group NAME]`: prints a staff token that local mode accepts (for the
// organizer group unless --group names others):
// signed with the key of the data directory the running server uses (DATA_DIR, as for npm start),
// for its identity provider's issuer. The console signs in through that provider instead; this is for
// curl, scripts and tests.
import { parseArgs } from 'node:util';
import { ConfigError } from '#shared/platform/config.ts';
import { instanceUsing } from './instances.ts';
import { signOrganizerToken } from './jwt.ts';
import { localClientId, loadSecrets } from './secrets.ts';
import { LocalSetupError, localSettings } from './settings.ts';

try {
  const { values } = parseArgs({
    options: {
      group: { type: 'string', multiple: true },
      username: { type: 'string', default: 'local-organizer' },
      'lifetime-seconds': { type: 'string', default: '3600' },
    },
  });
  const { dataDir, authPort, roleGroups } = localSettings();
  const running = await instanceUsing(dataDir, 'npm run --silent token');
  const secrets = await loadSecrets(dataDir);
  if (!running && authPort === 0) throw new LocalSetupError('With AUTH_PORT=0 the issuer is known only while npm start runs: start it first.');
  const token = await signOrganizerToken({
    signingKey: secrets.signingKey,
    // Without a running server, the issuer the next `npm start` with these settings will have.
    issuer: running?.issuer ?? `http://localhost:${authPort}`,
    clientId: localClientId,
    groups: values.group ?? [roleGroups.organizer],
    username: values.username,
    lifetimeSeconds: Number(values['lifetime-seconds']),
  });
  process.stdout.write(`${token}\n`);
} catch (error) {
  if (!(error instanceof LocalSetupError || error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) throw error;
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
