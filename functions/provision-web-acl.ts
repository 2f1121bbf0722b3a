// The CloudFormation custom resource behind infra/web-acl.ts: creates, updates and deletes the site's
// WAF web ACL in us-east-1, where CloudFront's web ACLs must live whatever region the stack is in, and
// answers CloudFormation on the pre-signed URL it gives. The web ACL itself (rules, limits) comes
// whole from the template as JSON, so what is deployed can be read and tested in the template.
import {
  CreateWebACLCommand,
  DeleteWebACLCommand,
  GetWebACLCommand,
  UpdateWebACLCommand,
  WAFV2Client,
  type CreateWebACLCommandInput,
} from '@aws-sdk/client-wafv2';
import type { CloudFormationCustomResourceEvent, CloudFormationCustomResourceResponse, Context } from 'aws-lambda';
import { createLogger, describeError } from '#shared/platform/log.ts';

const log = createLogger({ service: 'conference-registration', handler: 'provision-web-acl' });

/** The web ACL as the template gives it (ResourceProperties.WebAcl, JSON): everything but its scope. */
export type WebAclSpec = Omit<CreateWebACLCommandInput, 'Scope'> & { Name: string };

const scope = 'CLOUDFRONT';
// Deleting an ACL CloudFront still uses fails until the distribution's update has gone out; wait so long.
const associatedRetryMs = 15_000;

let client: WAFV2Client | undefined;
function waf(): WAFV2Client {
  // WAFV2_ENDPOINT points the client at an emulator (the tests use moto); in Lambda it is unset.
  client ??= new WAFV2Client({ region: 'us-east-1', ...(process.env.WAFV2_ENDPOINT ? { endpoint: process.env.WAFV2_ENDPOINT } : {}) });
  return client;
}

export const handler = async (event: CloudFormationCustomResourceEvent, context: Context): Promise<void> => {
  let answer: Pick<CloudFormationCustomResourceResponse, 'Status' | 'Reason' | 'PhysicalResourceId' | 'Data'>;
  try {
    const { arn, id } = await apply(event, context);
    answer = { Status: 'SUCCESS', PhysicalResourceId: arn, Data: { Arn: arn, Id: id } };
    log.info('web_acl_provisioned', { requestType: event.RequestType });
  } catch (error) {
    log.error('web_acl_failed', { requestType: event.RequestType, ...describeError(error) });
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    answer = {
      Status: 'FAILED',
      Reason: `${name}: ${message}`.slice(0, 900) + ` (see log stream ${context.logStreamName})`,
      PhysicalResourceId: 'PhysicalResourceId' in event ? event.PhysicalResourceId : context.logStreamName,
    };
  }
  await respond(event, answer);
};

async function apply(event: CloudFormationCustomResourceEvent, context: Context): Promise<{ arn: string; id: string }> {
  if (event.RequestType === 'Delete') {
    await remove(event.PhysicalResourceId, context);
    return { arn: event.PhysicalResourceId, id: parseArn(event.PhysicalResourceId)?.id ?? '' };
  }
  const spec = JSON.parse(String(event.ResourceProperties.WebAcl)) as WebAclSpec;
  if (event.RequestType === 'Update') {
    const current = parseArn(event.PhysicalResourceId);
    // A new name is a new web ACL; CloudFormation deletes the old one once the distribution uses this.
    if (current && current.name === spec.Name) return update(current, spec);
  }
  const { Summary } = await waf().send(new CreateWebACLCommand({ ...spec, Scope: scope }));
  return { arn: Summary!.ARN!, id: Summary!.Id! };
}

async function update(current: { name: string; id: string; arn: string }, spec: WebAclSpec): Promise<{ arn: string; id: string }> {
  const { LockToken } = await waf().send(new GetWebACLCommand({ Name: current.name, Id: current.id, Scope: scope }));
  await waf().send(new UpdateWebACLCommand({ ...spec, Id: current.id, Scope: scope, LockToken }));
  return { arn: current.arn, id: current.id };
}

async function remove(physicalId: string, context: Context): Promise<void> {
  const current = parseArn(physicalId);
  // A create that failed left no web ACL behind: its physical id is a log stream's name.
  if (!current) return;
  for (;;) {
    try {
      const { LockToken } = await waf().send(new GetWebACLCommand({ Name: current.name, Id: current.id, Scope: scope }));
      await waf().send(new DeleteWebACLCommand({ Name: current.name, Id: current.id, Scope: scope, LockToken }));
      return;
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'WAFNonexistentItemException') return;
      if (name !== 'WAFAssociatedItemException' || context.getRemainingTimeInMillis() < 2 * associatedRetryMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, associatedRetryMs));
    }
  }
}

/** arn:aws:wafv2:us-east-1:<account>:global/webacl/<name>/<id> */
export function parseArn(arn: string): { name: string; id: string; arn: string } | undefined {
  const match = /^arn:aws[a-z-]*:wafv2:[a-z0-9-]+:\d{12}:global\/webacl\/([\w-]+)\/([\w-]+)$/.exec(arn);
  return match ? { name: match[1]!, id: match[2]!, arn } : undefined;
}

/** CloudFormation waits for this PUT to its pre-signed S3 URL; without a content type, as it signs none. */
async function respond(event: CloudFormationCustomResourceEvent, answer: Pick<CloudFormationCustomResourceResponse, 'Status' | 'Reason' | 'PhysicalResourceId' | 'Data'>): Promise<void> {
  const body: CloudFormationCustomResourceResponse = {
    ...answer,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  } as CloudFormationCustomResourceResponse;
  const response = await fetch(event.ResponseURL, { method: 'PUT', body: Buffer.from(JSON.stringify(body)) });
  if (!response.ok) throw new Error(`CloudFormation's response URL answered ${response.status}`);
}
