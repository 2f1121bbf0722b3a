// The scheduled sweep of accreditation data: once an event is over by its retention period
// (accreditationRetentionDays after its last day, 30 by default), every accreditation item of it is
// deleted. Run with the waiting lists' settle, every minute in the cloud and in local mode; an event
// with nothing left costs one empty Query. The items also carry the deadline as their TTL, so
// DynamoDB deletes any the sweep missed.
import { accreditationDeadline } from '../model/accreditation.ts';
import { errorType } from '../platform/log.ts';
import { fileKeys } from '../store/file-keys.ts';
import type { StoreDeps } from './deps.ts';
import type { FileDeps } from './uploads.ts';

/** Deletes the accreditation data and files of every event past its deadline; answers how many items and files went. */
export async function purgeAccreditationData(deps: Pick<StoreDeps, 'events' | 'log'> & FileDeps, now: Date = new Date()): Promise<number> {
  let deleted = 0;
  for (const event of await deps.events.list()) {
    if (now.getTime() < accreditationDeadline(event).getTime()) continue;
    try {
      // The files first: their records (in the accreditation partition) are what finds them again.
      deleted += await deps.files.deleteUnder(fileKeys.checkedOfEvent(event.id));
      deleted += await deps.accreditation.deleteAllOf(event.id);
    } catch (error) {
      deps.log.error('accreditation_purge_failed', { eventId: event.id, ...errorType(error) });
    }
  }
  if (deleted > 0) deps.log.info('accreditation_purged', { deleted });
  return deleted;
}
