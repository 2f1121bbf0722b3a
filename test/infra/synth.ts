// Synthesizes the stack for tests: without bundling (fast) unless asked, into a temp dir each test
// file removes again.
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSettings } from '../../infra/settings.ts';
import { RegistrationStack } from '../../infra/stack.ts';

export const realSettings = {
  senderAddress: 'registration@osce.org',
  senderDomain: 'osce.org',
  publicBaseUrl: 'https://registration.osce.org',
  allowedOrigins: 'https://registration.osce.org',
  siteDomain: 'registration.osce.org',
  siteCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789',
};

export interface Synthesized {
  app: App;
  stack: RegistrationStack;
  template: Template;
  outdir: string;
}

const outdirs: string[] = [];

export function synthStack(context: Record<string, unknown> = {}, options: { bundle?: boolean } = {}): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'cdk-test-'));
  outdirs.push(outdir);
  const app = new App({
    outdir,
    context: {
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
      'aws:cdk:enable-asset-metadata': true,
      'aws:cdk:enable-path-metadata': true,
      // As cdk.json: S3 server access logs are allowed by bucket policy, not by a log-delivery ACL.
      '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
      ...context,
    },
  });
  const settings = parseSettings((name) => app.node.tryGetContext(name));
  const stack = quietBundling(() => new RegistrationStack(app, 'TestStack', { settings }));
  const template = Template.fromStack(stack);
  return { app, stack, template, outdir };
}

/** CDK announces each asset it bundles on stderr ("Bundling asset ..."): progress for a terminal, noise in a test run. */
function quietBundling<T>(build: () => T): T {
  const write = process.stderr.write;
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) =>
    String(chunk).startsWith('Bundling asset ') ? true : (write as (...args: unknown[]) => boolean).call(process.stderr, chunk, ...rest)) as typeof process.stderr.write;
  try {
    return build();
  } finally {
    process.stderr.write = write;
  }
}

export function removeOutdirs(): void {
  for (const dir of outdirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export type Resources = Record<string, { Type: string; Properties?: Record<string, any>; Metadata?: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string }>;

export function resources(template: Template, type: string): Resources {
  return template.findResources(type) as Resources;
}

/** The functions made for the handlers (construct path Functions/<Pascal>), not CDK's custom resource providers. */
export function handlerFunctions(template: Template): Resources {
  return Object.fromEntries(
    Object.entries(resources(template, 'AWS::Lambda::Function')).filter(([, resource]) => String(resource.Metadata?.['aws:cdk:path']).startsWith('TestStack/Functions/')),
  );
}

/** The logical id of the function made for a handler (construct path Functions/<Pascal>). */
export function functionIdOf(template: Template, name: string): string {
  const pascal = name.split('-').map((part) => part[0]!.toUpperCase() + part.slice(1)).join('');
  const match = Object.entries(resources(template, 'AWS::Lambda::Function')).find(
    ([, resource]) => resource.Metadata?.['aws:cdk:path'] === `TestStack/Functions/${pascal}/Resource`,
  );
  if (!match) throw new Error(`No function for ${name}`);
  return match[0];
}

