// The participant's manage page in a real browser: accessible, usable with the keyboard, and the
// withdrawal it offers really frees the seat.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { manageToken, registrationsOf } from '../support/journeys.ts';
import { uniqueEmail, validForm } from '../support/fixtures.ts';
import { waitForMail } from '../support/mailbox.ts';
import {
  chromiumAvailable,
  expectNoAxeViolations,
  launchChromium,
  openPage,
  screenshot,
  tabTo,
  type OpenedPage,
} from './support/browser.ts';

describe.skipIf(!chromiumAvailable)('the manage page', () => {
  let api: TestApi;
  let browser: Browser;
  const opened: OpenedPage[] = [];

  beforeAll(async () => {
    [api, browser] = await Promise.all([startTestApi(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });
  afterEach(async () => {
    const errors = opened.flatMap((entry) => entry.errors);
    await Promise.all(opened.splice(0).map((entry) => entry.context.close()));
    expect(errors).toEqual([]);
  });

  async function manageLinkFor(language: string): Promise<{ email: string; token: string }> {
    const email = uniqueEmail('manage');
    await api.postJson('/events/osce-drugs-2017/registrations', validForm({ email, language }));
    const [mail] = await waitForMail(api.sesEndpoint, email);
    return { email, token: manageToken(mail!) };
  }

  async function open(path: string): Promise<Page> {
    const entry = await openPage(browser, `${api.baseUrl}${path}`);
    opened.push(entry);
    return entry.page;
  }

  it('shows the registration accessibly, and withdraws it with the keyboard alone', async () => {
    // Prepare
    const { email, token } = await manageLinkFor('en');
    const page = await open(`/manage?token=${encodeURIComponent(token)}`);
    await expectNoAxeViolations(page);
    await screenshot(page, '10-manage');

    // Act
    await tabTo(page, 'form[action="/registrations/withdraw"] button');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);

    // Assess
    expect(await page.textContent('main')).toContain('Your registration has been withdrawn.');
    await expectNoAxeViolations(page);
    const [registration] = (await registrationsOf(api, 'osce-drugs-2017')).filter((item) => item.email === email);
    expect(registration?.status).toBe('withdrawn');
  });

  it('saves a correction from the page in the participant language', async () => {
    // Prepare
    const { token } = await manageLinkFor('ru');
    const page = await open(`/manage?token=${encodeURIComponent(token)}`);

    // Act
    await page.fill('#f-organization', 'Министерство внутренних дел');
    await Promise.all([page.waitForNavigation(), page.click('form[action="/registrations/update"] button')]);

    // Assess
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.inputValue('#f-organization')).toBe('Министерство внутренних дел');
    await expectNoAxeViolations(page);
  });
});
