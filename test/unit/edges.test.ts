import { describe, expect, it } from 'vitest';
import { claimsAsStrings } from '../../local/jwt.ts';
import { csvCell, toCsv } from '#shared/model/csv.ts';
import { CursorCodec } from '#shared/model/cursor.ts';
import { composeToken, emailKey, mailboxOf, newReference, newRegistrationId, parseToken } from '#shared/model/tokens.ts';
import { languageFromAcceptLanguage } from '#shared/model/languages.ts';
import { parseGroupsClaim } from '#shared/http/organizer-auth.ts';
import { nextAttemptAt } from '#shared/mail/outbox.ts';
import { TokenBucket } from '#shared/http/throttling.ts';

describe('Function: parseGroupsClaim', () => {
  it.each([
    ['[organizers staff]', ['organizers', 'staff']],
    ['[organizers]', ['organizers']],
    // Not a form the authorizer produces: one group of that odd name, not a list.
    ['["organizers","staff"]', ['"organizers","staff"']],
    ['organizers', ['organizers']],
    // A comma is part of a name: this token is not in the organizers group.
    ['staff,organizers', ['staff,organizers']],
    ['[staff,organizers]', ['staff,organizers']],
    [['organizers', 'staff'], ['organizers', 'staff']],
    ['[]', []],
    [undefined, []],
    [42, []],
  ])('reads %j as %j', (claim, groups) => {
    expect(parseGroupsClaim(claim)).toEqual(groups);
  });

  it('reads back what the local gateway hands over, as API Gateway does', () => {
    const claims = claimsAsStrings({ 'cognito:groups': ['organizers', 'staff'], exp: 1700000000, active: true });
    expect(claims).toEqual({ 'cognito:groups': '[organizers staff]', exp: '1700000000', active: 'true' });
    expect(parseGroupsClaim(claims['cognito:groups'])).toEqual(['organizers', 'staff']);
  });
});

describe('Function: languageFromAcceptLanguage', () => {
  it.each([
    ['ru-RU,ru;q=0.9,en;q=0.8', 'ru'],
    ['pt-BR,es;q=0.5,fr;q=0.7', 'fr'],
    ['zh-CN', 'en'],
    [undefined, 'en'],
    ['de;q=0,it', 'it'],
  ])('picks from %s: %s', (header, language) => {
    expect(languageFromAcceptLanguage(header)).toBe(language);
  });
});

describe('Class: CursorCodec', () => {
  const codec = new CursorCodec('test-secret');
  const key = { pk: 'EVENT#a', sk: 'REGISTRATION#b', gsi1pk: 'x', gsi1sk: 'y' };

  it('round-trips a key for the same query', () => {
    expect(codec.decode('q', codec.encode('q', key))).toEqual(key);
  });

  it.each([
    ['another query', (cursor: string) => ({ query: 'other', cursor })],
    ['another secret', (cursor: string) => ({ query: 'q', cursor: new CursorCodec('other').encode('q', key) + cursor.slice(0, 0) })],
    ['a changed payload', (cursor: string) => ({ query: 'q', cursor: `x${cursor}` })],
    ['no signature', (cursor: string) => ({ query: 'q', cursor: cursor.split('.')[0]! })],
  ])('refuses a cursor from %s', (_label, alter) => {
    const { query, cursor } = alter(codec.encode('q', key));
    expect(() => codec.decode(query, cursor)).toThrow(expect.objectContaining({ code: 'invalid_cursor', statusCode: 400 }));
  });
});

describe('Function: csvCell', () => {
  it.each([
    ['plain', '"plain"'],
    ['a,b', '"a,b"'],
    ['a;b', '"a;b"'],
    ['Ministry;=cmd|calc', `"Ministry;'=cmd|calc"`],
    ['Head\t+1+1', `"Head\t'+1+1"`],
    ['x,-2', `"x,'-2"`],
    ['well-known - really', '"well-known - really"'],
    ['say "hi"', '"say ""hi"""'],
    ['=1+1', `"'=1+1"`],
    ['+43 1 514', `"'+43 1 514"`],
    ['-5', `"'-5"`],
    ['@cmd', `"'@cmd"`],
    ['\tx', `"'\tx"`],
    [true, '"true"'],
    [null, '""'],
  ])('writes %j as %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('ends every record with CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', '2']])).toBe('"a","b"\r\n"1","2"\r\n');
  });
});

describe('Identifiers', () => {
  it('keys an address case-insensitively', () => {
    expect(emailKey(' Anna@Example.ORG ')).toBe(emailKey('anna@example.org'));
  });

  it('makes time-ordered registration ids and readable references', () => {
    const earlier = newRegistrationId(new Date('2026-01-01T00:00:00Z'));
    const later = newRegistrationId(new Date('2026-01-01T00:00:01Z'));
    expect(earlier < later).toBe(true);
    expect(newReference('DRUGS17')).toMatch(/^DRUGS17-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('round-trips a token and refuses malformed ones', () => {
    const parts = { eventId: 'osce-drugs-2017', emailKey: 'a'.repeat(43), secret: 'b'.repeat(43) };
    expect(parseToken(composeToken(parts))).toEqual(parts);
    for (const bad of ['', 'a.b.c', `${composeToken(parts)}x`, `UPPER.${'a'.repeat(43)}.${'b'.repeat(43)}`]) {
      expect(parseToken(bad)).toBeUndefined();
    }
  });
});

describe('Class: TokenBucket', () => {
  it('lets the burst through, then refills at the rate', () => {
    // Prepare
    let now = 0;
    const bucket = new TokenBucket(2, 3, () => now);

    // Act
    const burst = [bucket.take(), bucket.take(), bucket.take(), bucket.take()];
    now = 500;
    const afterHalfSecond = bucket.take();

    // Assess
    expect(burst.map((verdict) => verdict.allowed)).toEqual([true, true, true, false]);
    expect(burst[3]).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(afterHalfSecond.allowed).toBe(true);
  });
});

describe('Function: nextAttemptAt', () => {
  it('doubles the wait with each attempt up to the maximum', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const policy = { baseDelayMs: 30_000, maxDelayMs: 900_000 };
    expect([1, 2, 3, 10].map((attempt) => (Date.parse(nextAttemptAt(attempt, now, policy)) - now.getTime()) / 1000)).toEqual([30, 60, 120, 900]);
  });
});

describe('Function: mailboxOf', () => {
  it.each([
    ['Anna.Berger@Example.org', 'anna.berger@example.org'],
    ['anna.berger+osce@example.org', 'anna.berger@example.org'],
    ['a.n.n.a+x@gmail.com', 'anna@gmail.com'],
    ['Anna.Berger@googlemail.com', 'annaberger@gmail.com'],
    ['+only@example.org', '+only@example.org'],
  ])('reads %s as the mailbox %s', (address, mailbox) => {
    expect(mailboxOf(address)).toBe(mailbox);
  });
});
