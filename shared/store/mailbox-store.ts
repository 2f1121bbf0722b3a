// The cap on mail that submissions send to one mailbox: at most 3 in any hour per mailbox and event.
// Counted in 20-minute buckets, one small item each: a submission adds itself to the current bucket
// with one unconditional ADD (atomic, so concurrent submissions get distinct counts and cannot pass
// the cap together) and, at the same time, reads the three buckets before it. Every submission makes
// exactly these two calls, whatever the mailbox's past, so the time they take tells nothing about it.
import { UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { toItem } from './attributes.ts';
import { batchGetConsistent } from './batch-get.ts';
import { keys } from './table.ts';

export const mailsPerHourPerMailbox = 3;
const bucketMs = 20 * 60 * 1000;
/** Any hour lies within the current bucket and the three before it. */
const bucketsBefore = 3;

export class MailboxStore {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;

  constructor(client: DynamoDBClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  /**
   * Counts the submission and answers whether a mail may go out for it. Every submission counts, the
   * ones refused too, so the cap errs on the side of fewer mails, never more: a refused mailbox stays
   * refused until an hour (at most 80 minutes) passes without submissions beyond the cap, and an SDK
   * retry of an ADD whose answer was lost counts once more.
   */
  async take(eventId: string, mailboxKey: string, now: Date): Promise<boolean> {
    const bucket = Math.floor(now.getTime() / bucketMs);
    const [current, earlier] = await Promise.all([this.count(eventId, mailboxKey, bucket), this.earlierCounts(eventId, mailboxKey, bucket)]);
    return current + earlier <= mailsPerHourPerMailbox;
  }

  private key(eventId: string, mailboxKey: string, bucket: number) {
    return toItem(keys.mailbox(eventId, `${mailboxKey}#${bucket}`));
  }

  private async count(eventId: string, mailboxKey: string, bucket: number): Promise<number> {
    const { Attributes } = await this.client.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: this.key(eventId, mailboxKey, bucket),
        UpdateExpression: 'ADD #sent :one SET #expiresAt = :expiresAt',
        ExpressionAttributeNames: { '#sent': 'sent', '#expiresAt': 'expiresAt' },
        // Gone once no later bucket can look back at it (the table's TTL; dynalite keeps it, harmlessly).
        ExpressionAttributeValues: toItem({ ':one': 1, ':expiresAt': Math.ceil(((bucket + bucketsBefore + 2) * bucketMs) / 1000) }),
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.sent?.N ?? 1);
  }

  private async earlierCounts(eventId: string, mailboxKey: string, bucket: number): Promise<number> {
    const earlier = Array.from({ length: bucketsBefore }, (_, back) => this.key(eventId, mailboxKey, bucket - back - 1));
    const items = await batchGetConsistent(this.client, this.tableName, earlier, ['sent']);
    return items.reduce((total, item) => total + Number(item.sent?.N ?? 0), 0);
  }
}
