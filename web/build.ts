// Builds the registration page: the HTML (English baked in), one CSS file and one script bundled by
// esbuild with the shared Zod schema; and the organizer console (/organizer/), a Preact app from
// web/console/ with its own script and style. Local mode serves the result from memory (web/serve.ts);
// the CDK stack writes the same map to the S3 bucket behind CloudFront.
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

/** The path the organizer console is stored under; `/organizer` and `/organizer/` serve it. */
export const consolePagePath = '/organizer/index.html';

const immutable = 'public, max-age=31536000, immutable';

function fingerprint(body: Buffer): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 10);
}

async function bundleScript(entry: string): Promise<Buffer> {
  const script = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome109', 'firefox115', 'safari16'],
    charset: 'utf8',
    legalComments: 'none',
    // The console's .tsx files: JSX compiled for Preact (its automatic runtime, preact/jsx-runtime).
    jsx: 'automatic',
    jsxImportSource: 'preact',
    write: false,
    logLevel: 'silent',
  });
  return Buffer.from(script.outputFiles[0]!.contents);
}

async function minifyCss(source: string): Promise<Buffer> {
  return Buffer.from((await transform(source, { loader: 'css', minify: true, logLevel: 'silent' })).code);
}

export async function buildWebAssets(options: WebBuildOptions = {}): Promise<Map<string, WebAsset>> {
  const [js, consoleJs] = await Promise.all([bundleScript('./app.ts'), bundleScript('./console/main.tsx')]);
  const css = await minifyCss(pageStyles + (await readFile(new URL('./form.css', import.meta.url), 'utf8')));
  // uPlot's own rules (the chart's layers) before the console's.
  const chartCss = await readFile(fileURLToPath(import.meta.resolve('uplot/dist/uPlot.min.css')), 'utf8');
  const consoleCss = await minifyCss(chartCss + (await readFile(new URL('./console/console.css', import.meta.url), 'utf8')));

  const scriptPath = `/assets/app.${fingerprint(js)}.js`;
  const stylePath = `/assets/app.${fingerprint(css)}.css`;
  const dates = options.exampleDates ?? seedEvent;
  const html = renderPage({
    scriptPath,
    stylePath,
    defaultEventId: options.defaultEventId ?? seedEvent.id,
    examples: travelExamples(dates.startDate, dates.endDate),
  });

  const consoleScriptPath = `/assets/console.${fingerprint(consoleJs)}.js`;
  const consoleStylePath = `/assets/console.${fingerprint(consoleCss)}.css`;
  const consoleHtml = renderConsolePage({ scriptPath: consoleScriptPath, stylePath: consoleStylePath });

  const page = (body: string): WebAsset => ({ body: Buffer.from(body), contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' });
  const script = (body: Buffer): WebAsset => ({ body, contentType: 'text/javascript; charset=utf-8', cacheControl: immutable });
  const style = (body: Buffer): WebAsset => ({ body, contentType: 'text/css; charset=utf-8', cacheControl: immutable });
  return new Map<string, WebAsset>([
    [pagePath, page(html)],
    [scriptPath, script(js)],
    [stylePath, style(css)],
    [consolePagePath, page(consoleHtml)],
    [consoleScriptPath, script(consoleJs)],
    [consoleStylePath, style(consoleCss)],
  ]);
}

