// The cap on mail that submissions send to one mailbox: a rolling hour per mailbox and event, on one
// small item, taken with conditional updates so concurrent submissions cannot pass it together.
import { ConditionalCheckFailedException, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { toItem } from './attributes.ts';
import { keys } from './table.ts';

export const mailsPerHourPerMailbox = 3;
const windowMs = 60 * 60 * 1000;

export class MailboxStore {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;

  constructor(client: DynamoDBClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  /**
   * Takes one of the hour's mails for the mailbox, or answers false when they are used up. Always two
   * updates at most, the same for a capped mailbox as for a new one. The cap errs on the side of fewer
   * mails, never more: an SDK retry of an update whose answer was lost counts one mail twice, and a
   * request racing another at the turn of the hour may be refused once.
   */
  async take(eventId: string, mailboxKey: string, now: Date): Promise<boolean> {
    const hourAgo = new Date(now.getTime() - windowMs).toISOString();
    // Within the current window, while mails are left ...
    const counted = await this.update(eventId, mailboxKey, 'SET #sent = #sent + :one', '#startedAt > :hourAgo AND #sent < :cap', {
      ':hourAgo': hourAgo,
      ':cap': mailsPerHourPerMailbox,
    });
    if (counted) return true;
    // ... or a new window, when there is none or the last one is over.
    return this.update(eventId, mailboxKey, 'SET #startedAt = :now, #sent = :one', 'attribute_not_exists(#startedAt) OR #startedAt <= :hourAgo', {
      ':hourAgo': hourAgo,
      ':now': now.toISOString(),
    });
  }

  private async update(eventId: string, mailboxKey: string, expression: string, condition: string, values: Record<string, string | number>): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: toItem(keys.mailbox(eventId, mailboxKey)),
          UpdateExpression: expression,
          ConditionExpression: condition,
          ExpressionAttributeNames: { '#sent': 'sent', '#startedAt': 'startedAt' },
          ExpressionAttributeValues: toItem({ ':one': 1, ...values }),
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
