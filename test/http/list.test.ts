import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signOrganizerToken } from '../../local/jwt.ts';
import { localClientId } from '../../local/secrets.ts';
import { runtime } from '#shared/runtime/runtime.ts';
import { seedEvent } from '#shared/model/seed-event.ts';
import { uniqueEmail, validForm } from '../support/fixtures.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { linkToken, waitForMail } from '../support/mailbox.ts';

// Each test of this file works on an event of its own, so counts and pages are exact.
let api: TestApi;
let organizer: string;

beforeAll(async () => {
  api = await startTestApi();
  organizer = await api.organizerToken();
});
afterAll(async () => {
  await api.stop();
});

interface Item {
  registrationId: string;
  status: string;
  email: string;
  category: string;
  country?: string;
  reference: string | null;
  confirmedAt: string | null;
}

async function eventWith(eventId: string, forms: Record<string, unknown>[], confirmEvery = 0): Promise<string[]> {
  await runtime().events.put({ ...seedEvent, id: eventId });
  const emails: string[] = [];
  for (const [index, form] of forms.entries()) {
    const email = uniqueEmail(`p${index}`);
    emails.push(email);
    expect((await api.postJson(`/events/${eventId}/registrations`, validForm({ email, ...form }))).status).toBe(202);
    if (confirmEvery > 0 && index % confirmEvery === 0) {
      const [mail] = await waitForMail(api.sesEndpoint, email);
      expect((await api.postJson('/registrations/confirm', { token: linkToken(mail!) })).status).toBe(200);
    }
  }
  return emails;
}

async function list(eventId: string, query = '', token = organizer, accept = 'application/json') {
  return api.request(`/events/${eventId}/registrations${query}`, { headers: { authorization: `Bearer ${token}`, accept } });
}

async function allPages(eventId: string, query: string): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const separator = query ? '&' : '?';
    const response = await list(eventId, `${query}${cursor ? `${separator}cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as { items: Item[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor);
  return { items, pages };
}

describe('GET /events/{eventId}/registrations: authentication', () => {
  it('answers 401 unauthorized without a token', async () => {
    // Act
    const response = await api.request('/events/osce-drugs-2017/registrations');

    // Assess
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it('answers 403 forbidden to a valid token without the organizers group', async () => {
    // Prepare
    const staff = await api.organizerToken(['staff']);

    // Act
    const response = await list('osce-drugs-2017', '', staff);

    // Assess
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  });

  it('lets a token with several groups in, organizers among them', async () => {
    // Act
    const response = await list('osce-drugs-2017', '', await api.organizerToken(['staff', 'organizers']));

    // Assess
    expect(response.status).toBe(200);
  });

  it.each([
    ['signed by another key', async () => {
      const { privateKey } = await generateKeyPair('RS256', { extractable: true });
      return signOrganizerToken({ signingKey: { ...(await exportJWK(privateKey)), kid: api.stack.secrets.signingKey.kid }, issuer: api.stack.issuer, clientId: localClientId, groups: ['organizers'] });
    }],
    ['from another issuer', () => signOrganizerToken({ signingKey: api.stack.secrets.signingKey, issuer: 'https://evil.example', clientId: localClientId, groups: ['organizers'] })],
    ['for another app client', () => signOrganizerToken({ signingKey: api.stack.secrets.signingKey, issuer: api.stack.issuer, clientId: 'other-app', groups: ['organizers'] })],
    ['expired', () => signOrganizerToken({ signingKey: api.stack.secrets.signingKey, issuer: api.stack.issuer, clientId: localClientId, groups: ['organizers'], lifetimeSeconds: -60 })],
    ['unsigned (alg none)', async () => {
      const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ iss: api.stack.issuer, client_id: localClientId, 'cognito:groups': ['organizers'], sub: 'x', exp: now + 600, iat: now })}.`;
    }],
    ['signed with HS256 using the public key', async () => {
      const secret = new TextEncoder().encode(JSON.stringify(api.stack.secrets.signingKey.n));
      return new SignJWT({ client_id: localClientId, 'cognito:groups': ['organizers'] })
        .setProtectedHeader({ alg: 'HS256', kid: api.stack.secrets.signingKey.kid })
        .setIssuer(api.stack.issuer).setSubject('x').setIssuedAt().setExpirationTime('10m').sign(secret);
    }],
    ['garbage', async () => 'not.a.jwt'],
  ])('answers 401 to a token %s', async (_label, makeToken) => {
    // Prepare
    const token = await makeToken();

    // Act
    const response = await list('osce-drugs-2017', '', token);

    // Assess
    expect(response.status).toBe(401);
  });
});

describe('GET /events/{eventId}/registrations: listing', () => {
  it('lists registrations oldest first with their state and form fields, never a token or its hash', async () => {
    // Prepare
    const emails = await eventWith('list-fields', [{}, {}, {}], 2);

    // Act
    const response = await list('list-fields');

    // Assess
    expect(response.status).toBe(200);
    const text = await response.text();
    const page = JSON.parse(text) as { items: Item[]; nextCursor: string | null };
    expect(page.items.map((item) => item.email)).toEqual(emails);
    expect(page.items.map((item) => item.status)).toEqual(['confirmed', 'pending_confirmation', 'confirmed']);
    expect(page.items[0]).toMatchObject({ reference: expect.stringMatching(/^DRUGS17-/), confirmedAt: expect.any(String), organization: 'Federal Ministry of the Interior' });
    expect(page.items[1]).toMatchObject({ reference: null, confirmedAt: null });
    expect(page.nextCursor).toBeNull();
    expect(text).not.toMatch(/token|hash|secret|emailKey|version|expiresAt|"pk"|"sk"/i);
  });

  it('filters by status, category and country', async () => {
    // Prepare
    await eventWith(
      'list-filters',
      [
        { category: 'participating_state', country: 'AT' },
        { category: 'participating_state', country: 'FR' },
        { category: 'partner_for_cooperation', country: 'JP' },
        { category: 'civil_society', country: undefined },
        { category: 'participating_state', country: 'AT' },
      ],
      2,
    );

    // Act
    const confirmed = await allPages('list-filters', '?status=confirmed');
    const austria = await allPages('list-filters', '?country=AT');
    const statesAustria = await allPages('list-filters', '?category=participating_state&country=AT&status=pending_confirmation');
    const partners = await allPages('list-filters', '?category=partner_for_cooperation');

    // Assess
    expect(confirmed.items).toHaveLength(3);
    expect(confirmed.items.every((item) => item.status === 'confirmed')).toBe(true);
    expect(austria.items).toHaveLength(2);
    expect(statesAustria.items).toHaveLength(0);
    expect(partners.items.map((item) => item.country)).toEqual(['JP']);
  });

  it('pages with an opaque cursor until nextCursor is null, each registration exactly once', async () => {
    // Prepare
    const emails = await eventWith('list-pages', Array.from({ length: 7 }, () => ({})));

    // Act
    const { items, pages } = await allPages('list-pages', '?limit=3');

    // Assess
    expect(items.map((item) => item.email)).toEqual(emails);
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('fills filtered pages, reading past the registrations that do not match, and pages on to every match', async () => {
    // Prepare
    await eventWith(
      'list-short-pages',
      Array.from({ length: 9 }, (_, index) => ({ category: index % 3 === 0 ? 'civil_society' : 'international_organization', country: undefined })),
    );

    // Act
    const { items, pages } = await allPages('list-short-pages', '?limit=2&category=civil_society');

    // Assess
    expect(items).toHaveLength(3);
    expect(pages).toBe(2);
  });

  it.each([
    ['a tampered cursor', (cursor: string) => `${cursor.slice(0, 10)}${cursor[10] === 'A' ? 'B' : 'A'}${cursor.slice(11)}`, ''],
    ['a made-up cursor', () => 'eyJxIjoiIiwiayI6e319.c2lnbmF0dXJl', ''],
    ['a cursor carried to another filter', (cursor: string) => cursor, '&status=confirmed'],
  ])('answers %s with 400 invalid_cursor', async (_label, alter, extraQuery) => {
    // Prepare
    await eventWith('list-cursor', [{}, {}, {}]);
    const first = (await (await list('list-cursor', '?limit=1')).json()) as { nextCursor: string };

    // Act
    const response = await list('list-cursor', `?limit=1&cursor=${encodeURIComponent(alter(first.nextCursor))}${extraQuery}`);

    // Assess
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_cursor');
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['status=deleted', 'status'],
    ['category=tourist', 'category'],
    ['country=austria', 'country'],
    ['sort=name', 'sort'],
  ])('answers ?%s with 400 validation_failed naming %s', async (query, field) => {
    // Act
    const response = await list('osce-drugs-2017', `?${query}`);

    // Assess
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.issues.map((issue) => issue.path)).toContain(field);
  });

  it('answers an unknown event with 404 event_not_found', async () => {
    // Act
    const response = await list('no-such-event');

    // Assess
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('event_not_found');
  });
});

describe('GET /events/{eventId}/registrations with Accept: text/csv', () => {
  it('exports every matching registration as RFC 4180 CSV with a header row', async () => {
    // Prepare
    await eventWith(
      'csv-export',
      [
        { organization: 'Ministry, "Interior"', lastName: 'Müller' },
        { dietaryRequirements: 'No nuts\nNo fish' },
        ...Array.from({ length: 120 }, () => ({})),
      ],
      0,
    );

    // Act
    const response = await list('csv-export', '', organizer, 'text/csv');

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const csv = await response.text();
    const [header, ...records] = parse(csv, { record_delimiter: '\r\n' }) as string[][];
    expect(header).toEqual(
      'registrationId,reference,status,createdAt,confirmedAt,emailStatus,title,firstName,lastName,email,phone,category,country,organization,position,language,arrivalDate,departureDate,dietaryRequirements,accessibilityNeeds,consentPrivacyNotice,consentParticipantList,consentPhotography'.split(','),
    );
    expect(records).toHaveLength(122);
    const column = (name: string) => header!.indexOf(name);
    expect(records.map((record) => record[column('organization')])).toContain('Ministry, "Interior"');
    expect(records.map((record) => record[column('dietaryRequirements')])).toContain('No nuts\nNo fish');
    expect(records.every((record) => record.length === header!.length)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  }, 60_000);

  it('neutralises cells that a spreadsheet would run as a formula, whichever separator it splits on', async () => {
    // Prepare: formulas at the start of a cell, and after a ';' or a tab where a spreadsheet splitting
    // on those would start a new cell.
    await eventWith('csv-formula', [
      { organization: '=HYPERLINK("http://evil.example","click")', position: '+1+1', firstName: '@SUM(A1)', lastName: '-2+3' },
      { organization: 'Ministry;=cmd|calc', position: 'Head;+1+1', dietaryRequirements: 'none\t@SUM(A1)' },
    ]);

    // Act
    const csv = await (await list('csv-formula', '', organizer, 'text/csv')).text();

    // Assess: read as European Excel does (';'), as a tab-separated reader would, and by the RFC (',').
    for (const delimiter of [',', ';', '\t']) {
      const cells = (parse(csv, { delimiter, record_delimiter: '\r\n', relax_quotes: true, relax_column_count: true }) as string[][]).slice(1).flat();
      expect(cells.filter((cell) => /^[=+@-]/.test(cell)), `split on ${JSON.stringify(delimiter)}`).toEqual([]);
    }
    const [header, first] = parse(csv, { record_delimiter: '\r\n' }) as string[][];
    expect(first![header!.indexOf('organization')]).toBe(`'=HYPERLINK("http://evil.example","click")`);
  });

  it('applies the filters to the export', async () => {
    // Prepare
    await eventWith('csv-filter', [{ country: 'AT' }, { country: 'DE' }, { country: 'AT' }]);

    // Act
    const csv = await (await list('csv-filter', '?country=DE', organizer, 'text/csv')).text();

    // Assess
    const [header, ...records] = parse(csv, { record_delimiter: '\r\n' }) as string[][];
    expect(records.map((record) => record[header!.indexOf('country')])).toEqual(['DE']);
  });
});
