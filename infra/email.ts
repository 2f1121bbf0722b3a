// Outgoing mail: the SES identity the sender address belongs to, a configuration set used on every
// send, and bounce and complaint events published to an encrypted SNS topic, which the email-events
// function reads to mark the registration.
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface EmailProps {
  senderAddress: string;
  /** Verify the whole domain (DKIM) instead of the single address. */
  senderDomain: string | undefined;
}

export class Email extends Construct {
  readonly identity: ses.EmailIdentity;
  /** The identity's name as SES knows it: the domain, or the address. */
  readonly identityName: string;
  readonly configurationSet: ses.ConfigurationSet;
  readonly feedbackTopic: sns.Topic;
  readonly feedbackKey: kms.Key;
  /** Bounce and complaint events that could not be recorded: see the constructor. */
  readonly feedbackFailures: sqs.Queue;

  constructor(scope: Construct, id: string, props: EmailProps) {
    super(scope, id);
    this.identityName = props.senderDomain ?? props.senderAddress;
    this.identity = new ses.EmailIdentity(this, 'Identity', {
      identity: props.senderDomain ? ses.Identity.domain(props.senderDomain) : ses.Identity.email(props.senderAddress),
      // Easy DKIM with 2048-bit keys when a domain is verified.
      ...(props.senderDomain ? { dkimSigning: true, dkimIdentity: ses.DkimIdentity.easyDkim(ses.EasyDkimSigningKeyLength.RSA_2048_BIT) } : {}),
    });

    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      // Mail carries links with secrets: refuse to hand it to a receiving server without TLS.
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      sendingEnabled: true,
      // Never retry an address that bounced hard or complained, whichever registration it belongs to.
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });

    // Bounce and complaint notifications name recipients, so the topic is encrypted. SES can only
    // publish to an encrypted topic with a customer managed key that lets it use the key.
    this.feedbackKey = new kms.Key(this, 'FeedbackKey', {
      description: 'Encrypts SES bounce and complaint notifications of the registration pipeline',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    const { account, region, partition } = Stack.of(this);
    this.feedbackKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowSesToPublishEncrypted',
        principals: [new iam.ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': account },
          ArnLike: { 'aws:SourceArn': `arn:${partition}:ses:${region}:${account}:configuration-set/*` },
        },
      }),
    );

    this.feedbackTopic = new sns.Topic(this, 'FeedbackTopic', {
      displayName: 'Registration mail bounces and complaints',
      masterKey: this.feedbackKey,
      enforceSSL: true,
    });

    // Where a bounce or complaint goes when it cannot be recorded, instead of being lost: SNS puts
    // there what it could not deliver to the function (the subscription's dead-letter queue), Lambda
    // what the function still failed on after its retries (the on-failure destination). A lost bounce
    // would keep a dead address looking deliverable to the organizers. Operators read and replay it
    // from the console; the messages name recipients, so they are encrypted at rest (SQS-managed
    // keys: neither SNS nor Lambda then needs a key grant) and deleted after 14 days, SQS's longest.
    this.feedbackFailures = new sqs.Queue(this, 'FeedbackFailures', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.feedbackFailures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the bounce and complaint subscription and the on-failure destination of its function; a queue behind it would only move the same messages once more.',
    });

    new ses.ConfigurationSetEventDestination(this, 'FeedbackDestination', {
      configurationSet: this.configurationSet,
      destination: ses.EventDestination.snsTopic(this.feedbackTopic),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });
  }

  /** ARNs a sending function needs ses:SendEmail on: the identity and the configuration set. */
  sendResources(): string[] {
    const stack = Stack.of(this);
    return [
      stack.formatArn({ service: 'ses', resource: 'identity', resourceName: this.identityName }),
      stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName }),
    ];
  }
}
