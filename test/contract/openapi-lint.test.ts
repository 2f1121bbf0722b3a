// The document as a linter reads it: Redocly CLI with redocly.yaml (its recommended-strict rules and
// those Spectral's spectral:oas set adds), on the document GET /openapi.json serves. Every finding fails;
// a rule that does not apply is turned off in redocly.yaml with its reason.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '#shared/http/openapi.ts';

const root = join(import.meta.dirname, '..', '..');
const redocly = join(root, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'openapi-lint-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

interface Report {
  totals: { errors: number; warnings: number; ignored: number };
  problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
}

async function lint(document: unknown, name: string): Promise<Report> {
  const file = join(folder, name);
  await writeFile(file, JSON.stringify(document, null, 2));
  // Offline and quiet: no usage report to Redocly, no update check. It exits 1 on findings.
  const run = promisify(execFile)(process.execPath, [redocly, 'lint', file, '--config', join(root, 'redocly.yaml'), '--format', 'json'], {
    cwd: root,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    maxBuffer: 16 * 1024 * 1024,
  });
  const { stdout } = await run.catch((failure: { stdout?: string }) => ({ stdout: failure.stdout ?? '' }));
  return JSON.parse(stdout) as Report;
}

const summary = (report: Report) => report.problems.map((problem) => `${problem.ruleId} at ${problem.location[0]?.pointer}: ${problem.message}`);

describe('the OpenAPI document under Redocly CLI', () => {
  it('has no finding, error or warning', async () => {
    // Act
    const report = await lint(openApiDocument('http://localhost:3000'), 'openapi.json');

    // Assess
    expect(summary(report)).toEqual([]);
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
  });

  it('would report a public operation without security: []', async () => {
    // Prepare: the defect issue 11 found, put back into one operation.
    const document = openApiDocument('http://localhost:3000') as { paths: Record<string, Record<string, { security?: unknown }>> };
    delete document.paths['/events']!.get!.security;

    // Act
    const report = await lint(document, 'broken.json');

    // Assess
    expect(summary(report)).toEqual([expect.stringMatching(/^security-defined at #\/paths\/~1events\/get/)]);
  });
});
