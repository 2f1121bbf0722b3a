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
  new Map(nominations.filter((nomination) => nomination.status === 'nominated').map((nomination) => [`${nomination.entityId}#${nomination.emailKey}`, nomination]));

export async function repairPlaces(deps: Pick<StoreDeps, 'delegations' | 'events' | 'registrations'>, event: ConferenceEvent, now = new Date()): Promise<PlacesRepair> {
  const delegations = await deps.delegations.listDelegations(event.id);
  const first = standing(await deps.delegations.listNominations(event.id));
  const places = new Map(await Promise.all(delegations.map(async (delegation) => [delegation.entity.id, await deps.delegations.placesOf(event.id, delegation.entity.id)] as const)));
  const second = standing(await deps.delegations.listNominations(event.id));
  const standsAs = (entityId: string, key: string) => second.get(`${entityId}#${key}`) ?? first.get(`${entityId}#${key}`);
  const repair: PlacesRepair = { released: 0, restored: 0 };
  for (const delegation of delegations) {
    const { holders, heads } = places.get(delegation.entity.id) ?? { holders: [], heads: [] };
    // First the standing nominees' places, unconditionally (they stand, whatever the quota says now),
    // so that the places given back below go to the waiting list only as far as room is left.
    for (const nomination of second.values()) {
      if (nomination.entityId !== delegation.entity.id || (holders.includes(nomination.emailKey) && (nomination.role !== 'head' || heads.includes(nomination.emailKey)))) continue;
      await deps.delegations.takePlace(event.id, delegation.entity, nomination.role, undefined, nomination.emailKey);
      repair.restored++;
    }
    let freed = 0;
    for (const key of holders) {
      if (standsAs(delegation.entity.id, key)) continue;
      await deps.delegations.releasePlace(event.id, delegation.entity, key);
      freed++;
    }
    // A head's part held by somebody who stands as a member only.
    for (const key of heads) {
      if (holders.includes(key) && standsAs(delegation.entity.id, key)?.role === 'member') await deps.delegations.releaseHeadPlace(event.id, delegation.entity, key);
    }
    repair.released += freed;
    // A place given back goes to the delegation's waiting list, as a withdrawal's does.
    if (freed > 0) await promoteFromWaitlist(deps, event, delegation.entity.id, now);
  }
  return repair;
}
