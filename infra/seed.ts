// The seed event exists after deploy, as it does on the first start of local mode: a custom resource
// writes it with the same conditional PutItem as EventStore.create (shared/store/event-store.ts), so it
// is created once and never overwritten. Organizers' later edits (PUT /events/{eventId}) survive every
// redeploy: the condition fails, and that one error is ignored.
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId, type AwsSdkCall } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { eventItem } from '#shared/store/event-store.ts';
import { keys, tableKeys } from '#shared/store/table.ts';
import { logsAndRole } from './functions.ts';
import type { RegistrationTable } from './table.ts';
import type { ConferenceEvent } from '#shared/model/event-schema.ts';

/** What the custom resource's handler ignores: only the failed "does not exist yet" condition. */
export const ignoredSeedErrors = '^ConditionalCheckFailedException$';

export interface SeedEventProps {
  table: RegistrationTable;
  event: ConferenceEvent;
  logRetentionDays: number;
}

export class SeedEvent extends Construct {
  readonly resource: AwsCustomResource;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: SeedEventProps) {
    super(scope, id);
    const { table, event } = props;
    const put: AwsSdkCall = {
      service: 'DynamoDB',
      action: 'PutItem',
      parameters: {
        TableName: table.table.tableName,
        Item: eventItem(event),
        ConditionExpression: `attribute_not_exists(${tableKeys.partitionKey})`,
      },
      ignoreErrorCodesMatching: ignoredSeedErrors,
      physicalResourceId: PhysicalResourceId.of(`seed-event-${event.id}`),
    };

    // A role of its own (no AWS managed policy): its log group, and one PutItem on the event's own
    // partition of the table.
    const { logGroup, role } = logsAndRole(this, { logs: 'Logs', role: 'Role' }, `Writes the seed event ${event.id} into the registration table once`, props.logRetentionDays);
    this.role = role;

    this.resource = new AwsCustomResource(this, 'Put', {
      resourceType: 'Custom::SeedEvent',
      // Created with the stack; run again when the call changes (say, a new table), never overwriting.
      onCreate: put,
      onUpdate: put,
      // Nothing on delete: the event lives in the retained table with its registrations.
      policy: AwsCustomResourcePolicy.fromStatements([
        new iam.PolicyStatement({
          actions: ['dynamodb:PutItem'],
          resources: [table.table.tableArn],
          conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [keys.event(event.id).pk] } },
        }),
      ]),
      role: this.role,
      logGroup,
      // The SDK in Lambda's runtime has PutItem; no npm install at deploy time.
      installLatestAwsSdk: false,
      timeout: Duration.minutes(1),
    });
  }
}
