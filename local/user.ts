// `npm run --silent user -- add <email> --password <pw> [--group NAME ...]` adds an organizer account
// to local mode's identity provider, in the data of the running `npm start` (found by DATA_DIR, as
// every local command finds it), where it can sign in at once; `npm run --silent user -- list` lists
// them. The local stand-in for `aws cognito-idp admin-create-user` and `admin-add-user-to-group`.
import { parseArgs } from 'node:util';
import { AccountStore } from './accounts.ts';
import { instanceUsing } from './instances.ts';
import { loadSecrets } from './secrets.ts';
import { LocalSetupError, localSettings } from './settings.ts';

const usage = 'Usage: npm run --silent user -- add <email> --password <password> [--group NAME ...]\n       npm run --silent user -- list';

try {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { password: { type: 'string' }, group: { type: 'string', multiple: true } },
  });
  const [command, email, ...extra] = positionals;
  const { dataDir } = localSettings();
  const running = await instanceUsing(dataDir, `npm run --silent user -- ${positionals.join(' ')}`);
  // Only npm start makes a data directory: an account written anywhere else would never sign in.
  await loadSecrets(dataDir);
  const accounts = new AccountStore(dataDir);
  if (command === 'add' && email && extra.length === 0) {
    if (!values.password) throw new LocalSetupError(`--password is required.\n${usage}`);
    const account = await accounts.add({ email, password: values.password, groups: values.group ?? [] });
    process.stdout.write(`Added ${account.email} (groups: ${account.groups.join(', ') || 'none'})\n`);
    process.stderr.write(
      running
        ? `It can sign in now at ${running.gatewayUrl}/organizer/\n`
        : `No npm start is running with DATA_DIR=${dataDir}: the account is saved there and can sign in once it runs.\n`,
    );
  } else if (command === 'list' && !email) {
    for (const account of await accounts.all()) process.stdout.write(`${account.email}\t${account.groups.join(',')}\n`);
  } else {
    throw new LocalSetupError(usage);
  }
} catch (error) {
  if (!(error instanceof LocalSetupError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) throw error;
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
