// Local mode's organizer accounts (the local user pool): what `npm run user -- add` accepts, and who
// the sign-in page lets in.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountStore, accountsFile } from '../../local/accounts.ts';

let dataDir: string;
let accounts: AccountStore;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'registration-accounts-'));
  accounts = new AccountStore(dataDir);
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('the local organizer accounts', () => {
  it('keep a salted scrypt hash, never the password, and sign in by address in any case', async () => {
    // Prepare
    const added = await accounts.add({ email: ' Ana.Silva@OSCE.example ', password: 'correct horse', groups: ['organizers', 'organizers', 'viewers'] });

    // Act
    const file = await readFile(accountsFile(dataDir), 'utf8');
    const signedIn = await accounts.authenticate('ana.silva@osce.example', 'correct horse');
    const wrongPassword = await accounts.authenticate('ANA.SILVA@osce.example', 'correct horsE');
    const unknown = await accounts.authenticate('nobody@osce.example', 'correct horse');

    // Assess
    expect(added).toMatchObject({ email: 'ana.silva@osce.example', groups: ['organizers', 'viewers'], username: added.sub });
    expect(file).not.toContain('correct horse');
    expect(added.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(signedIn?.sub).toBe(added.sub);
    expect(wrongPassword).toBeUndefined();
    expect(unknown).toBeUndefined();
  });

  it.each([
    ['an address taken already, in another case', { email: 'ANA@osce.example', password: 'long enough', groups: [] }, /already an account/],
    ['something that is not an address', { email: 'ana', password: 'long enough', groups: [] }, /not an e-mail address/],
    ['a password under 8 characters', { email: 'b@osce.example', password: 'short', groups: [] }, /at least 8/],
    ['a group name with a space', { email: 'c@osce.example', password: 'long enough', groups: ['the organizers'] }, /not a group name/],
  ])('refuse %s', async (_label, account, message) => {
    // Prepare
    await accounts.add({ email: 'ana@osce.example', password: 'long enough', groups: [] });

    // Act
    const adding = accounts.add(account);

    // Assess
    await expect(adding).rejects.toThrow(message);
    expect(await accounts.all()).toHaveLength(1);
  });
});
