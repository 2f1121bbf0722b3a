// The weight budgets of the pages as served, HTML + CSS + JS gzipped: the registration page at most
// 80 KB, the organizer console's first load at most 150 KB (issue 12).
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildWebAssets, consolePagePath, pagePath } from '../../web/build.ts';

const pages = [
  { name: 'the registration page', path: pagePath, budgetBytes: 80 * 1024 },
  { name: 'the organizer console', path: consolePagePath, budgetBytes: 150 * 1024 },
];

const referencedBy = (html: string) => [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!);

describe('the pages’ weight', () => {
  it.each(pages)('$name is within its budget gzipped for HTML, CSS and JS together', async ({ path, budgetBytes }) => {
    // Prepare
    const assets = await buildWebAssets();

    // Act
    const referenced = referencedBy(assets.get(path)!.body.toString('utf8'));
    const sizes = [path, ...referenced].map((each) => ({ path: each, gzipped: gzipSync(assets.get(each)!.body).length }));
    const total = sizes.reduce((sum, entry) => sum + entry.gzipped, 0);

    // Assess
    expect(referenced.map((each) => each.split('.').pop()).sort()).toEqual(['css', 'js']);
    // The sizes are in the message only when the budget is broken; npm run bench reports them always.
    expect(total, sizes.map((entry) => `${entry.path} ${entry.gzipped} B`).join(', ')).toBeLessThanOrEqual(budgetBytes);
  });

  it('builds nothing that neither page loads', async () => {
    // Act
    const assets = await buildWebAssets();
    const loaded = pages.flatMap(({ path }) => [path, ...referencedBy(assets.get(path)!.body.toString('utf8'))]);

    // Assess
    expect([...assets.keys()].sort()).toEqual(loaded.sort());
  });
});
