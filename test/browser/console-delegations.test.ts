// The organizer console's Delegations page in a real browser: a delegation with one confirmed and one
// unconfirmed nominee, reminders sent, the delegation approved at once, the states changing on the page.
import { describe, expect, it } from 'vitest';
import { inviteFocalPoints, nominate, nomineeRegisters, postLetter } from '../support/delegation-journeys.ts';
import { pdf } from '../support/images.ts';
import { uniqueEmail } from '../support/fixtures.ts';
import { putEvent } from '../support/journeys.ts';
import { waitForMail } from '../support/mailbox.ts';
import { browserSession, chromiumAvailable, chromiumRequired, expectNoAxeViolations, screenshot } from './support/browser.ts';
import { openConsole } from './support/console.ts';

describe.skipIf(!chromiumAvailable && !chromiumRequired)('the organizer console’s delegations', () => {
  const session = browserSession();

  it('shows a delegation by nominee, sends reminders to the unconfirmed one and approves the delegation at once', async () => {
    // Prepare
    const eventId = `deleg-console-${Date.now().toString(36)}`;
    expect((await putEvent(session.api, eventId, { title: 'Delegations meeting', approval: 'required', delegations: { quota: { delegates: 3, heads: 1 } } })).status).toBe(201);
    const focalEmail = uniqueEmail('focal-at');
    const [focal] = await inviteFocalPoints(session.api, eventId, [{ entityId: 'AT', email: focalEmail }]);
    const [confirmed, silent] = [uniqueEmail('nominee'), uniqueEmail('nominee')];
    expect((await nominate(session.api, focal!, { email: confirmed, name: 'Katharina Huber', role: 'head', function: 'Ambassador' })).status).toBe(201);
    expect((await nominate(session.api, focal!, { email: silent, name: 'Lukas Gruber' })).status).toBe(201);
    await nomineeRegisters(session.api, eventId, confirmed, 'AT', true);
    await waitForMail(session.api.sesEndpoint, silent, 1);
    // The focal point uploads the delegation's nomination letter through the delegation page's form.
    const posted = await postLetter(await (await session.api.request(`/delegation?token=${encodeURIComponent(focal!)}`)).text(), pdf());
    expect((await session.api.postJson('/delegations/letter', { token: focal!, uploadId: new URL(posted.headers.get('location') ?? '').searchParams.get('letter') })).status).toBe(200);
    const page = await openConsole(session, `#/events/${eventId}/delegations`);
    const austria = page.locator('section.delegation', { has: page.locator('h2', { hasText: 'Austria' }) });
    const registrationOf = (name: string) => austria.locator('tbody tr', { has: page.locator(`th:has-text("${name}")`) }).locator('td').nth(4);
    await austria.waitFor({ timeout: 30_000 });

    // Assess: who nominated whom, and where each registration stands
    expect(await page.textContent('main h1')).toBe('Delegations');
    expect(await austria.textContent()).toContain('Delegates: 2 of 3 · heads of delegation: 1 of 1 · 1 not confirmed');
    expect(await austria.textContent()).toContain(`${focalEmail} (en): invited`);
    expect(await registrationOf('Katharina Huber').textContent()).toBe('Awaiting approval');
    expect(await registrationOf('Lukas Gruber').textContent()).toBe('None yet');
    expect(await austria.locator('tbody tr').first().locator('td').nth(2).textContent()).toBe(focalEmail);
    expect(await austria.locator('.delegation-letter').textContent()).toContain('Nomination letter uploaded');
    await expectNoAxeViolations(page);

    // Act: the organizer downloads the letter
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), austria.locator('button:text("Download the nomination letter of Austria")').click()]);

    // Assess
    expect(download.suggestedFilename()).toBe(`${eventId}-nomination-letter-AT.pdf`);
    expect(Buffer.from(await (await fetch(download.url())).arrayBuffer()).toString('latin1')).toContain('%PDF-1.4');

    // Act: the filter, then the reminders
    await page.selectOption('#delegation-filter', 'no-focal-point');
    await page.locator('text=No delegation matches this filter.').waitFor({ timeout: 20_000 });
    await page.selectOption('#delegation-filter', 'unconfirmed');
    await austria.waitFor({ timeout: 20_000 });
    await austria.locator('button:text("Send reminders")').click();

    // Assess
    await page.locator('[role=status]', { hasText: 'Reminders sent: 1. Skipped (reminded in the last 24 hours): 0.' }).waitFor({ timeout: 20_000 });
    const reminder = (await waitForMail(session.api.sesEndpoint, silent, 2)).at(-1)!;
    expect(reminder.subject).toContain('Reminder');
    await expect.poll(() => austria.locator('tbody tr', { has: page.locator('th:has-text("Lukas Gruber")') }).locator('td').nth(5).textContent(), { timeout: 20_000 }).not.toBe('');

    // Act: approve the delegation at once
    await austria.locator('button:text("Approve the delegation")').click();

    // Assess
    await page.locator('[role=status]', { hasText: 'Austria: 1 approved. Not approved: Lukas Gruber (not registered).' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => registrationOf('Katharina Huber').textContent(), { timeout: 20_000 }).toBe('Approved');
    expect(await registrationOf('Lukas Gruber').textContent()).toBe('None yet');
    await screenshot(page, '50-console-delegations');
  });

  it('invites focal points from a pasted CSV (an unknown entity refuses the whole list), and shows a moderator no organizer form', async () => {
    // Prepare
    const eventId = `deleg-invite-${Date.now().toString(36)}`;
    expect((await putEvent(session.api, eventId, { title: 'Invitations meeting' })).status).toBe(201);
    const [austria, unodc] = [uniqueEmail('focal-at'), uniqueEmail('focal-unodc')];
    const page = await openConsole(session, `#/events/${eventId}/delegations`);
    await page.locator('text=No delegation has a focal point or a nominee yet.').waitFor({ timeout: 30_000 });
    await page.fill('#entity-id', 'unodc');
    await page.fill('#entity-name', 'United Nations Office on Drugs and Crime');
    await page.click('section.delegation-add button:text("Add")');
    await page.locator('[role=status]', { hasText: 'United Nations Office on Drugs and Crime was added.' }).waitFor({ timeout: 20_000 });

    // Act
    await page.fill('#invite-csv', `entity,address\nXX,${uniqueEmail('nobody')}\nat,${austria}`);
    await page.click('button:text("Invite everyone in the list")');
    await page.locator('[role=status]', { hasText: 'These entities are not nominating entities of this event: XX. Nothing was sent.' }).waitFor({ timeout: 20_000 });
    await page.fill('#invite-csv', `at,${austria},de\nunodc,${unodc}`);
    await page.click('button:text("Invite everyone in the list")');

    // Assess
    await page.locator('[role=status]', { hasText: '2 focal point(s) invited.' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('section.delegation h2').allTextContents()).toEqual(['Austria (AT)', 'United Nations Office on Drugs and Crime (unodc)']);
    expect(await page.locator('section.delegation').first().textContent()).toContain(`${austria} (de)`);
    expect((await waitForMail(session.api.sesEndpoint, unodc, 1))[0]!.subject).toContain('United Nations Office on Drugs and Crime');
    const asModerator = await openConsole(session, `#/events/${eventId}/delegations`, { groups: ['moderators'] });
    await asModerator.locator('section.delegation').first().waitFor({ timeout: 30_000 });
    expect(await asModerator.locator('#invite-csv').count()).toBe(0);
    expect(await asModerator.locator('button:text("Send reminders to every delegation")').count()).toBe(1);
    await expectNoAxeViolations(page);
  });
});
