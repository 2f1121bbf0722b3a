import type { SNSEvent } from 'aws-lambda';
import { parseSesFeedback, recordEmailFeedback } from '#shared/email-feedback.ts';
import { loadConfig } from '#shared/config.ts';
import { createLogger, describeError } from '#shared/log.ts';
import { createDynamoClient } from '#shared/store/client.ts';

const log = createLogger({ service: 'conference-registration', handler: 'email-events' });
let dynamo: ReturnType<typeof createDynamoClient> | undefined;

/**
 * SNS subscriber of the SES configuration set's bounce and complaint events: marks each registration
 * the mail belonged to. An error (DynamoDB unavailable) is thrown, so Lambda retries the delivery;
 * marking twice is harmless.
 */
export const handler = async (event: SNSEvent): Promise<void> => {
  const { tableName } = loadConfig();
  dynamo ??= createDynamoClient();
  for (const record of event.Records) {
    let message: unknown;
    try {
      message = JSON.parse(record.Sns.Message);
    } catch {
      log.warn('email_event_unreadable', { messageId: record.Sns.MessageId });
      continue;
    }
    const feedback = parseSesFeedback(message);
    if (feedback.length === 0) log.info('email_event_ignored', { messageId: record.Sns.MessageId });
    for (const entry of feedback) {
      try {
        const outcome = await recordEmailFeedback(dynamo, tableName, entry);
        // No address in the log: the event id and the outcome are enough to follow up.
        log.info('email_feedback', { eventId: entry.eventId, status: entry.status, outcome, messageId: record.Sns.MessageId });
      } catch (error) {
        log.error('email_feedback_failed', { eventId: entry.eventId, messageId: record.Sns.MessageId, ...describeError(error) });
        throw error;
      }
    }
  }
};
