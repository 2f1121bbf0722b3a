// The participant's registration page and the API on one origin: CloudFront serves the built page from
// a private S3 bucket (origin access control) and sends the API's paths to the HTTP API, so the page
// calls the API same-origin and needs no CORS. Links in e-mails point at the same origin.
import { BundlingOutput, DefaultStackSynthesizer, DockerImage, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { originSecretHeader } from '#shared/http/origin.ts';
import { routes } from '#shared/http/routes.ts';
import { privateBucket } from './files.ts';
import type { AuthConfig } from '../web/console/auth.ts';
import { consoleConfigPath, consoleContentSecurityPolicy } from '../web/console/config.ts';
import { formContentSecurityPolicy } from '../web/serve.ts';
import type { Api } from './api.ts';
import { logsAndRole, projectRoot } from './functions.ts';
import type { StackSettings } from './settings.ts';

const immutable = 'public, max-age=31536000, immutable';

/**
 * The objects web/build.ts produces and how each kind is stored: the page is revalidated on every visit
 * (so a deploy shows at once, without a CloudFront invalidation), the fingerprinted script and style are
 * cached for a year. One deployment per kind, because a deployment sets one Content-Type and one
 * Cache-Control for all its files. The artefact test checks these against what web/build.ts says.
 */
export const siteObjects = [
  { id: 'Page', include: 'index.html', contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' },
  { id: 'ConsolePage', include: 'organizer/index.html', contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' },
  { id: 'Script', include: 'assets/*.js', contentType: 'text/javascript; charset=utf-8', cacheControl: immutable },
  { id: 'Style', include: 'assets/*.css', contentType: 'text/css; charset=utf-8', cacheControl: immutable },
] as const;

/**
 * CloudFront path patterns that send every route of shared/http/routes.ts to the API: one per first path
 * segment, `/events*` when the segment is a route itself and has routes below it, `/registrations/*`
 * when only below, `/confirm` when only itself.
 */
export function apiPathPatterns(paths: readonly string[] = routes.map((route) => route.path)): string[] {
  const segments = new Map<string, { itself: boolean; below: boolean }>();
  for (const path of paths) {
    const [, first = '', ...rest] = path.split('/');
    if (first === '' || first.includes('{') || /[*?]/.test(first)) throw new Error(`route ${path} cannot be given a CloudFront path pattern`);
    const entry = segments.get(first) ?? { itself: false, below: false };
    if (rest.length === 0) entry.itself = true;
    else entry.below = true;
    segments.set(first, entry);
  }
  return [...segments].map(([segment, { itself, below }]) => (itself && below ? `/${segment}*` : below ? `/${segment}/*` : `/${segment}`));
}

/**
 * Viewer-request function of the default behaviour and the console's, in CloudFront Functions'
 * JavaScript (runtime 2.0): the page's paths (the same as isPageRoute in web/serve.ts: `/`,
 * `/index.html`, `/register/<eventId>`) are served /index.html, the console's (isConsoleRoute:
 * `/organizer` and below, but its config.json) /organizer/index.html; any other path the API and the
 * assets do not own gets a 404 in the API's error shape, instead of S3's XML "AccessDenied".
 */
export const pageRouterCode = `
var page = /^\\/(index\\.html)?$|^\\/register\\/[^\\/]+\\/?$/;
var consolePage = /^\\/organizer(\\/.*)?$/;
function handler(event) {
  var request = event.request;
  if (page.test(request.uri)) {
    request.uri = '/index.html';
    return request;
  }
  if (request.uri === '${consoleConfigPath}') return request;
  if (consolePage.test(request.uri)) {
    request.uri = '/organizer/index.html';
    return request;
  }
  return {
    statusCode: 404,
    statusDescription: 'Not Found',
    headers: {
      'content-type': { value: 'application/json; charset=utf-8' },
      'cache-control': { value: 'no-store' }
    },
    body: { encoding: 'text', data: '{"error":{"code":"not_found","message":"There is no such route."}}' }
  };
}
`.trim();

export interface SiteProps {
  settings: StackSettings;
  api: Api;
  /** Sent to the API with every request, so it can refuse requests that did not come through here. */
  originSecret: secretsmanager.ISecret;
  /** The WAF web ACL (scope CLOUDFRONT) in front of the distribution: the stack's own, or webAclArn. */
  webAclArn: string;
  /** Where organizers sign in (Cognito's managed login): the console page may call its token endpoint. */
  loginBaseUrl: string;
}

export class Site extends Construct {
  readonly bucket: s3.Bucket;
  readonly logBucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly deployments: s3deploy.BucketDeployment[];
  private readonly deployLogs: logs.ILogGroup;
  private readonly deployRole: iam.IRole;
  /** https://<siteDomain or the distribution's domain>, without a trailing slash. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: SiteProps) {
    super(scope, id);
    const { settings, api } = props;
    const stack = Stack.of(this);

    // The site bucket's server access logs, and nothing else: CloudFront's standard logs are off (see
    // the distribution). S3 delivers server access logs under a bucket policy
    // (@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy in cdk.json), so no ACL is needed and ACLs are
    // disabled here as on every bucket. The requester S3 records is CloudFront (origin access
    // control), not the viewer; the lines are kept as long as the other logs, then deleted.
    this.logBucket = new s3.Bucket(this, 'Logs', {
      ...privateBucket,
      lifecycleRules: [{ id: 'expire-logs', expiration: Duration.days(settings.logRetentionDays), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access log bucket itself (the site bucket logs here); logging its own access would log every log delivery into itself.',
    });

    // The built page. Private: only this distribution reads it (origin access control), only the
    // deployment writes it. Its content is rebuilt from the repository on every deploy.
    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...privateBucket,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 's3-access/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Security headers of the registration site; the API and its pages keep their own CSP',
      securityHeadersBehavior: {
        // The page's policy (as local mode sends it); the API's pages and JSON send their own, which win.
        contentSecurityPolicy: { contentSecurityPolicy: formContentSecurityPolicy(`https://*.s3.${stack.region}.amazonaws.com`), override: false },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
      },
    });

    // The console's page calls the API (same origin) and the token endpoint of managed login.
    const consoleHeaders = new cloudfront.ResponseHeadersPolicy(this, 'ConsoleSecurityHeaders', {
      comment: 'Security headers of the organizer console: the site policy, plus the sign-in origin for the token endpoint',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: consoleContentSecurityPolicy(props.loginBaseUrl), override: false },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
      },
    });

    const pageRouter = new cloudfront.Function(this, 'PageRouter', {
      comment: 'Serves /index.html for / and /register/<eventId>, /organizer/index.html for /organizer/*; 404 for paths nobody serves',
      code: cloudfront.FunctionCode.fromInline(pageRouterCode),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });

    const siteOrigin = origins.S3BucketOrigin.withOriginAccessControl(this.bucket, { originAccessLevels: [cloudfront.AccessLevel.READ] });
    const staticBehavior = {
      origin: siteOrigin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD,
      // Honours the objects' Cache-Control: a year for the fingerprinted assets, revalidation for the page.
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: headers,
      compress: true,
    } satisfies cloudfront.BehaviorOptions;

    // The HTTP API, reached over TLS 1.2 on its execute-api host. Nothing is cached; every method and
    // the whole request pass through except Host, which must stay the API's own for API Gateway to
    // accept it. With caching disabled, the managed AllViewerExceptHostHeader policy forwards the
    // Authorization header too (an origin request policy may not name it explicitly).
    // The origin header's value is a dynamic reference to the secret, which CloudFormation resolves at
    // deploy: the template holds only {{resolve:secretsmanager:...}} (CloudFront's own configuration
    // shows the value to whoever may read the distribution). CloudFront replaces a header of that
    // name sent by a viewer, so nobody can pass a guess through.
    const apiOrigin = new origins.HttpOrigin(`${api.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      customHeaders: { [originSecretHeader]: props.originSecret.secretValue.unsafeUnwrap() },
    });
    const apiBehavior = {
      origin: apiOrigin,
      // No redirect: a POST redirected to https would arrive as a GET without its body.
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: headers,
      compress: true,
    } satisfies cloudfront.BehaviorOptions;

    const certificate = settings.siteCertificateArn ? acm.Certificate.fromCertificateArn(this, 'Certificate', settings.siteCertificateArn) : undefined;
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Conference registration: the page from S3 and the HTTP API on one origin',
      defaultBehavior: { ...staticBehavior, functionAssociations: [{ function: pageRouter, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }] },
      additionalBehaviors: {
        '/assets/*': staticBehavior,
        '/organizer*': {
          ...staticBehavior,
          responseHeadersPolicy: consoleHeaders,
          functionAssociations: [{ function: pageRouter, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
        },
        ...Object.fromEntries(apiPathPatterns().map((pattern) => [pattern, apiBehavior])),
      },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // Edge locations in Europe and North America: the participating States are served well from
      // Europe, and the cheapest class costs nothing more at rest.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      ...(certificate && settings.siteDomain
        ? { domainNames: [settings.siteDomain], certificate, minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
      webAclId: props.webAclArn,
      // No standard logs: they always record the query string, and /confirm, /manage and
      // /registrations/self carry one-time and manage tokens there. API Gateway's access log (without
      // query strings) records every API request, the bucket's server access log every page fetch.
      enableLogging: false,
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR3',
      reason: 'CloudFront standard logs always include the query string, which carries confirmation and manage tokens; requests are logged by the API access log (no query strings) and the site bucket server access log instead.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'Participants of an OSCE conference come from the 57 participating States, the Partners and international organizations worldwide; no country may be blocked.',
    });
    // The default *.cloudfront.net certificate comes with a security policy CloudFront fixes (TLSv1,
    // so old clients can still connect): minimumProtocolVersion is honoured only with a certificate
    // of one's own. No better default exists without a domain, so the README tells operators to give
    // siteDomain and siteCertificateArn, which make viewers use TLS 1.2 or newer.
    if (!certificate) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason: 'Without siteDomain and siteCertificateArn the site uses the default *.cloudfront.net certificate, whose security policy CloudFront fixes; with them it enforces TLSv1.2_2021.',
      });
    }

    // The page, built at synth time by web/build.ts (through infra/web-assets.ts) into the asset's
    // output directory. Tests that skip bundling (context aws:cdk:bundling-stacks = []) skip this
    // build too, as they skip the functions' esbuild runs.
    const webAssets = new s3assets.Asset(this, 'WebAssets', {
      path: join(projectRoot, 'web'),
      bundling: {
        // Never used: the local build below either succeeds or throws.
        image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24-slim'),
        outputType: BundlingOutput.NOT_ARCHIVED,
        local: {
          tryBundle(outputDir: string) {
            // Quiet when it works; its output comes with the error when it does not.
            const result = spawnSync(process.execPath, [join(projectRoot, 'infra', 'web-assets.ts'), outputDir], { encoding: 'utf8' });
            if (result.status !== 0) {
              throw new Error(`Building the registration page failed (node infra/web-assets.ts exited with ${result.status ?? result.signal}):\n${result.stderr}`);
            }
            return true;
          },
        },
      },
    });

    // The deployment's function (a CDK-provided singleton) gets a role of its own: its logs, and the
    // S3 calls the deployments grant below (read the asset, write the site bucket).
    const { logGroup: deployLogs, role: deployRole } = logsAndRole(this, { logs: 'DeployLogs', role: 'DeployRole' }, 'Copies the built registration page into the site bucket at deploy', settings.logRetentionDays);
    this.deployments = siteObjects.map(
      (object) =>
        new s3deploy.BucketDeployment(this, `Deploy${object.id}`, {
          sources: [s3deploy.Source.bucket(webAssets.bucket, webAssets.s3ObjectKey)],
          destinationBucket: this.bucket,
          exclude: ['*'],
          include: [object.include],
          contentType: object.contentType,
          cacheControl: [s3deploy.CacheControl.fromString(object.cacheControl)],
          // Keep earlier fingerprinted files: a page still open in a browser keeps loading its own.
          prune: false,
          role: deployRole,
          logGroup: deployLogs,
          // Nothing reads the copied keys back; keeps the custom resource's answer small.
          outputObjectKeys: false,
        }),
    );
    // BucketDeployment writes these grants itself; each wildcard is acknowledged by name.
    const qualifier = (this.node.tryGetContext('@aws-cdk/core:bootstrapQualifier') as string | undefined) ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    const siteBucketId = stack.resolve(stack.getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket)) as string;
    const wildcards: [string, string][] = [
      ['Action::s3:GetObject*', 'reads the page asset (an object of the CDK asset bucket) and the site bucket objects it compares while syncing'],
      ['Action::s3:GetBucket*', 'reads the location and settings of the asset and site buckets, which the AWS CLI sync asks for'],
      ['Action::s3:List*', 'lists the asset and site buckets, as the AWS CLI sync does before copying'],
      ['Action::s3:DeleteObject*', 'is what BucketDeployment grants on the site bucket; with prune off it deletes nothing, but the grant is not configurable'],
      ['Action::s3:Abort*', 'aborts its own multipart uploads into the site bucket when a copy fails'],
      [`Resource::arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-<AWS::AccountId>-<AWS::Region>/*`, 'is the CDK bootstrap asset bucket, of which it reads only the page asset'],
      [`Resource::<${siteBucketId}.Arn>/*`, 'covers every object of the site bucket, which holds nothing but the built page'],
    ];
    for (const [finding, why] of wildcards) {
      Validations.of(deployRole).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason: `The deployment function, run only during cdk deploy, ${why}.` });
    }
    // The singleton function BucketDeployment adds at stack level, with the runtime aws-cdk-lib picks.
    const deployFunction = stack.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (deployFunction) {
      Validations.of(deployFunction).acknowledge({
        id: 'AwsSolutions-L1',
        reason: 'BucketDeployment fixes its Python runtime (the AWS CLI layer needs it); it moves with aws-cdk-lib upgrades, and the function runs only during cdk deploy, never on a request.',
      });
    }

    this.deployLogs = deployLogs;
    this.deployRole = deployRole;
    this.url = `https://${settings.siteDomain ?? this.distribution.distributionDomainName}`;
  }

  /**
   * Writes the console's sign-in settings to /organizer/config.json at deploy (they name the app
   * client and the domain, known only then); revalidated on every visit like the pages.
   */
  addConsoleConfig(config: AuthConfig): s3deploy.BucketDeployment {
    return new s3deploy.BucketDeployment(this, 'DeployConsoleConfig', {
      sources: [s3deploy.Source.jsonData(consoleConfigPath.slice(1), config)],
      destinationBucket: this.bucket,
      contentType: 'application/json',
      cacheControl: [s3deploy.CacheControl.fromString('no-cache')],
      prune: false,
      role: this.deployRole,
      logGroup: this.deployLogs,
      outputObjectKeys: false,
    });
  }
}
