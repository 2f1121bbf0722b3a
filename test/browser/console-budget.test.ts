// The weight budget of the organizer console's first load: HTML + CSS + JS at most 150 KB gzipped, as
// served (Preact, uPlot and the console's own code; the registration page's budget is page-budget).
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildWebAssets, consolePagePath } from '../../web/build.ts';

const budgetBytes = 150 * 1024;

describe('the organizer console’s weight', () => {
  it('is at most 150 KB gzipped for HTML, CSS and JS together on the first load', async () => {
    // Prepare
    const assets = await buildWebAssets();

    // Act
    const html = assets.get(consolePagePath)!.body.toString('utf8');
    const referenced = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!);
    const sizes = [consolePagePath, ...referenced].map((path) => ({ path, gzipped: gzipSync(assets.get(path)!.body).length }));
    const total = sizes.reduce((sum, entry) => sum + entry.gzipped, 0);

    // Assess: one script and one style of the console's own, and nothing of the registration page's
    expect(referenced.map((path) => path.replace(/\.[\w-]+\.(js|css)$/, '.$1')).sort()).toEqual(['/assets/console.css', '/assets/console.js']);
    expect([...assets.keys()].filter((path) => path.startsWith('/organizer/') || path.startsWith('/assets/console.')).sort()).toEqual([consolePagePath, ...referenced].sort());
    expect(total, sizes.map((entry) => `${entry.path} ${entry.gzipped} B`).join(', ')).toBeLessThanOrEqual(budgetBytes);
  });
});
