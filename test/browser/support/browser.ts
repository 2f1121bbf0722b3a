// Chromium for the browser tests: Debian's package at /usr/bin/chromium (CI installs it with apt),
// driven by playwright-core. Without it the tests say so and skip, except under CI=true, where they fail.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startTestApi, type TestApi, type TestApiOptions } from '../../support/local-api.ts';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const chromiumAvailable = existsSync(chromiumPath);
export const chromiumRequired = process.env.CI === 'true';

export const chromiumMissingMessage =
  `Chromium not found at ${chromiumPath}. Install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`;

if (!chromiumAvailable && !chromiumRequired) process.stderr.write(`\n${chromiumMissingMessage} The browser tests are skipped.\n\n`);

/** Screenshots of each state, for review; test-results/ is gitignored. */
export const screenshotDir = join(process.cwd(), 'test-results', 'browser');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions, CSP violations included. */
  errors: string[];
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** Runs in the page before any of its own scripts, on every load (e.g. to put a token in sessionStorage). */
  initScript?: string;
  /** Lets the page save downloads (an export). */
  acceptDownloads?: boolean;
}

export async function openPage(browser: Browser, url: string, locale = 'en-GB', options: OpenOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ locale, viewport: options.viewport ?? { width: 1000, height: 900 }, acceptDownloads: options.acceptDownloads ?? false });
  if (options.initScript) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    // An HTTP error status is logged by the browser itself; the tests cause those on purpose.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { context, page, errors };
}

/** Waits until the page script has loaded the event (or failed to). */
export async function whenLoaded(page: Page): Promise<void> {
  await page.waitForSelector('body[data-state]', { state: 'attached' });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Presses Tab until the element matching `selector` has the focus: proves it is reachable by keyboard. */
export async function tabTo(page: Page, selector: string, maxPresses = 60): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses++) {
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} was not reached with ${maxPresses} presses of Tab`);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core with its default rules (WCAG 2.0–2.2 A and AA plus best practices). Injected through the
 * DevTools protocol, so the page's Content-Security-Policy (no inline script) need not be loosened.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target })),
    }));
  });
  expect(violations).toEqual([]);
}

export interface BrowserSession {
  /** The local stack the pages talk to (started before the block's tests). */
  readonly api: TestApi;
  /** Opens a page of the local stack in a fresh browser context. */
  open(path: string, locale?: string, options?: OpenOptions): Promise<Page>;
}

/**
 * The local stack and Chromium for one describe block. After each test, every page it opened must
 * have logged no console error: a Content-Security-Policy violation or a script error would show there.
 */
export function browserSession(options: TestApiOptions = {}): BrowserSession {
  let api: TestApi | undefined;
  let browser: Browser | undefined;
  const opened: OpenedPage[] = [];
  beforeAll(async () => {
    [api, browser] = await Promise.all([startTestApi(options), launchChromium()]);
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
  return {
    get api() {
      return api!;
    },
    async open(path, locale, options) {
      const entry = await openPage(browser!, `${api!.baseUrl}${path}`, locale, options);
      opened.push(entry);
      return entry.page;
    },
  };
}

/** Signs in on the identity provider's page by its labels, as an organizer would, and waits to be back. */
export async function signInOnPage(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/organizer'), { timeout: 30_000 });
}
