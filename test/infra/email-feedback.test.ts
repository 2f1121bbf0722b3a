// The email-events domain function against dynalite: SES feedback marks the registration, and the
// version bump makes concurrent optimistic writers re-read instead of overwriting the mark.
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../../local/table-setup.ts';
import { parseSesFeedback, recordEmailFeedback } from '#shared/mail/feedback.ts';
import { emailKey } from '#shared/model/tokens.ts';
import { createDynamoClient } from '#shared/store/client.ts';
import { RegistrationStore } from '#shared/store/registration-store.ts';
import { keys } from '#shared/store/table.ts';
import { uniqueEmail, validForm } from '../support/fixtures.ts';
import { sesFeedback } from './lambda-events.ts';
import type { Registration } from '#shared/model/registration.ts';

const tableName = `feedback-${randomUUID()}`;
const eventId = 'osce-drugs-2017';
let dynamo: ReturnType<typeof createDynamoClient>;
let store: RegistrationStore;

beforeAll(async () => {
  dynamo = createDynamoClient({ DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'), AWS_REGION: 'eu-central-1' } as NodeJS.ProcessEnv);
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  await ensureTable(dynamo, tableName);
  store = new RegistrationStore(dynamo, tableName);
});

async function registered(address = uniqueEmail()): Promise<Registration> {
  const now = new Date().toISOString();
  // Fields the other writers keep are left at their empty values; only the key and version matter here.
  const registration = {
    manageTokenHashes: [],
    waitlist: undefined,
    approvedAt: undefined,
    history: [],
    pendingMails: [],
    eventId,
    emailKey: emailKey(address),
    registrationId: randomUUID(),
    status: 'confirmed',
    createdAt: now,
    updatedAt: now,
    confirmedAt: now,
    reference: 'DRUGS17-AAAA-BBBB',
    details: validForm({ email: address }) as unknown as Registration['details'],
    confirmToken: { hash: 'hash', expiresAt: now },
    mailWindow: { startedAt: now, sent: 1 },
    version: 1,
  } as Registration;
  expect(await store.save(registration, undefined)).toBe(true);
  return registration;
}

function addressOf(registration: Registration): string {
  return registration.details.email;
}

describe('parseSesFeedback', () => {
  it('reads a permanent bounce and a complaint, with the event from the mail tags', () => {
    // Act
    const bounce = parseSesFeedback(sesFeedback('Bounce', eventId, 'a@osce.org'));
    const complaint = parseSesFeedback(sesFeedback('Complaint', eventId, 'b@osce.org'));

    // Assess
    expect(bounce).toEqual([{ eventId, address: 'a@osce.org', status: 'bounced' }]);
    expect(complaint).toEqual([{ eventId, address: 'b@osce.org', status: 'complained' }]);
  });

  it('reads identity notifications (notificationType) and named addresses too', () => {
    // Prepare
    const message = sesFeedback('Complaint', eventId, 'Jane Doe <jane@osce.org>');
    const { eventType: _type, ...rest } = message;

    // Act
    const feedback = parseSesFeedback({ ...rest, notificationType: 'Complaint' });

    // Assess
    expect(feedback).toEqual([{ eventId, address: 'jane@osce.org', status: 'complained' }]);
  });

  it('ignores transient bounces, untagged mail, other event types and junk', () => {
    // Prepare
    const untagged = sesFeedback('Bounce', eventId, 'a@osce.org') as { mail: { tags: Record<string, unknown> } };
    untagged.mail.tags = {};

    // Act + Assess
    expect(parseSesFeedback(sesFeedback('Bounce', eventId, 'a@osce.org', 'Transient'))).toEqual([]);
    expect(parseSesFeedback(untagged)).toEqual([]);
    expect(parseSesFeedback({ eventType: 'Delivery', mail: { tags: { eventId: [eventId] } } })).toEqual([]);
    expect(parseSesFeedback(null)).toEqual([]);
    expect(parseSesFeedback('Bounce')).toEqual([]);
  });
});

describe('recordEmailFeedback', () => {
  it('sets emailStatus and bumps the version, so the registration store reads it back', async () => {
    // Prepare
    const registration = await registered();

    // Act
    const outcome = await recordEmailFeedback(store, { eventId, address: addressOf(registration).toUpperCase(), status: 'bounced' });

    // Assess
    expect(outcome).toBe('recorded');
    const stored = await store.get(eventId, registration.emailKey);
    expect(stored?.emailStatus).toBe('bounced');
    expect(stored?.version).toBe(registration.version + 1);
  });

  it('makes a writer holding the old version fail its condition instead of erasing the mark', async () => {
    // Prepare
    const registration = await registered();
    await recordEmailFeedback(store, { eventId, address: addressOf(registration), status: 'complained' });

    // Act
    const staleWrite = await store.save({ ...registration, version: registration.version + 1 }, registration.version);

    // Assess
    expect(staleWrite).toBe(false);
    const reread = await store.get(eventId, registration.emailKey);
    expect(reread?.emailStatus).toBe('complained');
    expect(await store.save({ ...reread!, version: reread!.version + 1 }, reread!.version)).toBe(true);
    expect((await store.get(eventId, registration.emailKey))?.emailStatus).toBe('complained');
  });

  it('never downgrades a complaint to a bounce', async () => {
    // Prepare
    const registration = await registered();
    await recordEmailFeedback(store, { eventId, address: addressOf(registration), status: 'complained' });

    // Act
    const outcome = await recordEmailFeedback(store, { eventId, address: addressOf(registration), status: 'bounced' });

    // Assess
    expect(outcome).toBe('skipped');
    expect((await store.get(eventId, registration.emailKey))?.emailStatus).toBe('complained');
  });

  it('does not create a registration that does not exist', async () => {
    // Prepare
    const address = uniqueEmail();

    // Act
    const outcome = await recordEmailFeedback(store, { eventId, address, status: 'bounced' });

    // Assess
    expect(outcome).toBe('skipped');
    const { Item } = await dynamo.send(
      new GetItemCommand({ TableName: tableName, Key: { pk: { S: keys.registration(eventId, emailKey(address)).pk }, sk: { S: keys.registration(eventId, emailKey(address)).sk } } }),
    );
    expect(Item).toBeUndefined();
  });
});
