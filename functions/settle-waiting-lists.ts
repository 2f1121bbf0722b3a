import { purgeAccreditationData } from '#shared/actions/purge-accreditation.ts';
import { settleWaitingLists } from '#shared/actions/waitlist.ts';
import { loadConfig } from '#shared/platform/config.ts';
import { describeError } from '#shared/platform/log.ts';
import { files } from '#shared/runtime/files-runtime.ts';
import { mailingRuntime } from '#shared/runtime/mailing-runtime.ts';

// Read at cold start: a missing setting stops the function here, naming it.
loadConfig();

/**
 * Scheduled (every minute): gives free seats to whoever waits, for every event (actions/waitlist.ts),
 * and deletes the accreditation data of events past their retention period (actions/purge-accreditation.ts).
 */
export const handler = async (): Promise<{ promoted: number; accreditationDeleted: number }> => {
  const deps = mailingRuntime();
  try {
    const promoted = await settleWaitingLists(deps);
    if (promoted > 0) deps.log.info('waiting_lists_settled', { promoted });
    const accreditationDeleted = await purgeAccreditationData({ ...deps, files: files() });
    return { promoted, accreditationDeleted };
  } catch (error) {
    deps.log.error('settle_failed', describeError(error));
    throw error;
  }
};
