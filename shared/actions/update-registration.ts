// Corrections through the manage link, while organizers have not yet approved the registration. Kept
// apart from the other manage-link actions: only this one validates a form, so only it bundles Zod.
import { corrected } from '../model/correction.ts';
import { invalidTransition } from '../model/errors.ts';
import { canEdit } from '../model/lifecycle.ts';
import { historyEntry, withHistory, type Registration } from '../model/registration.ts';
import { lostRace, retryOnConflict } from '../store/optimistic.ts';
import { commitTransition } from './commit.ts';
import type { StoreDeps } from './deps.ts';
import { resolveManageToken, selfView } from './manage-registration.ts';

/** Applies the corrections; answers the registration as now stored, and its event (the page shows both). */
export async function updateRegistration(deps: StoreDeps, token: unknown, changes: unknown, now: Date = new Date()) {
  return retryOnConflict(async () => {
    const { registration, event } = await resolveManageToken(deps, token, now);
    if (!canEdit(registration, event)) throw invalidTransition(registration.status, 'changed online');
    const correction = corrected(registration, event, changes);
    // Nothing to write when nothing changed.
    if (correction.changed.length === 0) return { view: await selfView(deps, { registration, event }), event };
    const next = correctedRegistration(registration, correction.details, correction.changed, now);
    const result = await commitTransition(deps, event, registration, next);
    if (result.kind !== 'written') return lostRace;
    return { view: await selfView(deps, { registration: result.registration, event }), event };
  });
}

/**
 * The corrected registration. An approval covered the data as it was: a change to an approved
 * registration sends it back to the organizers (keeping its seat meanwhile), and one that waits for a
 * seat already approved loses that approval, so the change is reviewed before it takes a seat.
 */
function correctedRegistration(registration: Registration, details: Registration['details'], changes: string[], now: Date): Registration {
  const to = registration.status === 'approved' ? 'awaiting_reapproval' : registration.status;
  return {
    ...registration,
    status: to,
    details,
    updatedAt: now.toISOString(),
    approvedAt: to === registration.status && registration.status !== 'waitlisted' ? registration.approvedAt : undefined,
    history: withHistory(registration, { ...historyEntry(now, 'participant', 'updated', registration.status, to), changes }),
    version: registration.version + 1,
  };
}
