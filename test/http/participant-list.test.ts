import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail, validForm } from '../support/fixtures.ts';
import { inviteFocalPoints, nominate, nominationToken } from '../support/delegation-journeys.ts';
import { organizerCall, putEvent, register, registerAndConfirm, registrationsOf } from '../support/journeys.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { linkToken, waitForMail } from '../support/mailbox.ts';
import { passportQuestion, standardFormWith, yesNoQuestion } from '../support/forms.ts';

let api: TestApi;
let berger: string;

beforeAll(async () => {
  api = await startTestApi();
  // Prepare (shared): a head of delegation nominated by the Russian Federation, who registers through the invitation;
  // participants of two States, a Partner and an organization; one who did not consent; one who never confirmed.
  await putEvent(api, 'official-list', {
    delegations: { nominationsCloseAt: new Date(Date.now() + 86_400_000).toISOString() },
    visaLetter: { letterhead: 'Organization for Security and Co-operation in Europe, Secretariat', signatoryName: 'Erika Muster', signatoryTitle: 'Head of Conference Services' },
  });
  const [focal] = await inviteFocalPoints(api, 'official-list', [{ entityId: 'RU', email: uniqueEmail('focal-ru') }]);
  const head = uniqueEmail('head');
  expect((await nominate(api, focal!, { email: head, role: 'head', name: 'Иван Петров', language: 'ru' })).status).toBe(201);
  const invitation = (await waitForMail(api.sesEndpoint, head, 1))[0]!;
  await api.postJson('/events/official-list/registrations', validForm({ email: head, title: 'H.E.', firstName: 'Иван', lastName: 'Петров', country: 'RU', organization: 'МИД России', position: 'Посол', language: 'ru', nomination: nominationToken(invitation) }));
  await api.postJson('/registrations/confirm', { token: linkToken((await waitForMail(api.sesEndpoint, head, 2)).at(-1)!) });
  await registerAndConfirm(api, 'official-list', { firstName: 'Alexei', lastName: 'Abramov', country: 'RU', organization: 'Ministry of Internal Affairs' });
  berger = (await registerAndConfirm(api, 'official-list', { firstName: 'Anna', lastName: 'Berger', country: 'AT' })).manage;
  await registerAndConfirm(api, 'official-list', { firstName: 'Josef', lastName: 'Aigner', country: 'AT' });
  await registerAndConfirm(api, 'official-list', { category: 'partner_for_cooperation', country: 'JP', firstName: 'Yuki', lastName: 'Tanaka', organization: 'Ministry of Foreign Affairs of Japan' });
  await registerAndConfirm(api, 'official-list', { category: 'international_organization', country: undefined, firstName: 'Maria', lastName: 'Rossi', organization: 'UNODC' });
  await registerAndConfirm(api, 'official-list', { firstName: 'Private', lastName: 'Person', country: 'AT', consents: { privacyNotice: true, participantList: false, photography: false } });
  await register(api, 'official-list', { firstName: 'Never', lastName: 'Confirmed', country: 'AT' });
}, 180_000);
afterAll(async () => {
  await api.stop();
});

const expectedOrder = ['Austria', 'Josef Aigner', 'Anna Berger', 'Russian Federation', 'Иван Петров', 'Alexei Abramov', 'Japan', 'Yuki Tanaka', 'UNODC', 'Maria Rossi'];

/** The letter's text as one line: the PDF wraps its lines where the page ends. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

function inOrder(text: string, parts: readonly string[]): number[] {
  return parts.map((part) => text.indexOf(part));
}

describe('The official list of participants', () => {
  it('prints as a PDF grouped by delegation in the OSCE order, heads first, only those who consented, Cyrillic included', async () => {
    // Act
    const response = await organizerCall(api, '/events/official-list/participant-list?format=pdf', {}, ['viewers']);

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
    const { text } = await extractText(pdf, { mergePages: true });
    const positions = inOrder(text, expectedOrder);
    expect(positions.every((position) => position >= 0), `${text}`).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('H.E. Иван Петров (Head of Delegation)');
    expect(text).toContain('Посол, МИД России');
    expect(text).not.toContain('Private Person');
    expect(text).not.toContain('Never Confirmed');
  }, 120_000);

  it('exports the same list as XLSX, row by row', async () => {
    // Act
    const response = await organizerCall(api, '/events/official-list/participant-list?format=xlsx');

    // Assess
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]!.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1, 6));
    expect(rows).toEqual([
      ['Austria', 'Dr Josef Aigner', 'Head of Unit', 'Federal Ministry of the Interior', false],
      ['Austria', 'Dr Anna Berger', 'Head of Unit', 'Federal Ministry of the Interior', false],
      ['Russian Federation', 'H.E. Иван Петров', 'Посол', 'МИД России', true],
      ['Russian Federation', 'Dr Alexei Abramov', 'Head of Unit', 'Ministry of Internal Affairs', false],
      ['Japan', 'Dr Yuki Tanaka', 'Head of Unit', 'Ministry of Foreign Affairs of Japan', false],
      ['UNODC', 'Dr Maria Rossi', 'Head of Unit', 'UNODC', false],
    ]);
  }, 120_000);

  it('gives organizers a participant\'s visa support letter in their language, with the event\'s letterhead and signatory', async () => {
    // Prepare
    const head = ((await registrationsOf(api, 'official-list')) as unknown as { registrationId: string; lastName: string }[]).find((item) => item.lastName === 'Петров')!;

    // Act
    const response = await organizerCall(api, `/events/official-list/registrations/${head.registrationId}/visa-letter`, {}, ['viewers']);

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="official-list-visa-letter-DRUGS17-/);
    const text = oneLine((await extractText(await getDocumentProxy(new Uint8Array(await response.arrayBuffer())), { mergePages: true })).text);
    expect(text).toContain('Organization for Security and Co-operation in Europe, Secretariat');
    expect(text).toContain('Письмо в поддержку визового запроса');
    expect(text).toContain('H.E. Иван Петров (Посол, МИД России)');
    expect(text).toContain('Erika Muster');
  }, 120_000);

  it('lets a participant download their own letter from the manage page, and refuses one without a confirmed place', async () => {
    // Prepare
    const page = await (await api.request(`/manage?token=${encodeURIComponent(berger)}`)).text();
    const unconfirmed = (await registrationsOf(api, 'official-list', '&status=pending_confirmation'))[0]!;

    // Act
    const own = await api.request(`/registrations/visa-letter?token=${encodeURIComponent(berger)}`);
    const refused = await organizerCall(api, `/events/official-list/registrations/${unconfirmed.registrationId}/visa-letter`);

    // Assess
    expect(page).toContain(`href="/registrations/visa-letter?token=${encodeURIComponent(berger)}"`);
    expect(own.status).toBe(200);
    const text = oneLine((await extractText(await getDocumentProxy(new Uint8Array(await own.arrayBuffer())), { mergePages: true })).text);
    expect(text).toContain('Visa support letter');
    expect(text).toContain('This is to confirm that Dr Anna Berger (Head of Unit, Federal Ministry of the Interior) is registered');
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: 'invalid_transition' } });
  }, 120_000);

  it('gives a letter only to a participant who asked for one where the form asks, and refuses a visa question that is not a yes/no one', async () => {
    // Prepare: the event asks "Do you need a visa support letter?"; Lena says yes, Omar says no
    const letters = { letterhead: 'OSCE Secretariat', signatoryName: 'Erika Muster', signatoryTitle: 'Head of Conference Services' };
    const form = standardFormWith(yesNoQuestion('needsVisa'), passportQuestion());
    await putEvent(api, 'visa-asked', { form, visaLetter: { ...letters, requestedBy: 'needsVisa' } });
    const lena = await registerAndConfirm(api, 'visa-asked', { firstName: 'Lena', answers: { needsVisa: true } });
    const omar = await registerAndConfirm(api, 'visa-asked', { firstName: 'Omar', answers: { needsVisa: false } });
    const omarId = (await registrationsOf(api, 'visa-asked')).find((registration) => registration.email === omar.email)!.registrationId;

    // Act
    const lenasPage = await (await api.request(`/manage?token=${encodeURIComponent(lena.manage)}`)).text();
    const omarsPage = await (await api.request(`/manage?token=${encodeURIComponent(omar.manage)}`)).text();
    const lenasLetter = await api.request(`/registrations/visa-letter?token=${encodeURIComponent(lena.manage)}`);
    const omarsLetter = await organizerCall(api, `/events/visa-asked/registrations/${omarId}/visa-letter`);
    const missing = await organizerCall(api, '/events/visa-asked', { method: 'PUT', body: JSON.stringify({ ...(await (await organizerCall(api, '/events/visa-asked/settings')).json()), visaLetter: { ...letters, requestedBy: 'nowhere' } }) });
    const apart = await organizerCall(api, '/events/visa-asked', { method: 'PUT', body: JSON.stringify({ ...(await (await organizerCall(api, '/events/visa-asked/settings')).json()), visaLetter: { ...letters, requestedBy: 'passportNumber' } }) });

    // Assess
    expect(lenasPage).toContain('href="/registrations/visa-letter?token=');
    expect(omarsPage).not.toContain('/registrations/visa-letter');
    expect(lenasLetter.status).toBe(200);
    expect(omarsLetter.status).toBe(409);
    expect(await omarsLetter.json()).toMatchObject({ error: { code: 'visa_letter_not_requested' } });
    for (const refused of [missing, apart]) {
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ error: { code: 'validation_failed', issues: [{ path: 'visaLetter.requestedBy' }] } });
    }
  }, 120_000);

  it('lists a nominee withdrawn after registering by their own form, not as their delegation\'s head', async () => {
    // Prepare: Germany's head registers through the invitation, then the focal point withdraws the nomination
    await putEvent(api, 'official-withdrawn', { delegations: { nominationsCloseAt: new Date(Date.now() + 86_400_000).toISOString() } });
    const [focal] = await inviteFocalPoints(api, 'official-withdrawn', [{ entityId: 'DE', email: uniqueEmail('focal-de') }]);
    const head = uniqueEmail('head');
    const placed = (await (await nominate(api, focal!, { email: head, role: 'head', name: 'Klara Vogel' })).json()) as { nomination: { nominationId: string } };
    const invitation = (await waitForMail(api.sesEndpoint, head, 1))[0]!;
    await api.postJson('/events/official-withdrawn/registrations', validForm({ email: head, firstName: 'Klara', lastName: 'Vogel', country: 'AT', nomination: nominationToken(invitation) }));
    await api.postJson('/registrations/confirm', { token: linkToken((await waitForMail(api.sesEndpoint, head, 2)).at(-1)!) });
    expect((await api.postJson('/delegations/withdraw', { token: focal, nominationId: placed.nomination.nominationId })).status).toBe(200);

    // Act
    const response = await organizerCall(api, '/events/official-withdrawn/participant-list?format=pdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await response.arrayBuffer())), { mergePages: true });

    // Assess: listed under the State her form names, and no head of delegation any more
    expect(response.status).toBe(200);
    expect(inOrder(text, ['Austria', 'Klara Vogel']).every((position) => position >= 0)).toBe(true);
    expect(text).not.toContain('Germany');
    expect(text).not.toContain('Head of Delegation');
  }, 120_000);

  it('refuses a format it does not make', async () => {
    // Act
    const response = await organizerCall(api, '/events/official-list/participant-list?format=docx');

    // Assess
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });
});
