// Confirmations racing withdrawals, straight through the domain functions against dynalite, with an
// instant in-memory mailer: the mail service is not what is tested here, and without its round trips
// the requests interleave as tightly as concurrent Lambda invocations can. (The registrations, seats
// and queue all go through the real DynamoDB wire protocol.)
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createLogger } from '#shared/platform/log.ts';
import type { Email } from '#shared/mail/emails.ts';
import { submitRegistration } from '#shared/actions/submit-registration.ts';
import { deliverMailOf } from '#shared/mail/outbox.ts';
import { emailKey } from '#shared/model/tokens.ts';
import { registrationInputSchema } from '#shared/model/registration-schema.ts';
import { seedEvent } from '#shared/model/seed-event.ts';
import { eraseRegistration, withdrawRegistration } from '#shared/actions/manage-registration.ts';
import { createDynamoClient } from '#shared/store/client.ts';
import { CountersStore } from '#shared/store/counters-store.ts';
import { EventStore } from '#shared/store/event-store.ts';
import { AccreditationStore } from '#shared/store/accreditation-store.ts';
import { createS3Client, FileStore } from '#shared/store/file-store.ts';
import type { FileDeps } from '#shared/actions/uploads.ts';
import { DelegationStore } from '#shared/store/delegation-store.ts';
import { MailboxStore } from '#shared/store/mailbox-store.ts';
import { RegistrationStore } from '#shared/store/registration-store.ts';
import { createTableInput } from '#shared/store/table.ts';
import { uniqueEmail, validForm } from '../support/fixtures.ts';
import { confirmRegistration } from '#shared/actions/confirm-registration.ts';
import { saveEvent } from '#shared/actions/save-event.ts';
import { settleWaitingLists } from '#shared/actions/waitlist.ts';
import type { ConferenceEvent } from '#shared/model/event-schema.ts';
import type { RegistrationDeps } from '#shared/actions/deps.ts';

const sent: Email[] = [];
let deps: RegistrationDeps & FileDeps;

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  const env = { ...process.env, DYNAMODB_ENDPOINT: inject('dynamodbEndpoint') };
  const client = createDynamoClient(env);
  const table = `races-${randomUUID()}`;
  await client.send(new CreateTableCommand(createTableInput(table)));
  deps = {
    registrations: new RegistrationStore(client, table),
    events: new EventStore(client, table),
    counters: new CountersStore(createDynamoClient(env, { maxAttempts: 1 }), table),
    mailboxes: new MailboxStore(client, table),
    accreditation: new AccreditationStore(client, table),
    // The standard form asks for no file, so erasure never calls S3 here.
    files: new FileStore(createS3Client({ S3_ENDPOINT: 'http://127.0.0.1:9' }), 'no-files'),
    delegations: new DelegationStore(client, createDynamoClient(env, { maxAttempts: 1 }), table),
    log: createLogger({}, () => undefined),
    publicBaseUrl: 'https://registration.example',
    confirmTokenLifetimeHours: 72,
    mailer: { send: async (email) => void sent.push(email) },
  };
});

function lastLink(email: string, kind: 'confirm' | 'manage'): string {
  const mail = sent.filter((entry) => entry.to === email).at(-1)!;
  return decodeURIComponent(new RegExp(`/${kind}\\?token=(\\S+)`).exec(mail.text)![1]!);
}

async function registered(event: ConferenceEvent): Promise<string> {
  const email = uniqueEmail('race');
  await submitRegistration(deps, event, registrationInputSchema.parse(validForm({ email })));
  // The mail worker, at once: the link goes out through the instant mailer.
  await deliverMailOf(deps, [[event.id, emailKey(email)]]);
  return email;
}

async function statuses(eventId: string): Promise<Record<string, number>> {
  const count: Record<string, number> = {};
  let startKey: Record<string, string> | undefined;
  do {
    const page = await deps.registrations.listByEvent(eventId, {}, 100, startKey);
    for (const registration of page.items) count[registration.status] = (count[registration.status] ?? 0) + 1;
    startKey = page.lastEvaluatedKey;
  } while (startKey);
  return count;
}

describe('Waiting list under racing confirmations and withdrawals', () => {
  it.each([1, 2, 3, 4])('leaves no seat empty while anyone waits (round %i)', async (round) => {
    // Prepare: 6 of 8 seats taken; 14 people about to confirm (each pressing twice), 4 about to withdraw
    const event: ConferenceEvent = { ...seedEvent, id: `race-${round}`, capacity: 8 };
    await deps.events.put(event);
    const seated: string[] = [];
    for (let i = 0; i < 6; i++) {
      const email = await registered(event);
      await confirmRegistration(deps, lastLink(email, 'confirm'));
      seated.push(email);
    }
    const arriving: string[] = [];
    for (let i = 0; i < 14; i++) arriving.push(await registered(event));

    // Act
    await Promise.all([
      ...arriving.flatMap((email) => [confirmRegistration(deps, lastLink(email, 'confirm')), confirmRegistration(deps, lastLink(email, 'confirm'))]),
      ...seated.slice(0, 4).map((email) => withdrawRegistration(deps, lastLink(email, 'manage'))),
    ]);

    // Assess
    expect(await statuses(event.id)).toEqual({ confirmed: 8, waitlisted: 8, withdrawn: 4 });
    const counters = await deps.counters.get(event.id);
    expect({ seatsTaken: counters.seatsTaken, waiting: counters.waiting }).toEqual({ seatsTaken: 8, waiting: 8 });
  });

  it.each([1, 2, 3, 4, 5])('fills the seats a raised capacity adds while confirmations race it (round %i)', async (round) => {
    // Prepare: 2 of 2 seats taken, 12 people about to confirm (each pressing twice).
    const event: ConferenceEvent = { ...seedEvent, id: `raise-${round}`, capacity: 2 };
    await deps.events.put(event);
    for (let i = 0; i < 2; i++) await confirmRegistration(deps, lastLink(await registered(event), 'confirm'));
    const arriving: string[] = [];
    for (let i = 0; i < 12; i++) arriving.push(await registered(event));
    const { id: _id, ...settings } = { ...event, capacity: 8 };

    // Act: the organizer raises the capacity to 8 in the middle of the confirmations.
    await Promise.all([
      ...arriving.flatMap((email) => [confirmRegistration(deps, lastLink(email, 'confirm')), confirmRegistration(deps, lastLink(email, 'confirm'))]),
      new Promise((resolve) => setTimeout(resolve, 5 * round)).then(() => saveEvent(deps, event.id, settings, { subject: 'organizer', username: 'organizer', roles: ['organizer'], groups: ['organizers'] })),
    ]);

    // Assess: with no operator and no reconcile, every seat is taken before anyone waits.
    expect(await statuses(event.id)).toEqual({ confirmed: 8, waitlisted: 6 });
    const counters = await deps.counters.get(event.id);
    expect({ seatsTaken: counters.seatsTaken, waiting: counters.waiting }).toEqual({ seatsTaken: 8, waiting: 6 });
  });

  it('fills seats no request promoted into, at the next scheduled settle (the index lagged, or the capacity rose unseen)', async () => {
    // Prepare: 2 of 2 seats taken and 3 waiting; then the capacity rises with no promotion at all,
    // as when every promotion looked before the waitlist index listed the newcomers.
    const event: ConferenceEvent = { ...seedEvent, id: 'settle-later', capacity: 2 };
    await deps.events.put(event);
    for (let i = 0; i < 5; i++) await confirmRegistration(deps, lastLink(await registered(event), 'confirm'));
    await deps.events.put({ ...event, capacity: 4 });

    // Act
    const promoted = await settleWaitingLists(deps);

    // Assess
    expect(promoted).toBe(2);
    expect(await statuses(event.id)).toEqual({ confirmed: 4, waitlisted: 1 });
  });

  it('counts one erasure and frees one seat when the same registration is erased twice at once', async () => {
    // Prepare: 2 seats held, 3 waiting
    const event: ConferenceEvent = { ...seedEvent, id: 'double-erase', capacity: 2 };
    await deps.events.put(event);
    const people: string[] = [];
    for (let i = 0; i < 5; i++) {
      const email = await registered(event);
      await confirmRegistration(deps, lastLink(email, 'confirm'));
      people.push(email);
    }
    const manage = lastLink(people[0]!, 'manage');

    // Act
    await Promise.all([eraseRegistration(deps, manage), eraseRegistration(deps, manage)]);

    // Assess: one seat freed, one promotion
    expect(await statuses(event.id)).toEqual({ confirmed: 2, waitlisted: 2 });
    const counters = await deps.counters.get(event.id);
    expect({ seatsTaken: counters.seatsTaken, waiting: counters.waiting, erased: counters.counts['status:erased'] }).toEqual({
      seatsTaken: 2,
      waiting: 2,
      erased: 1,
    });
  });
});
