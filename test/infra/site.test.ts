// CDK assertion tests for the site (S3 + CloudFront, the API as second origin) and the seed event's
// custom resource, read from the synthesized template (no bundling).
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPathPatterns, pageRouterCode, siteObjects } from '../../infra/site.ts';
import { ignoredSeedErrors } from '../../infra/seed.ts';
import { parseSettings, SettingsError } from '../../infra/settings.ts';
import { originSecretHeader } from '#shared/http/origin.ts';
import { routes } from '#shared/http/routes.ts';
import { seedEvent } from '#shared/model/seed-event.ts';
import { eventItem } from '#shared/store/event-store.ts';
import { keys } from '#shared/store/table.ts';
import { consoleContentSecurityPolicy } from '../../web/console/config.ts';
import { formContentSecurityPolicy, isConsoleRoute, isPageRoute } from '../../web/serve.ts';
import { realSettings, removeOutdirs, resources, synthStack, type Resources, type Synthesized } from './synth.ts';

// CloudFront's managed policies, by their fixed ids.
const managed = {
  cachingOptimized: '658327ea-f89d-4fab-a63d-7e88639e58f6',
  cachingDisabled: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
  allViewerExceptHostHeader: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
};

const webAclArn = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/registration/0a1b2c3d-4e5f-6789-abcd-ef0123456789';

let defaults: Synthesized;
let real: Synthesized;

beforeAll(() => {
  defaults = synthStack();
  real = synthStack(realSettings);
});
afterAll(() => {
  removeOutdirs();
});

type Behavior = Record<string, any>;

function only(template: Synthesized['template'], type: string): [string, Resources[string]] {
  const entries = Object.entries(resources(template, type));
  expect(entries, type).toHaveLength(1);
  return entries[0]!;
}

function distributionOf(synthesized: Synthesized): Record<string, any> {
  return only(synthesized.template, 'AWS::CloudFront::Distribution')[1].Properties!.DistributionConfig;
}

/** CloudFront path patterns: `*` any run of characters (slashes too), `?` one character, case-sensitive. */
function patternMatches(pattern: string, path: string): boolean {
  const source = [...pattern].map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`).test(path);
}

/** The behaviour CloudFront picks for a path: the first matching pattern in order, else the default. */
function behaviorFor(distribution: Record<string, any>, path: string): Behavior {
  return (distribution.CacheBehaviors as Behavior[]).find((behavior) => patternMatches(behavior.PathPattern, path)) ?? distribution.DefaultCacheBehavior;
}

function originOf(distribution: Record<string, any>, behavior: Behavior): Record<string, any> {
  return (distribution.Origins as Record<string, any>[]).find((origin) => origin.Id === behavior.TargetOriginId)!;
}

/** A concrete path for a route, its parameters filled in. */
function examplePath(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => `${name}-1`);
}

const pageRouter = new Function(`${pageRouterCode}\nreturn handler;`)() as (event: unknown) => any;

describe('the site bucket', () => {
  it('is private, encrypted, TLS-only and logs its access to the log bucket', () => {
    // Prepare
    const buckets = resources(real.template, 'AWS::S3::Bucket');
    const logBucketId = Object.keys(buckets).find((id) => id.startsWith('SiteLogs'))!;
    const siteBucketId = Object.keys(buckets).find((id) => id.startsWith('SiteBucket'))!;

    // Act
    const site = buckets[siteBucketId]!.Properties!;
    const policy = Object.values(resources(real.template, 'AWS::S3::BucketPolicy')).find((entry) => entry.Properties!.Bucket.Ref === siteBucketId)!;
    const statements = policy.Properties!.PolicyDocument.Statement as Record<string, any>[];

    // Assess
    // The site, its access logs, and the uploads (infra/files.ts).
    expect(Object.keys(buckets)).toHaveLength(3);
    expect(site.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(site.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }]);
    expect(site.OwnershipControls.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
    expect(site.LoggingConfiguration).toEqual({ DestinationBucketName: { Ref: logBucketId }, LogFilePrefix: 's3-access/' });
    expect(site.WebsiteConfiguration).toBeUndefined();
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }));
  });

  it('is readable by this distribution only (origin access control), nobody else', () => {
    // Prepare
    const [distributionId] = only(real.template, 'AWS::CloudFront::Distribution');
    const siteBucketId = Object.keys(resources(real.template, 'AWS::S3::Bucket')).find((id) => id.startsWith('SiteBucket'))!;

    // Act
    const policy = Object.values(resources(real.template, 'AWS::S3::BucketPolicy')).find((entry) => entry.Properties!.Bucket.Ref === siteBucketId)!;
    const allows = (policy.Properties!.PolicyDocument.Statement as Record<string, any>[]).filter((statement) => statement.Effect === 'Allow');
    const oac = only(real.template, 'AWS::CloudFront::OriginAccessControl')[1].Properties!.OriginAccessControlConfig;

    // Assess
    const cloudfrontRead = allows.find((statement) => statement.Principal?.Service === 'cloudfront.amazonaws.com')!;
    expect(cloudfrontRead.Action).toBe('s3:GetObject');
    expect(JSON.stringify(cloudfrontRead.Condition.StringEquals['AWS:SourceArn'])).toContain(distributionId);
    expect(oac).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' });
    // The only other grant: CDK's auto-delete of the objects when the stack is destroyed.
    for (const statement of allows.filter((entry) => entry !== cloudfrontRead)) {
      expect(JSON.stringify(statement.Principal)).toContain('CustomS3AutoDeleteObjectsCustomResourceProviderRole');
    }
    expect(allows.some((statement) => JSON.stringify(statement.Principal) === '{"AWS":"*"}' || statement.Principal === '*')).toBe(false);
  });

  it('gets the built pages from one deployment per kind of file, each setting its type and caching, pruning nothing', () => {
    // Prepare
    const siteBucketId = Object.keys(resources(real.template, 'AWS::S3::Bucket')).find((id) => id.startsWith('SiteBucket'))!;

    // Act
    const deployments = Object.entries(resources(real.template, 'Custom::CDKBucketDeployment'))
      .filter(([id]) => !id.startsWith('SiteDeployConsoleConfig'))
      .map(([, entry]) => entry.Properties!);

    // Assess
    expect(deployments).toHaveLength(siteObjects.length);
    expect(deployments.map((deployment) => deployment.Include)).toEqual(siteObjects.map((object) => [object.include]));
    for (const [index, deployment] of deployments.entries()) {
      const object = siteObjects[index]!;
      expect(deployment.DestinationBucketName).toEqual({ Ref: siteBucketId });
      expect(deployment.Exclude).toEqual(['*']);
      expect(deployment.Prune).toBe(false);
      expect(deployment.SystemMetadata).toEqual({ 'content-type': object.contentType, 'cache-control': object.cacheControl });
      // One asset (one build) feeds all three.
      expect(deployment.SourceObjectKeys).toEqual(deployments[0]!.SourceObjectKeys);
    }
    expect(siteObjects.find((object) => object.include === 'index.html')!.cacheControl).toBe('no-cache');
    expect(siteObjects.find((object) => object.include === 'organizer/index.html')!.cacheControl).toBe('no-cache');
    for (const object of siteObjects.filter((entry) => entry.include.startsWith('assets/'))) expect(object.cacheControl).toContain('immutable');
  });

  it('expires the access logs after the log retention setting, and takes them without ACLs', () => {
    // Prepare
    const custom = synthStack({ ...realSettings, logRetentionDays: 30 });

    // Act
    const logBucket = Object.entries(resources(custom.template, 'AWS::S3::Bucket')).find(([id]) => id.startsWith('SiteLogs'))![1].Properties!;

    // Assess
    expect(logBucket.LifecycleConfiguration.Rules).toContainEqual(expect.objectContaining({ Status: 'Enabled', ExpirationInDays: 30 }));
    expect(logBucket.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    // No logging that needs an ACL is on (CloudFront's standard logs are off), so ACLs are off here too.
    expect(logBucket.OwnershipControls.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
    expect(logBucket.AccessControl).toBeUndefined();
  });
});

describe('the distribution', () => {
  it('sends every route of shared/http/routes.ts to the HTTP API, and nothing of the page', () => {
    // Prepare
    const distribution = distributionOf(real);
    const apiId = only(real.template, 'AWS::ApiGatewayV2::Api')[0];
    const isApi = (path: string) => JSON.stringify(originOf(distribution, behaviorFor(distribution, path)).DomainName).includes(apiId);

    // Act
    const routed = routes.map((route) => [route.path, isApi(examplePath(route.path))] as const);

    // Assess
    expect(apiPathPatterns()).toEqual(['/events*', '/me', '/confirm', '/registrations/*', '/manage', '/delegation', '/delegations/*', '/openapi.json']);
    for (const path of ['/organizer/', '/organizer/config.json', '/mex', '/delegationx']) expect(isApi(path), path).toBe(false);
    for (const [path, api] of routed) expect(api, path).toBe(true);
    for (const path of ['/', '/index.html', '/register/osce-drugs-2017', '/assets/app.abc123.js', '/assets/app.abc123.css', '/favicon.ico']) {
      expect(isApi(path), path).toBe(false);
    }
  });

  it('derives the API patterns from the route table and refuses routes it cannot express', () => {
    expect(apiPathPatterns(['/a', '/a/{id}', '/b/{id}/c', '/c'])).toEqual(['/a*', '/b/*', '/c']);
    expect(() => apiPathPatterns(['/{tenant}/events'])).toThrow(/path pattern/);
  });

  it('forwards API requests uncached, with every method, query strings and headers but Host, over TLS 1.2 to execute-api', () => {
    // Prepare
    const distribution = distributionOf(real);
    const apiId = only(real.template, 'AWS::ApiGatewayV2::Api')[0];

    // Act
    const apiBehaviors = (distribution.CacheBehaviors as Behavior[]).filter((behavior) => apiPathPatterns().includes(behavior.PathPattern));
    const origin = originOf(distribution, apiBehaviors[0]!);

    // Assess
    expect(apiBehaviors.map((behavior) => behavior.PathPattern)).toEqual(apiPathPatterns());
    for (const behavior of apiBehaviors) {
      expect(behavior, behavior.PathPattern).toMatchObject({
        TargetOriginId: origin.Id,
        AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
        CachePolicyId: managed.cachingDisabled,
        // Managed AllViewerExceptHostHeader: all query strings and viewer headers (Authorization, Accept,
        // Accept-Language, Content-Type...) but Host; with caching disabled it may forward Authorization.
        OriginRequestPolicyId: managed.allViewerExceptHostHeader,
        ViewerProtocolPolicy: 'https-only',
      });
      expect(behavior.FunctionAssociations, behavior.PathPattern).toBeUndefined();
    }
    expect(origin.DomainName).toEqual({ 'Fn::Join': ['', [{ Ref: apiId }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]] });
    expect(origin.CustomOriginConfig).toEqual({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    expect(origin.OriginPath).toBeUndefined();
  });

  it('sends the API the origin secret as a header, from a dynamic reference: the template never holds the value', () => {
    // Prepare
    const distribution = distributionOf(real);
    const secretId = Object.keys(resources(real.template, 'AWS::SecretsManager::Secret')).find((id) => id.startsWith('OriginSecret'))!;
    const apiOrigin = originOf(distribution, behaviorFor(distribution, '/events/e-1/registrations'));
    const siteOrigin = originOf(distribution, behaviorFor(distribution, '/'));

    // Act
    const headers = apiOrigin.OriginCustomHeaders as { HeaderName: string; HeaderValue: unknown }[];

    // Assess
    expect(headers).toEqual([
      { HeaderName: originSecretHeader, HeaderValue: { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']] } },
    ]);
    expect(siteOrigin.OriginCustomHeaders).toBeUndefined();
    expect(resources(real.template, 'AWS::SecretsManager::Secret')[secretId]!.Properties!.GenerateSecretString).toMatchObject({ PasswordLength: 64 });
  });

  it('serves the page and its assets from the bucket through origin access control, cached by their own Cache-Control', () => {
    // Prepare
    const distribution = distributionOf(real);
    const siteBucketId = Object.keys(resources(real.template, 'AWS::S3::Bucket')).find((id) => id.startsWith('SiteBucket'))!;
    const [oacId] = only(real.template, 'AWS::CloudFront::OriginAccessControl');
    const [functionId] = only(real.template, 'AWS::CloudFront::Function');

    // Act
    const page = behaviorFor(distribution, '/register/osce-drugs-2017');
    const assets = behaviorFor(distribution, '/assets/app.abc123.js');

    // Assess
    expect(page).toBe(distribution.DefaultCacheBehavior);
    expect(assets.PathPattern).toBe('/assets/*');
    for (const behavior of [page, assets]) {
      expect(originOf(distribution, behavior)).toMatchObject({
        DomainName: { 'Fn::GetAtt': [siteBucketId, 'RegionalDomainName'] },
        OriginAccessControlId: { 'Fn::GetAtt': [oacId, 'Id'] },
        S3OriginConfig: { OriginAccessIdentity: '' },
      });
      expect(behavior).toMatchObject({
        AllowedMethods: ['GET', 'HEAD'],
        CachePolicyId: managed.cachingOptimized,
        ViewerProtocolPolicy: 'redirect-to-https',
        Compress: true,
      });
    }
    expect(page.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [functionId, 'FunctionARN'] } }]);
    expect(assets.FunctionAssociations).toBeUndefined();
    expect(only(real.template, 'AWS::CloudFront::Function')[1].Properties!.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
  });

  it('routes /, /index.html and /register/<eventId> to index.html, /organizer/* to the console, exactly as local mode does, and answers 404 otherwise', () => {
    // Prepare
    const paths = ['/', '/index.html', '/register/osce-drugs-2017', '/register/osce-drugs-2017/', '/register/', '/register/a/b', '/registerx', '/favicon.ico', '/index.htm', '/Register/x',
      '/organizer', '/organizer/', '/organizer/events/e-1', '/organizer/config.json', '/organizerx', '/Organizer/'];

    for (const path of paths) {
      // Act
      const result = pageRouter({ request: { method: 'GET', uri: path, headers: {}, querystring: {} } });

      // Assess
      if (isPageRoute(path)) {
        expect(result.uri, path).toBe('/index.html');
      } else if (isConsoleRoute(path)) {
        expect(result.uri, path).toBe('/organizer/index.html');
      } else if (path === '/organizer/config.json') {
        expect(result.uri, path).toBe(path);
      } else {
        expect(result.statusCode, path).toBe(404);
        expect(JSON.parse(result.body.data), path).toEqual({ error: { code: 'not_found', message: 'There is no such route.' } });
        expect(result.headers['content-type'].value).toContain('application/json');
      }
    }
    expect(paths.filter(isPageRoute)).toHaveLength(4);
    expect(paths.filter(isConsoleRoute)).toHaveLength(3);
  });

  it('adds the security headers, keeping the API pages\' own Content-Security-Policy; the console may call the sign-in origin too', () => {
    // Prepare
    const policies = Object.entries(resources(real.template, 'AWS::CloudFront::ResponseHeadersPolicy'));
    const [siteId, site] = policies.find(([id]) => id.startsWith('SiteSecurityHeaders'))!;
    const [consoleId, consolePolicy] = policies.find(([id]) => id.startsWith('SiteConsoleSecurityHeaders'))!;
    const distribution = distributionOf(real);
    const domainId = Object.keys(resources(real.template, 'AWS::Cognito::UserPoolDomain'))[0]!;

    // Act
    const headers = site.Properties!.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const consoleHeaders = consolePolicy.Properties!.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const consolePolicyText = JSON.stringify(consoleHeaders.ContentSecurityPolicy.ContentSecurityPolicy);

    // Assess
    expect(policies).toHaveLength(2);
    // The page connects to the API (same origin) and posts files to the uploads bucket in the stack's region.
    expect(headers.ContentSecurityPolicy).toEqual({
      ContentSecurityPolicy: { 'Fn::Join': ['', formContentSecurityPolicy('\u0000').split('\u0000').flatMap((part, index) => (index === 0 ? [`${part}https://*.s3.`, { Ref: 'AWS::Region' }] : [`.amazonaws.com${part}`]))] },
      Override: false,
    });
    for (const each of [headers, consoleHeaders]) {
      expect(each.ContentTypeOptions).toEqual({ Override: true });
      expect(each.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
      expect(each.ReferrerPolicy).toEqual({ ReferrerPolicy: 'no-referrer', Override: true });
      expect(each.StrictTransportSecurity).toEqual({ AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true });
    }
    expect(consolePolicyText).toContain(consoleContentSecurityPolicy('https://').split(' https://')[0]);
    expect(consolePolicyText).toContain(domainId);
    expect(consolePolicyText).toContain('.amazoncognito.com');
    for (const behavior of [distribution.DefaultCacheBehavior, ...distribution.CacheBehaviors]) {
      expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: behavior.PathPattern === '/organizer*' ? consoleId : siteId });
    }
  });

  it('speaks HTTP/2 and HTTP/3 from European and North American edges, and keeps tokens out of CloudFront logs', () => {
    // Act
    const distribution = distributionOf(real);

    // Assess
    expect(distribution).toMatchObject({ Enabled: true, HttpVersion: 'http2and3', IPV6Enabled: true, PriceClass: 'PriceClass_100' });
    // Standard logs would record /manage?token=... in clear; the API access log has no query strings.
    expect(distribution.Logging).toBeUndefined();
    expect(distribution.DefaultRootObject).toBeUndefined();
    // No error-page rewriting: it would replace the API's own 403/404 answers too.
    expect(distribution.CustomErrorResponses).toBeUndefined();
  });

  it('serves siteDomain with its certificate and TLS 1.2 at least, and the cloudfront.net name otherwise', () => {
    // Act
    const withDomain = distributionOf(real);
    const without = distributionOf(defaults);

    // Assess
    expect(withDomain.Aliases).toEqual(['registration.osce.org']);
    expect(withDomain.ViewerCertificate).toEqual({
      AcmCertificateArn: realSettings.siteCertificateArn,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    expect(without.Aliases).toBeUndefined();
    expect(without.ViewerCertificate).toBeUndefined();
  });

  it('puts the stack\'s own web ACL in front by default, and the given one instead with webAclArn', () => {
    // Prepare
    const withAcl = synthStack({ ...realSettings, webAclArn });
    const [aclId] = only(real.template, 'Custom::EdgeWebAcl');

    // Assess
    expect(distributionOf(real).WebACLId).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });
    expect(distributionOf(defaults).WebACLId).toEqual({ 'Fn::GetAtt': [only(defaults.template, 'Custom::EdgeWebAcl')[0], 'Arn'] });
    expect(distributionOf(withAcl).WebACLId).toBe(webAclArn);
    expect(resources(withAcl.template, 'Custom::EdgeWebAcl')).toEqual({});
    for (const synthesized of [withAcl, real]) {
      const report = new AwsSolutionsChecks(synthesized.app).validateScope(synthesized.stack);
      expect(report.violations).toEqual([]);
      const acknowledged = synthesized.stack.site.distribution.node.metadata.flatMap((entry) => Object.keys((entry.data ?? {}) as object));
      expect(acknowledged.join(' ')).not.toContain('CFR2');
    }
  });

  it('needs no CORS: the default stack answers no preflight, the page calls its own origin', () => {
    // Act
    const api = only(defaults.template, 'AWS::ApiGatewayV2::Api')[1].Properties!;

    // Assess
    expect(api.CorsConfiguration).toBeUndefined();
    expect(formContentSecurityPolicy('https://*.s3.eu-central-1.amazonaws.com')).toContain("connect-src 'self' https://*.s3.eu-central-1.amazonaws.com;");
  });
});

describe('the site settings', () => {
  it('refuse a domain without certificate, a certificate outside us-east-1 and a web ACL of another scope', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ siteDomain: 'registration.osce.org' }, /siteCertificateArn/],
      [{ siteCertificateArn: realSettings.siteCertificateArn }, /siteDomain/],
      [{ siteDomain: 'registration.osce.org', siteCertificateArn: 'arn:aws:acm:eu-central-1:123456789012:certificate/abc' }, /us-east-1/],
      [{ siteDomain: 'https://registration.osce.org', siteCertificateArn: realSettings.siteCertificateArn }, /siteDomain/],
      [{ webAclArn: 'arn:aws:wafv2:eu-central-1:123456789012:regional/webacl/x/0a1b' }, /webAclArn/],
    ];
    for (const [context, message] of cases) {
      expect(() => parseSettings((name) => context[name]), JSON.stringify(context)).toThrow(SettingsError);
      expect(() => parseSettings((name) => context[name]), JSON.stringify(context)).toThrow(message);
    }
  });

  it('treat an example site domain as an example value the deploy guard refuses', () => {
    // Act
    const settings = parseSettings((name) => ({ senderAddress: 'reg@osce.org', siteDomain: 'registration.example.org', siteCertificateArn: realSettings.siteCertificateArn })[name]);

    // Assess
    expect(settings.exampleValues.map((entry) => entry.setting)).toEqual(['siteDomain']);
  });
});

describe('the seed event', () => {
  /** The custom resource's SDK call, with the table's Ref as TABLE. */
  function seedCall(synthesized: Synthesized, kind: 'Create' | 'Update'): Record<string, any> {
    const [, resource] = only(synthesized.template, 'Custom::SeedEvent');
    const tableId = only(synthesized.template, 'AWS::DynamoDB::Table')[0];
    const [separator, parts] = resource.Properties![kind]['Fn::Join'] as [string, unknown[]];
    const text = parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part) === JSON.stringify({ Ref: tableId }) ? 'TABLE' : 'UNEXPECTED')).join(separator);
    return JSON.parse(text) as Record<string, any>;
  }

  it('is written once with the conditional PutItem of EventStore.create, as the very item it stores', () => {
    // Act
    const create = seedCall(real, 'Create');

    // Assess
    expect(create).toMatchObject({ service: 'DynamoDB', action: 'PutItem', physicalResourceId: { id: `seed-event-${seedEvent.id}` } });
    expect(create.parameters).toEqual({ TableName: 'TABLE', Item: eventItem(seedEvent), ConditionExpression: 'attribute_not_exists(pk)' });
    expect(create.ignoreErrorCodesMatching).toBe(ignoredSeedErrors);
  });

  it('runs the same conditional write on update and nothing on delete, so organizers\' edits survive redeploys', () => {
    // Act
    const [, resource] = only(real.template, 'Custom::SeedEvent');

    // Assess
    expect(seedCall(real, 'Update')).toEqual(seedCall(real, 'Create'));
    expect(resource.Properties!.Delete).toBeUndefined();
    expect(resource.Properties!.InstallLatestAwsSdk).toBe(false);
    expect(resource.DeletionPolicy).toBe('Delete');
  });

  it('ignores only the failed condition (the event exists), never a real error', () => {
    // Prepare
    const ignores = (name: string) => new RegExp(ignoredSeedErrors).test(name);

    // Assess (the handler tests the error's name against the pattern)
    expect(ignores('ConditionalCheckFailedException')).toBe(true);
    for (const name of ['ResourceNotFoundException', 'AccessDeniedException', 'ValidationException', 'ProvisionedThroughputExceededException', 'XConditionalCheckFailedExceptionY']) {
      expect(ignores(name), name).toBe(false);
    }
  });

  it('runs with a role of its own: PutItem on the seed event\'s partition of the table, and its own log group', () => {
    // Prepare
    const [tableId] = only(real.template, 'AWS::DynamoDB::Table');
    const [, resource] = only(real.template, 'Custom::SeedEvent');
    const providerId = resource.Properties!.ServiceToken['Fn::GetAtt'][0] as string;
    const provider = resources(real.template, 'AWS::Lambda::Function')[providerId]!.Properties!;
    const roleId = provider.Role['Fn::GetAtt'][0] as string;

    // Act
    const role = resources(real.template, 'AWS::IAM::Role')[roleId]!.Properties!;
    const statements = Object.values(resources(real.template, 'AWS::IAM::Policy'))
      .filter((policy) => policy.Properties!.Roles.some((entry: { Ref: string }) => entry.Ref === roleId))
      .flatMap((policy) => policy.Properties!.PolicyDocument.Statement as Record<string, any>[]);

    // Assess
    expect(role.ManagedPolicyArns).toBeUndefined();
    expect(role.Policies).toBeUndefined();
    expect(statements).toHaveLength(2);
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: 'dynamodb:PutItem',
      Resource: { 'Fn::GetAtt': [tableId, 'Arn'] },
      Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [keys.event(seedEvent.id).pk] } },
    });
    const logs = statements.find((statement) => [statement.Action].flat().includes('logs:PutLogEvents'))!;
    expect(logs.Resource).toEqual({ 'Fn::GetAtt': [provider.LoggingConfig.LogGroup.Ref, 'Arn'] });
    expect(provider.Runtime).toMatch(/^nodejs\d+\.x$/);
  });
});
