// Optimistic writes: every change is one conditional write of one item guarded by its version
// (dynalite has no transactions, and none are needed). A request whose write lost the race reads
// again and decides again; this is the one loop that does it.
import { busy } from '../model/errors.ts';

/** Returned by an attempt whose write lost a race: read again and decide again. */
export const lostRace = Symbol('lost race');

// Twenty simultaneous requests on one registration settle in at most twenty rounds; the margin covers jitter.
export const maxWriteAttempts = 60;

function pause(attempt: number): Promise<void> {
  const ms = Math.min(50, 2 * attempt) * Math.random();
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs `attempt` until it returns something other than `lostRace`, with a short random pause between
 * tries. When every try lost, `exhausted` decides: by default the client is told to try again (503).
 */
export async function retryOnConflict<T>(attempt: (round: number) => Promise<T | typeof lostRace>, exhausted: () => T = () => { throw busy(); }): Promise<T> {
  for (let round = 1; round <= maxWriteAttempts; round++) {
    const result = await attempt(round);
    if (result !== lostRace) return result;
    await pause(round);
  }
  return exhausted();
}
