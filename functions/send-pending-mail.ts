import type { Context } from 'aws-lambda';
import { deliverPendingMail } from '#shared/mail/outbox.ts';
import { loadConfig } from '#shared/platform/config.ts';
import { describeError } from '#shared/platform/log.ts';
import { mailingRuntime } from '#shared/runtime/mailing-runtime.ts';

// Read at cold start: a missing setting stops the function here, naming it.
loadConfig();

/**
 * Scheduled (every minute): sends the mail SES did not take earlier, with backoff. Sweeps batches
 * until nothing is due or the invocation nears its timeout.
 */
export const handler = async (_event: unknown, context: Context) => {
  const deps = mailingRuntime();
  const total = { sent: 0, failed: 0, dropped: 0 };
  try {
    for (let batch = 0; batch < 40 && context.getRemainingTimeInMillis() > 15_000; batch++) {
      const report = await deliverPendingMail(deps);
      total.sent += report.sent;
      total.failed += report.failed;
      total.dropped += report.dropped;
      if (report.sent + report.failed + report.dropped === 0 || report.failed > 0) break;
    }
  } catch (error) {
    deps.log.error('mail_sweep_failed', describeError(error));
    throw error;
  }
  return total;
};
