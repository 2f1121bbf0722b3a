import { describe, expect, it } from 'vitest';
import { registrationInputSchema } from '#shared/model/registration-schema.ts';
import { validForm } from '../support/fixtures.ts';
import { detailsOf, isHoneypotFilled, type Registration } from '#shared/model/registration.ts';
import { planSubmission } from '#shared/model/submission.ts';

const now = new Date('2026-11-27T12:00:00Z');
const details = detailsOf(registrationInputSchema.parse(validForm({ email: 'Anna.Berger@Example.org' })));

function registration(overrides: Partial<Registration> = {}): Registration {
  return {
    ...planSubmission(undefined, 'osce-drugs-2017', details, new Date(now.getTime() - 60_000), 72).next!,
    ...overrides,
  };
}

describe('Function: planSubmission', () => {
  it('creates a pending registration with a 72-hour link for a new address', () => {
    // Act
    const plan = planSubmission(undefined, 'osce-drugs-2017', details, now, 72);

    // Assess
    expect(plan.outcome).toBe('created');
    expect(plan.mail).toBe('confirmation_request');
    expect(plan.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(plan.next).toMatchObject({ status: 'pending_confirmation', version: 1 });
    expect(plan.next?.confirmToken.expiresAt).toBe('2026-11-30T12:00:00.000Z');
    expect(plan.next?.confirmToken.hash).not.toContain(plan.secret!);
  });

  it('refreshes the link and takes the newest data while unconfirmed, keeping the link mailed before', () => {
    // Prepare
    const existing = registration();
    const newer = { ...details, organization: 'Ministry of Health' };

    // Act
    const plan = planSubmission(existing, 'osce-drugs-2017', newer, now, 72);

    // Assess
    expect(plan.outcome).toBe('refreshed');
    expect(plan.next?.details.organization).toBe('Ministry of Health');
    expect(plan.next?.registrationId).toBe(existing.registrationId);
    expect(plan.next?.confirmToken.hash).not.toBe(existing.confirmToken.hash);
    expect(plan.next?.earlierConfirmTokens).toEqual([existing.confirmToken]);
    expect(plan.next?.version).toBe(existing.version + 1);
  });

  it('starts a withdrawn registration afresh, and leaves a rejected one as it is', () => {
    // Prepare
    const withdrawn = registration({ status: 'withdrawn', reference: 'DRUGS17-AAAA-BBBB' });
    const rejected = registration({ status: 'rejected', reference: 'DRUGS17-AAAA-BBBB' });

    // Act
    const again = planSubmission(withdrawn, 'osce-drugs-2017', details, now, 72);
    const refused = planSubmission(rejected, 'osce-drugs-2017', details, now, 72);

    // Assess
    expect(again).toMatchObject({ outcome: 'created', mail: 'confirmation_request' });
    expect(again.next).toMatchObject({ status: 'pending_confirmation', reference: undefined, version: withdrawn.version + 1 });
    expect(again.next?.registrationId).not.toBe(withdrawn.registrationId);
    expect(refused).toEqual({ outcome: 'unchanged', next: undefined, secret: undefined, mail: undefined });
  });

  it('leaves a confirmed registration unchanged and sends the already-registered mail', () => {
    // Prepare
    const existing = registration({ status: 'confirmed', reference: 'DRUGS17-AAAA-BBBB', confirmedAt: now.toISOString() });

    // Act
    const plan = planSubmission(existing, 'osce-drugs-2017', { ...details, organization: 'Changed' }, now, 72);

    // Assess
    expect(plan.outcome).toBe('already_registered');
    expect(plan.mail).toBe('already_registered');
    expect(plan.next?.details).toEqual(existing.details);
    expect(plan.next?.confirmToken).toEqual(existing.confirmToken);
  });

  it('starts over when an unconfirmed registration has expired', () => {
    // Prepare
    const existing = registration({ confirmToken: { hash: 'old', expiresAt: new Date(now.getTime() - 1).toISOString() } });

    // Act
    const plan = planSubmission(existing, 'osce-drugs-2017', details, now, 72);

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
