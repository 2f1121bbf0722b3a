// The organizer console on the registration routes: search and sort, a registration's own page (read,
// edit on behalf, resend), bulk decisions, the XLSX export, the roles GET /me gives, registrations per day.
import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { putEvent, registerAndConfirm, registrationsOf } from '../support/journeys.ts';
import { waitForMail } from '../support/mailbox.ts';
import { chromiumAvailable, chromiumRequired, browserSession, expectNoAxeViolations, screenshot } from './support/browser.ts';
import { openConsole, whenShown } from './support/console.ts';

describe.skipIf(!chromiumAvailable && !chromiumRequired)('the organizer console’s registrations', () => {
  const session = browserSession();
  let events = 0;

  async function eventWith(people: { lastName: string; organization?: string; category?: string; country?: string }[]) {
    const eventId = `next-${++events}-${Date.now().toString(36)}`;
    expect((await putEvent(session.api, eventId, { title: `Next meeting ${events}`, approval: 'required', referencePrefix: 'NXT' })).status).toBe(201);
    const registered = [];
    for (const [index, person] of people.entries()) registered.push(await registerAndConfirm(session.api, eventId, { firstName: `Person${index + 1}`, ...person }));
    return { eventId, registered };
  }

  const row = (page: Page, name: string) => page.locator('tbody tr', { has: page.locator(`th a:text-is("${name}")`) });

  it('finds a registration by search (name, organization, e-mail), accents and case aside', async () => {
    // Prepare
    const { eventId, registered } = await eventWith([{ lastName: 'Müller', organization: 'Bundesministerium für Inneres' }, { lastName: 'Smith', organization: 'Home Office' }]);
    const page = await openConsole(session, `#/events/${eventId}/registrations`);
    await row(page, 'Person2 Smith').waitFor();

    for (const [query, expected] of [
      ['muller', ['Person1 Müller']],
      ['HOME office', ['Person2 Smith']],
      [registered[1]!.email.slice(0, 10), ['Person2 Smith']],
    ] as const) {
      // Act
      await page.fill('#filter-q', query);
      await page.keyboard.press('Enter');
      await page.waitForFunction((q) => decodeURIComponent(location.hash.replace(/\+/g, ' ')).includes(`q=${q}`), query);

      // Assess: polled, since the rows of the query before stay until the answer to this one arrives
      await expect.poll(() => page.locator('tbody th a').allTextContents(), { message: query, timeout: 20_000 }).toEqual(expected);
    }
  });

  it('sorts by a column header, which says its order to screen readers', async () => {
    // Prepare
    const { eventId } = await eventWith([{ lastName: 'Zeller' }, { lastName: 'Adams' }, { lastName: 'Meyer' }]);
    const page = await openConsole(session, `#/events/${eventId}/registrations`);
    await row(page, 'Person3 Meyer').waitFor();

    // Act
    await page.click('th button:text("Name")');
    await page.waitForFunction(() => location.hash.includes('sort=lastName'));
    await page.waitForFunction(() => document.querySelector('tbody th a')?.textContent === 'Person2 Adams');

    // Assess
    expect(await page.locator('tbody th a').allTextContents()).toEqual(['Person2 Adams', 'Person3 Meyer', 'Person1 Zeller']);
    expect(await page.getAttribute('th:has(button:text("Name"))', 'aria-sort')).toBe('ascending');
    await page.click('th button:text("Name")');
    await page.waitForFunction(() => document.querySelector('tbody th a')?.textContent === 'Person1 Zeller');
    expect(await page.getAttribute('th:has(button:text("Name"))', 'aria-sort')).toBe('descending');
  });

  it('shows a registration’s page: every field, the e-mail status, the history; approves it in a dialog', async () => {
    // Prepare
    const { eventId } = await eventWith([{ lastName: 'Quinn' }]);
    const page = await openConsole(session, `#/events/${eventId}/registrations`);
    await page.click('text=Person1 Quinn');
    await whenShown(page, 'Person1 Quinn');

    // Assess: the fields with the form's words
    const details = await page.locator('section[aria-labelledby="details-title"] dt').allTextContents();
    expect(details).toEqual(expect.arrayContaining(['First name', 'Last name', 'Email', 'Organization', 'Dietary requirements']));
    expect(await page.textContent('.summary-list')).toContain('Delivered');
    expect(await page.locator('.history tbody tr').count()).toBeGreaterThanOrEqual(2);
    await expectNoAxeViolations(page);

    // Act
    await page.click('button:text("Approve…")');
    await page.waitForSelector('dialog[open] #decision-reason:focus');
    await page.keyboard.type('Nominated by the Permanent Mission');
    await page.click('dialog[open] button[type="submit"]');
    await page.locator('.notice-done', { hasText: 'is approved' }).waitFor();

    // Assess: the history says who (the signed-in account's user name, as its token gives it), what and why
    const last = await page.locator('.history tbody tr').last().allTextContents();
    const username = await page.evaluate(() => {
      const { accessToken } = JSON.parse(sessionStorage.getItem('organizer-console.tokens')!) as { accessToken: string };
      return (JSON.parse(atob(accessToken.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { username: string }).username;
    });
    expect(last.join(' ')).toContain(`Organizer ${username}`);
    expect(last.join(' ')).toContain('Nominated by the Permanent Mission');
    await screenshot(page, 'console-registration-01');
  });

  it('edits a registration on the participant’s behalf, recorded in the history, with the API’s issues by field', async () => {
    // Prepare
    const { eventId, registered } = await eventWith([{ lastName: 'Rossi' }]);
    const [item] = await registrationsOf(session.api, eventId);
    const page = await openConsole(session, `#/events/${eventId}/registrations/${item!.registrationId}`);
    await page.click('button:text("Edit the details")');
    await page.waitForSelector('#edit-title:focus');

    // Act: a phone number the schema refuses
    await page.fill('#edit-phone', 'call me');
    await page.click('button:text("Save the changes")');
    await page.waitForSelector('.error-summary:focus');

    // Assess
    expect(await page.locator('#edit-phone-error').count()).toBe(1);
    await expectNoAxeViolations(page);

    // Act: a valid change
    await page.fill('#edit-phone', '+43 1 514 36 0');
    await page.fill('#edit-position', 'Ambassador');
    await page.click('button:text("Save the changes")');
    await page.locator('.notice-done', { hasText: 'The changes have been saved.' }).waitFor();

    // Assess
    expect(await page.textContent('section[aria-labelledby="details-title"]')).toContain('Ambassador');
    expect((await page.locator('.history tbody tr').last().allTextContents()).join(' ')).toContain('edited the details');
    expect((await registrationsOf(session.api, eventId)).find((entry) => entry.email === registered[0]!.email)).toBeDefined();
  });

  it('resends the manage link', async () => {
    // Prepare
    const { eventId, registered } = await eventWith([{ lastName: 'Santos' }]);
    const [item] = await registrationsOf(session.api, eventId);
    const page = await openConsole(session, `#/events/${eventId}/registrations/${item!.registrationId}`);

    // Act
    await page.click('button:text("Resend the manage link")');
    await page.locator('.notice-done', { hasText: 'on its way' }).waitFor();

    // Assess
    const mails = await waitForMail(session.api.sesEndpoint, registered[0]!.email, 3);
    expect(mails.at(-1)!.body.text).toMatch(/\/manage\?token=/);
  });

  it('rejects two at once with one reason, and says which were done and which skipped and why', async () => {
    // Prepare: three in the queue, one of whom withdraws after the list is shown (so the revision the
    // console names is stale: skipped as changed, not decided)
    const { eventId, registered } = await eventWith([{ lastName: 'Tanaka' }, { lastName: 'Umar' }, { lastName: 'Vidal' }]);
    const page = await openConsole(session, `#/events/${eventId}/registrations?status=awaiting_approval&sort=createdAt`);
    await row(page, 'Person3 Vidal').waitFor();
    expect((await session.api.postJson('/registrations/withdraw', { token: registered[2]!.manage })).status).toBe(200);

    // Act
    for (const name of ['Person1 Tanaka', 'Person2 Umar', 'Person3 Vidal']) await page.check(`input[aria-label="Select ${name}"]`);
    await page.click('button:text("Reject selected")');
    await page.waitForSelector('dialog[open] #decision-reason:focus');
    expect(await page.textContent('dialog[open] h2')).toBe('Reject 3 registrations');
    await page.keyboard.type('The delegation quota is reached');
    await page.dblclick('dialog[open] button[type="submit"]');
    await page.waitForSelector('#bulk-result-title:focus');

    // Assess
    expect(await page.textContent('#bulk-result-title')).toContain('2 done, 1 skipped');
    expect(await page.locator('.bulk-done li').allTextContents()).toEqual(['Person1 Tanaka – Rejected', 'Person2 Umar – Rejected']);
    expect(await page.locator('.bulk-skipped li').allTextContents()).toEqual(['Person3 Vidal: changed since you looked']);
    const stored = await registrationsOf(session.api, eventId);
    expect(stored.filter((entry) => entry.status === 'rejected')).toHaveLength(2);
    await screenshot(page, 'console-registration-02-bulk');
    await expectNoAxeViolations(page);
  });

  it('exports the filter as XLSX', async () => {
    // Prepare
    const { eventId } = await eventWith([{ lastName: 'Weber' }]);
    const page = await openConsole(session, `#/events/${eventId}/registrations`);
    await row(page, 'Person1 Weber').waitFor();

    // Act
    const download = page.waitForEvent('download');
    await page.click('text=Export Excel');
    const file = await download;

    // Assess: a ZIP container (XLSX), named for the event
    expect(file.suggestedFilename()).toMatch(new RegExp(`^${eventId}.*\\.xlsx$`));
    const bytes = await readFile((await file.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('shows a viewer the list and the export without any decision, and a moderator decisions without event editing', async () => {
    // Prepare
    const { eventId } = await eventWith([{ lastName: 'Xu' }]);

    // Act: a viewer
    const viewer = await openConsole(session, `#/events/${eventId}/registrations?status=awaiting_approval&sort=createdAt`, { groups: ['viewers'] });
    await row(viewer, 'Person1 Xu').waitFor();

    // Assess
    expect(await viewer.locator('button:text("Approve"), button:text("Reject"), input[type=checkbox][aria-label^="Select"]').count()).toBe(0);
    expect(await viewer.locator('text=Export CSV').count()).toBe(1);
    expect(await viewer.textContent('.masthead-user')).toContain('Roles: viewer');
    await expectNoAxeViolations(viewer);

    // Act: a moderator
    const moderator = await openConsole(session, `#/events/${eventId}`, { groups: ['moderators'] });
    await moderator.locator('.tiles').waitFor();

    // Assess
    expect(await moderator.locator('text=Edit the event').count()).toBe(0);
    await moderator.click('text=Awaiting approval >> nth=0');
    await whenShown(moderator, 'Awaiting approval');
    await moderator.locator('button[aria-label="Approve Person1 Xu"]').waitFor();
  });

  it('draws registrations over time from the daily counts, with their table', async () => {
    // Prepare
    const { eventId } = await eventWith([{ lastName: 'Young' }, { lastName: 'Zhou' }]);

    // Act
    const page = await openConsole(session, `#/events/${eventId}`);
    await page.locator('section[aria-label="Registrations over time"] canvas').first().waitFor();

    // Assess
    const today = (await page.locator('section[aria-label="Registrations over time"] tbody tr').allTextContents()).at(-1);
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}22$/);
  });
});
