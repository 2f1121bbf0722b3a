// Bundles a handler with exactly the esbuild settings of the deployed functions (infra/functions.ts
// `bundling`), mapped from CDK's BundlingOptions to esbuild's own names the way NodejsFunction does:
// platform node, the runtime's target, one entry, outfile index.mjs for ESM.
import { build, type BuildOptions } from 'esbuild';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundling, projectRoot } from '../infra/functions.ts';
import { buildWebAssets, consolePagePath, pagePath } from '../web/build.ts';

// Every BundlingOptions field the deployed settings use must be mapped here; an unknown one stops the
// bench rather than silently measuring something that is not deployed.
const mapped = new Set(['format', 'target', 'mainFields', 'minify', 'sourceMap', 'sourceMapMode', 'sourcesContent', 'externalModules', 'banner', 'footer', 'define', 'loader', 'keepNames', 'logLevel', 'charset']);

export function esbuildOptions(): BuildOptions {
  const unknown = Object.keys(bundling).filter((key) => !mapped.has(key));
  if (unknown.length > 0) throw new Error(`bench/bundle.ts does not map these bundling options yet: ${unknown.join(', ')}`);
  const sourceMap = bundling.sourceMapMode ?? bundling.sourceMap;
  return {
    bundle: true,
    platform: 'node',
    target: bundling.target ?? 'node24',
    format: bundling.format === 'esm' ? 'esm' : 'cjs',
    ...(bundling.mainFields ? { mainFields: bundling.mainFields } : {}),
    minify: bundling.minify ?? false,
    sourcemap: sourceMap === undefined || sourceMap === false ? false : sourceMap === true || sourceMap === 'default' ? true : (sourceMap as 'linked' | 'external' | 'inline' | 'both'),
    sourcesContent: bundling.sourcesContent ?? true,
    external: bundling.externalModules ?? ['@aws-sdk/*'],
    ...(bundling.banner ? { banner: { js: bundling.banner } } : {}),
    ...(bundling.footer ? { footer: { js: bundling.footer } } : {}),
    ...(bundling.define ? { define: bundling.define } : {}),
    ...(bundling.loader ? { loader: bundling.loader as BuildOptions['loader'] } : {}),
    ...(bundling.keepNames ? { keepNames: true } : {}),
    ...(bundling.charset ? { charset: bundling.charset === 'utf8' ? 'utf8' : 'ascii' } : {}),
    logLevel: 'warning',
    absWorkingDir: projectRoot,
  };
}

export interface Bundle {
  name: string;
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** Bundles `entry` (relative to the project root) into bench/tmp/bundles/<name>/index.mjs and sizes it. */
export async function bundle(name: string, entry: string): Promise<Bundle> {
  const outdir = join(projectRoot, 'bench', 'tmp', 'bundles', name);
  await mkdir(outdir, { recursive: true });
  const options = esbuildOptions();
  const file = join(outdir, options.format === 'esm' ? 'index.mjs' : 'index.js');
  await build({ ...options, entryPoints: [join(projectRoot, entry)], outfile: file });
  const code = await readFile(file);
  return { name, file, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

export interface PageWeight {
  page: string;
  /** HTML + CSS + JS the first load fetches, raw and gzip -9. */
  bytes: number;
  gzipBytes: number;
  budgetGzipBytes: number;
}

/**
 * The first load of the registration page and of the organizer console as web/build.ts builds them
 * (the same budgets as test/browser/page-budget.test.ts and console-budget.test.ts).
 */
export async function pageWeights(): Promise<{ method: string; rows: PageWeight[] }> {
  const assets = await buildWebAssets();
  const weigh = (page: string, htmlPath: string, budgetKiB: number): PageWeight => {
    const html = assets.get(htmlPath)!.body.toString('utf8');
    const paths = [htmlPath, ...[...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!)];
    const bodies = paths.map((path) => assets.get(path)!.body);
    return {
      page,
      bytes: bodies.reduce((sum, body) => sum + body.length, 0),
      gzipBytes: bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0),
      budgetGzipBytes: budgetKiB * 1024,
    };
  };
  return {
    method: 'web/build.ts (esbuild, minified, for Chrome 109, Firefox 115, Safari 16); the HTML and every script and style it references, summed, raw and gzip -9',
    rows: [weigh('registration page (/)', pagePath, 80), weigh('organizer console (/organizer/)', consolePagePath, 150)],
  };
}
