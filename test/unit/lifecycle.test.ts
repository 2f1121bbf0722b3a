// The status table and the one retry loop: the sets every rule derives from, and what happens when a
// write keeps losing its race.
import { describe, expect, it } from 'vitest';
import { ApiError } from '#shared/model/errors.ts';
import { accepts, canEdit, canWithdraw, holdsSeat, isCounted, isParticipating, registrationStatuses } from '#shared/model/lifecycle.ts';
import { lostRace, maxWriteAttempts, retryOnConflict } from '#shared/store/optimistic.ts';

describe('the lifecycle table', () => {
  it('lists the statuses in the order of a registration’s life', () => {
    // Assess
    expect(registrationStatuses).toEqual(['pending_confirmation', 'confirmed', 'waitlisted', 'awaiting_approval', 'awaiting_reapproval', 'approved', 'rejected', 'withdrawn']);
  });

  it.each([
    ['participating', isParticipating, ['confirmed', 'waitlisted', 'awaiting_approval', 'awaiting_reapproval', 'approved']],
    ['counted', isCounted, ['confirmed', 'waitlisted', 'awaiting_approval', 'awaiting_reapproval', 'approved', 'rejected', 'withdrawn']],
    // A changed approval keeps its seat while it is reviewed again.
    ['holding a seat', holdsSeat, ['confirmed', 'awaiting_reapproval', 'approved']],
    ['withdrawable', (status: (typeof registrationStatuses)[number]) => canWithdraw({ status }), ['pending_confirmation', 'confirmed', 'waitlisted', 'awaiting_approval', 'awaiting_reapproval', 'approved']],
    ['approvable', (status: (typeof registrationStatuses)[number]) => accepts(status, 'approve'), ['awaiting_approval', 'awaiting_reapproval']],
    ['rejectable', (status: (typeof registrationStatuses)[number]) => accepts(status, 'reject'), ['confirmed', 'waitlisted', 'awaiting_approval', 'awaiting_reapproval', 'approved']],
  ])('derives the %s statuses', (_name, rule, expected) => {
    // Act + Assess
    expect(registrationStatuses.filter(rule)).toEqual(expected);
  });

  it('keeps a confirmed registration open to corrections only when the event needs no approval', () => {
    // Act + Assess
    expect(canEdit({ status: 'confirmed' }, { approval: 'none' })).toBe(true);
    expect(canEdit({ status: 'confirmed' }, { approval: 'required' })).toBe(false);
    expect(canEdit({ status: 'awaiting_approval' }, { approval: 'required' })).toBe(true);
    // Approved stays correctable: the change goes back to the organizers.
    expect(canEdit({ status: 'approved' }, { approval: 'required' })).toBe(true);
    expect(canEdit({ status: 'rejected' }, { approval: 'required' })).toBe(false);
  });
});

describe('Function: retryOnConflict', () => {
  it('tries again after a lost race and answers what the winning try answers', async () => {
    // Prepare
    let tries = 0;

    // Act
    const result = await retryOnConflict(async () => (++tries < 3 ? lostRace : 'written'));

    // Assess
    expect(result).toBe('written');
    expect(tries).toBe(3);
  });

  it('tells the client to try again (503, Retry-After) when every try lost', async () => {
    // Prepare
    let tries = 0;

    // Act
    const failure = await retryOnConflict(async () => (tries++, lostRace)).catch((error: unknown) => error);

    // Assess
    expect(tries).toBe(maxWriteAttempts);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).statusCode).toBe(503);
    expect((failure as ApiError).headers['retry-after']).toBe('1');
  });
});
