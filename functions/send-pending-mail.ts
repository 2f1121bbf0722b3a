import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { deliverAllDelegationMail, deliverDelegationMailOf } from '#shared/mail/delegation-outbox.ts';
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

/** The focal points and nominees a batch of the stream names: written with their invitation to send. */
function delegationItemsWithMail(event: DynamoDBStreamEvent): [string, string][] {
  return event.Records.flatMap((record) => {
    const image = record.dynamodb?.NewImage;
    const type = image?.type?.S;
    const pk = image?.pk?.S;
    const sk = image?.sk?.S;
    return (type === 'focal_point' || type === 'nomination') && image?.pendingMails?.L?.length && pk && sk ? [[pk, sk] as [string, string]] : [];
  });
}

function sum(a: SweepReport, b: SweepReport): SweepReport {
  return { sent: a.sent + b.sent, failed: a.failed + b.failed, dropped: a.dropped + b.dropped };
}

/**
 * Sends participants', focal points' and nominees' mail. Woken by the table's stream the moment a registration is written with
 * mail to send (a submission never waits for SES itself), and every minute by a schedule, which
 * retries with backoff what SES did not take and sweeps batches until nothing is due or the
 * invocation nears its timeout.
 */
export const handler = async (event: Partial<DynamoDBStreamEvent>, context: Context): Promise<SweepReport> => {
  const deps = mailingRuntime();
  try {
    if (Array.isArray(event.Records)) {
      const records = event as DynamoDBStreamEvent;
      return sum(await deliverMailOf(deps, writtenWithMail(records)), await deliverDelegationMailOf(deps, delegationItemsWithMail(records)));
    }
    const more = () => context.getRemainingTimeInMillis() > 15_000;
    return sum(await deliverAllDue(deps, more), await deliverAllDelegationMail(deps, more));
  } catch (error) {
    deps.log.error('mail_sweep_failed', describeError(error));
    throw error;
  }
};
