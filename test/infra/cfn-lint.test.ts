// cfn-lint on the synthesized templates. cfn-lint is a Python tool that neither npm nor Debian ships
// here, so it runs where it is installed and is skipped, saying so, where it is not.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { realSettings, removeOutdirs, synthStack } from './synth.ts';

const probe = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
const available = probe.status === 0;
if (!available) {
  console.warn('cfn-lint is not installed: skipping the cfn-lint checks (install it with `pip install cfn-lint` to run them).');
}

afterAll(() => {
  removeOutdirs();
});

function lint(context: Record<string, unknown>, ignore: string[]) {
  const { template, outdir } = synthStack(context);
  const file = join(outdir, 'template.json');
  writeFileSync(file, JSON.stringify(template.toJSON(), null, 1));
  return spawnSync('cfn-lint', ['--ignore-checks', ...ignore, '--', file], { encoding: 'utf8' });
}

describe.skipIf(!available)('cfn-lint', () => {
  // W3005 (redundant DependsOn) is how CDK writes role dependencies; it is harmless. A synth and a
  // cfn-lint run take 20 s alone and more on a busy machine: generous limits, no timing asserted.
  it('passes the template with real settings', () => {
    // Act
    const result = lint(realSettings, ['W3005']);

    // Assess
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);

  // W8003 (a condition that is always false) is the deploy guard itself, on purpose.
  it('passes the template with no settings, the deploy guard aside', () => {
    // Act
    const result = lint({}, ['W3005', 'W8003']);

    // Assess
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);
});
