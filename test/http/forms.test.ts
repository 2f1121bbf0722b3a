// Events that ask what they need: a form of their own, saved with PUT /events/{eventId}, answered
// under answers, checked by the event's compiled form, and kept readable when the form changes.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition } from '#shared/model/form-definition.ts';
import { uniqueEmail } from '../support/fixtures.ts';
import { hofburgForm, hofburgRegistration } from '../support/forms.ts';
import { manageToken, organizerCall, putEvent, registerAndConfirm } from '../support/journeys.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { waitForMail } from '../support/mailbox.ts';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.stop();
});

const inFrenchAndRussian = { languages: ['fr', 'ru'] as ('fr' | 'ru')[] };

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; issues?: { path: string; code: string; message: string }[] } }).error;
}

async function listed(eventId: string) {
  const response = await organizerCall(api, `/events/${eventId}/registrations?limit=100`);
  return ((await response.json()) as { items: Record<string, unknown>[] }).items;
}

describe('An event with a form of its own', () => {
  it('is saved with its form and shows it to the public, with the languages it offers', async () => {
    // Act
    const saved = await putEvent(api, 'forms-shown', { ...inFrenchAndRussian, form: hofburgForm() });
    const shown = await api.request('/events/forms-shown');

    // Assess
    expect(saved.status).toBe(201);
    const event = (await shown.json()) as { form: FormDefinition; languages: string[]; registration: { open: boolean }; accreditationRetentionDays: number };
    expect(event.form).toEqual(hofburgForm());
    expect(event.languages).toEqual(['fr', 'ru']);
    expect(event.registration.open).toBe(true);
    expect(event.accreditationRetentionDays).toBe(30);
  });

  it('gives an event without a form the standard form', async () => {
    // Act
    const event = (await (await api.request('/events/osce-drugs-2017')).json()) as { form: FormDefinition };

    // Assess
    expect(event.form.sections.map((section) => section.id)).toEqual(['about', 'represent', 'travel', 'needs']);
  });

  it('refuses a definition that breaks its rules with a 400 naming the place, and keeps the event as it was', async () => {
    // Prepare
    const form = hofburgForm();
    Object.assign(form.sections[2]!.fields[2]!, { showIf: { field: 'nationality', anyOf: ['FR'] } });
    (form.sections[3]!.fields[0] as { kind: string }).kind = 'fingerprint';

    // Act
    const response = await putEvent(api, 'forms-refused', { ...inFrenchAndRussian, form });

    // Assess
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('validation_failed');
    expect(error.issues?.map((issue) => issue.path)).toEqual(['form.sections.3.fields.0.kind']);
    expect((await api.request('/events/forms-refused')).status).toBe(404);
  });

  it('refuses to open registration with a text missing in one of its languages, and keeps a draft closed', async () => {
    // Prepare
    const form = hofburgForm();
    delete (form.sections[3]!.fields[1] as { label: Record<string, string> }).label.ru;
    const later = { opensAt: new Date(Date.now() + 86_400_000).toISOString() };

    // Act
    const open = await putEvent(api, 'forms-untranslated', { ...inFrenchAndRussian, form });
    const draft = await putEvent(api, 'forms-untranslated', { ...inFrenchAndRussian, form, registration: later });
    const opened = await putEvent(api, 'forms-untranslated', { ...inFrenchAndRussian, form, registration: {} });

    // Assess
    expect(open.status).toBe(400);
    expect((await errorOf(open)).issues).toEqual([
      { path: 'form.sections.3.fields.1.label.ru', code: 'missing_translation', message: expect.stringContaining('incomplete translation') },
    ]);
    expect(draft.status).toBe(201);
    expect(opened.status).toBe(400);
    const shown = (await (await api.request('/events/forms-untranslated')).json()) as { registration: { open: boolean } };
    expect(shown.registration.open).toBe(false);
  });

  it('takes a registration with answers, and lists them for organizers', async () => {
    // Prepare
    await putEvent(api, 'forms-answered', { ...inFrenchAndRussian, form: hofburgForm() });
    const email = uniqueEmail();

    // Act
    const response = await api.postJson('/events/forms-answered/registrations', hofburgRegistration({ email }));

    // Assess
    expect(response.status).toBe(202);
    const [item] = (await listed('forms-answered')).filter((entry) => entry.email === email);
    expect(item?.answers).toMatchObject({ sideEvents: ['darknet'], needsVisa: true, visaEmbassy: 'Embassy of Austria, Moscow' });
  });

  it('exports the answers as CSV columns in the form\'s order', async () => {
    // Prepare
    await putEvent(api, 'forms-csv', { ...inFrenchAndRussian, form: hofburgForm() });
    expect((await api.postJson('/events/forms-csv/registrations', hofburgRegistration({ email: uniqueEmail() }))).status).toBe(202);

    // Act
    const response = await organizerCall(api, '/events/forms-csv/registrations', { headers: { accept: 'text/csv' } });

    // Assess
    expect(response.status).toBe(200);
    const [header, row] = parse(await response.text(), { record_delimiter: '\r\n' }) as string[][];
    const answerColumns = header!.flatMap((column, index) => (column.startsWith('answer.') ? [[column, row![index]]] : []));
    expect(answerColumns).toEqual([
      ['answer.sideEvents', 'darknet'],
      ['answer.needsVisa', 'true'],
      ['answer.visaEmbassy', 'Embassy of Austria, Moscow'],
    ]);
  });

  it('refuses answers that break the form, naming the custom field by its path, and stores nothing', async () => {
    // Prepare
    await putEvent(api, 'forms-wrong', { ...inFrenchAndRussian, form: hofburgForm() });
    const email = uniqueEmail();

    // Act
    const missing = await api.postJson('/events/forms-wrong/registrations', hofburgRegistration({ email }, { passportNumber: undefined }));
    const hidden = await api.postJson('/events/forms-wrong/registrations', hofburgRegistration({ email }, { needsVisa: false }));
    const unknown = await api.postJson('/events/forms-wrong/registrations', hofburgRegistration({ email }, { shoeSize: 42 }));

    // Assess
    expect([missing.status, hidden.status, unknown.status]).toEqual([400, 400, 400]);
    expect((await errorOf(missing)).issues).toEqual([{ path: 'answers.passportNumber', code: 'invalid_type', message: 'Required' }]);
    expect((await errorOf(hidden)).issues).toEqual([{ path: 'answers.visaEmbassy', code: 'not_asked', message: expect.stringContaining('needsVisa') }]);
    expect((await errorOf(unknown)).issues?.[0]).toMatchObject({ path: 'answers.shoeSize', code: 'unrecognized_key' });
    expect(await listed('forms-wrong')).toEqual([]);
  });

  it('keeps the answers to a question the form no longer asks, and lets the participant correct the others', async () => {
    // Prepare
    await putEvent(api, 'forms-changed', { ...inFrenchAndRussian, form: hofburgForm() });
    const person = await registerAndConfirm(api, 'forms-changed', hofburgRegistration());
    const shorter = hofburgForm();
    shorter.sections[2]!.fields.splice(0, 1);

    // Act
    const saved = await putEvent(api, 'forms-changed', { ...inFrenchAndRussian, form: shorter });
    const corrected = await api.postJson('/registrations/update', { token: person.manage, changes: { answers: { needsVisa: false } } });

    // Assess
    expect(saved.status).toBe(200);
    expect(corrected.status).toBe(200);
    const [item] = await listed('forms-changed');
    // The visa embassy went with the participant's own change (it is asked only with a visa); the side events stay.
    expect(item?.answers).toMatchObject({ sideEvents: ['darknet'], needsVisa: false });
    expect(item?.answers).not.toHaveProperty('visaEmbassy');
  });

  it('refuses to change the kind of a question registrations have answered', async () => {
    // Prepare
    await putEvent(api, 'forms-kind', { ...inFrenchAndRussian, form: hofburgForm() });
    const email = uniqueEmail();
    await api.postJson('/events/forms-kind/registrations', hofburgRegistration({ email }));
    await waitForMail(api.sesEndpoint, email);
    const changed = hofburgForm();
    Object.assign(changed.sections[2]!.fields[0]!, { kind: 'short_text', choices: undefined });

    // Act
    const response = await putEvent(api, 'forms-kind', { ...inFrenchAndRussian, form: changed });

    // Assess
    expect(response.status).toBe(400);
    expect((await errorOf(response)).issues).toEqual([{ path: 'form.sections.2.fields.0.kind', code: 'answered', message: expect.any(String) }]);
  });

  it('answers the manage link of a custom form in the participant\'s language', async () => {
    // Prepare
    await putEvent(api, 'forms-manage', { ...inFrenchAndRussian, form: hofburgForm() });
    const person = await registerAndConfirm(api, 'forms-manage', hofburgRegistration({ language: 'ru' }));

    // Act
    const page = await api.request(`/manage?token=${encodeURIComponent(manageToken(person.mails.at(-1)!))}`);

    // Assess
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<dt>Параллельные мероприятия</dt><dd>Рынки даркнета</dd>');
    expect(html).toContain('<dt>Нужна ли вам виза?</dt><dd>Да</dd>');
    expect(html.indexOf('Параллельные мероприятия')).toBeLessThan(html.indexOf('Посольство'));
    // The accreditation answers are kept apart and not shown back, not even to the participant.
    expect(html).not.toContain('Номер паспорта');
    expect(html).not.toContain('18AB12345');
  });
});
