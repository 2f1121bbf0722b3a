// The participant's manage page in a real browser: accessible, usable with the keyboard, and the
// withdrawal it offers really frees the seat.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { manageToken, registrationsOf } from '../support/journeys.ts';
import { uniqueEmail, validForm } from '../support/fixtures.ts';
import { waitForMail } from '../support/mailbox.ts';
import {
  chromiumAvailable,
  expectNoAxeViolations,
  browserSession,
  screenshot,
  tabTo,
} from './support/browser.ts';

describe.skipIf(!chromiumAvailable)('the manage page', () => {
  const session = browserSession();

  async function manageLinkFor(language: string): Promise<{ email: string; token: string }> {
    const email = uniqueEmail('manage');
    await session.api.postJson('/events/osce-drugs-2017/registrations', validForm({ email, language }));
    const [mail] = await waitForMail(session.api.sesEndpoint, email);
    return { email, token: manageToken(mail!) };
  }

  const open = (path: string): Promise<Page> => session.open(path);

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
    const [registration] = (await registrationsOf(session.api, 'osce-drugs-2017')).filter((item) => item.email === email);
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
