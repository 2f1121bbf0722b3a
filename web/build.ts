// Builds the registration page: the HTML (English baked in), one CSS file and one script bundled by
// esbuild with the shared Zod schema; and the organizer console's page, style and script beside it. Local mode serves the result from memory (web/serve.ts); the CDK
// stack can write the same map to the S3 bucket behind CloudFront.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';
import { pageStyles } from '#shared/pages/layout.ts';
import { seedEvent } from '#shared/model/seed-event.ts';
import { renderConsolePage } from './console/page.ts';
import { renderPage } from './template.ts';
import { travelExamples } from './text.ts';

export interface WebAsset {
  body: Buffer;
  contentType: string;
  cacheControl: string;
}

export interface WebBuildOptions {
  /** The event `/` opens. */
  defaultEventId?: string;
  /** Example dates for the hints until the event's own dates are loaded. */
  exampleDates?: { startDate: string; endDate: string };
}

/** The path the page is stored under; `/` and `/register/<eventId>` serve it. */
export const pagePath = '/index.html';

/** The organizer console's page; `/organizer/` and every path below it serve it. */
export const consolePagePath = '/organizer/index.html';

const immutable = 'public, max-age=31536000, immutable';

function fingerprint(body: Buffer): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 10);
}

export async function buildWebAssets(options: WebBuildOptions = {}): Promise<Map<string, WebAsset>> {
  const js = await bundle('./app.ts');
  const cssSource = pageStyles + (await readFile(new URL('./form.css', import.meta.url), 'utf8'));
  const css = await minifiedCss(cssSource);

  const scriptPath = `/assets/app.${fingerprint(js)}.js`;
  const stylePath = `/assets/app.${fingerprint(css)}.css`;
  const dates = options.exampleDates ?? seedEvent;
  const html = renderPage({
    scriptPath,
    stylePath,
    defaultEventId: options.defaultEventId ?? seedEvent.id,
    examples: travelExamples(dates.startDate, dates.endDate),
  });

  // The organizer console: a page of its own with its own script, so neither carries the other's code.
  const consoleJs = await bundle('./console/main.ts');
  const consoleCss = await minifiedCss(pageStyles);
  const consoleScriptPath = `/assets/console.${fingerprint(consoleJs)}.js`;
  const consoleStylePath = `/assets/console.${fingerprint(consoleCss)}.css`;
  const consoleHtml = renderConsolePage({ scriptPath: consoleScriptPath, stylePath: consoleStylePath });

  return new Map<string, WebAsset>([
    [pagePath, { body: Buffer.from(html), contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' }],
    [scriptPath, { body: js, contentType: 'text/javascript; charset=utf-8', cacheControl: immutable }],
    [stylePath, { body: css, contentType: 'text/css; charset=utf-8', cacheControl: immutable }],
    [consolePagePath, { body: Buffer.from(consoleHtml), contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' }],
    [consoleScriptPath, { body: consoleJs, contentType: 'text/javascript; charset=utf-8', cacheControl: immutable }],
    [consoleStylePath, { body: consoleCss, contentType: 'text/css; charset=utf-8', cacheControl: immutable }],
  ]);
}

async function bundle(entry: string): Promise<Buffer> {
  const script = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome109', 'firefox115', 'safari16'],
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  return Buffer.from(script.outputFiles[0]!.contents);
}

async function minifiedCss(source: string): Promise<Buffer> {
  return Buffer.from((await transform(source, { loader: 'css', minify: true, logLevel: 'silent' })).code);
}
