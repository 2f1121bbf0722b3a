// Repairs the delegations' places from their nominations, as the reconcile repairs an event's seats
// from its registrations. A place is the nominee's address key in the delegation's holders: one taken
// by a nomination that then failed (an outage) and was never tried again holds a place nobody uses,
// and this gives it back, to the delegation's waiting list. Best run when nobody nominates (after the deadline, say): a nomination
// between its place and its write looks unused here, so a holder counts as unused only if neither of
// two readings of the nominations finds it standing.
import type { ConferenceEvent } from '../model/event.ts';
import type { Nomination } from '../model/delegations.ts';
import type { StoreDeps } from './deps.ts';
import { promoteFromWaitlist } from './nominations.ts';

export interface PlacesRepair {
  /** Places given back: held by an address with no standing nomination in that delegation. */
  released: number;
  /** Places given to standing nominees that held none (an earlier repair's lost race). */
  restored: number;
}

const standing = (nominations: readonly Nomination[]) =>
  new Set(nominations.filter((nomination) => nomination.status === 'nominated').map((nomination) => `${nomination.entityId}#${nomination.emailKey}`));

export async function repairPlaces(deps: Pick<StoreDeps, 'delegations' | 'events' | 'registrations'>, event: ConferenceEvent, now = new Date()): Promise<PlacesRepair> {
  const delegations = await deps.delegations.listDelegations(event.id);
  const first = standing(await deps.delegations.listNominations(event.id));
  const holders = new Map(await Promise.all(delegations.map(async (delegation) => [delegation.entity.id, await deps.delegations.placeHolders(event.id, delegation.entity.id)] as const)));
  const second = await deps.delegations.listNominations(event.id);
  const stands = (entityId: string, key: string) => first.has(`${entityId}#${key}`) || standing(second).has(`${entityId}#${key}`);
  const repair: PlacesRepair = { released: 0, restored: 0 };
  for (const delegation of delegations) {
    const held = new Set(holders.get(delegation.entity.id));
    let freed = 0;
    for (const key of held) {
      if (stands(delegation.entity.id, key)) continue;
      await deps.delegations.releasePlace(event.id, delegation.entity, key);
      freed++;
    }
    repair.released += freed;
    // A place given back goes to the delegation's waiting list, as a withdrawal's does.
    if (freed > 0) await promoteFromWaitlist(deps, event, delegation.entity.id, now);
    for (const nomination of second) {
      if (nomination.entityId !== delegation.entity.id || nomination.status !== 'nominated' || held.has(nomination.emailKey)) continue;
      // Unconditional: the nominee stands, whatever the quota says now.
      await deps.delegations.takePlace(event.id, delegation.entity, nomination.role, undefined, nomination.emailKey);
      repair.restored++;
    }
  }
  return repair;
}
