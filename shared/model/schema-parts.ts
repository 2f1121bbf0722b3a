// The building blocks of the schemas: text that is safe to store and show, country codes, dates.
// zod/mini: the same rules as classic Zod in functions instead of methods, so a bundle carries only
// the checks it uses (about 15 KB instead of 85 KB in every function and in the page).
import * as z from 'zod/mini';
import { isKnownRegion, isKnownTimeZone } from './places.ts';

export { knownRegionCodes, knownTimeZones } from './places.ts';

// What no name, organization, position or note needs, and what breaks CSV, e-mail headers and logs
// or disguises text: C0 and C1 control characters (free text keeps tab and line breaks), the bidi
// overrides, isolates and marks (U+202A-E, U+2066-9, U+200E-F, U+061C) that reorder what a reader
// sees, and the invisible zero-width space, word joiner and byte-order mark.
const disallowed = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u061C\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060\\u2066-\\u2069\\uFEFF';
const noControlCharacters = new RegExp(`^[^${disallowed}]*$`);
const noLineBreaks = /^[^\t\r\n\u2028\u2029]*$/;
// Zero-width (non-)joiners shape Persian, Arabic and Indic names, but only between two letters.
const strayJoiner = /(?<![\p{L}\p{M}])[\u200C\u200D]|[\u200C\u200D](?![\p{L}\p{M}])/u;

/** Text that is whole Unicode (no lone surrogate halves) and has no stray joiner. */
const wellFormed = () =>
  z.refine<string>((text) => text.isWellFormed() && !strayJoiner.test(text), 'Contains characters that are not allowed');

export const about = (meta: Record<string, unknown>) => z.meta(meta);
const required = (max: number, message = `At most ${max} characters`) => [z.minLength(1, 'Required'), z.maxLength(max, message)] as const;

export function singleLine(max: number, description: string) {
  return z
    .string()
    .check(
      z.trim(),
      ...required(max),
      z.regex(noControlCharacters, 'Contains characters that are not allowed'),
      z.regex(noLineBreaks, 'Must be a single line'),
      wellFormed(),
      about({ description }),
    );
}

/** Text answering an event's own question, within the form's limits: one line, or free text. */
export function answerText(min: number, max: number, lines: 'one' | 'many') {
  return z
    .string()
    .check(
      z.trim(),
      z.minLength(Math.max(1, min), min > 1 ? `At least ${min} characters` : 'Required'),
      z.maxLength(max, `At most ${max} characters`),
      z.regex(noControlCharacters, 'Contains characters that are not allowed'),
      ...(lines === 'one' ? [z.regex(noLineBreaks, 'Must be a single line')] : []),
      wellFormed(),
    );
}

export function freeText(max: number, description: string) {
  return z
    .string()
    .check(
      z.trim(),
      z.maxLength(max, `At most ${max} characters`),
      z.regex(noControlCharacters, 'Contains characters that are not allowed'),
      wellFormed(),
      about({ description }),
    );
}

/** An e-mail address: trimmed, at most 254 characters, then the address's own form. */
export function emailAddress() {
  return z.pipe(z.string().check(z.trim(), z.maxLength(254, 'At most 254 characters')), z.email('Must be an e-mail address such as name@example.org'));
}

export function phoneNumber() {
  return z.string().check(z.trim(), z.regex(/^\+?[0-9][0-9 ()./-]{3,28}[0-9]$/, 'Must be a phone number such as +43 1 514 36 0'));
}

/**
 * A number DynamoDB can store: within ±10^12, and not so close to zero that its exponent is out of
 * DynamoDB's range (10^-130); a billionth is finer than any form needs.
 */
export function storableNumber() {
  return z
    .number()
    .check(
      z.gte(-1e12, 'At least -1000000000000'),
      z.lte(1e12, 'At most 1000000000000'),
      z.refine((value) => value === 0 || Math.abs(value) >= 1e-9, 'Zero, or at least a billionth from it'),
      about({ description: 'Within ±10^12; zero or at least 10^-9 from it' }),
    );
}

/** An ISO 3166-1 alpha-2 code that the runtime's ICU data knows as a region (e.g. "AT"). */
export const countryCode = z
  .string()
  .check(
    z.regex(/^[A-Z]{2}$/, 'Must be an ISO 3166-1 alpha-2 code such as AT'),
    z.refine(isKnownRegion, 'Not a known ISO 3166-1 country code'),
    about({ id: 'CountryCode', description: 'ISO 3166-1 alpha-2 country code', example: 'AT' }),
  );

export const isoDate = z.iso.date('Must be a date such as 2017-07-10').check(about({ example: '2017-07-10' }));
export const isoDateTime = z.iso.datetime({ offset: true, message: 'Must be a date and time such as 2017-06-30T23:59:59Z' });


/** A time zone of the IANA database that the runtime knows, such as Europe/Vienna (or UTC). */
export const ianaTimeZone = z
  .string()
  .check(
    z.maxLength(64, 'Must be an IANA time zone such as Europe/Vienna'),
    z.regex(/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/, 'Must be an IANA time zone such as Europe/Vienna'),
    z.refine(isKnownTimeZone, 'Not a time zone of the IANA database'),
    about({
      id: 'TimeZone',
      description:
        'A time zone of the IANA database. The list names the canonical zones; the database\'s other names for them (links such as US/Eastern) and other letter cases are accepted too.',
      example: 'Europe/Vienna',
    }),
  );
