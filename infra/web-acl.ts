// The site's first line against floods: an AWS WAF web ACL in front of CloudFront with rate-based
// rules keyed on the client's IP address (shared/http/throttling.ts gives the numbers, which the local
// gateway applies too). One client sending too much is refused on its own, before API Gateway's
// shared buckets, so it cannot use up everybody's share.
//
// A web ACL for CloudFront must be made in us-east-1, whatever region the stack is in. It is made by a
// custom resource whose function (functions/provision-web-acl.ts) calls WAF in us-east-1, rather than
// by a second stack there with crossRegionReferences: that would tie the app to one account and
// region at synth time (the stack is environment-agnostic), need a CDK bootstrap of us-east-1 too,
// and add SSM parameters and a second stack to every deploy and teardown. One resource, one role
// holding exactly four WAF calls on this one web ACL, and the web ACL whole in the template instead.
import { CustomResource, Duration, Names, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { publicPostPathPattern, tooManyRequestsBody } from '#shared/http/throttling.ts';
import type { WebAclSpec } from '../functions/provision-web-acl.ts';
import { bundling, logsAndRole, projectRoot, runtime } from './functions.ts';
import type { StackSettings } from './settings.ts';

export type ClientLimits = Pick<StackSettings, 'clientWindowSeconds' | 'clientPublicPostLimit' | 'clientRequestLimit'>;

const tooManyRequests = 'too-many-requests';

/**
 * The web ACL: everything allowed but what a rate-based rule refuses. Requests are counted per client
 * over `clientWindowSeconds`: all of them by the first rule, the public POSTs (register, confirm,
 * update, withdraw, erase; from the route table) by the second. A refusal is a 429 with the API's own
 * error body. (WAF names the headers of a custom response x-amzn-waf-<name>, so it cannot send
 * Retry-After; clients key on the status.) Metrics count per rule; sampled requests are off, since
 * they would keep clients' addresses and the tokens in query strings for three hours.
 */
export function webAclSpec(name: string, limits: ClientLimits): WebAclSpec {
  const visibility = (metric: string) => ({ CloudWatchMetricsEnabled: true, MetricName: metric, SampledRequestsEnabled: false });
  const matches = (field: 'Method' | 'UriPath', regex: string) => ({
    RegexMatchStatement: { RegexString: regex, FieldToMatch: { [field]: {} }, TextTransformations: [{ Priority: 0, Type: 'NONE' }] },
  });
  const block = { Block: { CustomResponse: { ResponseCode: 429, CustomResponseBodyKey: tooManyRequests } } };
  return {
    Name: name,
    Description: 'Per-client rate limits in front of the conference registration site',
    DefaultAction: { Allow: {} },
    VisibilityConfig: visibility(name),
    CustomResponseBodies: { [tooManyRequests]: { ContentType: 'APPLICATION_JSON', Content: JSON.stringify(tooManyRequestsBody) } },
    Rules: [
      {
        Name: 'requests-per-client',
        Priority: 0,
        Action: block,
        Statement: { RateBasedStatement: { Limit: limits.clientRequestLimit, EvaluationWindowSec: limits.clientWindowSeconds, AggregateKeyType: 'IP' } },
        VisibilityConfig: visibility(`${name}-requests-per-client`),
      },
      {
        Name: 'public-posts-per-client',
        Priority: 1,
        Action: block,
        Statement: {
          RateBasedStatement: {
            Limit: limits.clientPublicPostLimit,
            EvaluationWindowSec: limits.clientWindowSeconds,
            AggregateKeyType: 'IP',
            ScopeDownStatement: { AndStatement: { Statements: [matches('Method', '^POST$'), matches('UriPath', publicPostPathPattern())] } },
          },
        },
        VisibilityConfig: visibility(`${name}-public-posts-per-client`),
      },
    ],
  } as WebAclSpec;
}

export interface EdgeWebAclProps {
  limits: ClientLimits;
  logRetentionDays: number;
}

export class EdgeWebAcl extends Construct {
  readonly resource: CustomResource;
  readonly provider: NodejsFunction;
  /** The web ACL's name, fixed by the construct's place in the app. */
  readonly name: string;

  constructor(scope: Construct, id: string, props: EdgeWebAclProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.name = Names.uniqueResourceName(this, { maxLength: 100, separator: '-' });

    const { logGroup, role } = logsAndRole(this, { logs: 'ProviderLogs', role: 'ProviderRole' }, 'Creates, updates and deletes the registration site web ACL in us-east-1 at deploy', props.logRetentionDays);
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['wafv2:CreateWebACL', 'wafv2:GetWebACL', 'wafv2:UpdateWebACL', 'wafv2:DeleteWebACL'],
        resources: [`arn:${stack.partition}:wafv2:us-east-1:${stack.account}:global/webacl/${this.name}/*`],
      }),
    );
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:wafv2:us-east-1:<AWS::AccountId>:global/webacl/${this.name}/*]`,
      reason: 'WAF gives the web ACL its id when it creates it, so the grant names the web ACL by name and leaves only the id open: four calls on this one web ACL, during deploys only.',
    });

    this.provider = new NodejsFunction(this, 'Provider', {
      entry: join(projectRoot, 'functions', 'provision-web-acl.ts'),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: join(projectRoot, 'package-lock.json'),
      runtime,
      architecture: lambda.Architecture.ARM_64,
      description: 'Custom resource: the site web ACL in us-east-1',
      memorySize: 256,
      // Deleting waits while CloudFront still uses the web ACL (functions/provision-web-acl.ts).
      timeout: Duration.minutes(10),
      role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: { NODE_OPTIONS: '--enable-source-maps' },
      bundling,
    });

    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: this.provider.functionArn,
      resourceType: 'Custom::EdgeWebAcl',
      properties: { WebAcl: JSON.stringify(webAclSpec(this.name, props.limits)) },
    });
  }

  /** The web ACL's ARN, for the distribution's WebACLId. */
  get arn(): string {
    return this.resource.getAttString('Arn');
  }
}
