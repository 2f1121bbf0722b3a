import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runtime } from '#shared/runtime/runtime.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { manageToken, organizerCall, putEvent, register, registrationsOf, statsOf } from '../support/journeys.ts';
import { waitForMail } from '../support/mailbox.ts';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.stop();
});

describe('Capacity under concurrency', () => {
  it('never exceeds capacity: 50 simultaneous confirmations against 10 seats give 10 confirmed and positions 1-40', async () => {
    // Prepare
    await putEvent(api, 'fifty-for-ten', { capacity: 10 });
    const people = [];
    for (let i = 0; i < 50; i++) people.push(await register(api, 'fifty-for-ten'));

    // Act
    const answers = await Promise.all(people.map((person) => api.postJson('/registrations/confirm', { token: person.confirmToken })));

    // Assess
    const outcomes = (await Promise.all(answers.map((answer) => answer.json()))) as { status: string; position?: number }[];
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(outcomes.filter((outcome) => outcome.status === 'confirmed')).toHaveLength(10);
    const positions = outcomes.filter((outcome) => outcome.status === 'waitlisted').map((outcome) => outcome.position);
    expect(positions.sort((a, b) => a! - b!)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
    const stored = await registrationsOf(api, 'fifty-for-ten');
    expect(stored.filter((item) => item.status === 'confirmed')).toHaveLength(10);
    expect(stored.filter((item) => item.status === 'waitlisted')).toHaveLength(40);
    expect(await statsOf(api, 'fifty-for-ten')).toMatchObject({ seatsTaken: 10, seatsLeft: 0, waitlistLength: 40 });
  }, 120_000);

  it('gives each freed seat to exactly one waiting participant when many withdraw at once', async () => {
    // Prepare
    await putEvent(api, 'mass-withdrawal', { capacity: 5 });
    const people = [];
    for (let i = 0; i < 12; i++) {
      const person = await register(api, 'mass-withdrawal');
      await api.postJson('/registrations/confirm', { token: person.confirmToken });
      people.push(person);
    }
    const manageLinks = await Promise.all(
      people.slice(0, 5).map(async (person) => manageToken((await waitForMail(api.sesEndpoint, person.email, 2)).at(-1)!)),
    );

    // Act
    await Promise.all(manageLinks.map((token) => api.postJson('/registrations/withdraw', { token })));

    // Assess
    const stored = await registrationsOf(api, 'mass-withdrawal');
    expect(stored.filter((item) => item.status === 'confirmed')).toHaveLength(5);
    expect(stored.filter((item) => item.status === 'waitlisted')).toHaveLength(2);
    expect(stored.filter((item) => item.status === 'withdrawn')).toHaveLength(5);
    expect(await statsOf(api, 'mass-withdrawal')).toMatchObject({ seatsTaken: 5, waitlistLength: 2 });
  }, 120_000);
});

describe('Reconcile', () => {
  it('recounts drifted counters from the registrations and hands leaked seats to the waiting list', async () => {
    // Prepare: a crash between a counter change and its registration write leaves a seat counted twice
    await putEvent(api, 'drifted', { capacity: 2 });
    for (let i = 0; i < 3; i++) {
      const person = await register(api, 'drifted');
      await api.postJson('/registrations/confirm', { token: person.confirmToken });
    }
    await runtime().counters.apply('drifted', { seats: 1, counts: { 'status:confirmed': 4, 'status:withdrawn': 3 } });
    const before = await statsOf(api, 'drifted');

    // Act
    const response = await organizerCall(api, '/events/drifted/reconcile', { method: 'POST' });

    // Assess
    expect(before).toMatchObject({ seatsTaken: 3, byStatus: expect.objectContaining({ confirmed: 6, withdrawn: 3 }) });
    expect(response.status).toBe(200);
    expect(await statsOf(api, 'drifted')).toMatchObject({
      seatsTaken: 2,
      waitlistLength: 1,
      byStatus: expect.objectContaining({ confirmed: 2, waitlisted: 1, withdrawn: 0 }),
    });
  });

  it('promotes into seats that a crash left counted but empty', async () => {
    // Prepare
    await putEvent(api, 'leaked-seat', { capacity: 1 });
    const first = await register(api, 'leaked-seat');
    await api.postJson('/registrations/confirm', { token: first.confirmToken });
    const second = await register(api, 'leaked-seat');
    await api.postJson('/registrations/confirm', { token: second.confirmToken });
    // the first one's seat is freed in the table but the counter kept it (as after a crash)
    await runtime().counters.apply('leaked-seat', { seats: 1 });
    const registrations = await registrationsOf(api, 'leaked-seat');
    expect(registrations.map((item) => item.status)).toEqual(['confirmed', 'waitlisted']);
    await putEvent(api, 'leaked-seat', { capacity: 2 });
    expect((await registrationsOf(api, 'leaked-seat')).map((item) => item.status)).toEqual(['confirmed', 'waitlisted']);

    // Act
    const response = await organizerCall(api, '/events/leaked-seat/reconcile', { method: 'POST' });

    // Assess
    expect(((await response.json()) as { promoted: number }).promoted).toBe(1);
    expect((await registrationsOf(api, 'leaked-seat')).map((item) => item.status)).toEqual(['confirmed', 'confirmed']);
  });
});
