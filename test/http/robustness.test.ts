// Failure modes found in review, each reproduced against the real emulators: lost answers that make
// the SDK retry a write, a participant hammering one registration, links used after a withdrawal, a
// seat that looks free while people wait, and mail about states the registration has left.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emailKey } from '#shared/model/tokens.ts';
import { mailingRuntime } from '#shared/runtime/mailing-runtime.ts';
import { deliverPendingMail, recordPendingMail } from '#shared/mail/outbox.ts';
import { runtime } from '#shared/runtime/runtime.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { mailTo, waitForMail } from '../support/mailbox.ts';
import { confirm, putEvent, register, registerAndConfirm, registrationsOf, statsOf } from '../support/journeys.ts';
import { validForm } from '../support/fixtures.ts';

let api: TestApi;
const removeFaults: (() => void)[] = [];

beforeAll(async () => {
  api = await startTestApi();
});
afterEach(() => {
  for (const remove of removeFaults.splice(0)) remove();
});
afterAll(async () => {
  await api.stop();
});

/**
 * Lets the first matching call reach DynamoDB, then loses its answer the way a dropped connection
 * does, so the SDK (where it retries) sends the same call again.
 */
function loseFirstAnswer(client: DynamoDBClient, command: string): void {
  let armed = true;
  const name = `lose-${command}-${Math.random()}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (armed && context.commandName === command) {
        armed = false;
        throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError', $metadata: {} });
      }
      return result;
    },
    { step: 'deserialize', name },
  );
  removeFaults.push(() => client.middlewareStack.remove(name));
}

describe('Answers lost on the network', () => {
  it('treats a retried registration write that failed against its own first attempt as written', async () => {
    // Prepare
    await putEvent(api, 'lost-answer', { capacity: 1 });
    const first = await register(api, 'lost-answer');
    const second = await register(api, 'lost-answer');
    loseFirstAnswer(runtime().clients.dynamo, 'PutItemCommand');

    // Act
    const firstOutcome = await confirm(api, first);
    const secondOutcome = await confirm(api, second);

    // Assess: one seat, one holder; the first participant got the confirmation mail
    expect(firstOutcome.status).toBe('confirmed');
    expect(secondOutcome.status).toBe('waitlisted');
    expect(await statsOf(api, 'lost-answer')).toMatchObject({ seatsTaken: 1, waitlistLength: 1 });
    expect((await waitForMail(api.sesEndpoint, first.email, 2))[1]?.subject).toContain('Registration confirmed');
  });

  it('never applies a counter change twice: a lost answer fails the request instead of being retried', async () => {
    // Prepare
    await putEvent(api, 'lost-counter', { capacity: 5 });
    const person = await register(api, 'lost-counter');
    loseFirstAnswer(runtime().clients.counters, 'UpdateItemCommand');

    // Act
    const failed = await api.postJson('/registrations/confirm', { token: person.confirmToken });

    // Assess: 503, the registration untouched, the seat counted once (reconcile settles it)
    expect(failed.status).toBe(503);
    expect((await registrationsOf(api, 'lost-counter'))[0]?.status).toBe('pending_confirmation');
    expect((await statsOf(api, 'lost-counter')).seatsTaken).toBe(1);
    expect((await confirm(api, person)).status).toBe('confirmed');
  });
});

describe('One participant, many requests', () => {
  it('keeps the item small however often it is updated, and writes nothing for an update that changes nothing', async () => {
    // Prepare
    const person = await registerAndConfirm(api, 'osce-drugs-2017');
    for (let i = 0; i < 60; i++) {
      await api.postJson('/registrations/update', { token: person.manage, changes: { position: `Position ${i}` } });
    }
    const before = await runtime().registrations.get('osce-drugs-2017', emailKey(person.email));

    // Act
    const unchanged = await api.postJson('/registrations/update', { token: person.manage, changes: { position: 'Position 59' } });

    // Assess
    expect(unchanged.status).toBe(200);
    const after = await runtime().registrations.get('osce-drugs-2017', emailKey(person.email));
    expect(after?.version).toBe(before?.version);
    expect(after?.history.length).toBe(50);
    expect(after?.history.at(-1)).toMatchObject({ action: 'updated' });
  });
});

describe('Links after a withdrawal', () => {
  it('answers the confirm button with a page, not an error, after the pending registration was withdrawn', async () => {
    // Prepare
    const person = await register(api, 'osce-drugs-2017', { language: 'de' });
    const { manageToken } = await import('../support/journeys.ts');
    await api.postJson('/registrations/withdraw', { token: manageToken(person.mails[0]!) });

    // Act
    const page = await api.request('/registrations/confirm', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: person.confirmToken, lang: 'de' }).toString(),
    });
    const json = await api.postJson('/registrations/confirm', { token: person.confirmToken });

    // Assess
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('<html lang="de">');
    expect(json.status).toBe(400);
    expect(((await json.json()) as { error: { code: string } }).error.code).toBe('invalid_token');
  });

  it('lets a participant who withdrew register again, with a new link', async () => {
    // Prepare
    const person = await registerAndConfirm(api, 'osce-drugs-2017');
    await api.postJson('/registrations/withdraw', { token: person.manage });
    await waitForMail(api.sesEndpoint, person.email, 3);

    // Act
    const again = await api.postJson('/events/osce-drugs-2017/registrations', validForm({ email: person.email }));

    // Assess
    expect(again.status).toBe(202);
    const mails = await waitForMail(api.sesEndpoint, person.email, 4);
    expect(mails[3]?.subject).toContain('Please confirm your registration');
    const [registration] = (await registrationsOf(api, 'osce-drugs-2017')).filter((item) => item.email === person.email);
    expect(registration).toMatchObject({ status: 'pending_confirmation', reference: null });
  });
});

describe('The queue goes first', () => {
  it('sends a newcomer to the waiting list while people wait, even when a seat looks free', async () => {
    // Prepare: one seat held, one person waiting, then a seat that looks free (a promotion that died)
    await putEvent(api, 'queue-first', { capacity: 1 });
    await registerAndConfirm(api, 'queue-first');
    await registerAndConfirm(api, 'queue-first');
    await runtime().counters.apply('queue-first', { seats: -1 });

    // Act
    const newcomer = await registerAndConfirm(api, 'queue-first');

    // Assess
    expect(newcomer.outcome).toMatchObject({ status: 'waitlisted', position: 2 });
  });
});

describe('Pending mail', () => {
  it('drops a pending mail about a state the registration has left, and sends one that still holds', async () => {
    // Prepare
    const deps = mailingRuntime();
    const leaving = await registerAndConfirm(api, 'osce-drugs-2017');
    const staying = await registerAndConfirm(api, 'osce-drugs-2017');
    for (const person of [leaving, staying]) {
      const registration = (await deps.registrations.get('osce-drugs-2017', emailKey(person.email)))!;
      await recordPendingMail(deps, registration, 'confirmed');
    }
    await api.postJson('/registrations/withdraw', { token: leaving.manage });
    await waitForMail(api.sesEndpoint, leaving.email, 3);

    // Act
    const report = await deliverPendingMail(deps, new Date(Date.now() + 3_600_000));

    // Assess
    expect(report).toMatchObject({ sent: 1, dropped: 1 });
    const leavingMails = await mailTo(api.sesEndpoint, leaving.email);
    expect(leavingMails.map((mail) => mail.subject).filter((subject) => subject.includes('Registration confirmed'))).toHaveLength(1);
    expect(await mailTo(api.sesEndpoint, staying.email)).toHaveLength(3);
    expect((await deps.registrations.get('osce-drugs-2017', emailKey(leaving.email)))?.pendingMails).toEqual([]);
  });
});
