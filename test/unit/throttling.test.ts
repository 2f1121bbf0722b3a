// The per-client rule as the WAF's rate-based rules apply it, on a clock the test moves.
import { describe, expect, it } from 'vitest';
import { ClientWindow, publicPostPathPattern } from '#shared/http/throttling.ts';
import { isForStaff, routes } from '#shared/http/routes.ts';

describe('Class: ClientWindow', () => {
  it('refuses a client beyond its limit in the window, and only that client', () => {
    // Prepare
    let now = 0;
    const window = new ClientWindow(3, 60, () => now);

    // Act
    const first = [1, 2, 3, 4].map(() => window.count('flooder').allowed);
    const other = window.count('participant').allowed;

    // Assess
    expect(first).toEqual([true, true, true, false]);
    expect(other).toBe(true);
  });

  it('keeps refusing while the client keeps sending, and lets it in once it has been quiet long enough', () => {
    // Prepare
    let now = 0;
    const window = new ClientWindow(2, 60, () => now);
    window.count('a');
    window.count('a');

    // Act
    now = 30_000;
    const during = window.count('a');
    now = 59_000;
    const stillFlooding = window.count('a');
    now = 59_000 + 60_000;
    const afterQuiet = window.count('a');

    // Assess
    expect(during).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(stillFlooding.allowed).toBe(false);
    expect(afterQuiet.allowed).toBe(true);
  });
});

describe('Function: publicPostPathPattern', () => {
  it('matches exactly the public POST routes\' paths (with an optional trailing slash)', () => {
    // Prepare
    const pattern = new RegExp(publicPostPathPattern());
    const example = (path: string) => path.replace(/\{\w+\}/g, 'x-1');

    // Act + Assess
    for (const route of routes) {
      const counted = route.method === 'POST' && !isForStaff(route);
      const samePathPublicPost = routes.some((other) => other.path === route.path && other.method === 'POST' && !isForStaff(other));
      expect(pattern.test(example(route.path)), `${route.method} ${route.path}`).toBe(counted || samePathPublicPost);
    }
    expect(pattern.test('/events/x-1/registrations/')).toBe(true);
    expect(pattern.test('/events/x-1/registrations/r-1/approve')).toBe(false);
    expect(pattern.test('/registrations/self')).toBe(false);
    expect(publicPostPathPattern().length).toBeLessThanOrEqual(200);
  });
});
