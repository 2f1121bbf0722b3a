// The focal point's delegation page and the nominee's way into the form, in a real browser: a focal
// point nominates three delegates (the one over the quota goes to the waiting list) and uploads the
// nomination letter, a nominee registers through their invitation and confirms, and the organizer
// downloads from the console the list of participants naming them and the nominee's visa letter.
import { readFile } from 'node:fs/promises';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { inviteFocalPoints, nominationToken } from '../support/delegation-journeys.ts';
import { uniqueEmail } from '../support/fixtures.ts';
import { putEvent, registrationsOf } from '../support/journeys.ts';
import { pdf } from '../support/images.ts';
import { linkToken, waitForMail } from '../support/mailbox.ts';
import { browserSession, chromiumAvailable, expectNoAxeViolations, screenshot, whenLoaded } from './support/browser.ts';
import { openConsole } from './support/console.ts';

describe.skipIf(!chromiumAvailable)('the delegation page', () => {
  const session = browserSession();

  it('nominates three delegates (one onto the waiting list) and uploads the letter; a nominee registers; the organizer downloads the list naming them and their visa letter', async () => {
    // Prepare
    await putEvent(session.api, 'deleg-browser', { delegations: { quota: { delegates: 2, heads: 1 }, nominationsCloseAt: new Date(Date.now() + 86_400_000).toISOString() } });
    const [token] = await inviteFocalPoints(session.api, 'deleg-browser', [{ entityId: 'AT', email: uniqueEmail('focal') }]);
    const page = await session.open(`/delegation?token=${encodeURIComponent(token!)}`);
    await expectNoAxeViolations(page);
    const nominees = [
      { name: 'Katharina Huber', email: uniqueEmail('head'), role: 'head' },
      { name: 'Lukas Gruber', email: uniqueEmail('member'), role: 'member' },
      { name: 'Sophie Wagner', email: uniqueEmail('member'), role: 'member' },
    ];

    // Act
    const notices: string[] = [];
    for (const nominee of nominees) {
      await page.fill('#name', nominee.name);
      await page.fill('#email', nominee.email);
      await page.fill('#function', 'Counsellor');
      await page.selectOption('#role', nominee.role);
      await Promise.all([page.waitForNavigation(), page.click('form[action="/delegations/nominate"] button')]);
      notices.push((await page.textContent('.notice')) ?? '');
    }
    await screenshot(page, '40-delegation');
    // The nomination letter: the page's form posts the PDF to the bucket, which sends the browser back to attach it.
    // The page a form post answers links to the page itself, where the letter form is.
    await Promise.all([page.waitForNavigation(), page.click('a:text("Upload the nomination letter")')]);
    await page.setInputFiles('#letter-file', { name: 'note-verbale.pdf', mimeType: 'application/pdf', buffer: pdf() });
    await Promise.all([page.waitForURL(/[?&]letter=/, { timeout: 30_000 }), page.click('form[enctype="multipart/form-data"] button')]);
    await Promise.all([page.waitForNavigation(), page.click('form[action="/delegations/letter"] button')]);
    const letterNotice = (await page.textContent('.notice')) ?? '';
    const invitation = (await waitForMail(session.api.sesEndpoint, nominees[0]!.email, 1))[0]!;
    const form = await session.open(`/register/deleg-browser?lang=en&nomination=${encodeURIComponent(nominationToken(invitation))}`);
    await whenLoaded(form);
    await form.fill('#firstName', 'Katharina');
    await form.fill('#lastName', 'Huber');
    await form.fill('#email', nominees[0]!.email);
    await form.check('#category-civil_society');
    await form.fill('#organization', 'Federal Ministry for European and International Affairs');
    await form.check('#privacyNotice');
    await form.check('#participantList');
    await form.click('button[type="submit"]');
    await form.waitForSelector('#view-done:not([hidden])', { timeout: 30_000 });
    const confirmation = (await waitForMail(session.api.sesEndpoint, nominees[0]!.email, 2)).at(-1)!;
    await session.api.postJson('/registrations/confirm', { token: linkToken(confirmation) });
    const katharina = (await registrationsOf(session.api, 'deleg-browser')).find((registration) => registration.email === nominees[0]!.email)!;
    const console = await openConsole(session, '#/events/deleg-browser/delegations');
    const pdfButton = console.locator('button:text("List of participants (PDF)")');
    await pdfButton.waitFor({ timeout: 30_000 });
    const [listDownload] = await Promise.all([console.waitForEvent('download', { timeout: 30_000 }), pdfButton.click()]);
    const list = await readFile((await listDownload.path())!);
    await console.goto(`${new URL(console.url()).origin}/organizer/#/events/deleg-browser/registrations/${katharina.registrationId}`);
    const letterButton = console.locator('button:text("Visa support letter (PDF)")');
    await letterButton.waitFor({ timeout: 30_000 });
    const [letterDownload] = await Promise.all([console.waitForEvent('download', { timeout: 30_000 }), letterButton.click()]);
    const visaLetter = await readFile((await letterDownload.path())!);

    // Assess
    expect(notices.slice(0, 2).every((notice) => notice.includes('The nomination has been recorded'))).toBe(true);
    expect(notices[2]).toContain('waiting list');
    const rows = await page.locator('table.nominees tbody tr').allTextContents();
    expect(rows).toHaveLength(3);
    expect(rows[2]).toContain('Sophie Wagner');
    expect(rows[2]).toContain('waiting list');
    await expectNoAxeViolations(page);
    expect(letterNotice).toContain('The nomination letter is attached.');
    expect(await page.textContent('#letter ~ p')).toBeTruthy();
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(list)), { mergePages: true });
    expect(text).toContain('Austria');
    expect(text).toContain('Katharina Huber (Head of Delegation)');
    expect(letterDownload.suggestedFilename()).toMatch(/^deleg-browser-visa-letter-/);
    const letterText = (await extractText(await getDocumentProxy(new Uint8Array(visaLetter)), { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(letterText).toContain('Visa support letter');
    expect(letterText).toContain('Katharina Huber');
  }, 180_000);
});
