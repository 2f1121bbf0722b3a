import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { deliverAllDue, deliverMailOf, type SweepReport } from '#shared/mail/outbox.ts';
import { loadConfig } from '#shared/platform/config.ts';
import { describeError } from '#shared/platform/log.ts';
import { mailingRuntime } from '#shared/runtime/mailing-runtime.ts';

// Read at cold start: a missing setting stops the function here, naming it.
loadConfig();

/** The registrations a batch of the table's stream names: those written with mail to send. */
function writtenWithMail(event: DynamoDBStreamEvent): [string, string][] {
  return event.Records.flatMap((record) => {
    const image = record.dynamodb?.NewImage;
    const eventId = image?.eventId?.S;
    const emailKey = image?.emailKey?.S;
    return image?.type?.S === 'registration' && image.pendingMails?.L?.length && eventId && emailKey ? [[eventId, emailKey] as [string, string]] : [];
  });
}

/**
 * Sends participants' mail. Woken by the table's stream the moment a registration is written with
 * mail to send (a submission never waits for SES itself), and every minute by a schedule, which
 * retries with backoff what SES did not take and sweeps batches until nothing is due or the
 * invocation nears its timeout.
 */
export const handler = async (event: Partial<DynamoDBStreamEvent>, context: Context): Promise<SweepReport> => {
  const deps = mailingRuntime();
  try {
    if (Array.isArray(event.Records)) return await deliverMailOf(deps, writtenWithMail(event as DynamoDBStreamEvent));
    return await deliverAllDue(deps, () => context.getRemainingTimeInMillis() > 15_000);
  } catch (error) {
    deps.log.error('mail_sweep_failed', describeError(error));
    throw error;
  }
};
