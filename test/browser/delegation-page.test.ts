// The focal point's delegation page and the nominee's way into the form, in a real browser: a focal
// point nominates three delegates (the one over the quota goes to the waiting list), a nominee
// registers through their invitation and confirms, and the list of participants names them.
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { inviteFocalPoints, nominationToken } from '../support/delegation-journeys.ts';
import { uniqueEmail } from '../support/fixtures.ts';
import { organizerCall, putEvent } from '../support/journeys.ts';
import { linkToken, waitForMail } from '../support/mailbox.ts';
import { browserSession, chromiumAvailable, expectNoAxeViolations, screenshot, whenLoaded } from './support/browser.ts';

describe.skipIf(!chromiumAvailable)('the delegation page', () => {
  const session = browserSession();

  it('nominates three delegates, one of them onto the waiting list; a nominee registers and appears in the list of participants', async () => {
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
    const list = await organizerCall(session.api, '/events/deleg-browser/participant-list?format=pdf');

    // Assess
    expect(notices.slice(0, 2).every((notice) => notice.includes('The nomination has been recorded'))).toBe(true);
    expect(notices[2]).toContain('waiting list');
    const rows = await page.locator('table.nominees tbody tr').allTextContents();
    expect(rows).toHaveLength(3);
    expect(rows[2]).toContain('Sophie Wagner');
    expect(rows[2]).toContain('waiting list');
    await expectNoAxeViolations(page);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await list.arrayBuffer())), { mergePages: true });
    expect(text).toContain('Austria');
    expect(text).toContain('Katharina Huber (Head of Delegation)');
  }, 180_000);
});
