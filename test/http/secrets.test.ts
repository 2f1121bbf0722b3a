// Two secrets reach the functions at run time: the origin header's secret, which every API function
// checks so that the HTTP API answers only through CloudFront, and the cursor key of the organizer
// list. Locally they come from the environment; in the cloud from Secrets Manager, by ARN, here moto's
// over the wire.
import { CreateSecretCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { originSecretHeader } from '#shared/http/origin.ts';
import { forgetSecrets, secretSettings } from '#shared/platform/secrets.ts';
import { uniqueEmail, validForm } from '../support/fixtures.ts';
import { organizerCall, register } from '../support/journeys.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { mailTo } from '../support/mailbox.ts';
import { motoAvailable, motoClientConfig, motoMissingMessage, motoRequired } from '../support/moto.ts';

let api: TestApi;
const variables = [...Object.values(secretSettings).flatMap((names) => [names.value, names.arn]), 'SECRETS_MANAGER_ENDPOINT'];
const saved = Object.fromEntries(variables.map((name) => [name, process.env[name]]));

beforeAll(async () => {
  api = await startTestApi();
});
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  forgetSecrets();
});
afterAll(async () => {
  await api.stop();
});

const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe('The origin check, with a secret configured', () => {
  it('refuses every route without the header CloudFront adds, with 403 forbidden, and sends no mail', async () => {
    // Prepare
    process.env.ORIGIN_SECRET = 'the-origin-secret';
    const email = uniqueEmail('bypass');

    // Act
    const submit = await api.postJson('/events/osce-drugs-2017/registrations', validForm({ email }));
    const event = await api.request('/events/osce-drugs-2017');
    const unknown = await api.request('/nowhere');
    const organizer = await organizerCall(api, '/events/osce-drugs-2017/registrations');
    const wrong = await api.request('/events/osce-drugs-2017', { headers: { [originSecretHeader]: 'a-guess' } });

    // Assess
    for (const response of [submit, event, unknown, organizer, wrong]) {
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await errorCode(response)).toBe('forbidden');
    }
    expect(await mailTo(api.sesEndpoint, email)).toEqual([]);
  });

  it('lets requests carrying the secret through', async () => {
    // Prepare
    process.env.ORIGIN_SECRET = 'the-origin-secret';
    const viaCloudFront = { [originSecretHeader]: 'the-origin-secret' };

    // Act
    const event = await api.request('/events/osce-drugs-2017', { headers: viaCloudFront });
    const submit = await api.postJson('/events/osce-drugs-2017/registrations', validForm(), viaCloudFront);

    // Assess
    expect(event.status).toBe(200);
    expect(submit.status).toBe(202);
  });

  it('is off in local mode, where no secret is configured', async () => {
    // Act
    const event = await api.request('/events/osce-drugs-2017');

    // Assess
    expect(event.status).toBe(200);
  });
});

if (!motoAvailable && motoRequired) {
  describe('Secrets Manager', () => {
    it('needs moto under CI=true', () => {
      expect.fail(motoMissingMessage);
    });
  });
}

describe.skipIf(!motoAvailable)('Secrets from Secrets Manager (moto), by ARN', () => {
  const secrets = new SecretsManagerClient(motoClientConfig());
  const create = async (value: string) => (await secrets.send(new CreateSecretCommand({ Name: `test-${randomUUID()}`, SecretString: value }))).ARN!;

  function useSecretsManager(arns: { origin: string; cursor: string }) {
    delete process.env.ORIGIN_SECRET;
    delete process.env.CURSOR_SECRET;
    Object.assign(process.env, { ORIGIN_SECRET_ARN: arns.origin, CURSOR_SECRET_ARN: arns.cursor, SECRETS_MANAGER_ENDPOINT: motoClientConfig().endpoint });
  }

  it('checks the origin header and signs cursors with the fetched values, fetched once per cold start', async () => {
    // Prepare: two registrations, so the list has a second page
    await register(api, 'osce-drugs-2017');
    await register(api, 'osce-drugs-2017');
    const arns = { origin: await create('origin-from-secrets-manager'), cursor: await create('cursor-key-one') };
    useSecretsManager(arns);
    const viaCloudFront = { [originSecretHeader]: 'origin-from-secrets-manager' };

    // Act
    const refused = await api.request('/events/osce-drugs-2017');
    const first = await organizerCall(api, '/events/osce-drugs-2017/registrations?limit=1', { headers: viaCloudFront });
    const { nextCursor: cursor } = (await first.json()) as { nextCursor: string };
    // A new value in Secrets Manager reaches a function at its next cold start, not mid-life.
    await secrets.send(new PutSecretValueCommand({ SecretId: arns.cursor, SecretString: 'cursor-key-two' }));
    const second = await organizerCall(api, `/events/osce-drugs-2017/registrations?limit=1&cursor=${encodeURIComponent(cursor)}`, { headers: viaCloudFront });

    // Assess
    expect(refused.status).toBe(403);
    expect(await errorCode(refused)).toBe('forbidden');
    expect(first.status).toBe(200);
    expect(cursor).toEqual(expect.any(String));
    expect(second.status).toBe(200);
  });

  it('answers 503 with Retry-After, not 500, while Secrets Manager cannot be reached, and recovers', async () => {
    // Prepare
    const arns = { origin: await create('origin-while-down'), cursor: await create('cursor-while-down') };
    useSecretsManager(arns);
    process.env.SECRETS_MANAGER_ENDPOINT = 'http://127.0.0.1:9';

    // Act
    const during = await api.request('/events/osce-drugs-2017', { headers: { [originSecretHeader]: 'origin-while-down' } });
    forgetSecrets();
    process.env.SECRETS_MANAGER_ENDPOINT = motoClientConfig().endpoint;
    const after = await api.request('/events/osce-drugs-2017', { headers: { [originSecretHeader]: 'origin-while-down' } });

    // Assess
    expect(during.status).toBe(503);
    expect(during.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await errorCode(during)).toBe('service_unavailable');
    expect(after.status).toBe(200);
  });
});
