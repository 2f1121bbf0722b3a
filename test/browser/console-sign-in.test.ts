// The organizer console's sign-in in Chromium: sent to the local identity provider, signed in by the
// form's labels, back on the very page asked for, still signed in after a reload, and signed out.
import { describe, expect, it } from 'vitest';
import { refresh } from '../support/sign-in.ts';
import { browserSession, chromiumAvailable, chromiumRequired, expectNoAxeViolations, screenshot, signInOnPage } from './support/browser.ts';

const organizer = { email: 'amira.haddad@osce.example', password: 'a long local password' };

describe.skipIf(!chromiumAvailable && !chromiumRequired)('the organizer console sign-in', () => {
  const session = browserSession();

  it('signs in by the labels, survives a reload, and signs out', async () => {
    // Prepare
    await session.api.addAccount(organizer.email, organizer.password, ['organizers', 'moderators']);
    const page = await session.open('/organizer/');
    await page.getByLabel('Email').waitFor({ timeout: 30_000 });
    await expectNoAxeViolations(page);
    await screenshot(page, 'console-sign-in');

    // Act
    await signInOnPage(page, organizer.email, organizer.password);
    const signedIn = page.getByText(`Signed in as ${organizer.email}`);
    await signedIn.waitFor({ timeout: 30_000 });
    const address = page.url();
    await page.reload();
    await signedIn.waitFor({ timeout: 30_000 });
    const afterReload = page.url();
    await page.getByText('Roles: organizer, moderator').waitFor({ timeout: 30_000 });
    const rolesShown = await page.getByText('Roles: organizer, moderator').count();
    const stored = await page.evaluate(() => ({
      session: Object.keys(sessionStorage),
      local: Object.keys(localStorage),
      refreshToken: (JSON.parse(sessionStorage.getItem('organizer-console.tokens') ?? '{}') as { refreshToken?: string }).refreshToken,
    }));
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').waitFor({ timeout: 30_000 });
    const refreshAfterSignOut = await refresh(session.api.stack.consoleConfig, stored.refreshToken!);

    // Assess: no code or state left in the address; tokens only in this tab's sessionStorage; signing
    // out revokes the refresh token and ends the provider's session too, so the console asks to sign in again.
    expect(address).toBe(`${session.api.baseUrl}/organizer/`);
    expect(afterReload).toBe(address);
    expect(rolesShown).toBe(1);
    expect(stored.local).toEqual([]);
    expect(stored.session).toContain('organizer-console.tokens');
    expect(refreshAfterSignOut.status).toBe(400);
    expect(new URL(page.url()).origin).toBe(session.api.stack.issuer);
    expect(await page.getByRole('heading', { name: 'Sign in' }).count()).toBe(1);
  });

  it('brings the organizer back to the console page and filter they opened, and says when the password is wrong', async () => {
    // Prepare
    await session.api.addAccount('jonas.berg@osce.example', organizer.password, ['viewers']);
    const page = await session.open('/organizer/#/events/osce-drugs-2017/registrations?status=awaiting_approval');
    await page.getByLabel('Email').waitFor({ timeout: 30_000 });

    // Act
    await page.getByLabel('Email').fill('jonas.berg@osce.example');
    await page.getByLabel('Password').fill('not it');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const problem = await page.getByRole('alert').textContent();
    await signInOnPage(page, 'jonas.berg@osce.example', organizer.password);
    await page.getByText('Signed in as jonas.berg@osce.example').waitFor({ timeout: 30_000 });

    // Assess
    expect(problem).toContain('Incorrect email or password.');
    expect(page.url()).toBe(`${session.api.baseUrl}/organizer/#/events/osce-drugs-2017/registrations?status=awaiting_approval`);
    await page.getByText('Roles: viewer').waitFor({ timeout: 30_000 });
    expect(await page.getByText('Roles: viewer').count()).toBe(1);
  });
});

describe.skipIf(!chromiumAvailable && !chromiumRequired)('the organizer console session', () => {
  // 70 s tokens: the console renews a minute before expiry, so about ten seconds after signing in.
  const session = browserSession({ accessTokenSeconds: 70 });

  it('renews the access token silently before it expires, with no page load', async () => {
    // Prepare
    await session.api.addAccount(organizer.email, organizer.password);
    const page = await session.open('/organizer/');
    await page.getByLabel('Email').waitFor({ timeout: 30_000 });
    await signInOnPage(page, organizer.email, organizer.password);
    await page.getByText(`Signed in as ${organizer.email}`).waitFor({ timeout: 30_000 });
    const accessToken = () => page.evaluate(() => (JSON.parse(sessionStorage.getItem('organizer-console.tokens') ?? '{}') as { accessToken?: string }).accessToken);
    const first = await accessToken();
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    // Act
    await page.waitForFunction((before) => JSON.parse(sessionStorage.getItem('organizer-console.tokens') ?? '{}').accessToken !== before, first, { timeout: 45_000, polling: 500 });
    const renewed = await accessToken();
    const called = await session.api.request('/events/osce-drugs-2017/stats', { headers: { authorization: `Bearer ${renewed}` } });

    // Assess
    expect(renewed).not.toBe(first);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(called.status).toBe(200);
  }, 90_000);
});
