// The building blocks of the schemas: text that is safe to store and show, country codes, dates.
// zod/mini: the same rules as classic Zod in functions instead of methods, so a bundle carries only
// the checks it uses (about 15 KB instead of 85 KB in every function and in the page).
import * as z from 'zod/mini';

// Control characters have no place in a name or an address and break CSV, e-mail headers and logs.
const noControlCharacters = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
const noLineBreaks = /^[^\r\n\u2028\u2029]*$/;

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
      about({ description }),
    );
}

export function freeText(max: number, description: string) {
  return z
    .string()
    .check(
      z.trim(),
      z.maxLength(max, `At most ${max} characters`),
      z.regex(noControlCharacters, 'Contains characters that are not allowed'),
      about({ description }),
    );
}

/** An ISO 3166-1 alpha-2 code that the runtime's ICU data knows as a region (e.g. "AT"). */
export const countryCode = z
  .string()
  .check(
    z.regex(/^[A-Z]{2}$/, 'Must be an ISO 3166-1 alpha-2 code such as AT'),
    z.refine(isKnownRegion, 'Not a known ISO 3166-1 country code'),
    about({ description: 'ISO 3166-1 alpha-2 country code', example: 'AT' }),
  );

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
function isKnownRegion(code: string): boolean {
  try {
    return regionNames.of(code) !== code;
  } catch {
    return false;
  }
}

export const isoDate = z.iso.date('Must be a date such as 2017-07-10').check(about({ example: '2017-07-10' }));
export const isoDateTime = z.iso.datetime({ offset: true, message: 'Must be a date and time such as 2017-06-30T23:59:59Z' });

