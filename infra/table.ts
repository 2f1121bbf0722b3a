// The one DynamoDB table, built from the very definition the local runner creates in dynalite
// (shared/store/table.ts createTableInput): keys, attribute types and every index, so the cloud table
// and the local one cannot drift apart.
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { createTableInput, tableKeys } from '#shared/store/table.ts';

const definition = createTableInput('definition');

function attribute(name: string): dynamodb.Attribute {
  const type = definition.AttributeDefinitions?.find((entry) => entry.AttributeName === name)?.AttributeType;
  if (!type) throw new Error(`shared/store/table.ts defines no type for ${name}`);
  return { name, type: type as dynamodb.AttributeType };
}

function keyOf(schema: { AttributeName?: string | undefined; KeyType?: string | undefined }[] | undefined, kind: 'HASH' | 'RANGE') {
  const name = schema?.find((entry) => entry.KeyType === kind)?.AttributeName;
  return name === undefined ? undefined : attribute(name);
}

export class RegistrationTable extends Construct {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: keyOf(definition.KeySchema, 'HASH')!,
      sortKey: keyOf(definition.KeySchema, 'RANGE'),
      // A conference's traffic is a few bursts a year: on-demand costs nothing at rest.
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      // Point-in-time recovery keeps every earlier state of the table for 35 days, so an erased
      // registration stays recoverable from the backups that long after erasure (README, privacy notes):
      // the price of being able to undo a bad deploy or a wrong bulk change.
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: 35 },
      // Unconfirmed registrations carry expiresAt (epoch seconds) and are purged once their link expired.
      timeToLiveAttribute: tableKeys.timeToLive,
      // The mail worker wakes on the stream the moment a registration is written with mail to send, so
      // no request waits on SES (shared/model/submission.ts). New images only: that is all it reads.
      stream: dynamodb.StreamViewType.NEW_IMAGE,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      // Registrations outlive the stack: `cdk destroy` leaves the table (and its data) in place.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of definition.GlobalSecondaryIndexes ?? []) {
      const projection = index.Projection?.ProjectionType;
      this.table.addGlobalSecondaryIndex({
        indexName: index.IndexName!,
        partitionKey: keyOf(index.KeySchema, 'HASH')!,
        sortKey: keyOf(index.KeySchema, 'RANGE'),
        projectionType: projection === 'KEYS_ONLY' ? dynamodb.ProjectionType.KEYS_ONLY : projection === 'INCLUDE' ? dynamodb.ProjectionType.INCLUDE : dynamodb.ProjectionType.ALL,
        ...(projection === 'INCLUDE' ? { nonKeyAttributes: index.Projection?.NonKeyAttributes ?? [] } : {}),
      });
    }
  }

  /** ARN of one index, for the functions that query it. */
  indexArn(indexName: string): string {
    return `${this.table.tableArn}/index/${indexName}`;
  }
}
