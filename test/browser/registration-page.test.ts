// The registration page in a real browser (Chromium, headless) against the local stack: keyboard-only
// journey to a confirmed registration, errors, the conditional country field, languages, accessibility.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createDynamoClient } from '#shared/store/client.ts';
import { EventStore } from '#shared/store/event-store.ts';
import { uniqueEmail } from '../support/fixtures.ts';
import { waitForMail } from '../support/mailbox.ts';
import {
  chromiumAvailable,
  chromiumMissingMessage,
  chromiumRequired,
  expectNoAxeViolations,
  browserSession,
  screenshot,
  tabTo,
  whenLoaded,
} from './support/browser.ts';
import { eventSchema } from '#shared/model/event-schema.ts';

if (!chromiumAvailable && chromiumRequired) {
  describe('browser tests', () => {
    it('need Chromium under CI=true', () => {
      expect.fail(chromiumMissingMessage);
    });
  });
}

describe.skipIf(!chromiumAvailable)('the registration page', () => {
  const session = browserSession();

  async function open(path: string, locale?: string): Promise<Page> {
    const page = await session.open(path, locale);
    await whenLoaded(page);
    return page;
  }

  async function registrations(): Promise<Record<string, unknown>[]> {
    const token = await session.api.organizerToken();
    const response = await session.api.request('/events/osce-drugs-2017/registrations?limit=100', {
      headers: { authorization: `Bearer ${token}` },
    });
    return ((await response.json()) as { items: Record<string, unknown>[] }).items;
  }

  async function storedMailCount(): Promise<number> {
    const response = await fetch(`${session.api.sesEndpoint}/store`);
    return ((await response.json()) as { emails: unknown[] }).emails.length;
  }

  /** Fills the required fields (not keyboard-only: for the tests about something else). */
  async function fillValid(page: Page, email: string): Promise<void> {
    await page.fill('#firstName', 'Anna');
    await page.fill('#lastName', 'Berger');
    await page.fill('#email', email);
    await page.check('#category-civil_society');
    await page.fill('#organization', 'Vienna Institute');
    await page.check('#privacyNotice');
  }

  it('serves the page, its assets and any event’s page with a strict Content-Security-Policy', async () => {
    // Act
    const root = await session.api.request('/');
    const other = await session.api.request('/register/osce-drugs-2017');

    // Assess
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(root.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(root.headers.get('content-security-policy')).not.toContain('unsafe');
    const html = await root.text();
    expect(await other.text()).toBe(html);
    const [, script] = /src="(\/assets\/app\.[\w-]+\.js)"/.exec(html) ?? [];
    const asset = await session.api.request(script!);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('takes a registration with the keyboard only, through to the confirmed reference', async () => {
    // Prepare
    const email = uniqueEmail('keyboard');
    const page = await open('/');
    await expectNoAxeViolations(page);
    await screenshot(page, '01-form');

    // Act: fill in the form with the keyboard only
    await tabTo(page, '#title');
    await page.keyboard.type('Dr');
    await tabTo(page, '#firstName');
    await page.keyboard.type('Anna');
    await tabTo(page, '#lastName');
    await page.keyboard.type('Berger');
    await tabTo(page, '#email');
    await page.keyboard.type(email);
    await tabTo(page, '#category-participating_state');
    await page.keyboard.press('Space');
    await tabTo(page, '#country');
    await page.keyboard.type('Austria');
    await tabTo(page, '#organization');
    await page.keyboard.type('Federal Ministry of the Interior');
    await tabTo(page, '#arrivalDate-day');
    await page.keyboard.type('9');
    await page.keyboard.press('Tab');
    await page.keyboard.type('7');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2017');
    await tabTo(page, '#privacyNotice');
    await page.keyboard.press('Space');
    await tabTo(page, '#participantList');
    await page.keyboard.press('Space');
    await tabTo(page, '#submit');
    const request = page.waitForRequest((candidate) => candidate.method() === 'POST');
    await page.keyboard.press('Enter');
    const sent = (await request).postDataJSON() as Record<string, unknown>;
    await page.waitForSelector('#done-title:focus');
    await screenshot(page, '05-check-your-email');

    // Assess: what was sent, and the page after sending
    expect(sent).toEqual({
      title: 'Dr',
      firstName: 'Anna',
      lastName: 'Berger',
      email,
      category: 'participating_state',
      country: 'AT',
      organization: 'Federal Ministry of the Interior',
      arrivalDate: '2017-07-09',
      language: 'en',
      consents: { privacyNotice: true, participantList: true, photography: false },
    });
    expect(await page.textContent('#done-title')).toBe('Check your e-mail');
    expect(await page.textContent('#done-sent')).toBe(`We are sending an e-mail to ${email}.`);

    // Act: open the link from the mail and press the button with the keyboard
    const [mail] = await waitForMail(session.api.sesEndpoint, email);
    const link = /https?:\/\/\S+\/confirm\?token=[A-Za-z0-9._%-]+/.exec(mail?.body.text ?? '')?.[0];
    expect(link).toBeDefined();
    await page.goto(link!);
    await expectNoAxeViolations(page);
    await screenshot(page, '06-confirm-page');
    await tabTo(page, 'button[type="submit"]');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);

    // Assess: the reference, and the organizer list
    const reference = await page.textContent('#reference');
    expect(reference).toMatch(/^DRUGS17-/);
    await expectNoAxeViolations(page);
    await screenshot(page, '07-confirmed');
    const [stored] = (await registrations()).filter((item) => item.email === email);
    expect(stored).toMatchObject({ status: 'confirmed', reference, country: 'AT', language: 'en' });
  });

  it('shows an error summary and the errors next to the fields on an empty submit, and sends nothing', async () => {
    // Prepare
    const page = await open('/');
    const before = { registrations: (await registrations()).length, mails: await storedMailCount() };
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });

    // Act
    await tabTo(page, '#submit');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#error-summary:focus');

    // Assess
    const summary = await page.locator('#error-list a').allTextContents();
    expect(summary).toEqual([
      'Enter your first name',
      'Enter your last name',
      'Enter your e-mail address',
      'Select whom you represent',
      'Enter the name of your organization',
      'Select the box to agree that your details are used to organize the event',
    ]);
    expect(await page.textContent('#error-summary-title')).toBe('There is a problem');
    expect(await page.textContent('#firstName-error')).toBe('Error: Enter your first name');
    expect(await page.getAttribute('#firstName', 'aria-describedby')).toBe('firstName-hint firstName-error');
    expect(await page.getAttribute('#firstName', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#category-fieldset', 'aria-describedby')).toBe('category-error');
    expect(await page.isVisible('#privacyNotice-error')).toBe(true);
    expect(await page.title()).toMatch(/^Error: Register for the event/);
    await expectNoAxeViolations(page);
    await screenshot(page, '02-errors');
    // A link in the summary moves the focus to its field.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('firstName');
    expect(posts).toEqual([]);
    expect((await registrations()).length).toBe(before.registrations);
    expect(await storedMailCount()).toBe(before.mails);
  });

  it('explains the fields the schema rejects, with the same rules as the API', async () => {
    // Prepare
    const page = await open('/');
    await fillValid(page, 'not-an-address');
    await page.fill('#phone', 'call me');
    await page.fill('#arrivalDate-day', '12');
    await page.fill('#arrivalDate-month', '7');
    await page.fill('#arrivalDate-year', '2017');
    await page.fill('#departureDate-day', '10');
    await page.fill('#departureDate-month', '7');
    await page.fill('#departureDate-year', '2017');
    await page.fill('#position', 'x'.repeat(201));

    // Act
    await page.click('#submit');
    await page.waitForSelector('#error-summary:focus');

    // Assess
    expect(await page.locator('#error-list a').allTextContents()).toEqual([
      'Enter an e-mail address in the correct format, like name@example.org',
      'Enter a telephone number, like +43 1 514 36 0',
      'Position must be 200 characters or fewer',
      'Departure date must be the same as or after the arrival date',
    ]);
    expect(await page.getAttribute('#error-list a >> nth=3', 'href')).toBe('#departureDate-day');
  });

  it('shows the country list for participating States and Partners only, and sends no country otherwise', async () => {
    // Prepare
    const page = await open('/');
    expect(await page.isHidden('#country-group')).toBe(true);

    // Act and assess: participating State
    await page.check('#category-participating_state');
    expect(await page.isVisible('#country-group')).toBe(true);
    expect(await page.textContent('#country-label')).toBe('Participating State');
    const states = await page.locator('#country option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(states.length).toBe(58);
    expect(states.slice(0, 3)).toEqual(['', 'AL', 'AD']);
    expect(await page.locator('#country option[value="VA"]').textContent()).toBe('Holy See');

    // Partner for Co-operation
    await page.check('#category-partner_for_cooperation');
    expect(await page.textContent('#country-label')).toBe('Partner for Co-operation');
    const partners = await page.locator('#country option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(partners.length).toBe(12);
    expect(partners).toContain('KR');
    expect(partners).not.toContain('AT');
    await page.selectOption('#country', 'JP');
    await screenshot(page, '03-country-partner');

    // Another category hides the list and leaves the country out
    await fillValid(page, uniqueEmail('conditional'));
    expect(await page.isHidden('#country-group')).toBe(true);
    const request = page.waitForRequest((candidate) => candidate.method() === 'POST');
    await page.click('#submit');
    const sent = (await request).postDataJSON() as Record<string, unknown>;
    expect(sent.category).toBe('civil_society');
    expect(sent).not.toHaveProperty('country');
    await page.waitForSelector('#done-title');
  });

  it('switches to Russian: Russian labels, and the registration is sent with language "ru"', async () => {
    // Prepare
    const email = uniqueEmail('russian');
    const page = await open('/');

    // Act
    await page.click('a[data-language="ru"]');

    // Assess: the page
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.textContent('h1')).toBe('Регистрация на мероприятие');
    expect(await page.textContent('label[for="firstName"]')).toBe('Имя');
    expect(await page.textContent('label[for="lastName"]')).toBe('Фамилия');
    expect(await page.textContent('label[for="email"]')).toBe('Адрес электронной почты');
    expect(await page.getAttribute('a[data-language="ru"]', 'aria-current')).toBe('true');
    expect(page.url()).toContain('lang=ru');
    expect(await page.textContent('#event-dates')).toContain('июля 2017');
    await page.check('#category-participating_state');
    expect(await page.locator('#country option[value="RU"]').textContent()).toBe('Российская Федерация');
    await page.click('#submit');
    await page.waitForSelector('#error-summary:focus');
    expect(await page.textContent('#error-summary-title')).toBe('Обнаружена проблема');
    expect(await page.locator('#error-list a').first().textContent()).toBe('Укажите Ваше имя');
    await expectNoAxeViolations(page);
    await screenshot(page, '04-russian-errors');

    // Act: a valid registration in Russian
    await fillValid(page, email);
    const request = page.waitForRequest((candidate) => candidate.method() === 'POST');
    await page.click('#submit');
    const sent = (await request).postDataJSON() as Record<string, unknown>;
    await page.waitForSelector('#done-title:focus');

    // Assess: sent in Russian, empty optional fields left out, mail in Russian
    expect(sent.language).toBe('ru');
    expect(Object.keys(sent).sort()).toEqual(['category', 'consents', 'email', 'firstName', 'language', 'lastName', 'organization']);
    expect(await page.textContent('#done-title')).toBe('Проверьте электронную почту');
    const [mail] = await waitForMail(session.api.sesEndpoint, email);
    expect(mail?.subject).toMatch(/[а-яА-Я]/);
  });

  it('opens in the browser’s language (Accept-Language)', async () => {
    // Act
    const page = await open('/', 'fr-FR');

    // Assess
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.textContent('h1')).toBe('Inscription à la manifestation');
    expect(await page.textContent('label[for="firstName"]')).toBe('Prénom');
    await expectNoAxeViolations(page);
  });

  it.each([
    { name: 'too-many', fulfil: { status: 429, error: 'too_many_requests' }, title: 'Too many attempts' },
    { name: 'closed', fulfil: { status: 409, error: 'registration_closed' }, title: 'Registration is closed' },
    { name: 'unavailable', fulfil: { status: 503, error: 'service_unavailable' }, title: 'The service is not available' },
    { name: 'network', fulfil: undefined, title: 'No connection to the service' },
  ])('explains a failed submission in plain words: $name', async ({ name, fulfil, title }) => {
    // Prepare
    const page = await open('/');
    const email = uniqueEmail(name);
    await fillValid(page, email);
    await page.route('**/events/*/registrations', (route) =>
      fulfil
        ? route.fulfill({
            status: fulfil.status,
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: fulfil.error, message: 'x' } }),
          })
        : route.abort('internetdisconnected'),
    );

    // Act
    await page.click('#submit');
    await page.waitForSelector('#problem:focus');

    // Assess: said in words, with what to do next, and the answers kept
    expect(await page.textContent('#problem-title')).toBe(title);
    expect(await page.textContent('#problem-body')).toContain('have not been sent');
    expect(await page.inputValue('#email')).toBe(email);
    await expectNoAxeViolations(page);
    await screenshot(page, `08-problem-${name}`);
  });

  it('says so when an event’s registration is closed, or the event does not exist', async () => {
    // Prepare
    await new EventStore(createDynamoClient(), session.api.stack.tableName).create(
      eventSchema.parse({
        id: 'closed-event-2016',
        title: 'A closed event',
        venue: { name: 'Hofburg', city: 'Vienna', country: 'AT' },
        startDate: '2016-05-02',
        endDate: '2016-05-03',
        registration: { closesAt: '2016-04-01T00:00:00Z' },
        categories: ['participating_state'],
      }),
    );

    // Act
    const closed = await open('/register/closed-event-2016');
    const missing = await open('/register/no-such-event');

    // Assess
    expect(await closed.textContent('#problem-title')).toBe('Registration is closed');
    expect(await closed.isHidden('#registration')).toBe(true);
    expect(await closed.textContent('#event-title')).toBe('A closed event');
    await screenshot(closed, '09-event-closed');
    expect(await missing.textContent('#problem-title')).toBe('We cannot find this event');
    expect(await missing.isHidden('#registration')).toBe(true);
    await expectNoAxeViolations(missing);
  });

  it('shows only the categories the event invites', async () => {
    // Prepare
    await new EventStore(createDynamoClient(), session.api.stack.tableName).create(
      eventSchema.parse({
        id: 'states-only-2017',
        title: 'States only',
        venue: { name: 'Hofburg', city: 'Vienna', country: 'AT' },
        startDate: '2017-09-01',
        endDate: '2017-09-01',
        categories: ['participating_state', 'international_organization'],
      }),
    );

    // Act
    const page = await open('/register/states-only-2017');

    // Assess
    const visible = await page.locator('.radio:visible input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(visible).toEqual(['participating_state', 'international_organization']);
    expect(await page.textContent('#arrivalDate-hint')).toBe('For example, 31 8 2017');
  });

  it('keeps the honeypot away from people and screen readers', async () => {
    // Prepare
    const page = await open('/');

    // Act
    const honeypot = await page.evaluate(() => {
      const input = document.getElementById('website') as HTMLInputElement;
      const box = input.getBoundingClientRect();
      return { tabIndex: input.tabIndex, hidden: input.closest('[aria-hidden="true"]') !== null, right: box.right };
    });

    // Assess
    expect(honeypot).toEqual({ tabIndex: -1, hidden: true, right: expect.any(Number) });
    expect(honeypot.right).toBeLessThanOrEqual(0);
    const snapshot = await page.locator('body').ariaSnapshot();
    expect(snapshot).not.toContain('Leave this field empty');
  });
});

