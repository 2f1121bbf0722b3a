// The organizer console in Chromium against the local stack. (Tests that need the API branch's routes
// are in console-next.test.ts.)
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, chromiumMissingMessage, chromiumRequired, browserSession, expectNoAxeViolations, screenshot } from './support/browser.ts';
import { openConsole } from './support/console.ts';
import { seedEvent } from '#shared/model/seed-event.ts';

if (!chromiumAvailable && chromiumRequired) {
  describe('console browser tests', () => {
    it('need Chromium under CI=true', () => {
      expect.fail(chromiumMissingMessage);
    });
  });
}

describe.skipIf(!chromiumAvailable)('the organizer console', () => {
  const session = browserSession();

  it('lists the events', async () => {
    // Act
    const page = await openConsole(session);

    // Assess
    expect(await page.textContent('main h1')).toBe('Events');
    await page.locator('table tbody tr').first().waitFor();
    expect(await page.locator('tbody th a').allTextContents()).toContain(seedEvent.title);
    await screenshot(page, 'console-01-events');
    await expectNoAxeViolations(page);
  });
});
