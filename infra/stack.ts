// The registration pipeline in AWS: HTTP API, one function per handler, the table, SES and organizer
// sign-in, wired the way local/stack.ts wires the emulators; the registration page and the API on one
// CloudFront origin; the seed event written once.
import { CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { SnsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Construct } from 'constructs';
import { seedEvent } from '#shared/model/seed-event.ts';
import { keys, tableKeys } from '#shared/store/table.ts';
import { Api } from './api.ts';
import { OrganizerAuth } from './auth.ts';
import { Email } from './email.ts';
import { Functions } from './functions.ts';
import { guardExampleSettings } from './guard.ts';
import { SeedEvent } from './seed.ts';
import { UploadsBucket } from './files.ts';
import { Site } from './site.ts';
import type { StackSettings } from './settings.ts';
import { RegistrationTable } from './table.ts';
import { consoleAuthConfig, consolePath } from '../web/console/config.ts';
import { EdgeWebAcl } from './web-acl.ts';

export interface RegistrationStackProps extends StackProps {
  settings: StackSettings;
}

export class RegistrationStack extends Stack {
  readonly table: RegistrationTable;
  readonly auth: OrganizerAuth;
  readonly email: Email;
  readonly api: Api;
  readonly functions: Functions;
  readonly site: Site;
  readonly uploads: UploadsBucket;
  readonly seed: SeedEvent;
  readonly cursorSecret: secretsmanager.Secret;
  readonly originSecret: secretsmanager.Secret;
  readonly webAcl: EdgeWebAcl | undefined;

  constructor(scope: Construct, id: string, props: RegistrationStackProps) {
    super(scope, id, props);
    const { settings } = props;

    this.table = new RegistrationTable(this, 'Registrations');
    this.auth = new OrganizerAuth(this, 'Organizers', {
      organizerGroup: settings.organizerGroup,
      moderatorGroup: settings.moderatorGroup,
      viewerGroup: settings.viewerGroup,
      accreditationGroup: settings.accreditationGroup,
      signInDomainPrefix: settings.signInDomainPrefix,
    });
    this.email = new Email(this, 'Email', { senderAddress: settings.senderAddress, senderDomain: settings.senderDomain });

    // Signs the organizer list's page cursors. The list function gets the secret's ARN and fetches the
    // value at run time (shared/platform/secrets.ts), so it is in no function's environment.
    this.cursorSecret = generatedSecret(this, 'CursorSecret', 'HMAC key for the organizer list page cursors of the registration pipeline',
      'The key only signs page cursors (no data is encrypted with it) and no rotation function exists for it; ' +
        'rotate by putting a new value, which the list function reads at its next cold start and which merely invalidates open cursors.');
    // The header CloudFront adds to every request it forwards to the API, which the API functions
    // check (shared/http/origin.ts): without it, the HTTP API's own execute-api address would answer
    // around the WAF. CloudFront gets the value through a dynamic reference, resolved at deploy (it is
    // never in the template); the functions fetch it at run time by ARN.
    this.originSecret = generatedSecret(this, 'OriginSecret', 'Header value CloudFront sends to the registration API, which refuses requests without it',
      'CloudFront holds the value as an origin header, resolved only when a deploy updates the distribution: a scheduled rotation would make the functions refuse every request. ' +
        'Rotate by replacing the secret (a new construct id), which updates the distribution and the functions\' ARN in one deploy; it guards no data, only the way in.');

    this.api = new Api(this, 'Api', { settings });
    // The stack's own web ACL with the per-client rules, unless an existing one is named (webAclArn).
    this.webAcl = settings.webAclArn ? undefined : new EdgeWebAcl(this, 'WebAcl', { limits: settings, logRetentionDays: settings.logRetentionDays });
    this.site = new Site(this, 'Site', {
      settings,
      api: this.api,
      originSecret: this.originSecret,
      webAclArn: settings.webAclArn ?? this.webAcl!.arn,
      loginBaseUrl: this.auth.loginBaseUrl,
    });
    this.uploads = new UploadsBucket(this, 'Uploads', { origins: [this.site.url, ...settings.allowedOrigins] });
    // The console's app client signs in back to the site, so it follows the site; the console reads
    // where to sign in from /organizer/config.json in the site bucket.
    this.auth.addConsoleClient(this.site.url);
    this.site.addConsoleConfig(
      consoleAuthConfig({ issuer: this.auth.issuer, loginBaseUrl: this.auth.loginBaseUrl, clientId: this.auth.client.userPoolClientId, siteUrl: this.site.url }),
    );
    this.functions = new Functions(this, 'Functions', {
      settings,
      table: this.table,
      uploads: this.uploads.bucket,
      email: this.email,
      secrets: { cursor: this.cursorSecret, origin: this.originSecret },
      siteUrl: this.site.url,
    });
    this.api.addRoutes(this.functions.byName, this.auth.authorizer);
    wireFeedback(this, this.functions.byName['record-email-feedback']);
    // The mail worker: woken by the table's stream for each registration written with mail to send
    // (the outbox index's partition marks them, so the filter lets only those through and Lambda is
    // not invoked for every other write), and every minute by the schedule, which retries with backoff
    // what SES did not take (shared/mail/outbox.ts).
    // The mapping is made directly, not as a DynamoEventSource, whose grant would add ListStreams on
    // every table; infra/functions.ts grants the stream reads on this table alone.
    this.functions.byName['send-pending-mail'].addEventSourceMapping('MailQueued', {
      eventSourceArn: this.table.table.tableStreamArn!,
      startingPosition: lambda.StartingPosition.LATEST,
      batchSize: 25,
      maxBatchingWindow: Duration.seconds(0),
      // A failed batch is not lost: the mail stays pending on the registration and the schedule retries it.
      retryAttempts: 2,
      bisectBatchOnError: true,
      filters: [lambda.FilterCriteria.filter({ dynamodb: { NewImage: { [tableKeys.outboxPartitionKey]: { S: lambda.FilterRule.isEqual(keys.outbox()) } } } })],
    });
    new events.Rule(this, 'MailSweepSchedule', {
      description: 'Retries pending registration mail',
      schedule: events.Schedule.rate(Duration.minutes(1)),
      targets: [new eventTargets.LambdaFunction(this.functions.byName['send-pending-mail'], { retryAttempts: 0 })],
    });

    // The safety net that makes promotion converge without an operator (shared/actions/waitlist.ts).
    new events.Rule(this, 'SettleWaitingListsSchedule', {
      description: 'Gives free seats to whoever waits',
      schedule: events.Schedule.rate(Duration.minutes(1)),
      targets: [new eventTargets.LambdaFunction(this.functions.byName['settle-waiting-lists'], { retryAttempts: 0 })],
    });

    this.seed = new SeedEvent(this, 'SeedEvent', { table: this.table, event: seedEvent, logRetentionDays: settings.logRetentionDays });

    guardExampleSettings(this, settings.exampleValues);

    new CfnOutput(this, 'FeedbackFailuresQueue', { value: this.email.feedbackFailures.queueUrl, description: 'Bounce and complaint events that could not be recorded' });
    new CfnOutput(this, 'SiteUrl', { value: `${this.site.url}/`, description: 'The registration page; the API answers on the same origin' });
    new CfnOutput(this, 'DistributionDomainName', {
      value: this.site.distribution.distributionDomainName,
      description: settings.siteDomain ? `Point ${settings.siteDomain} at this name (CNAME, or an alias record)` : 'CloudFront domain of the site',
    });
    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'The HTTP API itself (the site forwards its API paths here)' });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId, description: 'Cognito user pool of the organizers' });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId, description: 'App client organizers sign in with' });
    new CfnOutput(this, 'ConsoleUrl', { value: `${this.site.url}${consolePath}`, description: 'The organizer console: organizers sign in here' });
    new CfnOutput(this, 'SignInUrl', { value: this.auth.loginBaseUrl, description: 'Cognito managed login (the console sends organizers here)' });
    new CfnOutput(this, 'TableName', { value: this.table.table.tableName, description: 'DynamoDB table (kept when the stack is destroyed)' });
    new CfnOutput(this, 'OrganizerGroup', { value: settings.organizerGroup, description: 'Cognito group allowed to read registrations' });
    new CfnOutput(this, 'SesIdentity', { value: this.email.identityName, description: 'SES identity to verify before mail goes out' });
    if (settings.senderDomain) {
      const identity = this.email.identity;
      const dkim: [string, string][] = [
        [identity.dkimDnsTokenName1, identity.dkimDnsTokenValue1],
        [identity.dkimDnsTokenName2, identity.dkimDnsTokenValue2],
        [identity.dkimDnsTokenName3, identity.dkimDnsTokenValue3],
      ];
      dkim.forEach(([name, value], index) => {
        new CfnOutput(this, `DkimRecord${index + 1}`, { value: `${name} CNAME ${value}`, description: 'Publish this DNS record to verify the sender domain' });
      });
    }
  }
}

/**
 * SNS invokes the bounce and complaint function asynchronously. What SNS cannot deliver, and what the
 * function still fails on after Lambda's two retries, lands in the failures queue (infra/email.ts).
 * The destination is bound by hand: CDK's SqsDestination would also grant the queue's reads and
 * attributes; the function needs sqs:SendMessage alone.
 */
function wireFeedback(stack: RegistrationStack, fn: NodejsFunction): void {
  const queue = stack.email.feedbackFailures;
  fn.addEventSource(new SnsEventSource(stack.email.feedbackTopic, { deadLetterQueue: queue }));
  fn.configureAsyncInvoke({
    retryAttempts: 2,
    maxEventAge: Duration.hours(6),
    onFailure: { bind: () => ({ destination: queue.queueArn }) },
  });
  fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] }));
}

/** A random 64-character secret the stack makes, with the reason it is not rotated on a schedule. */
function generatedSecret(scope: Construct, id: string, description: string, whyNoScheduledRotation: string): secretsmanager.Secret {
  const secret = new secretsmanager.Secret(scope, id, {
    description,
    generateSecretString: { passwordLength: 64, excludePunctuation: true },
    removalPolicy: RemovalPolicy.DESTROY,
  });
  Validations.of(secret).acknowledge({ id: 'AwsSolutions-SMG4', reason: whyNoScheduledRotation });
  return secret;
}
