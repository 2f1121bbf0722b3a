// `npm run --silent token [-- --group NAME]`: prints a staff token that local mode accepts (for the
// organizer group unless --group names others), signed with the key of the data directory the
// running server uses (DATA_DIR, as for npm start).
import { parseArgs } from 'node:util';
import { ConfigError } from '#shared/platform/config.ts';
import { instanceUsing } from './instances.ts';
import { signOrganizerToken } from './jwt.ts';
import { localClientId, localIssuer, loadSecrets } from './secrets.ts';
import { LocalSetupError, localSettings } from './settings.ts';

try {
  const { values } = parseArgs({
    options: {
      group: { type: 'string', multiple: true },
      username: { type: 'string', default: 'local-organizer' },
      'lifetime-seconds': { type: 'string', default: '3600' },
    },
  });
  const { dataDir, roleGroups } = localSettings();
  await instanceUsing(dataDir, 'npm run --silent token');
  const secrets = await loadSecrets(dataDir);
  const token = await signOrganizerToken({
    signingKey: secrets.signingKey,
    issuer: localIssuer,
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
