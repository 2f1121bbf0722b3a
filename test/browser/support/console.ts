// Opening the organizer console signed in, for the browser tests. The one place that knows how a test
// signs in: until the sign-in branch is merged, by putting a token from api.organizerToken(groups) in
// sessionStorage (web/console/auth.ts, the console branch's stand-in, reads it); after the merge, by
// the local OpenID Connect provider's sign-in form. Tests call only these functions.
import type { Page } from 'playwright-core';
import type { BrowserSession } from './browser.ts';

export const tablet = { width: 768, height: 1024 };
export const desktop = { width: 1280, height: 900 };

/** Put into the page before its scripts: the token, once per tab (a reload after sign-out finds none). */
function seedToken(token: string): string {
  return `if (!sessionStorage.getItem('console.test.seeded')) {
    sessionStorage.setItem('console.test.seeded', '1');
    sessionStorage.setItem('console.devToken', ${JSON.stringify(token)});
  }`;
}

export interface ConsoleOptions {
  groups?: string[];
  username?: string;
  viewport?: { width: number; height: number };
}

/** Opens /organizer/<hash> signed in with the groups, and waits until the page's h1 has the focus. */
export async function openConsole(session: BrowserSession, hash = '#/events', options: ConsoleOptions = {}): Promise<Page> {
  const token = await session.api.organizerToken(options.groups ?? ['organizers']);
  const page = await session.open(`/organizer/${hash}`, 'en-GB', { initScript: seedToken(token), viewport: options.viewport ?? desktop, acceptDownloads: true });
  await whenShown(page);
  return page;
}

/** Waits until the console shows a page: its h1 takes the focus once the page is drawn. */
export async function whenShown(page: Page, heading?: string | RegExp): Promise<void> {
  await page.waitForSelector('main h1:focus', { timeout: 20_000 });
  if (heading) await page.locator('main h1', { hasText: heading }).waitFor({ timeout: 20_000 });
}

/** Goes to another console page by its hash, as a link would, and waits for it. */
export async function go(page: Page, hash: string, heading?: string | RegExp): Promise<void> {
  await page.evaluate((target) => {
    // The new page's h1 takes the focus; the old one must not pass for it meanwhile.
    (document.activeElement as HTMLElement | null)?.blur();
    location.hash = target;
  }, hash);
  await whenShown(page, heading);
}

/** Signs in again after the console sent the organizer to sign-in (a 401 mid-session). */
export async function signInAgain(session: BrowserSession, page: Page, groups = ['organizers']): Promise<void> {
  const token = await session.api.organizerToken(groups);
  await page.evaluate((value) => sessionStorage.setItem('console.devToken', value), token);
  await page.reload();
  await whenShown(page);
}

/** Whether the console has sent the organizer back to sign in. */
export async function waitForSignIn(page: Page): Promise<void> {
  await page.locator('main h1', { hasText: 'The console could not start' }).waitFor({ timeout: 20_000 });
}
