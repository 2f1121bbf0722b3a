// `npm run --silent token [-- --group NAME]`: prints an organizer token that local mode accepts.
import { parseArgs } from 'node:util';
import { signOrganizerToken } from './jwt.ts';
import { localClientId, localIssuer, loadOrCreateSecrets } from './secrets.ts';

const { values } = parseArgs({
  options: {
    group: { type: 'string', multiple: true },
    username: { type: 'string', default: 'local-organizer' },
    'lifetime-seconds': { type: 'string', default: '3600' },
  },
});

const secrets = await loadOrCreateSecrets(process.env.DATA_DIR ?? '.data');
const token = await signOrganizerToken({
  signingKey: secrets.signingKey,
  issuer: localIssuer,
  clientId: localClientId,
  groups: values.group ?? ['organizers'],
  username: values.username,
  lifetimeSeconds: Number(values['lifetime-seconds']),
});
process.stdout.write(`${token}\n`);
