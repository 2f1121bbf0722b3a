// Opening the organizer console signed in, for the browser tests: through the local OpenID Connect
// provider's sign-in form, by its labels, as an organizer would (the same code flow with PKCE as in
// the cloud). The one place that knows how a test signs in; tests call only these functions.
import type { Page } from 'playwright-core';
import { signInOnPage, type BrowserSession } from './browser.ts';

export const tablet = { width: 768, height: 1024 };
export const desktop = { width: 1280, height: 900 };

const password = 'console-test-password';

/** One account per set of groups (and name) in each test stack, made the first time it is asked for. */
const accounts = new WeakMap<object, Map<string, Promise<string>>>();

function accountFor(session: BrowserSession, groups: string[], username?: string): Promise<string> {
  const known = accounts.get(session.api) ?? new Map<string, Promise<string>>();
  accounts.set(session.api, known);
  const email = `${username ?? (groups.length > 0 ? groups.join('.') : 'no-group')}@console.test`.toLowerCase();
  if (!known.has(email)) known.set(email, session.api.addAccount(email, password, groups).then(() => email));
  return known.get(email)!;
}

export interface ConsoleOptions {
  groups?: string[];
  username?: string;
  viewport?: { width: number; height: number };
}

/** Opens /organizer/<hash>, signs in with an account in the groups, and waits until the page's h1 has the focus. */
export async function openConsole(session: BrowserSession, hash = '#/events', options: ConsoleOptions = {}): Promise<Page> {
  const email = await accountFor(session, options.groups ?? ['organizers'], options.username);
  const page = await session.open(`/organizer/${hash}`, 'en-GB', { viewport: options.viewport ?? desktop, acceptDownloads: true });
  await waitForSignIn(page);
  await signInOnPage(page, email, password);
  await whenShown(page);
  return page;
}

/** Waits until the console shows a page: its h1 takes the focus once the page is drawn. */
export async function whenShown(page: Page, heading?: string | RegExp): Promise<void> {
  await page.waitForSelector('main h1:focus', { timeout: 30_000 });
  if (heading) await page.locator('main h1', { hasText: heading }).waitFor({ timeout: 30_000 });
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

/**
 * After the console sent the organizer to the provider again (a 401 mid-session; call it once the
 * authorization request has gone out): signs in on the provider's form when it asks (its own session
 * may have ended), or lets it send the browser straight back, and waits for the console page.
 */
export async function signInAgain(session: BrowserSession, page: Page, groups = ['organizers']): Promise<void> {
  const { issuer } = session.api.stack;
  // `commit`: the provider's form, or the console's own address with the code, as soon as either replaces the old page.
  await page.waitForURL((url) => url.origin === issuer || url.searchParams.has('code'), { waitUntil: 'commit', timeout: 30_000 });
  if (new URL(page.url()).origin === issuer) await signInOnPage(page, await accountFor(session, groups), password);
  await whenShown(page);
}

/** Resolves when the console asks the provider for a sign-in (start waiting before the act that causes it). */
export function signInRequested(page: Page): Promise<unknown> {
  return page.waitForRequest((request) => new URL(request.url()).pathname.endsWith('/oauth2/authorize'), { timeout: 30_000 });
}

/** Whether the console has sent the organizer to the identity provider's sign-in form. */
export async function waitForSignIn(page: Page): Promise<void> {
  await page.getByLabel('Email').waitFor({ timeout: 30_000 });
}
