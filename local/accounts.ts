// Local mode's organizer accounts, the local stand-in for the Cognito user pool: one JSON file in
// DATA_DIR, passwords hashed with scrypt, groups as in Cognito. The identity provider reads the file
// on every sign-in, so an account added by `npm run user -- add` while `npm start` runs works at once.
import { randomBytes, randomUUID, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { LocalSetupError } from './settings.ts';

export interface Account {
  /** Cognito's `sub`; in a pool that signs in by e-mail the username is the same generated id. */
  sub: string;
  username: string;
  email: string;
  groups: string[];
  passwordHash: string;
}

export interface NewAccount {
  email: string;
  password: string;
  groups: string[];
}

// scrypt's cost (N = 2^15, r = 8): about 30 ms and 32 MiB a check, slow enough for guessing, quick enough for tests.
const cost = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } satisfies ScryptOptions;
const keyLength = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p), maxmem: cost.maxmem });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Checked against when the address is unknown, so an unknown address costs what a wrong password costs. */
const dummyHash = hashPassword(randomUUID());

export const accountsFile = (dataDir: string) => join(dataDir, 'accounts.json');

export const minimumPasswordLength = 8;

export class AccountStore {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = accountsFile(dataDir);
  }

  async all(): Promise<Account[]> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as Account[];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async bySub(sub: string): Promise<Account | undefined> {
    return (await this.all()).find((account) => account.sub === sub);
  }

  async byEmail(email: string): Promise<Account | undefined> {
    const wanted = normalizeEmail(email);
    return (await this.all()).find((account) => account.email === wanted);
  }

  /** Adds an account; an address already taken is refused, as Cognito refuses it. */
  async add(account: NewAccount): Promise<Account> {
    const email = normalizeEmail(account.email);
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new LocalSetupError(`${account.email} is not an e-mail address.`);
    if (account.password.length < minimumPasswordLength) throw new LocalSetupError(`The password needs at least ${minimumPasswordLength} characters.`);
    const groups = [...new Set(account.groups)];
    const invalidGroup = groups.find((group) => !/^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u.test(group));
    if (invalidGroup !== undefined) throw new LocalSetupError(`"${invalidGroup}" is not a group name (1-128 characters, no spaces).`);
    const accounts = await this.all();
    if (accounts.some((existing) => existing.email === email)) throw new LocalSetupError(`There is already an account for ${email}.`);
    const sub = randomUUID();
    const added: Account = { sub, username: sub, email, groups, passwordHash: await hashPassword(account.password) };
    await this.write([...accounts, added]);
    return added;
  }

  /**
   * The account these credentials sign in, or undefined. An unknown address is checked against a
   * dummy hash, so it takes as long as a wrong password and nobody learns by timing who has an account.
   */
  async authenticate(email: string, password: string): Promise<Account | undefined> {
    const account = await this.byEmail(email);
    const matches = await passwordMatches(password, account?.passwordHash ?? (await dummyHash));
    return account && matches ? account : undefined;
  }

  /** Written beside and renamed over, so a reader never sees half a file. */
  private async write(accounts: Account[]): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const partial = `${this.file}.${process.pid}.${randomUUID()}.tmp`;
    await writeFile(partial, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
    await rename(partial, this.file);
  }
}

/** Cognito compares sign-in addresses case-insensitively (signInCaseSensitive: false). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
