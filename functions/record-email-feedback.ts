import type { SNSEvent } from 'aws-lambda';
import { parseSesFeedback, recordEmailFeedback } from '#shared/mail/feedback.ts';
import { loadConfig } from '#shared/platform/config.ts';
import { createLogger, describeError } from '#shared/platform/log.ts';
import { runtime } from '#shared/runtime/runtime.ts';

// Read at cold start: a missing setting stops the function here, naming it.
loadConfig();
const log = createLogger({ service: 'conference-registration', handler: 'record-email-feedback' });

/**
 * SNS subscriber of the SES configuration set's bounce and complaint events: marks each registration
 * the mail belonged to. An error (DynamoDB unavailable) is thrown, so Lambda retries the delivery;
 * marking twice is harmless.
 */
export const handler = async (event: SNSEvent): Promise<void> => {
  const { registrations } = runtime();
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
        const outcome = await recordEmailFeedback(registrations, entry);
        // No address in the log: the event id and the outcome are enough to follow up.
        log.info('email_feedback', { eventId: entry.eventId, status: entry.status, outcome, messageId: record.Sns.MessageId });
      } catch (error) {
        log.error('email_feedback_failed', { eventId: entry.eventId, messageId: record.Sns.MessageId, ...describeError(error) });
        throw error;
      }
    }
  }
};
