// What the console's registrations table asks of the list: search by name, organization or address
// (case and accents aside), sort by any column and page through the sorted list, the moderator's
// queue from the status index, and the CSV and XLSX exports of exactly the same filter, search and
// sort. The XLSX file is read back with exceljs, as a spreadsheet would open it.
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportColumns } from '#shared/actions/list-registrations.ts';
import { seedEvent } from '#shared/model/seed-event.ts';
import { emailKey } from '#shared/model/tokens.ts';
import { runtime } from '#shared/runtime/runtime.ts';
import { keys } from '#shared/store/table.ts';
import { uniqueEmail, validForm } from '../support/fixtures.ts';
import { confirm, organizerCall, type Registered } from '../support/journeys.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { linkToken, waitForMail } from '../support/mailbox.ts';

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

interface Item {
  registrationId: string;
  status: string;
  email: string;
  firstName: string;
  lastName: string;
  organization?: string;
  country?: string;
}

/** Registers the form with an address of its own, starting with `label`, and reads the link from the e-mail. */
async function register(api: TestApi, eventId: string, form: Record<string, unknown>, label = 'delegate'): Promise<Registered> {
  const email = uniqueEmail(label);
  expect((await api.postJson(`/events/${eventId}/registrations`, validForm({ ...form, email }))).status).toBe(202);
  const mails = await waitForMail(api.sesEndpoint, email);
  return { email, confirmToken: linkToken(mails[0]!), mails };
}

/** Registers each form for a new event (approval required, so a confirmed address awaits a decision); `confirmed` lists which to confirm. */
async function eventWith(eventId: string, forms: Record<string, unknown>[], confirmed: (index: number) => boolean = () => false): Promise<Registered[]> {
  await runtime().events.put({ ...seedEvent, id: eventId, approval: 'required' });
  const people: Registered[] = [];
  for (const [index, form] of forms.entries()) {
    const { label, ...fields } = form as { label?: string };
    const person = await register(api, eventId, fields, label);
    if (confirmed(index)) await confirm(api, person);
    people.push(person);
  }
  return people;
}

async function page(eventId: string, query: string) {
  const response = await organizerCall(api, `/events/${eventId}/registrations?${query}`, {}, ['viewers']);
  expect(response.status).toBe(200);
  return (await response.json()) as { items: Item[]; nextCursor: string | null };
}

async function everyPage(eventId: string, query: string, from: string | null = null): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = [];
  let cursor = from;
  let pages = 0;
  do {
    const next = await page(eventId, `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...next.items);
    cursor = next.nextCursor;
    pages++;
  } while (cursor && pages < 50);
  return { items, pages };
}

async function exported(eventId: string, query: string, accept: string) {
  const response = await organizerCall(api, `/events/${eventId}/registrations?${query}`, { headers: { accept } }, ['viewers']);
  expect(response.status).toBe(200);
  return response;
}

describe('search (q)', () => {
  let people: Registered[];
  beforeAll(async () => {
    people = await eventWith('search', [
      { firstName: 'Anna', lastName: 'Müller', organization: 'Federal Ministry of the Interior' },
      { firstName: 'Sofía', lastName: 'García', organization: 'Ministère de l’Intérieur' },
      { firstName: 'Ivan', lastName: 'Ёлкин', organization: 'Ministry of Foreign Affairs' },
      { firstName: 'John', lastName: 'Smith', organization: 'Permanent Mission', label: 'focal.point' },
    ], (index) => index % 2 === 0);
  }, 60_000);

  it.each([
    ['muller', ['Müller']],
    ['MÜLLER', ['Müller']],
    ['anna mul', ['Müller']],
    ['SOFIA', ['García']],
    ['garcia', ['García']],
    ['ministere de l', ['García']],
    ['ministry', ['Müller', 'Ёлкин']],
    ['елк', ['Ёлкин']],
    ['focal.point', ['Smith']],
    ['@example.org', ['Müller', 'García', 'Ёлкин', 'Smith']],
    ['nobody at all', []],
  ])('q=%s finds %j, in registration order', async (q, lastNames) => {
    // Act
    const { items } = await everyPage('search', `q=${encodeURIComponent(q)}`);

    // Assess
    expect(items.map((item) => item.lastName)).toEqual(lastNames);
  });

  it('searches within a status filter, and a blank search is no search', async () => {
    // Act
    const awaiting = await everyPage('search', `status=awaiting_approval&q=ministry`);
    const blank = await everyPage('search', 'q=%20%20');

    // Assess
    expect(awaiting.items.map((item) => item.lastName)).toEqual(['Müller', 'Ёлкин']);
    expect(blank.items).toHaveLength(people.length);
  });

  it('fills a page with matches that come after many others, and goes on from the last one shown', async () => {
    // Prepare: ten others first, then three that match.
    await eventWith('search-far', [...Array.from({ length: 10 }, () => ({ lastName: 'Delegate' })), ...['Needle', 'Needleman', 'Needles'].map((lastName) => ({ lastName }))]);

    // Act
    const first = await page('search-far', 'q=needle&limit=2');
    const all = await everyPage('search-far', 'q=needle&limit=2');

    // Assess: a page that read only its first two registrations would have found none.
    expect(first.items.map((item) => item.lastName)).toEqual(['Needle', 'Needleman']);
    expect(all.items.map((item) => item.lastName)).toEqual(['Needle', 'Needleman', 'Needles']);
    expect(all.pages).toBe(2);
  }, 60_000);

  it('refuses a search of more than 100 characters', async () => {
    // Act
    const response = await organizerCall(api, `/events/search/registrations?q=${'a'.repeat(101)}`);

    // Assess
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path).toBe('q');
  });
});

describe('sort', () => {
  beforeAll(async () => {
    await eventWith('sort', [
      { lastName: 'Zeller', organization: 'OSCE Secretariat', country: 'AT' },
      { lastName: 'ábrahám', organization: 'Europol', category: 'international_organization', country: undefined },
      { lastName: 'Berger', organization: 'Ministry of Justice', country: 'DE' },
      { lastName: 'Łukasz', organization: 'ministry of health', country: 'PL' },
      { lastName: 'berger', organization: 'Auswärtiges Amt', country: 'DE' },
    ], (index) => index >= 3);
  }, 60_000);

  it.each([
    ['lastName', ['ábrahám', 'Berger', 'berger', 'Łukasz', 'Zeller']],
    ['-lastName', ['Zeller', 'Łukasz', 'Berger', 'berger', 'ábrahám']],
    ['organization', ['berger', 'ábrahám', 'Łukasz', 'Berger', 'Zeller']],
    ['-organization', ['Zeller', 'Berger', 'Łukasz', 'ábrahám', 'berger']],
    // Without a country (an international organization) last, whichever the direction.
    ['country', ['Zeller', 'Berger', 'berger', 'Łukasz', 'ábrahám']],
    ['-country', ['Łukasz', 'Berger', 'berger', 'Zeller', 'ábrahám']],
    // Statuses in the order of the lifecycle.
    ['status', ['Zeller', 'ábrahám', 'Berger', 'Łukasz', 'berger']],
    ['-status', ['Łukasz', 'berger', 'Zeller', 'ábrahám', 'Berger']],
    ['createdAt', ['Zeller', 'ábrahám', 'Berger', 'Łukasz', 'berger']],
    ['-createdAt', ['berger', 'Łukasz', 'Berger', 'ábrahám', 'Zeller']],
  ])('sort=%s orders %j, the same page by page as in one', async (sort, lastNames) => {
    // Act
    const whole = await everyPage('sort', `sort=${sort}&limit=100`);
    const paged = await everyPage('sort', `sort=${sort}&limit=2`);

    // Assess
    expect(whole.items.map((item) => item.lastName)).toEqual(lastNames);
    expect(paged.items.map((item) => item.lastName)).toEqual(lastNames);
    expect(paged.pages).toBeGreaterThanOrEqual(3);
  });

  it('sorts within the filters and the search', async () => {
    // Act
    const { items } = await everyPage('sort', 'sort=-lastName&country=DE&q=berger');

    // Assess: ties (Berger, berger) stay in registration order.
    expect(items.map((item) => item.organization)).toEqual(['Ministry of Justice', 'Auswärtiges Amt']);
  });

  it('refuses an unknown sort, and a cursor carried over to another sort', async () => {
    // Prepare
    const first = await page('sort', 'sort=lastName&limit=2');

    // Act
    const unknown = await organizerCall(api, '/events/sort/registrations?sort=email');
    const carried = await organizerCall(api, `/events/sort/registrations?sort=-lastName&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);

    // Assess
    expect(unknown.status).toBe(400);
    expect(carried.status).toBe(400);
    expect(((await carried.json()) as { error: { code: string } }).error.code).toBe('invalid_cursor');
  });

  it('goes on after the last one shown when the sorted list changed between pages', async () => {
    // Prepare: the first page, then a registration that sorts before everyone.
    const first = await page('sort', 'sort=lastName&limit=2');
    await register(api, 'sort', { lastName: 'Aaron' });

    // Act
    const rest = await everyPage('sort', 'sort=lastName&limit=2', first.nextCursor);

    // Assess: nobody shown twice, nobody skipped among those already there.
    expect([...first.items, ...rest.items].map((item) => item.lastName)).toEqual(['ábrahám', 'Berger', 'berger', 'Łukasz', 'Zeller']);
  });
});

describe('the status index', () => {
  it('serves the moderator\'s queue, oldest first, in one page however many others the event holds', async () => {
    // Prepare: twelve registrations, the three awaiting approval registered last.
    await eventWith('queue', Array.from({ length: 12 }, (_, index) => ({ lastName: `Delegate ${String(index).padStart(2, '0')}` })), (index) => index >= 9);

    // Act: a page the size of the queue.
    const queue = await page('queue', 'status=awaiting_approval&sort=createdAt&limit=3');
    const newestFirst = await page('queue', 'status=awaiting_approval&sort=-createdAt&limit=3');

    // Assess: a filter applied after reading would have read the first three registrations and found none.
    expect(queue.items.map((item) => item.lastName)).toEqual(['Delegate 09', 'Delegate 10', 'Delegate 11']);
    expect(newestFirst.items.map((item) => item.lastName)).toEqual(['Delegate 11', 'Delegate 10', 'Delegate 09']);
  }, 60_000);

  it('follows every status change, and reconcile indexes registrations written before the index', async () => {
    // Prepare: two awaiting approval; one loses its index keys and search text, as if written by the version before them.
    const [, second] = await eventWith('reindex', [{ lastName: 'Older' }, { lastName: 'Newer' }], () => true);
    const item = keys.registration('reindex', emailKey(second!.email));
    await runtime().clients.dynamo.send(
      new UpdateItemCommand({ TableName: api.stack.tableName, Key: { pk: { S: item.pk }, sk: { S: item.sk } }, UpdateExpression: 'REMOVE gsi4pk, gsi4sk, searchText' }),
    );
    const before = await everyPage('reindex', 'status=awaiting_approval');
    const unsearchable = await everyPage('reindex', 'q=newer');

    // Act
    const reconcile = await organizerCall(api, '/events/reindex/reconcile', { method: 'POST' });
    const after = await everyPage('reindex', 'status=awaiting_approval');
    const found = await everyPage('reindex', 'q=newer');
    const rejected = (await everyPage('reindex', 'status=awaiting_approval')).items.find((entry) => entry.lastName === 'Older')!;
    const { revision } = (await (await organizerCall(api, `/events/reindex/registrations/${rejected.registrationId}`)).json()) as { revision: string };
    await organizerCall(api, `/events/reindex/registrations/${rejected.registrationId}/reject`, { method: 'POST', headers: { 'if-match': `"${revision}"` } });

    // Assess
    expect(before.items.map((entry) => entry.lastName)).toEqual(['Older']);
    expect(unsearchable.items).toEqual([]);
    expect(((await reconcile.json()) as { reindexed: number }).reindexed).toBe(1);
    expect(after.items.map((entry) => entry.lastName)).toEqual(['Older', 'Newer']);
    expect(found.items.map((entry) => entry.lastName)).toEqual(['Newer']);
    expect((await everyPage('reindex', 'status=awaiting_approval')).items.map((entry) => entry.lastName)).toEqual(['Newer']);
    expect((await everyPage('reindex', 'status=rejected')).items.map((entry) => entry.lastName)).toEqual(['Older']);
  }, 60_000);
});

describe('the exports', () => {
  beforeAll(async () => {
    await eventWith('exports', [
      { lastName: 'Zeller', organization: '=HYPERLINK("http://evil.example","click")', position: '+1+1' },
      { lastName: 'Adler', organization: 'Ministry;=cmd|calc', firstName: '@SUM(A1)' },
      { lastName: 'Moser', organization: 'OSCE Secretariat', consents: { privacyNotice: true, participantList: false, photography: true } },
      { lastName: 'Berger', organization: 'Other', country: 'DE' },
    ], (index) => index < 3);
  }, 60_000);

  const query = 'status=awaiting_approval&sort=lastName&q=' + encodeURIComponent('e');

  it('export as CSV exactly what the list shows, in its order', async () => {
    // Prepare
    const listed = (await everyPage('exports', query)).items.map((item) => item.registrationId);

    // Act
    const response = await exported('exports', query, 'text/csv');

    // Assess
    const [header, ...rows] = parse(await response.text(), { record_delimiter: '\r\n' }) as string[][];
    expect(header).toEqual([...exportColumns]);
    expect(rows.map((row) => row[0])).toEqual(listed);
    expect(rows.map((row) => row[header!.indexOf('lastName')])).toEqual(['Adler', 'Moser', 'Zeller']);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="exports-registrations.csv"');
  });

  it('export as XLSX the same rows and values, with a header row, booleans as booleans and no formula anywhere', async () => {
    // Prepare
    const csv = parse(await (await exported('exports', query, 'text/csv')).text(), { record_delimiter: '\r\n' }) as string[][];

    // Act
    const response = await exported('exports', query, xlsx);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);

    // Assess
    expect(response.headers.get('content-type')).toBe(xlsx);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="exports-registrations.xlsx"');
    const sheet = workbook.getWorksheet('Registrations')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const [header, ...records] = rows;
    expect(header).toEqual([...exportColumns]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(records).toHaveLength(3);
    // Every cell reads as the CSV's (booleans as TRUE/FALSE, empty cells empty).
    const asText = (value: unknown) => (value === undefined || value === null ? '' : String(value));
    expect(records.map((record) => header!.map((_, column) => asText(record[column])))).toEqual(csv.slice(1));
    const column = (name: string) => header!.indexOf(name);
    expect(records.map((record) => record[column('consentParticipantList')])).toEqual([true, false, true]);
    expect(records[0]![column('organization')]).toBe("Ministry;'=cmd|calc");
    expect(records[0]![column('firstName')]).toBe("'@SUM(A1)");
    expect(records[2]![column('organization')]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(records[2]![column('position')]).toBe("'+1+1");
    const formulas: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => (cell.type === ExcelJS.ValueType.Formula ? formulas.push(cell.address) : undefined)));
    expect(formulas).toEqual([]);
  });

  it('refuses a cursor with an export', async () => {
    // Prepare
    const first = await page('exports', 'limit=1');

    // Act
    const response = await organizerCall(api, `/events/exports/registrations?cursor=${encodeURIComponent(first.nextCursor!)}`, { headers: { accept: xlsx } });

    // Assess
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_cursor');
  });

  it('answers JSON when Accept names JSON first', async () => {
    // Act
    const response = await exported('exports', 'limit=1', `application/json, ${xlsx}`);

    // Assess
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
