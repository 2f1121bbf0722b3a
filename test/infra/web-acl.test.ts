// The site's web ACL: its rules as the template carries them (the numbers the local gateway applies
// too), the custom resource's function and role, and that function creating, updating and deleting
// the web ACL over the wire against moto's WAF, answering CloudFormation as it expects.
import { GetWebACLCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultThrottle, publicPostPathPattern, tooManyRequestsBody } from '#shared/http/throttling.ts';
import { handler as provisionWebAcl } from '../../functions/provision-web-acl.ts';
import { webAclSpec } from '../../infra/web-acl.ts';
import { lambdaContext } from './lambda-events.ts';
import { motoAvailable, motoClientConfig, motoEndpoint, motoMissingMessage, motoRequired } from '../support/moto.ts';
import { realSettings, removeOutdirs, resources, synthStack, type Synthesized } from './synth.ts';

let defaults: Synthesized;

beforeAll(() => {
  defaults = synthStack();
});
afterAll(() => {
  removeOutdirs();
});

function webAclOf(synthesized: Synthesized): any {
  const [resource] = Object.values(resources(synthesized.template, 'Custom::EdgeWebAcl'));
  return JSON.parse(resource!.Properties!.WebAcl);
}

describe('the web ACL in the template', () => {
  it('counts every client by IP: all its requests, and its public POSTs more strictly, with the gateway\'s numbers', () => {
    // Act
    const acl = webAclOf(defaults);
    const [all, posts] = acl.Rules;

    // Assess
    expect(acl.DefaultAction).toEqual({ Allow: {} });
    expect(all.Statement.RateBasedStatement).toEqual({ Limit: defaultThrottle.clientRequestLimit, EvaluationWindowSec: defaultThrottle.clientWindowSeconds, AggregateKeyType: 'IP' });
    expect(posts.Statement.RateBasedStatement).toMatchObject({ Limit: defaultThrottle.clientPublicPostLimit, EvaluationWindowSec: defaultThrottle.clientWindowSeconds, AggregateKeyType: 'IP' });
    const [method, path] = posts.Statement.RateBasedStatement.ScopeDownStatement.AndStatement.Statements;
    expect(method.RegexMatchStatement).toMatchObject({ RegexString: '^POST$', FieldToMatch: { Method: {} } });
    expect(path.RegexMatchStatement).toMatchObject({ RegexString: publicPostPathPattern(), FieldToMatch: { UriPath: {} } });
    expect(all.Priority).toBeLessThan(posts.Priority);
  });

  it('refuses with 429 and the API\'s error body, and keeps metrics but no sampled requests', () => {
    // Act
    const acl = webAclOf(defaults);

    // Assess
    for (const rule of acl.Rules) {
      expect(rule.Action).toEqual({ Block: { CustomResponse: { ResponseCode: 429, CustomResponseBodyKey: 'too-many-requests' } } });
      expect(rule.VisibilityConfig).toMatchObject({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: false });
    }
    expect(JSON.parse(acl.CustomResponseBodies['too-many-requests'].Content)).toEqual(tooManyRequestsBody);
    expect(acl.VisibilityConfig.SampledRequestsEnabled).toBe(false);
  });

  it('takes its limits from the settings', () => {
    // Act
    const acl = webAclOf(synthStack({ ...realSettings, clientWindowSeconds: 300, clientPublicPostLimit: 100, clientRequestLimit: 1000 }));

    // Assess
    expect(acl.Rules.map((rule: any) => [rule.Statement.RateBasedStatement.Limit, rule.Statement.RateBasedStatement.EvaluationWindowSec])).toEqual([
      [1000, 300],
      [100, 300],
    ]);
  });

  it('is made by a function bundled like the others, allowed four WAF calls on this web ACL in us-east-1 and its own log group', () => {
    // Prepare
    const [functionId, fn] = Object.entries(resources(defaults.template, 'AWS::Lambda::Function')).find(([, resource]) => String(resource.Metadata?.['aws:cdk:path']).startsWith('TestStack/WebAcl/Provider/'))!;
    const [resource] = Object.values(resources(defaults.template, 'Custom::EdgeWebAcl'));
    const roleId = fn.Properties!.Role['Fn::GetAtt'][0] as string;
    const statements = Object.values(resources(defaults.template, 'AWS::IAM::Policy'))
      .filter((policy) => policy.Properties!.Roles.some((role: any) => role.Ref === roleId))
      .flatMap((policy) => policy.Properties!.PolicyDocument.Statement);

    // Act
    const waf = statements.find((statement: any) => [statement.Action].flat().some((action: string) => action.startsWith('wafv2:')));

    // Assess
    expect(resource!.Properties!.ServiceToken).toEqual({ 'Fn::GetAtt': [functionId, 'Arn'] });
    expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Handler: 'index.handler' });
    expect([waf.Action].flat().sort()).toEqual(['wafv2:CreateWebACL', 'wafv2:DeleteWebACL', 'wafv2:GetWebACL', 'wafv2:UpdateWebACL']);
    expect(JSON.stringify(waf.Resource)).toContain(`:wafv2:us-east-1:`);
    expect(JSON.stringify(waf.Resource)).toContain(`:global/webacl/${webAclOf(defaults).Name}/*`);
    expect(statements.filter((statement: any) => ![statement.Action].flat().some((action: string) => action.startsWith('wafv2:') || action.startsWith('logs:')))).toEqual([]);
  });
});

if (!motoAvailable && motoRequired) {
  describe('the web ACL function', () => {
    it('needs moto under CI=true', () => {
      expect.fail(motoMissingMessage);
    });
  });
}

describe.skipIf(!motoAvailable)('the web ACL function, against moto\'s WAF in us-east-1', () => {
  let server: Server;
  let responseUrl: string;
  const answers: any[] = [];
  const waf = new WAFV2Client(motoClientConfig('us-east-1'));
  const limits = { clientWindowSeconds: 60, clientPublicPostLimit: 30, clientRequestLimit: 300 };
  const name = `test-acl-${Date.now()}`;

  beforeAll(async () => {
    process.env.WAFV2_ENDPOINT = motoEndpoint;
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'testing', AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'testing' });
    // CloudFormation's pre-signed response URL, played by a server that keeps what it is sent.
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk)).on('end', () => {
        answers.push({ method: request.method, contentType: request.headers['content-type'], ...JSON.parse(body) });
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    responseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/response`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const event = (request: Record<string, unknown>) =>
    ({ ServiceToken: 'arn:aws:lambda:eu-central-1:123456789012:function:provider', ResponseURL: responseUrl, StackId: 'stack-1', RequestId: `request-${answers.length}`, LogicalResourceId: 'WebAcl', ResourceType: 'Custom::EdgeWebAcl', ...request }) as unknown as CloudFormationCustomResourceEvent;
  const invoke = async (request: Record<string, unknown>) => {
    await provisionWebAcl(event(request), lambdaContext('provision-web-acl', 60_000));
    return answers.at(-1);
  };
  const stored = async (arn: string) => {
    const [, name, id] = /webacl\/([\w-]+)\/([\w-]+)$/.exec(arn)!;
    return (await waf.send(new GetWebACLCommand({ Name: name, Id: id, Scope: 'CLOUDFRONT' }))).WebACL!;
  };

  it('creates the web ACL for CloudFront and answers CloudFormation with its ARN', async () => {
    // Act
    const answer = await invoke({ RequestType: 'Create', ResourceProperties: { WebAcl: JSON.stringify(webAclSpec(name, limits)) } });

    // Assess
    expect(answer).toMatchObject({ method: 'PUT', Status: 'SUCCESS', StackId: 'stack-1', LogicalResourceId: 'WebAcl', Data: { Arn: answer.PhysicalResourceId } });
    expect(answer.contentType).toBeUndefined();
    expect(answer.PhysicalResourceId).toMatch(new RegExp(`^arn:aws:wafv2:us-east-1:\\d{12}:global/webacl/${name}/`));
    const acl = await stored(answer.PhysicalResourceId);
    expect(acl.Rules!.map((rule) => [rule.Name, rule.Statement!.RateBasedStatement!.Limit])).toEqual([
      ['requests-per-client', 300],
      ['public-posts-per-client', 30],
    ]);
  });

  it('updates the same web ACL in place when the limits change, and deletes it (twice without harm)', async () => {
    // Prepare
    const name = `updated-acl-${Date.now()}`;
    const created = await invoke({ RequestType: 'Create', ResourceProperties: { WebAcl: JSON.stringify(webAclSpec(name, limits)) } });
    const arn = created.PhysicalResourceId as string;

    // Act
    const updated = await invoke({
      RequestType: 'Update',
      PhysicalResourceId: arn,
      ResourceProperties: { WebAcl: JSON.stringify(webAclSpec(name, { ...limits, clientPublicPostLimit: 12 })) },
      OldResourceProperties: { WebAcl: JSON.stringify(webAclSpec(name, limits)) },
    });
    const afterUpdate = await stored(arn);
    const deleted = await invoke({ RequestType: 'Delete', PhysicalResourceId: arn, ResourceProperties: {} });
    const deletedAgain = await invoke({ RequestType: 'Delete', PhysicalResourceId: arn, ResourceProperties: {} });

    // Assess
    expect(updated).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: arn });
    expect(afterUpdate.Rules!.find((rule) => rule.Name === 'public-posts-per-client')!.Statement!.RateBasedStatement!.Limit).toBe(12);
    expect(deleted.Status).toBe('SUCCESS');
    expect(deletedAgain.Status).toBe('SUCCESS');
    await expect(stored(arn)).rejects.toMatchObject({ name: 'WAFNonexistentItemException' });
  });

  it('answers FAILED with the reason, instead of leaving CloudFormation waiting, when WAF refuses', async () => {
    // Prepare: a web ACL of that name exists already
    const taken = `taken-acl-${Date.now()}`;
    await invoke({ RequestType: 'Create', ResourceProperties: { WebAcl: JSON.stringify(webAclSpec(taken, limits)) } });

    // Act
    const answer = await invoke({ RequestType: 'Create', ResourceProperties: { WebAcl: JSON.stringify(webAclSpec(taken, limits)) } });
    const cleanup = await invoke({ RequestType: 'Delete', PhysicalResourceId: answer.PhysicalResourceId, ResourceProperties: {} });

    // Assess
    expect(answer.Status).toBe('FAILED');
    expect(answer.Reason).toMatch(/Duplicate/i);
    expect(cleanup.Status).toBe('SUCCESS');
  });
});
