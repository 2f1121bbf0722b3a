import { describe, expect, it } from 'vitest';
import { registrationInputSchema } from '#shared/model/registration-schema.ts';
import { validForm } from '../support/fixtures.ts';
import { detailsOf, isHoneypotFilled, type Registration } from '#shared/model/registration.ts';
import { planSubmission, type SubmissionContext } from '#shared/model/submission.ts';

const now = new Date('2026-11-27T12:00:00Z');
const details = detailsOf(registrationInputSchema.parse(validForm({ email: 'Anna.Berger@Example.org' })));

const context = (overrides: Partial<SubmissionContext> = {}): SubmissionContext => ({ now, lifetimeHours: 72, rejectedBefore: false, mailAllowed: true, ...overrides });

function registration(overrides: Partial<Registration> = {}): Registration {
  return {
    ...planSubmission(undefined, 'osce-drugs-2017', details, context({ now: new Date(now.getTime() - 60_000) })).next!,
    pendingMails: [],
    ...overrides,
  };
}

describe('Function: planSubmission', () => {
  it('creates a pending registration that runs 72 hours, and queues its link for the mail worker', () => {
    // Act
    const plan = planSubmission(undefined, 'osce-drugs-2017', details, context());

    // Assess
    expect(plan.outcome).toBe('created');
    expect(plan.mail).toBe('confirmation_request');
    expect(plan.next).toMatchObject({ status: 'pending_confirmation', version: 1 });
    expect(plan.next?.confirmToken.expiresAt).toBe('2026-11-30T12:00:00.000Z');
    expect(plan.next?.pendingMails).toEqual([{ kind: 'confirmation_request', attempts: 0, nextAttemptAt: now.toISOString() }]);
  });

  it('takes the newest data while unconfirmed and queues a fresh link, keeping the link mailed before', () => {
    // Prepare
    const existing = registration({ confirmToken: { hash: 'mailed-before', expiresAt: '2026-11-29T12:00:00.000Z' } });
    const newer = { ...details, organization: 'Ministry of Health' };

    // Act
    const plan = planSubmission(existing, 'osce-drugs-2017', newer, context());

    // Assess
    expect(plan.outcome).toBe('refreshed');
    expect(plan.next?.details.organization).toBe('Ministry of Health');
    expect(plan.next?.registrationId).toBe(existing.registrationId);
    expect(plan.next?.confirmToken).toEqual(existing.confirmToken);
    expect(plan.next?.pendingMails.map((mail) => mail.kind)).toEqual(['confirmation_request']);
    expect(plan.next?.version).toBe(existing.version + 1);
  });

  it.each([
    ['past the mailbox cap', context({ mailAllowed: false }), 'mail_limit_reached'],
    ['rejected', context(), 'unchanged'],
  ] as const)('writes a registration %s again unchanged (the same cost as any other), queueing no mail', (_what, situation, outcome) => {
    // Prepare
    const existing = registration(outcome === 'unchanged' ? { status: 'rejected', reference: 'DRUGS17-AAAA-BBBB' } : {});

    // Act
    const plan = planSubmission(existing, 'osce-drugs-2017', { ...details, position: 'Newest' }, situation);

    // Assess
    expect(plan.outcome).toBe(outcome);
    expect(plan.mail).toBeUndefined();
    expect(plan.next).toEqual({ ...existing, version: existing.version + 1 });
  });

  it('changes nothing for an address rejected before its registration was erased', () => {
    // Act
    const plan = planSubmission(undefined, 'osce-drugs-2017', details, context({ rejectedBefore: true }));

    // Assess
    expect(plan).toMatchObject({ outcome: 'unchanged', next: undefined, mail: undefined });
    // ... but sends a write DynamoDB will refuse, shaped like a new registration's, to cost the same.
    expect(plan.decoy).toMatchObject({ status: 'pending_confirmation', details, pendingMails: [expect.objectContaining({ kind: 'confirmation_request' })] });
  });

  it('starts a withdrawn registration afresh', () => {
    // Prepare
    const withdrawn = registration({ status: 'withdrawn', reference: 'DRUGS17-AAAA-BBBB' });

    // Act
    const again = planSubmission(withdrawn, 'osce-drugs-2017', details, context());

    // Assess
    expect(again).toMatchObject({ outcome: 'created', mail: 'confirmation_request' });
    expect(again.next).toMatchObject({ status: 'pending_confirmation', reference: undefined, version: withdrawn.version + 1 });
    expect(again.next?.registrationId).not.toBe(withdrawn.registrationId);
  });

  it('leaves the data of a confirmed registration unchanged and queues the already-registered mail', () => {
    // Prepare
    const existing = registration({ status: 'confirmed', reference: 'DRUGS17-AAAA-BBBB', confirmedAt: now.toISOString() });

    // Act
    const plan = planSubmission(existing, 'osce-drugs-2017', { ...details, organization: 'Changed' }, context());

    // Assess
    expect(plan.outcome).toBe('already_registered');
    expect(plan.next?.details).toEqual(existing.details);
    expect(plan.next?.pendingMails.map((mail) => mail.kind)).toEqual(['already_registered']);
  });

  it('starts over when an unconfirmed registration has expired', () => {
    // Prepare
    const existing = registration({ confirmToken: { hash: 'old', expiresAt: new Date(now.getTime() - 1).toISOString() } });

    // Act
    const plan = planSubmission(existing, 'osce-drugs-2017', details, context());

    // Assess
    expect(plan.outcome).toBe('created');
    expect(plan.next?.registrationId).not.toBe(existing.registrationId);
    expect(plan.next?.version).toBe(existing.version + 1);
  });
});

describe('Function: isHoneypotFilled', () => {
  it.each([
    [undefined, false],
    [null, false],
    ['', false],
    ['   ', false],
    ['http://spam.example', true],
    [0, true],
    [{}, true],
  ])('treats %j as filled: %s', (value, filled) => {
    expect(isHoneypotFilled(value)).toBe(filled);
  });
});
