// Identifiers and link tokens: address keys, registration ids, references, and the one-time secrets
// of the links in e-mails, of which only hashes are stored.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Event ids appear in paths and link tokens: lowercase letters, digits and inner hyphens.
const eventIdSource = '[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?';
export const eventIdPattern = new RegExp(`^${eventIdSource}$`);

export function isEventId(value: unknown): value is string {
  return typeof value === 'string' && eventIdPattern.test(value);
}

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(bytes: Uint8Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += crockford[bytes[i]! % 32];
  return out;
}

/** The identity of an address: e-mail is compared case-insensitively, so its normal form is lowercase. */
export function normalizeEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

/**
 * The registration's key part derived from the address. Hashing keeps addresses out of keys, cursors
 * and links, which travel further than the item itself.
 */
export function emailKey(email: string): string {
  return createHash('sha256').update(normalizeEmail(email)).digest('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** 256 random bits, URL-safe. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A ULID: sortable by creation time, so the organizer list can page in the order people registered. */
/** 128 random bits: an upload's id, which its key in the bucket and the answer carry (form-definition.ts uploadIdPattern). */
export function newUploadId(): string {
  return randomBytes(16).toString('base64url');
}

export function newRegistrationId(now: Date): string {
  let time = now.getTime();
  let timePart = '';
  for (let i = 0; i < 10; i++) {
    timePart = crockford[time % 32] + timePart;
    time = Math.floor(time / 32);
  }
  return timePart + base32(randomBytes(16), 16);
}

/** A short reference a participant can read out at the venue's desk, e.g. DRUGS17-7K4M-9QXA. */
export function newReference(prefix: string): string {
  const code = base32(randomBytes(8), 8);
  return `${prefix}-${code.slice(0, 4)}-${code.slice(4)}`;
}

const tokenPattern = new RegExp(`^(${eventIdSource})\\.([A-Za-z0-9_-]{43})\\.([A-Za-z0-9_-]{43})$`);

export interface TokenParts {
  eventId: string;
  emailKey: string;
  secret: string;
}

/**
 * A link token names the registration it belongs to (event and address key) so it can be checked
 * with one strongly consistent read; only the hash of its secret part is stored.
 */
export function composeToken(parts: TokenParts): string {
  return `${parts.eventId}.${parts.emailKey}.${parts.secret}`;
}

export function parseToken(token: string): TokenParts | undefined {
  const match = tokenPattern.exec(token);
  if (!match) return undefined;
  return { eventId: match[1]!, emailKey: match[2]!, secret: match[3]! };
}

/** Hashes of the manage links kept: older e-mails' links keep working until erasure. */
const keptManageLinks = 10;

/** Adds a fresh manage link: only its hash is stored; the link itself goes into the e-mail. */
export function withManageLink<R extends { eventId: string; emailKey: string; manageTokenHashes: string[] }>(registration: R): { registration: R; manageToken: string } {
  const secret = randomSecret();
  return {
    registration: { ...registration, manageTokenHashes: [...registration.manageTokenHashes, sha256(secret)].slice(-keptManageLinks) },
    manageToken: composeToken({ eventId: registration.eventId, emailKey: registration.emailKey, secret }),
  };
}

export function manageUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl}/manage?token=${encodeURIComponent(token)}`;
}

export function confirmationUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl}/confirm?token=${encodeURIComponent(token)}`;
}

/**
 * The mailbox an address delivers to, as far as its form tells: case aside, a "+tag" after the local
 * part reaches the same mailbox at most providers, and Gmail ignores dots in the local part (and
 * googlemail.com is gmail.com). Caps on mail count per mailbox, not per spelling of it.
 */
export function mailboxOf(email: string): string {
  const address = normalizeEmail(email);
  const at = address.lastIndexOf('@');
  if (at < 1) return address;
  let local = address.slice(0, at).split('+')[0]!;
  let domain = address.slice(at + 1);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return `${local || address.slice(0, at)}@${domain}`;
}

/** The key of a mailbox in the table: hashed, like the address keys. */
export function mailboxKey(email: string): string {
  return sha256(mailboxOf(email));
}
