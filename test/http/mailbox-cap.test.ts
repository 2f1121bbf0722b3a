// The cap on mail per mailbox, straight on the store against dynalite, with the clock in the test's
// hands: whatever the rhythm of submissions, no hour sees more than three mails, the cap lifts once
// the mailbox has been quiet, and concurrent submissions cannot pass it together.
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createDynamoClient } from '#shared/store/client.ts';
import { MailboxStore, mailsPerHourPerMailbox } from '#shared/store/mailbox-store.ts';
import { createTableInput } from '#shared/store/table.ts';

let store: MailboxStore;
const minute = 60_000;
const start = Date.parse('2026-12-01T09:07:00Z');

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  const client = createDynamoClient({ ...process.env, DYNAMODB_ENDPOINT: inject('dynamodbEndpoint') });
  const table = `mailbox-${randomUUID()}`;
  await client.send(new CreateTableCommand(createTableInput(table)));
  store = new MailboxStore(client, table);
});

describe('Store: MailboxStore.take', () => {
  it.each([1, 4, 7, 13])('allows at most three mails in any hour when a submission comes every %i minutes', async (every) => {
    // Prepare
    const mailbox = randomUUID();
    const allowedAt: number[] = [];

    // Act: four hours of submissions.
    for (let at = start; at < start + 240 * minute; at += every * minute) {
      if (await store.take('cap-event', mailbox, new Date(at))) allowedAt.push(at);
    }

    // Assess: every mail opens a window of an hour in which at most three went out.
    expect(allowedAt.length).toBeGreaterThanOrEqual(mailsPerHourPerMailbox);
    for (const opened of allowedAt) {
      expect(allowedAt.filter((at) => at >= opened && at < opened + 60 * minute).length).toBeLessThanOrEqual(mailsPerHourPerMailbox);
    }
  });

  it('lifts the cap once the mailbox has been quiet for 80 minutes, and keeps mailboxes and events apart', async () => {
    // Prepare
    const mailbox = randomUUID();
    for (let i = 0; i < 5; i++) await store.take('cap-event', mailbox, new Date(start));

    // Act
    const soon = await store.take('cap-event', mailbox, new Date(start + 30 * minute));
    const otherMailbox = await store.take('cap-event', randomUUID(), new Date(start));
    const otherEvent = await store.take('other-event', mailbox, new Date(start));
    const later = await store.take('cap-event', mailbox, new Date(start + 110 * minute));

    // Assess
    expect(soon).toBe(false);
    expect(otherMailbox).toBe(true);
    expect(otherEvent).toBe(true);
    expect(later).toBe(true);
  });

  it('lets exactly three of twenty concurrent submissions through', async () => {
    // Prepare
    const mailbox = randomUUID();

    // Act
    const answers = await Promise.all(Array.from({ length: 20 }, () => store.take('cap-event', mailbox, new Date(start))));

    // Assess
    expect(answers.filter(Boolean)).toHaveLength(mailsPerHourPerMailbox);
  });
});
