// The weight budget of the registration page: HTML + CSS + JS at most 80 KB gzipped, as served.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildWebAssets, pagePath } from '../../web/build.ts';

const budgetBytes = 80 * 1024;

describe('the registration page’s weight', () => {
  it('is at most 80 KB gzipped for HTML, CSS and JS together', async () => {
    // Prepare
    const assets = await buildWebAssets();

    // Act
    const html = assets.get(pagePath)!.body.toString('utf8');
    const referenced = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!);
    const sizes = [pagePath, ...referenced].map((path) => ({ path, gzipped: gzipSync(assets.get(path)!.body).length }));
    const total = sizes.reduce((sum, entry) => sum + entry.gzipped, 0);

    // Assess
    expect(referenced.map((path) => path.split('.').pop()).sort()).toEqual(['css', 'js']);
    // Everything else built is the organizer console's (console-budget.test.ts weighs it).
    const consoleOwn = (path: string) => path.startsWith('/organizer/') || path.startsWith('/assets/console.');
    expect([...assets.keys()].filter((path) => !consoleOwn(path)).sort()).toEqual([pagePath, ...referenced].sort());
    // The sizes are in the message only when the budget is broken; npm run bench reports them always.
    expect(total, sizes.map((entry) => `${entry.path} ${entry.gzipped} B`).join(', ')).toBeLessThanOrEqual(budgetBytes);
  });
});
