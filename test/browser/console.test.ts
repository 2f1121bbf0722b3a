// The organizer console (/organizer/) in Chromium against the local stack: events created and edited
// through the form with the API's validation shown by field, the moderator's queue, decisions on a row
// (keyboard only, once however often clicked, explained when someone else was first), export, columns,
// pages, roles, a 401 mid-session, the dashboard's charts, the tablet width, axe on every page.
// Search, sort, a registration's own page, bulk decisions and the XLSX export are in
// console-registrations.test.ts.
import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { seedEvent } from '#shared/model/seed-event.ts';
import { uniqueEmail, validForm } from '../support/fixtures.ts';
import { putEvent, registerAndConfirm, registrationsOf, statsOf } from '../support/journeys.ts';
import { waitForMail } from '../support/mailbox.ts';
import { chromiumAvailable, chromiumMissingMessage, chromiumRequired, browserSession, expectNoAxeViolations, screenshot, tabTo } from './support/browser.ts';
import { go, openConsole, signInAgain, signInRequested, tablet, waitForSignIn, whenShown } from './support/console.ts';

if (!chromiumAvailable && chromiumRequired) {
  describe('console browser tests', () => {
    it('need Chromium under CI=true', () => {
      expect.fail(chromiumMissingMessage);
    });
  });
}

describe.skipIf(!chromiumAvailable)('the organizer console', () => {
  const session = browserSession();
  let events = 0;

  /** An event of this test's own, with approval, and `people` confirmed registrations awaiting it. */
  async function eventWithQueue(people: string[], settings: Record<string, unknown> = {}) {
    const eventId = `console-${++events}-${Date.now().toString(36)}`;
    expect((await putEvent(session.api, eventId, { title: `Expert meeting ${events}`, approval: 'required', referencePrefix: 'EXP', ...settings })).status).toBe(201);
    const registered = [];
    for (const [index, lastName] of people.entries()) {
      // One after another: the queue's order is the order of registration.
      registered.push(await registerAndConfirm(session.api, eventId, { firstName: `Person${index + 1}`, lastName }));
    }
    return { eventId, registered };
  }

  /** The POSTs of decisions the page sends, to count them. */
  function decisionPosts(page: Page): string[] {
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/(approve|reject)$/.test(new URL(request.url()).pathname)) posts.push(request.url());
    });
    return posts;
  }

  const row = (page: Page, name: string) => page.locator('tbody tr', { has: page.locator(`th a:text-is("${name}")`) });

  it('is served at /organizer/ under a strict Content-Security-Policy (its own origin, and the sign-in origin for tokens), with fingerprinted assets', async () => {
    // Act
    const [withSlash, without] = await Promise.all([session.api.request('/organizer/'), session.api.request('/organizer')]);

    // Assess
    expect(withSlash.status).toBe(200);
    expect(withSlash.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(withSlash.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(withSlash.headers.get('content-security-policy')).not.toContain('unsafe');
    const html = await withSlash.text();
    expect(await without.text()).toBe(html);
    const [, script] = /src="(\/assets\/console\.[\w-]+\.js)"/.exec(html) ?? [];
    const [, style] = /href="(\/assets\/console\.[\w-]+\.css)"/.exec(html) ?? [];
    for (const asset of [script, style]) {
      const response = await session.api.request(asset!);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toContain('immutable');
    }
  });

  it('lists the events, with links to each one’s dashboard, registrations and edit form', async () => {
    // Act
    const page = await openConsole(session);

    // Assess
    expect(await page.textContent('main h1')).toBe('Events');
    await page.locator('tbody tr').first().waitFor();
    expect(await page.locator('tbody th a').allTextContents()).toContain(seedEvent.title);
    expect(await page.getAttribute(`a[aria-label="Edit ${seedEvent.title}"]`, 'href')).toBe(`#/events/${seedEvent.id}/edit`);
    expect(await page.title()).toBe('Events – Organizer console');
    await screenshot(page, 'console-01-events');
    await expectNoAxeViolations(page);
  });

  it('creates an event through the form: required fields first, then the API’s own issues next to each field, then the dashboard', async () => {
    // Prepare
    const eventId = `created-${Date.now().toString(36)}`;
    const page = await openConsole(session, '#/events');
    await page.click('text=Create an event');
    await whenShown(page, 'Create an event');

    // Act: send the empty form
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.error-summary:focus');

    // Assess: the required fields, in a summary that links to each
    const required = await page.locator('.error-summary li').allTextContents();
    expect(required).toEqual([
      'Identifier: Enter an identifier',
      'Title: Enter the title',
      'Venue: Enter the venue',
      'City: Enter the city',
      'Country: Select the country',
      'First day: Enter the first day',
      'Last day: Enter the last day',
    ]);
    expect(await page.getAttribute('#title', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#title', 'aria-describedby')).toBe('title-error');
    expect(await page.title()).toMatch(/^Error: /);
    await expectNoAxeViolations(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('id');

    // Act: fields the API refuses (the last day before the first, a prefix with a space)
    await page.fill('#id', eventId);
    await page.fill('#title', 'Expert meeting on precursors');
    await page.fill('#venue-name', 'Hofburg');
    await page.fill('#venue-city', 'Vienna');
    await page.selectOption('#venue-country', 'AT');
    await page.fill('#startDate', '2027-03-02');
    await page.fill('#endDate', '2027-03-01');
    await page.fill('#registration-closesAt', '2027-02-15T23:59:59');
    await page.fill('#referencePrefix', 'EXP 27');
    await page.click('#categories-civil_society');
    await page.fill('#capacity', '60');
    await page.check('#approval-required');
    const puts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PUT') puts.push(request.url());
    });
    await page.click('button[type="submit"]');
    await page.locator('.error-summary li', { hasText: 'Last day' }).waitFor();

    // Assess: the API's messages, by field and in the summary
    expect(puts).toHaveLength(1);
    expect(await page.textContent('#endDate-error')).toBe('Error: The event cannot end before it starts');
    expect(await page.locator('#referencePrefix-error').count()).toBe(1);
    expect(await page.locator('.error-summary li').allTextContents()).toEqual(expect.arrayContaining(['Last day: The event cannot end before it starts']));
    await screenshot(page, 'console-02-event-form-errors');
    await expectNoAxeViolations(page);

    // Act: corrected
    await page.fill('#endDate', '2027-03-03');
    await page.fill('#referencePrefix', 'EXP27');
    await page.click('button[type="submit"]');
    await whenShown(page, 'Expert meeting on precursors');

    // Assess: the dashboard of the new event, and the event as stored
    expect(page.url()).toContain(`#/events/${eventId}`);
    expect(await page.textContent('.notice-done')).toBe('The event has been created.');
    const stored = (await (await session.api.request(`/events/${eventId}`)).json()) as Record<string, any>;
    expect(stored).toMatchObject({
      title: 'Expert meeting on precursors',
      venue: { name: 'Hofburg', city: 'Vienna', country: 'AT' },
      startDate: '2027-03-02',
      endDate: '2027-03-03',
      timeZone: 'Europe/Vienna',
      capacity: 60,
      approval: 'required',
      registration: { closesAt: '2027-02-15T23:59:59+01:00' },
    });
    expect(stored.categories).not.toContain('civil_society');
    expect(stored.categories).toHaveLength(5);
  });

  it('refuses to create an event over an existing one', async () => {
    // Prepare
    const page = await openConsole(session, '#/new-event');
    await page.fill('#id', seedEvent.id);
    await page.fill('#title', 'Not the seed event');
    await page.fill('#venue-name', 'Somewhere');
    await page.fill('#venue-city', 'Vienna');
    await page.selectOption('#venue-country', 'AT');
    await page.fill('#startDate', '2027-01-01');
    await page.fill('#endDate', '2027-01-01');

    // Act
    await page.click('button[type="submit"]');
    await page.waitForSelector('.error-summary:focus');

    // Assess
    expect(await page.textContent('#id-error')).toContain('An event with this identifier exists already');
    expect(((await (await session.api.request(`/events/${seedEvent.id}`)).json()) as { title: string }).title).toBe(seedEvent.title);
  });

  it('edits an event: the stored values in the form, the change saved', async () => {
    // Prepare
    const { eventId } = await eventWithQueue([], { capacity: 40, approval: 'none', registration: { closesAt: '2027-02-15T23:59:59+01:00' } });
    const page = await openConsole(session, `#/events/${eventId}/edit`);
    await page.locator('#capacity').waitFor();

    // Assess: the form shows the event as stored, the window in the venue's time
    expect(await page.inputValue('#capacity')).toBe('40');
    expect(await page.inputValue('#registration-closesAt')).toBe('2027-02-15T23:59:59');
    expect(await page.isChecked('#approval')).toBe(true);
    expect(await page.locator('#id').count()).toBe(0);
    await expectNoAxeViolations(page);

    // Act
    await page.fill('#capacity', '80');
    await page.check('#approval-required');
    // Before the API serves GET /events/{id}/settings the console cannot read the prefix and asks for it.
    if ((await page.inputValue('#referencePrefix')) === '') await page.fill('#referencePrefix', 'EXP');
    await page.click('button[type="submit"]');
    await page.locator('.notice-done', { hasText: 'The event has been saved.' }).waitFor();

    // Assess
    const stored = (await (await session.api.request(`/events/${eventId}`)).json()) as Record<string, unknown>;
    expect(stored).toMatchObject({ capacity: 80, approval: 'required', registration: { closesAt: '2027-02-15T23:59:59+01:00' } });
  });

  it('opens the moderator’s queue in one click and approves one with the keyboard, once however often it is pressed', async () => {
    // Prepare
    const { eventId, registered } = await eventWithQueue(['Abel', 'Baker', 'Carter']);
    const page = await openConsole(session, `#/events/${eventId}`);
    const posts = decisionPosts(page);

    // Act: the queue from the navigation
    await page.click('nav[aria-label="Console"] >> text=Awaiting approval');
    await whenShown(page, 'Awaiting approval');
    await row(page, 'Person1 Abel').waitFor();

    // Assess: oldest first, each with its decisions
    expect(await page.locator('tbody th a').allTextContents()).toEqual(['Person1 Abel', 'Person2 Baker', 'Person3 Carter']);
    expect(await page.locator('.queue-links a[aria-current="page"]').textContent()).toBe('Awaiting approval (3)');
    await screenshot(page, 'console-03-queue');
    await expectNoAxeViolations(page);

    // Act: approve the first with the keyboard
    await tabTo(page, 'button[aria-label="Approve Person1 Abel"]', 120);
    await page.keyboard.press('Enter');
    await row(page, 'Person1 Abel').locator('.tag', { hasText: 'Approved' }).waitFor();

    // Assess
    expect(await page.textContent('.notice-done')).toBe('Person1 Abel is approved.');
    // Act: a double click on the next one
    await page.dblclick('button[aria-label="Approve Person2 Baker"]');
    await row(page, 'Person2 Baker').locator('.tag', { hasText: 'Approved' }).waitFor();

    // Assess: one request each, no error, and the API agrees
    expect(posts).toHaveLength(2);
    expect(await page.locator('.notice-problem').count()).toBe(0);
    const stored = await registrationsOf(session.api, eventId);
    expect(stored.find((item) => item.email === registered[0]!.email)?.status).toBe('approved');
    expect(stored.find((item) => item.email === registered[1]!.email)?.status).toBe('approved');
    expect(stored.find((item) => item.email === registered[2]!.email)?.status).toBe('awaiting_approval');
  });

  it('rejects from a row with a reason asked in a dialog, which gives the focus back when it closes', async () => {
    // Prepare
    const { eventId, registered } = await eventWithQueue(['Dalton']);
    const page = await openConsole(session, `#/events/${eventId}/registrations?status=awaiting_approval&sort=createdAt`);
    const reject = page.locator('button[aria-label="Reject Person1 Dalton"]');
    await reject.waitFor();

    // Act: open the dialog, try without a reason, then close it with Escape
    await reject.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[open] #decision-reason:focus');
    expect(await page.textContent('dialog[open] h2')).toBe('Reject Person1 Dalton');
    await expectNoAxeViolations(page);
    await page.click('dialog[open] button[type="submit"]');
    await page.locator('#decision-reason-error').waitFor();
    expect(await page.textContent('#decision-reason-error')).toBe('Error: Enter the reason for the rejection');
    await screenshot(page, 'console-04-reject-dialog');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog', { state: 'hidden' });

    // Assess: nothing decided, the focus back on the button
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Reject Person1 Dalton');
    expect((await registrationsOf(session.api, eventId))[0]!.status).toBe('awaiting_approval');

    // Act: reject with a reason
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[open] #decision-reason:focus');
    await page.keyboard.type('The delegation quota is reached');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await row(page, 'Person1 Dalton').locator('.tag', { hasText: 'Rejected' }).waitFor();

    // Assess: the row, the focus on it, the participant's e-mail with the reason
    await page.waitForSelector('dialog', { state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Person1 Dalton');
    const mails = await waitForMail(session.api.sesEndpoint, registered[0]!.email, 3);
    expect(mails.at(-1)!.body.text).toContain('The delegation quota is reached');
  });

  it('explains a decision refused because the participant changed the registration meanwhile (412), and shows it as it is now', async () => {
    // Prepare: the list is open, then the participant corrects their position
    const { eventId, registered } = await eventWithQueue(['Evans']);
    const page = await openConsole(session, `#/events/${eventId}/registrations?status=awaiting_approval&sort=createdAt`);
    await page.locator('button[aria-label="Approve Person1 Evans"]').waitFor();
    const corrected = await session.api.postJson('/registrations/update', { token: registered[0]!.manage, changes: { position: 'Deputy Head of Unit' } });
    expect(corrected.status).toBe(200);
    await page.click('button[aria-label="Columns"], summary:text-is("Columns")');
    await page.check('#column-position');

    // Act
    await page.click('button[aria-label="Approve Person1 Evans"]');
    await page.locator('.notice-problem').waitFor();

    // Assess: said in words, the row refreshed with what the participant wrote, nothing decided
    expect(await page.textContent('.notice-problem')).toContain('Someone else changed or decided this registration first');
    await row(page, 'Person1 Evans').locator('td', { hasText: 'Deputy Head of Unit' }).waitFor();
    expect((await registrationsOf(session.api, eventId))[0]!.status).toBe('awaiting_approval');
    await expectNoAxeViolations(page);

    // Act: decided again, on what is shown now
    await page.click('button[aria-label="Approve Person1 Evans"]');
    await row(page, 'Person1 Evans').locator('.tag', { hasText: 'Approved' }).waitFor();

    // Assess
    expect((await registrationsOf(session.api, eventId))[0]!.status).toBe('approved');
  });

  it('filters by status, category and country, and exports exactly what the filter matches as CSV', async () => {
    // Prepare
    const { eventId } = await eventWithQueue(['Fischer', 'Garcia']);
    await registerAndConfirm(session.api, eventId, { firstName: 'Person3', lastName: 'Haddad', category: 'partner_for_cooperation', country: 'JO' });
    const page = await openConsole(session, `#/events/${eventId}/registrations`);
    await row(page, 'Person3 Haddad').waitFor();
    expect(await page.locator('tbody tr').count()).toBe(3);

    // Act: a filter
    await page.selectOption('#filter-category', 'partner_for_cooperation');
    await page.selectOption('#filter-country', 'JO');
    await page.click('form[role="search"] button[type="submit"]');
    await page.waitForFunction(() => location.hash.includes('country=JO'));
    await page.locator('tbody tr').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);

    // Assess
    expect(await page.locator('tbody th a').allTextContents()).toEqual(['Person3 Haddad']);
    expect(await page.inputValue('#filter-country')).toBe('JO');

    // Act: the export of this filter
    const download = page.waitForEvent('download');
    await page.click('text=Export CSV');
    const file = await download;
    await page.locator('.notice-done', { hasText: 'has been downloaded' }).waitFor();

    // Assess
    expect(file.suggestedFilename()).toBe(`${eventId}-registrations.csv`);
    const rows = parse(await readFile((await file.path())!, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((entry) => entry.lastName)).toEqual(['Haddad']);
  });

  it('lets a person choose the columns, and remembers the choice in the tab', async () => {
    // Prepare
    const { eventId } = await eventWithQueue(['Ivanova']);
    const page = await openConsole(session, `#/events/${eventId}/registrations`);
    await row(page, 'Person1 Ivanova').waitFor();
    const headers = () => page.locator('thead th').allTextContents();
    expect(await headers()).toContain('Organization');

    // Act
    await page.click('summary:text-is("Columns")');
    await page.uncheck('#column-organization');
    await page.check('#column-email');

    // Assess
    expect(await headers()).not.toContain('Organization');
    expect(await headers()).toContain('E-mail');
    await page.reload();
    await whenShown(page);
    await row(page, 'Person1 Ivanova').waitFor();
    expect(await headers()).not.toContain('Organization');
    expect(await headers()).toContain('E-mail');
  });

  it('pages through a long list with “Show more”', async () => {
    // Prepare: 55 registrations (unconfirmed ones are listed too)
    const { eventId } = await eventWithQueue([]);
    await Promise.all(
      Array.from({ length: 55 }, (_unused, index) =>
        session.api.postJson(`/events/${eventId}/registrations`, validForm({ firstName: `Many${index}`, lastName: 'Pages', email: uniqueEmail('pages') })),
      ),
    );
    const page = await openConsole(session, `#/events/${eventId}/registrations`);
    await page.locator('tbody tr').first().waitFor();
    expect(await page.locator('tbody tr').count()).toBe(50);
    expect(await page.textContent('caption')).toBe('50 registrations shown; more follow');

    // Act
    await page.click('text=Show more');
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 55);

    // Assess
    expect(await page.textContent('caption')).toBe('55 registrations shown');
    expect(await page.locator('text=Show more').count()).toBe(0);
  });

  it('shows the dashboard: seats, queues, counts by status, and charts with their numbers as tables', async () => {
    // Prepare
    const { eventId } = await eventWithQueue(['Jansen', 'Kovac'], { capacity: 10 });
    await registerAndConfirm(session.api, eventId, { firstName: 'Person3', lastName: 'Lopez', category: 'partner_for_cooperation', country: 'JO' });

    // Act
    const page = await openConsole(session, `#/events/${eventId}`);
    await page.locator('.tiles').waitFor();

    // Assess: the tiles and counts
    const tile = (label: string) => page.locator('.tile', { hasText: label }).locator('.tile-value').textContent();
    expect(await tile('Awaiting approval')).toBe('3');
    expect(await tile('Seats left')).toBe('10');
    expect(await page.getAttribute('.tile:has-text("Awaiting approval") a', 'href')).toBe(`#/events/${eventId}/registrations?status=awaiting_approval&sort=createdAt`);
    // The charts are drawn, hidden from screen readers, and their numbers are tables
    expect(await page.locator('section[aria-label="By category"] .chart[aria-hidden="true"] canvas').count()).toBeGreaterThan(0);
    const categoryNumbers = await page.locator('section[aria-label="By category"] tbody tr').allTextContents();
    expect(categoryNumbers).toEqual(['Participating State2', 'Partner for Co-operation1']);
    const countryNumbers = await page.locator('section[aria-label="By country"] tbody tr').allTextContents();
    expect(countryNumbers).toEqual(['Austria2', 'Jordan1']);
    const stats = await statsOf(session.api, eventId);
    expect(stats.byStatus.awaiting_approval).toBe(3);
    await screenshot(page, 'console-05-dashboard');
    await expectNoAxeViolations(page);
  });

  it('fits a tablet (768 px): no page wider than the screen', async () => {
    // Prepare
    const { eventId } = await eventWithQueue(['Moreau']);

    for (const hash of ['#/events', `#/events/${eventId}`, `#/events/${eventId}/registrations`, `#/events/${eventId}/edit`, `#/events/${eventId}/form`]) {
      // Act
      const page = await openConsole(session, hash, { viewport: tablet });
      await page.waitForSelector('main :is(table, form, .tiles)');

      // Assess: wide tables scroll inside their own frame, the page itself does not
      expect(await page.evaluate(() => document.documentElement.scrollWidth), hash).toBeLessThanOrEqual(tablet.width);
      await screenshot(page, `console-06-tablet-${hash.split('/').pop()}`);
    }
  });

  it('shows “No access” to an account in none of the console’s groups', async () => {
    // Act
    const page = await openConsole(session, '#/events', { groups: ['staff'] });

    // Assess
    expect(await page.textContent('main h1')).toBe('No access');
    expect(await page.textContent('main')).toContain('none of the console’s groups');
    expect(await page.locator('main table').count()).toBe(0);
    await screenshot(page, 'console-07-no-access');
    await expectNoAxeViolations(page);
  });

  it('hides from a viewer what a viewer may not do, and the API refuses a forged decision anyway', async () => {
    // Prepare
    const { eventId } = await eventWithQueue(['Novak']);
    const [item] = await registrationsOf(session.api, eventId);
    const page = await openConsole(session, '#/events', { groups: ['viewers'] });
    await page.locator('tbody tr').first().waitFor();

    // Assess: no creating or editing events
    expect(await page.locator('text=Create an event').count()).toBe(0);
    expect(await page.locator('a:text-is("Edit")').count()).toBe(0);

    // Act: the decision the console does not offer, sent from the viewer's page with the viewer's token
    const viewerToken = await session.api.organizerToken(['viewers']);
    const status = await page.evaluate(
      async ({ path, token, revision }) =>
        (await fetch(path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'if-match': `"${revision}"` } })).status,
      { path: `/events/${eventId}/registrations/${item!.registrationId}/approve`, token: viewerToken, revision: item!.revision },
    );

    // Assess
    expect(status).toBe(403);
    expect((await registrationsOf(session.api, eventId))[0]!.status).toBe('awaiting_approval');
  });

  it('sends the organizer through sign-in on a 401 mid-session, and back to the same page', async () => {
    // Prepare
    const { eventId } = await eventWithQueue(['Olsen']);
    const page = await openConsole(session, `#/events/${eventId}/registrations`);
    await row(page, 'Person1 Olsen').waitFor();
    await page.route('**/events/*/stats', (route) => route.fulfill({ status: 401, contentType: 'application/json', body: '{"message":"Unauthorized"}' }), { times: 1 });

    // Act: the session has expired by the next page
    const sentToSignIn = signInRequested(page);
    await page.click(`nav[aria-label="Console"] >> text=Dashboard`);
    await sentToSignIn;
    await signInAgain(session, page);

    // Assess
    expect(page.url()).toContain(`#/events/${eventId}`);
    await page.locator('.tiles').waitFor();
    expect(await page.textContent('main h1')).toBe('Expert meeting ' + eventId.split('-')[1]);
  });

  it('signs out', async () => {
    // Prepare
    const page = await openConsole(session);

    // Act
    await page.click('button:text-is("Sign out")');
    await waitForSignIn(page);

    // Assess: the console shows nothing of the event data any more, and the API is not called
    expect(await page.locator('main table').count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.getItem('organizer-console.tokens'))).toBeNull();
  });

  it('is reachable page to page with links alone, each page focusing its heading', async () => {
    // Prepare
    const { eventId } = await eventWithQueue(['Petrov']);
    const page = await openConsole(session);

    // Act and assess
    await go(page, `#/events/${eventId}`, `Expert meeting`);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.click('text=Registrations >> nth=0');
    await whenShown(page, 'Registrations');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await go(page, '#/nowhere', 'Page not found');
    await expectNoAxeViolations(page);
  });
});
