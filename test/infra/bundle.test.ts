// The deploy artefact works: the stack is synthesized with bundling (the very esbuild settings
// `cdk deploy` uses), and each bundled index.mjs is loaded by Node's own ESM loader, outside Vite's
// transforms, and invoked against dynalite and aws-ses-v2-local. A bundling, ESM or missing-module
// mistake fails here instead of in Lambda.
import { ConditionalCheckFailedException, GetItemCommand, PutItemCommand, type PutItemCommandInput } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { functionNames, type FunctionName } from '../../infra/functions.ts';
import { ignoredSeedErrors } from '../../infra/seed.ts';
import { siteObjects } from '../../infra/site.ts';
import { emailKey } from '#shared/model/tokens.ts';
import { seedEvent } from '#shared/model/seed-event.ts';
import { createDynamoClient } from '#shared/store/client.ts';
import { EventStore } from '#shared/store/event-store.ts';
import { toItem } from '#shared/store/attributes.ts';
import { keys } from '#shared/store/table.ts';
import { buildWebAssets } from '../../web/build.ts';
import { exportColumns } from '#shared/actions/list-registrations.ts';
import { ensureTable } from '../../local/table-setup.ts';
import { validForm } from '../support/fixtures.ts';
import { linkToken, waitForMail } from '../support/mailbox.ts';
import { httpEvent, lambdaContext, sesFeedback, snsEvent, streamEvent, type HttpRequestSpec } from './lambda-events.ts';
import { functionIdOf, realSettings, removeOutdirs, resources, synthStack } from './synth.ts';

// Node's own loader (require() of an ES module, Node 22.12+), not Vite's: the bundle is loaded as
// an ES module by Node exactly as Lambda's runtime would, with nothing transformed on the way.
const nodeRequire = createRequire(import.meta.url);

type Invoke = (event: unknown, context?: unknown) => Promise<any>;
const handlers = {} as Record<FunctionName, Invoke>;
const bundles = {} as Record<FunctionName, string>;
const tableName = `artefact-${randomUUID()}`;
const eventId = seedEvent.id;
const baseUrl = 'https://registration.osce.org';
let sesEndpoint: string;
/** The seed custom resource's PutItem, as CloudFormation hands it to the handler, aimed at the test table. */
let seedPut: PutItemCommandInput & { ignoreErrorCodesMatching: string };
/** The directory the site's deployments copy from: the built page as `cdk deploy` uploads it. */
let siteAssetDir: string;
/** The bundled module of the web ACL custom resource's function. */
let webAclProvider: Record<string, unknown>;
const organizerClaims = () => ({ sub: randomUUID(), 'cognito:groups': '[organizers]', username: 'organizer', token_use: 'access' });

beforeAll(async () => {
  // Prepare: the settings the stack gives the functions, pointed at the emulators.
  sesEndpoint = inject('sesEndpoint');
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
    SES_ENDPOINT: sesEndpoint,
    AWS_REGION: 'eu-central-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    SENDER_ADDRESS: realSettings.senderAddress,
    PUBLIC_BASE_URL: baseUrl,
    CONFIRM_TOKEN_LIFETIME_HOURS: '72',
    CURSOR_SECRET: 'artefact-test-cursor-secret',
    ORGANIZER_GROUP: 'organizers',
    // Sent with every mail, as in the cloud.
    SES_CONFIGURATION_SET: 'registration-feedback',
  });
  const dynamo = createDynamoClient();
  await ensureTable(dynamo, tableName);

  const { template, outdir } = synthStack(realSettings, { bundle: true });
  // The seed event is written by the stack's custom resource: replay its very call.
  const tableId = Object.keys(resources(template, 'AWS::DynamoDB::Table'))[0]!;
  const [seed] = Object.values(resources(template, 'Custom::SeedEvent'));
  const [separator, parts] = seed!.Properties!.Create['Fn::Join'] as [string, unknown[]];
  const call = JSON.parse(parts.map((part) => (typeof part === 'string' ? part : (expect(part).toEqual({ Ref: tableId }), tableName))).join(separator));
  expect(call).toMatchObject({ service: 'DynamoDB', action: 'PutItem' });
  seedPut = { ...call.parameters, ignoreErrorCodesMatching: call.ignoreErrorCodesMatching };
  const { ignoreErrorCodesMatching: _ignored, ...firstPut } = seedPut;
  await dynamo.send(new PutItemCommand(firstPut));

  const [deployment] = Object.values(resources(template, 'Custom::CDKBucketDeployment'));
  siteAssetDir = join(outdir, `asset.${String(deployment!.Properties!.SourceObjectKeys[0]).replace(/\.zip$/, '')}`);
  const functions = resources(template, 'AWS::Lambda::Function');
  const provider = Object.values(functions).find((fn) => String(fn.Metadata?.['aws:cdk:path']).startsWith('TestStack/WebAcl/Provider/'))!;
  webAclProvider = nodeRequire(join(outdir, provider.Metadata!['aws:asset:path'] as string, 'index.mjs')) as Record<string, unknown>;
  for (const name of functionNames) {
    const fn = functions[functionIdOf(template, name)]!;
    const file = join(outdir, fn.Metadata!['aws:asset:path'] as string, 'index.mjs');
    bundles[name] = file;
    const module = nodeRequire(file) as Record<string, unknown>;
    expect(Object.prototype.toString.call(module), name).toBe('[object Module]');
    handlers[name] = module[fn.Properties!.Handler.split('.')[1]] as Invoke;
  }
}, 180_000);

afterAll(() => {
  removeOutdirs();
});

async function invokeHttp(name: FunctionName, spec: HttpRequestSpec) {
  const handler = handlers[name] as (event: unknown, context: unknown) => Promise<unknown>;
  return (await handler(httpEvent(spec), lambdaContext(name))) as { statusCode: number; headers: Record<string, string>; body: string };
}

function registrationKey(address: string) {
  const { pk, sk } = keys.registration(eventId, emailKey(address));
  return { pk: { S: pk }, sk: { S: sk } };
}

describe('the bundles', () => {
  it('are one ESM file per function with its source map, the createRequire banner and the AWS SDK inside', () => {
    for (const name of functionNames) {
      // Act
      const code = readFileSync(bundles[name], 'utf8');

      // Assess
      expect(existsSync(`${bundles[name]}.map`), name).toBe(true);
      expect(code.startsWith("import { createRequire } from 'module'; const require = createRequire(import.meta.url);"), name).toBe(true);
      expect(code, name).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map\s*$/);
      expect(code, name).not.toMatch(/from\s*["']@aws-sdk\//);
      expect(code, name).not.toMatch(/from\s*["']#shared\//);
      expect(typeof handlers[name], name).toBe('function');
    }
  });
});

describe('the bundled web ACL provider', () => {
  it('loads as an ES module with its handler (test/infra/web-acl.test.ts runs its source against moto)', () => {
    expect(Object.prototype.toString.call(webAclProvider)).toBe('[object Module]');
    expect(typeof webAclProvider.handler).toBe('function');
  });
});

describe('the bundled API handlers', () => {
  const participant = validForm();
  const address = String(participant.email);
  let token: string;

  it('get-event answers the seeded event', async () => {
    // Act
    const response = await invokeHttp('get-event', { method: 'GET', path: `/events/${eventId}`, routeKey: 'GET /events/{eventId}', pathParameters: { eventId } });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ id: eventId });
  });

  it('submit stores the registration with its mail queued; the mail worker, woken by the stream, mails the link', async () => {
    // Act
    const response = await invokeHttp('submit-registration', {
      method: 'POST',
      path: `/events/${eventId}/registrations`,
      routeKey: 'POST /events/{eventId}/registrations',
      pathParameters: { eventId },
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(participant),
    });
    const { Item } = await createDynamoClient().send(new GetItemCommand({ TableName: tableName, Key: toItem(keys.registration(eventId, emailKey(address))), ConsistentRead: true }));
    const report = await handlers['send-pending-mail'](streamEvent(Item!), lambdaContext('send-pending-mail'));

    // Assess
    expect(response.statusCode).toBe(202);
    expect(report).toEqual({ sent: 1, failed: 0, dropped: 0 });
    const [mail] = await waitForMail(sesEndpoint, address);
    expect(mail?.from).toContain(realSettings.senderAddress);
    expect(mail?.body.text).toContain(`${baseUrl}/confirm?token=`);
    token = linkToken(mail!);
  });

  it('confirm-page shows the confirmation page for the mailed link', async () => {
    // Act
    const response = await invokeHttp('show-confirm-page', { method: 'GET', path: '/confirm', routeKey: 'GET /confirm', query: { token } });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });

  it('confirm confirms and answers the reference', async () => {
    // Act
    const response = await invokeHttp('confirm-registration', {
      method: 'POST',
      path: '/registrations/confirm',
      routeKey: 'POST /registrations/confirm',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ status: 'confirmed', eventId });
  });

  it('list shows the registration to an organizer, with the claims as the JWT authorizer passes them', async () => {
    // Act
    const response = await invokeHttp('list-registrations', {
      method: 'GET',
      path: `/events/${eventId}/registrations`,
      routeKey: 'GET /events/{eventId}/registrations',
      pathParameters: { eventId },
      query: { limit: '100' },
      claims: { sub: randomUUID(), 'cognito:groups': '[organizers staff]', username: 'organizer', token_use: 'access' },
    });

    // Assess
    expect(response.statusCode).toBe(200);
    const { items } = JSON.parse(response.body) as { items: { email: string; status: string }[] };
    expect(items.find((item) => item.email === address)).toMatchObject({ status: 'confirmed' });
  });

  it('list exports XLSX, exceljs loaded through the createRequire banner, and a moderator may ask', async () => {
    // Act
    const response = await invokeHttp('list-registrations', {
      method: 'GET',
      path: `/events/${eventId}/registrations`,
      routeKey: 'GET /events/{eventId}/registrations',
      pathParameters: { eventId },
      query: { sort: 'lastName' },
      headers: { accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      claims: { sub: randomUUID(), 'cognito:groups': '[moderators]', username: 'moderator', token_use: 'access' },
    });

    // Assess: a zip (an Office Open XML package) that names the participant.
    expect(response.statusCode).toBe(200);
    expect((response as { isBase64Encoded?: boolean }).isBase64Encoded).toBe(true);
    const workbook = Buffer.from(response.body, 'base64');
    expect(workbook.subarray(0, 2).toString('latin1')).toBe('PK');
    const ExcelJS = nodeRequire('exceljs') as typeof import('exceljs');
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(workbook as unknown as ArrayBuffer);
    const emails: unknown[] = [];
    read.getWorksheet('Registrations')!.eachRow((row) => emails.push(row.getCell(exportColumns.indexOf('email') + 1).value));
    expect(emails).toContain(address);
  });

  it('list refuses a token without the organizer group', async () => {
    // Act
    const response = await invokeHttp('list-registrations', {
      method: 'GET',
      path: `/events/${eventId}/registrations`,
      routeKey: 'GET /events/{eventId}/registrations',
      pathParameters: { eventId },
      claims: { sub: randomUUID(), 'cognito:groups': '[staff]' },
    });

    // Assess
    expect(response.statusCode).toBe(403);
  });

  it('openapi serves the document', async () => {
    // Act
    const response = await invokeHttp('get-openapi', { method: 'GET', path: '/openapi.json', routeKey: 'GET /openapi.json' });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ openapi: expect.any(String) });
  });

  it('fallback answers 404 and 405 in the API error shape', async () => {
    // Act
    const missing = await invokeHttp('answer-unknown-route', { method: 'GET', path: '/nowhere', routeKey: '$default' });
    const wrongMethod = await invokeHttp('answer-unknown-route', { method: 'DELETE', path: '/openapi.json', routeKey: '$default' });

    // Assess
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({ error: { code: 'not_found' } });
    expect(wrongMethod.statusCode).toBe(405);
    expect(wrongMethod.headers.allow).toBe('GET');
  });

  it('email-events marks the registration when SES reports a permanent bounce', async () => {
    // Prepare
    const dynamo = createDynamoClient();
    const before = await dynamo.send(new GetItemCommand({ TableName: tableName, Key: registrationKey(address), ConsistentRead: true }));

    // Act
    await handlers['record-email-feedback'](snsEvent(sesFeedback('Bounce', eventId, address)));

    // Assess
    const after = await dynamo.send(new GetItemCommand({ TableName: tableName, Key: registrationKey(address), ConsistentRead: true }));
    expect(after.Item?.emailStatus).toEqual({ S: 'bounced' });
    expect(Number(after.Item?.version?.N)).toBe(Number(before.Item?.version?.N) + 1);
  });
});

describe('the bundled organizer and self-service handlers', () => {
  const newEventId = `artefact-${randomUUID().slice(0, 8)}`;

  it('list-events lists the seeded event', async () => {
    // Act
    const response = await invokeHttp('list-events', { method: 'GET', path: '/events', routeKey: 'GET /events' });

    // Assess
    expect(response.statusCode).toBe(200);
    const { items } = JSON.parse(response.body) as { items: { id: string }[] };
    expect(items.map((item) => item.id)).toContain(eventId);
  });

  it('put-event creates an event for an organizer, then replaces it', async () => {
    // Prepare
    const { id: _id, ...settings } = { ...seedEvent, title: 'Expert meeting', capacity: 10 };
    const request = (body: unknown) => ({
      method: 'PUT',
      path: `/events/${newEventId}`,
      routeKey: 'PUT /events/{eventId}',
      pathParameters: { eventId: newEventId },
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      claims: organizerClaims(),
    });

    // Act
    const created = await invokeHttp('put-event', request(settings));
    const replaced = await invokeHttp('put-event', request({ ...settings, title: 'Expert meeting (revised)' }));

    // Assess
    expect(created.statusCode).toBe(201);
    expect(JSON.parse(created.body)).toMatchObject({ id: newEventId, title: 'Expert meeting', capacity: 10 });
    expect(replaced.statusCode).toBe(200);
    const read = await invokeHttp('get-event', { method: 'GET', path: `/events/${newEventId}`, routeKey: 'GET /events/{eventId}', pathParameters: { eventId: newEventId } });
    expect(JSON.parse(read.body)).toMatchObject({ id: newEventId, title: 'Expert meeting (revised)' });
  });

  it('stats answers the counters to an organizer', async () => {
    // Act
    const response = await invokeHttp('get-event-stats', {
      method: 'GET',
      path: `/events/${eventId}/stats`,
      routeKey: 'GET /events/{eventId}/stats',
      pathParameters: { eventId },
      claims: organizerClaims(),
    });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ eventId });
  });

  it('self refuses an invalid manage token with 400 invalid_token', async () => {
    // Act
    const response = await invokeHttp('get-own-registration', { method: 'GET', path: '/registrations/self', routeKey: 'GET /registrations/self', query: { token: 'not-a-token' } });

    // Assess
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'invalid_token' } });
  });

  it('withdraw refuses an invalid manage token with 400 invalid_token', async () => {
    // Act
    const response = await invokeHttp('withdraw-registration', {
      method: 'POST',
      path: '/registrations/withdraw',
      routeKey: 'POST /registrations/withdraw',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'not-a-token' }),
    });

    // Assess
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'invalid_token' } });
  });

  it('manage-page answers an invalid link with a 400 page in the browser\'s language', async () => {
    // Act
    const response = await invokeHttp('show-manage-page', {
      method: 'GET',
      path: '/manage',
      routeKey: 'GET /manage',
      query: { token: 'not-a-token' },
      headers: { 'accept-language': 'de-AT,de;q=0.9' },
    });

    // Assess
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toMatch(/<html[^>]*lang="de"/);
  });

  it('approve answers 404 for a registration that does not exist', async () => {
    // Act
    const response = await invokeHttp('approve-registration', {
      method: 'POST',
      path: `/events/${eventId}/registrations/${randomUUID()}/approve`,
      routeKey: 'POST /events/{eventId}/registrations/{registrationId}/approve',
      pathParameters: { eventId, registrationId: 'reg-does-not-exist' },
      headers: { 'content-type': 'application/json', 'if-match': '"any"' },
      body: '{}',
      claims: organizerClaims(),
    });

    // Assess
    expect(response.statusCode).toBe(404);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: expect.stringMatching(/not_found/) } });
  });
});

describe('the seed custom resource', () => {
  it('writes the event EventStore and get-event read', async () => {
    // Act
    const stored = await new EventStore(createDynamoClient(), tableName).get(eventId);

    // Assess
    expect(stored).toEqual(seedEvent);
  });

  it('fails only with the ignored ConditionalCheckFailedException on a redeploy, leaving an organizer\'s edit in place', async () => {
    // Prepare: an organizer changes the seed event.
    const { id: _id, ...settings } = { ...seedEvent, title: 'Renamed by the organizers' };
    const edit = await invokeHttp('put-event', {
      method: 'PUT',
      path: `/events/${eventId}`,
      routeKey: 'PUT /events/{eventId}',
      pathParameters: { eventId },
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(settings),
      claims: organizerClaims(),
    });
    expect(edit.statusCode).toBe(200);
    const { ignoreErrorCodesMatching, ...put } = seedPut;

    // Act: the custom resource's call again, as on an update.
    const error = await createDynamoClient().send(new PutItemCommand(put)).then(() => undefined, (caught: unknown) => caught as Error);

    // Assess
    expect(error).toBeInstanceOf(ConditionalCheckFailedException);
    expect(ignoreErrorCodesMatching).toBe(ignoredSeedErrors);
    expect(new RegExp(ignoreErrorCodesMatching).test(error!.name)).toBe(true);
    expect((await new EventStore(createDynamoClient(), tableName).get(eventId))?.title).toBe('Renamed by the organizers');
  });
});

describe('the site asset', () => {
  it('holds the pages web/build.ts builds, each file deployed with the type and caching it was built with', async () => {
    // Prepare
    const built = await buildWebAssets({ defaultEventId: seedEvent.id });
    const glob = (pattern: string) => new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);

    // Act
    const files = (readdirSync(siteAssetDir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => `/${relative(siteAssetDir, join(entry.parentPath, entry.name))}`)
      .sort();

    // Assess
    expect(files).toEqual([...built.keys()].sort());
    for (const [path, asset] of built) {
      const matching = siteObjects.filter((object) => glob(object.include).test(path.slice(1)));
      expect(matching, path).toHaveLength(1);
      expect(matching[0]!.contentType, path).toBe(asset.contentType);
      expect(matching[0]!.cacheControl, path).toBe(asset.cacheControl);
      expect(readFileSync(join(siteAssetDir, path)).equals(asset.body), path).toBe(true);
    }
    // Every asset is loaded by one of the pages: the registration page or the organizer console.
    const pages = ['index.html', 'organizer/index.html'].map((page) => readFileSync(join(siteAssetDir, page), 'utf8')).join('\n');
    for (const path of files.filter((file) => file.startsWith('/assets/'))) expect(pages).toContain(path);
  });
});
