import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runtime } from '#shared/runtime/runtime.ts';
import { seedEvent } from '#shared/model/seed-event.ts';
import { validForm, uniqueEmail } from '../support/fixtures.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { linkToken, mailTo, settledMail, waitForMail } from '../support/mailbox.ts';

const path = '/events/osce-drugs-2017/registrations';
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.stop();
});

async function listAll(): Promise<Record<string, unknown>[]> {
  const token = await api.organizerToken();
  const response = await api.request(`${path}?limit=100`, { headers: { authorization: `Bearer ${token}` } });
  return ((await response.json()) as { items: Record<string, unknown>[] }).items;
}

async function registrationOf(email: string) {
  return (await listAll()).filter((item) => String(item.email).toLowerCase() === email.toLowerCase());
}

/** Status, headers that matter and body bytes: what a client could use to tell answers apart. */
async function observable(response: Response) {
  const headers = [...response.headers.entries()].filter(([name]) => name !== 'date');
  return { status: response.status, headers, body: await response.text() };
}

describe('POST /events/{eventId}/registrations', () => {
  it('accepts a new registration with 202 and mails a confirmation link', async () => {
    // Prepare
    const form = validForm();

    // Act
    const response = await api.postJson(path, form);

    // Assess
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('{"status":"pending_confirmation"}');
    const [mail] = await waitForMail(api.sesEndpoint, String(form.email));
    expect(mail?.subject).toContain('Please confirm your registration');
    expect(mail?.body.text).toContain(`${api.baseUrl}/confirm?token=`);
    expect(mail?.body.html).toContain(`${api.baseUrl}/confirm?token=`);
    const [stored] = await registrationOf(String(form.email));
    expect(stored).toMatchObject({ status: 'pending_confirmation', firstName: 'Anna', country: 'AT', reference: null });
  });

  it('mails in the language the participant chose', async () => {
    // Prepare
    const form = validForm({ language: 'ru' });

    // Act
    await api.postJson(path, form);

    // Assess
    const [mail] = await waitForMail(api.sesEndpoint, String(form.email));
    expect(mail?.subject).toMatch(/[а-яА-Я]/);
    expect(mail?.body.html).toContain('lang="ru"');
  });

  it('answers byte-for-byte the same for a new, a pending, a confirmed address and a filled honeypot', async () => {
    // Prepare
    const email = uniqueEmail();
    const answers = [];

    // Act
    answers.push(await observable(await api.postJson(path, validForm({ email }))));
    await waitForMail(api.sesEndpoint, email, 1);
    answers.push(await observable(await api.postJson(path, validForm({ email }))));
    const [, second] = await waitForMail(api.sesEndpoint, email, 2);
    await api.postJson('/registrations/confirm', { token: linkToken(second!) });
    answers.push(await observable(await api.postJson(path, validForm({ email }))));
    answers.push(await observable(await api.postJson(path, validForm({ website: 'http://spam.example' }))));

    // Assess
    expect(answers[0]!.status).toBe(202);
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
  });

  it('stores nothing and sends nothing when the honeypot is filled, whatever else the body holds', async () => {
    // Prepare
    const email = uniqueEmail('bot');

    // Act
    const response = await api.postJson(path, { email, website: 'buy-now.example', firstName: 42, extra: true });

    // Assess
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('{"status":"pending_confirmation"}');
    expect(await settledMail(api.sesEndpoint, email, 0)).toHaveLength(0);
    expect(await registrationOf(email)).toHaveLength(0);
  });

  it('sends a fresh link to a pending address and keeps the newest data; the link mailed first keeps working and shows it', async () => {
    // Prepare
    const email = uniqueEmail();
    await api.postJson(path, validForm({ email, organization: 'Ministry of Justice' }));
    const [first] = await waitForMail(api.sesEndpoint, email);

    // Act
    await api.postJson(path, validForm({ email: email.toUpperCase(), organization: 'Ministry of Health' }));

    // Assess
    const mails = await waitForMail(api.sesEndpoint, email, 2);
    expect(mails).toHaveLength(2);
    expect(linkToken(mails[1]!)).not.toBe(linkToken(first!));
    const registrations = await registrationOf(email);
    expect(registrations).toHaveLength(1);
    expect(registrations[0]).toMatchObject({ organization: 'Ministry of Health', status: 'pending_confirmation' });
    // Whoever submitted again cannot take the owner's first link away; its page shows what it confirms.
    const page = await (await api.request(`/confirm?token=${encodeURIComponent(linkToken(first!))}`)).text();
    expect(page).toContain('Ministry of Health');
    expect(page.toLowerCase()).toContain(email.toLowerCase());
    const old = await api.postJson('/registrations/confirm', { token: linkToken(first!) });
    expect(old.status).toBe(200);
    const fresh = await api.postJson('/registrations/confirm', { token: linkToken(mails[1]!) });
    expect(await fresh.json()).toEqual(await old.json());
  });

  it('sends one mailbox at most 3 mails an hour, however its address is spelt', async () => {
    // Prepare: one Gmail mailbox, spelt seven ways (case, +tags, dots, googlemail.com).
    const name = `cap${Date.now().toString(36)}`;
    const spellings = [`${name}@gmail.com`, `${name}+osce@gmail.com`, `${name.slice(0, 2)}.${name.slice(2)}@gmail.com`, `${name.toUpperCase()}@GMAIL.COM`, `${name}+1@googlemail.com`, `${name}.+2@gmail.com`, `${name.slice(0, 1)}.${name.slice(1)}+3@googlemail.com`];

    // Act
    const answers = [];
    for (const email of spellings) answers.push((await api.postJson(path, validForm({ email }))).status);

    // Assess: every answer the same; three mails in all reach the mailbox.
    expect(answers).toEqual(spellings.map(() => 202));
    const received = await settledMail(api.sesEndpoint, spellings, 3);
    expect(new Set(received.map((mail) => mail.messageId)).size).toBe(3);
  });

  it('tells a confirmed address it is already registered and leaves its data unchanged', async () => {
    // Prepare
    const email = uniqueEmail();
    await api.postJson(path, validForm({ email, organization: 'Ministry of Foreign Affairs' }));
    const [link] = await waitForMail(api.sesEndpoint, email);
    const confirmed = (await (await api.postJson('/registrations/confirm', { token: linkToken(link!) })).json()) as {
      reference: string;
    };
    await waitForMail(api.sesEndpoint, email, 2);

    // Act
    const response = await api.postJson(path, validForm({ email, organization: 'Somebody Else Ltd' }));

    // Assess
    expect(response.status).toBe(202);
    const mails = await waitForMail(api.sesEndpoint, email, 3);
    expect(mails[2]?.subject).toContain('You are already registered');
    expect(mails[2]?.body.text).toContain(confirmed.reference);
    expect(mails[2]?.body.text).not.toContain('/confirm?token=');
    const [registration] = await registrationOf(email);
    expect(registration).toMatchObject({ organization: 'Ministry of Foreign Affairs', status: 'confirmed' });
  });

  it('sends no address more than 3 e-mails an hour from resubmissions', async () => {
    // Prepare
    const email = uniqueEmail();

    // Act
    for (let i = 0; i < 6; i++) {
      expect((await api.postJson(path, validForm({ email, position: `Try ${i}` }))).status).toBe(202);
      // Each mail goes out before the next try, so none is merged into a later one.
      if (i < 3) await waitForMail(api.sesEndpoint, email, i + 1);
    }

    // Assess
    expect(await settledMail(api.sesEndpoint, email, 3)).toHaveLength(3);
    const [registration] = await registrationOf(email);
    // The third submission was the last one mailed; later ones change nothing.
    expect(registration?.position).toBe('Try 2');
  });

  it('changes nothing past the mail cap, so nobody can rewrite an unconfirmed registration unseen', async () => {
    // Prepare
    const email = uniqueEmail();
    for (let i = 0; i < 3; i++) {
      await api.postJson(path, validForm({ email }));
      await waitForMail(api.sesEndpoint, email, i + 1);
    }
    const mails = await waitForMail(api.sesEndpoint, email, 3);

    // Act
    await api.postJson(path, validForm({ email, position: 'After the cap' }));
    const response = await api.postJson('/registrations/confirm', { token: linkToken(mails[2]!) });

    // Assess
    expect(response.status).toBe(200);
    const [registration] = await registrationOf(email);
    expect(registration).toMatchObject({ position: 'Head of Unit', status: 'confirmed' });
  });

  it.each([
    ['firstName', { firstName: undefined }],
    ['lastName', { lastName: '' }],
    ['email', { email: 'not-an-address' }],
    ['category', { category: 'tourist' }],
    ['organization', { organization: '   ' }],
    ['title', { title: 'Sir' }],
    ['language', { language: 'pt' }],
    ['country', { category: 'participating_state', country: undefined }],
    ['country', { category: 'participating_state', country: 'JP' }],
    ['country', { category: 'partner_for_cooperation', country: 'AT' }],
    ['country', { category: 'civil_society', country: 'XX' }],
    ['departureDate', { arrivalDate: '2017-07-11', departureDate: '2017-07-10' }],
    ['arrivalDate', { arrivalDate: '2017-02-30' }],
    ['dietaryRequirements', { dietaryRequirements: 'x'.repeat(501) }],
    ['accessibilityNeeds', { accessibilityNeeds: 'x'.repeat(501) }],
    ['firstName', { firstName: 'x'.repeat(101) }],
    ['consents.privacyNotice', { consents: { privacyNotice: false } }],
    ['consents.photography', { consents: { privacyNotice: true, photography: 'yes' } }],
    ['nickname', { nickname: 'Annie' }],
    ['phone', { phone: 'call me' }],
  ])('rejects a bad %s with 400 validation_failed and stores nothing', async (field, overrides) => {
    // Prepare
    const form = validForm(overrides);

    // Act
    const response = await api.postJson(path, form);

    // Assess
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; issues: { path: string; message: string }[] } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.issues.map((issue) => issue.path)).toContain(field);
    expect(body.error.issues.every((issue) => issue.message.length > 0)).toBe(true);
    if (typeof form.email === 'string' && form.email.includes('@')) expect(await registrationOf(form.email)).toHaveLength(0);
  });

  it.each([
    ['partner_for_cooperation', 'JP'],
    ['osce_executive_structure', undefined],
    ['osce_field_operation', 'BA'],
    ['international_organization', undefined],
    ['civil_society', 'FR'],
  ])('accepts category %s with country %s', async (category, country) => {
    // Prepare
    const form = validForm({ category, country });

    // Act
    const response = await api.postJson(path, form);

    // Assess
    expect(response.status).toBe(202);
    expect(await registrationOf(String(form.email))).toHaveLength(1);
  });

  it('reports every problem of a body at once, with dotted paths', async () => {
    // Act
    const response = await api.postJson(path, { consents: {} });

    // Assess
    const body = (await response.json()) as { error: { issues: { path: string }[] } };
    expect(body.error.issues.map((issue) => issue.path).sort()).toEqual(
      ['category', 'consents.privacyNotice', 'email', 'firstName', 'lastName', 'organization'].sort(),
    );
  });

  it.each([
    ['malformed JSON', '{"firstName": "Anna",', 'application/json', 400, 'invalid_json'],
    ['a JSON array', '[1,2]', 'application/json', 400, 'validation_failed'],
    ['a JSON string', '"hello"', 'application/json', 400, 'validation_failed'],
    ['plain text', 'firstName=Anna', 'text/plain', 415, 'unsupported_media_type'],
    ['a form post', 'firstName=Anna', 'application/x-www-form-urlencoded', 415, 'unsupported_media_type'],
    ['JSON in Latin-1', '{}', 'application/json; charset=iso-8859-1', 415, 'unsupported_media_type'],
  ])('answers %s with %i %s', async (_label, body, contentType, status, code) => {
    // Act
    const response = await api.request(path, { method: 'POST', headers: { 'content-type': contentType }, body });

    // Assess
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it('answers a body without content type with 415', async () => {
    // Act
    const response = await api.request(path, { method: 'POST', body: new Blob([JSON.stringify(validForm())]) });

    // Assess
    expect(response.status).toBe(415);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
  });

  it('answers a body over 32 KiB with 413 payload_too_large and stores nothing', async () => {
    // Prepare
    const form = validForm({ dietaryRequirements: 'x'.repeat(33 * 1024) });

    // Act
    const response = await api.postJson(path, form);

    // Assess
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    expect(await registrationOf(String(form.email))).toHaveLength(0);
  });

  it('answers invalid UTF-8 with 400 invalid_json', async () => {
    // Act
    const response = await api.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    });

    // Assess
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
  });

  it('answers an unknown event with 404 event_not_found', async () => {
    // Act
    const response = await api.postJson('/events/no-such-event/registrations', validForm());

    // Assess
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('event_not_found');
  });

  it('answers 409 registration_closed outside the registration window and stores nothing', async () => {
    // Prepare
    await runtime().events.put({ ...seedEvent, id: 'closed-event', registration: { closesAt: '2020-01-01T00:00:00Z' } });
    await runtime().events.put({ ...seedEvent, id: 'future-event', registration: { opensAt: '2999-01-01T00:00:00Z' } });
    const form = validForm();

    // Act
    const closed = await api.postJson('/events/closed-event/registrations', form);
    const notYet = await api.postJson('/events/future-event/registrations', form);

    // Assess
    expect(closed.status).toBe(409);
    expect(((await closed.json()) as { error: { code: string } }).error.code).toBe('registration_closed');
    expect(notYet.status).toBe(409);
    expect(await mailTo(api.sesEndpoint, String(form.email))).toHaveLength(0);
  });

  it('refuses a category the event does not invite', async () => {
    // Prepare
    await runtime().events.put({ ...seedEvent, id: 'states-only', categories: ['participating_state'] });

    // Act
    const response = await api.postJson('/events/states-only/registrations', validForm({ category: 'civil_society' }));

    // Assess
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { issues: { path: string }[] } };
    expect(body.error.issues[0]?.path).toBe('category');
  });

  it('escapes HTML typed into the form in the e-mail it sends', async () => {
    // Prepare
    const form = validForm({ firstName: '<script>alert(1)</script>', lastName: 'O"Brien & <b>Sons</b>' });

    // Act
    await api.postJson(path, form);

    // Assess
    const [mail] = await waitForMail(api.sesEndpoint, String(form.email));
    expect(mail?.body.html).not.toContain('<script>');
    expect(mail?.body.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail?.body.html).toContain('O&quot;Brien &amp; &lt;b&gt;Sons&lt;/b&gt;');
  });
});
