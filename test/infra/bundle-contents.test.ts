// What each function's bundle carries, with the deployed esbuild settings: Zod only where a function
// validates input, the SES client only where it sends mail, the S3 client only where it handles files, the Secrets Manager client only where it
// reads a secret at run time, the registration page's words only where a page shows form fields,
// exceljs (about 1 MB) only in the list, the list of participants and the delegations' export, which write XLSX, pdf-lib and
// fontkit only in the list of participants (its fonts travel beside the bundle, not in it). A stray import (a value
// import where a type import was meant, one module too many in a chain) shows here before it shows
// in the cold starts.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { esbuildOptions } from '../../bench/bundle.ts';
import { access, functionNames, secretsOf, type FunctionName } from '../../infra/functions.ts';

async function inputsOf(name: FunctionName | 'provision-web-acl'): Promise<string[]> {
  const result = await build({ ...esbuildOptions(), entryPoints: [`functions/${name}.ts`], outfile: `/tmp/bundle-contents/${name}.mjs`, write: false, metafile: true, sourcemap: false });
  return Object.values(result.metafile.outputs).flatMap((output) => Object.keys(output.inputs));
}

// The functions that take no input beyond a path, a token or a query they check by hand.
const withoutValidation: FunctionName[] = [
  'get-event',
  'list-events',
  'get-event-stats',
  'get-event-settings',
  'get-registration',
  'get-me',
  'show-confirm-page',
  'show-manage-page',
  'get-own-registration',
  'list-delegations',
  'export-delegations',
  'approve-delegation',
  'show-delegation-page',
  'get-own-delegation',
  'get-visa-letter',
  'get-own-visa-letter',
  'reconcile-event',
  'answer-unknown-route',
  'record-email-feedback',
  'send-pending-mail',
  'settle-waiting-lists',
  'get-registration-file',
  'get-nomination-letter',
];
const writesPdf: FunctionName[] = ['get-participant-list', 'get-visa-letter', 'get-own-visa-letter'];
const showingFormFields: FunctionName[] = ['show-manage-page', 'update-registration', 'withdraw-registration', 'erase-registration'];

describe('bundle contents', () => {
  it.each(functionNames)('%s carries Zod, SES, Secrets Manager and the form words only if it needs them', async (name) => {
    // Act
    const inputs = await inputsOf(name);
    const carries = (fragment: string) => inputs.some((input) => input.includes(fragment));

    // Assess
    expect(carries('node_modules/zod/'), 'Zod').toBe(!withoutValidation.includes(name));
    expect(carries('node_modules/@aws-sdk/client-ses/'), 'the SES client').toBe(access[name].mail);
    expect(carries('node_modules/@aws-sdk/client-secrets-manager/'), 'the Secrets Manager client').toBe(secretsOf(name).length > 0);
    expect(carries('shared/i18n/form.ts'), 'the registration page words').toBe(showingFormFields.includes(name));
    expect(carries('node_modules/@aws-sdk/client-wafv2/'), 'the WAF client').toBe(false);
    expect(carries('node_modules/@aws-sdk/client-s3/'), 'the S3 client').toBe(access[name].files !== undefined);
    expect(carries('node_modules/exceljs/'), 'exceljs').toBe(name === 'list-registrations' || name === 'get-participant-list' || name === 'export-delegations');
    expect(carries('node_modules/pdf-lib/'), 'pdf-lib').toBe(writesPdf.includes(name));
    expect(carries('node_modules/@pdf-lib/fontkit/'), 'fontkit').toBe(writesPdf.includes(name));
  });

  it('the web ACL custom resource carries the WAF client and no other', async () => {
    // Act
    const inputs = await inputsOf('provision-web-acl');
    const clients = new Set(inputs.map((input) => /node_modules\/@aws-sdk\/(client-[\w-]+)\//.exec(input)?.[1]).filter(Boolean));

    // Assess
    expect([...clients]).toEqual(['client-wafv2']);
    expect(inputs.some((input) => input.includes('node_modules/zod/'))).toBe(false);
  });
});
