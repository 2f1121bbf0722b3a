// CDK assertion tests: every promise the stack makes, read from the synthesized template (no bundling).
import { Validations } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessLogFields } from '../../infra/api.ts';
import { access, functionNames, itemActions, leadingKeys, queryLeadingKeys, secretsOf, streamActions } from '../../infra/functions.ts';
import { exampleGuardRuleId } from '../../infra/guard.ts';
import { parseSettings, SettingsError } from '../../infra/settings.ts';
import { isForStaff, routeKey, routes } from '#shared/http/routes.ts';
import { defaultThrottle } from '#shared/http/throttling.ts';
import { createTableInput, tableKeys } from '#shared/store/table.ts';

import { functionIdOf, handlerFunctions, realSettings, removeOutdirs, resources, synthStack, type Synthesized } from './synth.ts';

const byName = (a: { AttributeName?: string | undefined }, b: { AttributeName?: string | undefined }) => String(a.AttributeName).localeCompare(String(b.AttributeName));

let defaults: Synthesized;
let real: Synthesized;

beforeAll(() => {
  defaults = synthStack();
  real = synthStack(realSettings);
});
afterAll(() => {
  removeOutdirs();
});

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

/** Every statement of every policy attached to the function's role, with actions as arrays. */
function statementsOf(template: Template, name: string): Statement[] {
  const fn = resources(template, 'AWS::Lambda::Function')[functionIdOf(template, name)]!;
  const roleId = fn.Properties!.Role['Fn::GetAtt'][0] as string;
  const role = resources(template, 'AWS::IAM::Role')[roleId]!;
  expect(role.Properties!.ManagedPolicyArns ?? []).toEqual([]);
  const inline = (role.Properties!.Policies ?? []).flatMap((policy: any) => policy.PolicyDocument.Statement);
  const attached = Object.values(resources(template, 'AWS::IAM::Policy'))
    .filter((policy) => policy.Properties!.Roles.some((ref: any) => ref.Ref === roleId))
    .flatMap((policy) => policy.Properties!.PolicyDocument.Statement);
  return [...inline, ...attached].map((statement: Statement) => ({
    ...statement,
    Action: [statement.Action].flat(),
  }));
}

/** Every action granted to the function's role (but its logs), each once. */
function actionsOf(template: Template, name: string): string[] {
  const actions = statementsOf(template, name)
    .flatMap((statement) => statement.Action as string[])
    .filter((action) => !action.startsWith('logs:'));
  return [...new Set(actions)].sort();
}

function ref(template: Template, type: string): string {
  const ids = Object.keys(resources(template, type));
  expect(ids).toHaveLength(1);
  return ids[0]!;
}

describe('the HTTP API', () => {
  it('has exactly the routes of shared/http/routes.ts plus $default', () => {
    // Prepare
    const expected = [...routes.map(routeKey), '$default'].sort();

    // Act
    const routeKeys = Object.values(resources(defaults.template, 'AWS::ApiGatewayV2::Route')).map((route) => route.Properties!.RouteKey);

    // Assess
    expect(routeKeys.sort()).toEqual(expected);
  });

  it('puts the JWT authorizer on every organizer route and on no other', () => {
    // Prepare
    const authorizerId = ref(defaults.template, 'AWS::ApiGatewayV2::Authorizer');

    // Act
    const byKey = Object.fromEntries(
      Object.values(resources(defaults.template, 'AWS::ApiGatewayV2::Route')).map((route) => [route.Properties!.RouteKey, route.Properties!]),
    );

    // Assess
    for (const route of routes) {
      const properties = byKey[routeKey(route)]!;
      if (isForStaff(route)) {
        expect(properties.AuthorizationType, routeKey(route)).toBe('JWT');
        expect(properties.AuthorizerId, routeKey(route)).toEqual({ Ref: authorizerId });
      } else {
        expect(properties.AuthorizationType, routeKey(route)).toBe('NONE');
        expect(properties.AuthorizerId, routeKey(route)).toBeUndefined();
      }
    }
    expect(byKey.$default!.AuthorizationType).toBe('NONE');
  });

  it('checks tokens of the organizer user pool issued to its app client', () => {
    // Prepare
    const poolId = ref(defaults.template, 'AWS::Cognito::UserPool');
    const clientId = ref(defaults.template, 'AWS::Cognito::UserPoolClient');

    // Act
    const authorizer = Object.values(resources(defaults.template, 'AWS::ApiGatewayV2::Authorizer'))[0]!.Properties!;

    // Assess
    expect(authorizer.AuthorizerType).toBe('JWT');
    expect(authorizer.IdentitySource).toEqual(['$request.header.Authorization']);
    expect(authorizer.JwtConfiguration.Audience).toEqual([{ Ref: clientId }]);
    expect(JSON.stringify(authorizer.JwtConfiguration.Issuer)).toContain('cognito-idp.');
    expect(JSON.stringify(authorizer.JwtConfiguration.Issuer)).toContain(poolId);
  });

  it('sends each route to the function of its handler, and $default to fallback', () => {
    // Prepare
    const integrations = resources(defaults.template, 'AWS::ApiGatewayV2::Integration');
    const target = (routeProperties: Record<string, any>) => {
      const integrationId = (routeProperties.Target['Fn::Join'][1][1] as { Ref: string }).Ref;
      return integrations[integrationId]!.Properties!.IntegrationUri['Fn::GetAtt'][0] as string;
    };

    // Act
    const byKey = Object.fromEntries(
      Object.values(resources(defaults.template, 'AWS::ApiGatewayV2::Route')).map((route) => [route.Properties!.RouteKey, target(route.Properties!)]),
    );

    // Assess
    for (const route of routes) expect(byKey[routeKey(route)], routeKey(route)).toBe(functionIdOf(defaults.template, route.handler));
    expect(byKey.$default).toBe(functionIdOf(defaults.template, 'answer-unknown-route'));
    for (const integration of Object.values(integrations)) expect(integration.Properties!.PayloadFormatVersion).toBe('2.0');
  });

  it('throttles the stage, and each public POST route with a ceiling of its own, from the settings', () => {
    // Prepare
    const custom = synthStack({ ...realSettings, throttleRateLimit: 20, throttleBurstLimit: 40, publicPostRateLimit: 2, publicPostBurstLimit: 4 });
    const publicPosts = routes.filter((route) => route.method === 'POST' && !isForStaff(route)).map(routeKey);

    // Act
    const stage = Object.values(resources(custom.template, 'AWS::ApiGatewayV2::Stage'))[0]!.Properties!;
    const defaultStage = Object.values(resources(defaults.template, 'AWS::ApiGatewayV2::Stage'))[0]!.Properties!;

    // Assess
    expect(publicPosts.length).toBeGreaterThan(0);
    expect(stage.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 });
    expect(Object.keys(stage.RouteSettings).sort()).toEqual([...publicPosts].sort());
    for (const key of publicPosts) expect(stage.RouteSettings[key]).toEqual({ ThrottlingRateLimit: 2, ThrottlingBurstLimit: 4 });
    expect(defaultStage.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
    // The shared ceiling sits far above one client's share (the WAF's per-client rule counts first).
    for (const key of publicPosts) expect(defaultStage.RouteSettings[key]).toEqual({ ThrottlingRateLimit: 25, ThrottlingBurstLimit: 50 });
    expect(25 * defaultThrottle.clientWindowSeconds).toBeGreaterThan(10 * defaultThrottle.clientPublicPostLimit);
    // Only property names CloudFormation documents for a stage's RouteSettings (CDK passes this JSON through as written).
    const documented = ['DataTraceEnabled', 'DetailedMetricsEnabled', 'LoggingLevel', 'ThrottlingBurstLimit', 'ThrottlingRateLimit'];
    for (const settings of Object.values(defaultStage.RouteSettings as Record<string, object>)) expect(documented).toEqual(expect.arrayContaining(Object.keys(settings)));
  });

  it('creates the routes before the stage that throttles them (API Gateway refuses settings for unknown routes)', () => {
    // Prepare
    const publicPosts = routes.filter((route) => route.method === 'POST' && !isForStaff(route)).map(routeKey);
    const routeIds = Object.entries(resources(defaults.template, 'AWS::ApiGatewayV2::Route'))
      .filter(([, route]) => publicPosts.includes(route.Properties!.RouteKey as string))
      .map(([id]) => id);

    // Act
    const stage = Object.values(resources(defaults.template, 'AWS::ApiGatewayV2::Stage'))[0]! as { DependsOn?: string[] };

    // Assess
    expect(routeIds).toHaveLength(publicPosts.length);
    expect(stage.DependsOn).toEqual(expect.arrayContaining(routeIds));
  });

  it('writes JSON access logs without bodies, query strings, headers or client addresses, kept for the retention setting', () => {
    // Prepare
    const custom = synthStack({ ...realSettings, logRetentionDays: 30 });

    // Act
    const stage = Object.values(resources(custom.template, 'AWS::ApiGatewayV2::Stage'))[0]!.Properties!;
    const format = JSON.parse(stage.AccessLogSettings.Format) as Record<string, string>;
    const logGroupId = stage.AccessLogSettings.DestinationArn['Fn::GetAtt'][0] as string;

    // Assess
    expect(stage.StageName).toBe('$default');
    expect(stage.AutoDeploy).toBe(true);
    expect(format).toEqual(accessLogFields);
    expect(format.requestId).toBe('$context.requestId');
    expect(Object.values(format).join(' ')).not.toMatch(/body|querystring|requestOverride|header|authorizer\.claims/i);
    // The client's address is personal data; the WAF counts per address without logging it.
    expect(Object.values(format).join(' ')).not.toMatch(/sourceIp|identity\.|userAgent/i);
    expect(resources(custom.template, 'AWS::Logs::LogGroup')[logGroupId]!.Properties!.RetentionInDays).toBe(30);
  });

  it('answers CORS preflights only for the configured origins', () => {
    // Act
    const none = Object.values(resources(defaults.template, 'AWS::ApiGatewayV2::Api'))[0]!.Properties!;
    const some = Object.values(resources(real.template, 'AWS::ApiGatewayV2::Api'))[0]!.Properties!;

    // Assess
    expect(none.CorsConfiguration).toBeUndefined();
    expect(some.CorsConfiguration.AllowOrigins).toEqual(['https://registration.osce.org']);
    expect(some.CorsConfiguration.AllowMethods.sort()).toEqual([...new Set(routes.map((route) => route.method))].sort());
    expect(some.CorsConfiguration.AllowHeaders).toContain('if-match');
    expect(some.CorsConfiguration.ExposeHeaders).toContain('etag');
    expect(some.CorsConfiguration.AllowCredentials).toBeUndefined();
  });
});

describe('the functions', () => {
  it('are one per handler plus the feedback recorder, the mail worker and the waiting-list settler, on nodejs24.x arm64 with JSON logs', () => {
    // Act
    const functions = handlerFunctions(defaults.template);

    // Assess
    expect(Object.keys(functions)).toHaveLength(functionNames.length);
    expect(functionNames.sort()).toEqual([...new Set([...routes.map((route) => route.handler), 'answer-unknown-route', 'record-email-feedback', 'send-pending-mail', 'settle-waiting-lists'])].sort());
    for (const name of functionNames) {
      const properties = functions[functionIdOf(defaults.template, name)]!.Properties!;
      expect(properties.Runtime, name).toBe('nodejs24.x');
      expect(properties.Architectures, name).toEqual(['arm64']);
      expect(properties.Handler, name).toBe('index.handler');
      expect(properties.LoggingConfig, name).toMatchObject({ LogFormat: 'JSON', ApplicationLogLevel: 'INFO', SystemLogLevel: 'WARN' });
      expect(properties.Environment.Variables.NODE_OPTIONS, name).toBe('--enable-source-maps');
      expect(properties.MemorySize, name).toBeGreaterThanOrEqual(256);
      expect(properties.Timeout, name).toBeLessThanOrEqual(30);
    }
  });

  it('keep API functions within the HTTP API 30 s integration limit', () => {
    for (const route of routes) {
      const properties = resources(defaults.template, 'AWS::Lambda::Function')[functionIdOf(defaults.template, route.handler)]!.Properties!;
      expect(properties.Timeout, route.handler).toBeLessThan(30);
    }
  });

  it('log to a group of their own with the retention setting', () => {
    // Prepare
    const custom = synthStack({ ...realSettings, logRetentionDays: 365 });
    const groups = resources(custom.template, 'AWS::Logs::LogGroup');

    // Act
    const retention = functionNames.map((name) => {
      const properties = resources(custom.template, 'AWS::Lambda::Function')[functionIdOf(custom.template, name)]!.Properties!;
      return groups[properties.LoggingConfig.LogGroup.Ref]!.Properties!.RetentionInDays;
    });

    // Assess
    expect(new Set(functionNames.map((name) => resources(custom.template, 'AWS::Lambda::Function')[functionIdOf(custom.template, name)]!.Properties!.LoggingConfig.LogGroup.Ref)).size).toBe(functionNames.length);
    expect(retention).toEqual(functionNames.map(() => 365));
  });

  it('get the settings the handlers read, and the secrets they read only as ARNs, never as values', () => {
    // Prepare
    const functions = resources(real.template, 'AWS::Lambda::Function');
    const secretId = (prefix: string) => Object.keys(resources(real.template, 'AWS::SecretsManager::Secret')).find((id) => id.startsWith(prefix))!;

    // Act
    const env = (name: string) => functions[functionIdOf(real.template, name)]!.Properties!.Environment.Variables as Record<string, unknown>;

    // Assess
    for (const name of functionNames) {
      expect(env(name), name).toMatchObject({
        TABLE_NAME: { Ref: ref(real.template, 'AWS::DynamoDB::Table') },
        SENDER_ADDRESS: 'registration@osce.org',
        PUBLIC_BASE_URL: 'https://registration.osce.org',
        SES_CONFIGURATION_SET: { Ref: ref(real.template, 'AWS::SES::ConfigurationSet') },
        CONFIRM_TOKEN_LIFETIME_HOURS: '72',
        ORGANIZER_GROUP: 'organizers',
        MODERATOR_GROUP: 'moderators',
        VIEWER_GROUP: 'viewers',
        LOG_LEVEL: 'info',
      });
      expect(env(name).CURSOR_SECRET, name).toBeUndefined();
      expect(env(name).ORIGIN_SECRET, name).toBeUndefined();
      expect(JSON.stringify(env(name)), name).not.toContain('resolve:secretsmanager');
      expect(env(name).CURSOR_SECRET_ARN, name).toEqual(name === 'list-registrations' ? { Ref: secretId('CursorSecret') } : undefined);
      const api = routes.some((route) => route.handler === name) || name === 'answer-unknown-route';
      expect(env(name).ORIGIN_SECRET_ARN, name).toEqual(api ? { Ref: secretId('OriginSecret') } : undefined);
    }
  });

  it('link to the site (the CloudFront distribution, same origin as the API) when publicBaseUrl is not set', () => {
    // Prepare
    const withDomain = synthStack({ siteDomain: 'registration.osce.org', siteCertificateArn: realSettings.siteCertificateArn });

    // Act
    const env = (synthesized: Synthesized) =>
      resources(synthesized.template, 'AWS::Lambda::Function')[functionIdOf(synthesized.template, 'submit-registration')]!.Properties!.Environment.Variables;

    // Assess
    expect(env(defaults).PUBLIC_BASE_URL).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [ref(defaults.template, 'AWS::CloudFront::Distribution'), 'DomainName'] }]],
    });
    expect(env(withDomain).PUBLIC_BASE_URL).toBe('https://registration.osce.org');
  });

  it('let API Gateway invoke each API function only from this API', () => {
    // Act
    const permissions = Object.values(resources(defaults.template, 'AWS::Lambda::Permission')).filter(
      (permission) => permission.Properties!.Principal === 'apigateway.amazonaws.com',
    );

    // Assess
    expect(permissions.length).toBe(routes.length + 1);
    for (const permission of permissions) {
      expect(JSON.stringify(permission.Properties!.SourceArn)).toContain(ref(defaults.template, 'AWS::ApiGatewayV2::Api'));
    }
  });
});

describe('least privilege', () => {
  const table = () => ({ 'Fn::GetAtt': [ref(real.template, 'AWS::DynamoDB::Table'), 'Arn'] });

  it('grants each function exactly what infra/functions.ts declares for it', () => {
    for (const name of functionNames) {
      // Prepare
      const declared = access[name];
      const expected = [
        ...itemActions(name).map((action) => `dynamodb:${action}`),
        ...(declared.query.length > 0 ? ['dynamodb:Query'] : []),
        ...(declared.mail ? ['ses:SendEmail'] : []),
        ...(declared.stream ? streamActions.map((action) => `dynamodb:${action}`) : []),
        ...(secretsOf(name).length > 0 ? ['secretsmanager:GetSecretValue'] : []),
        ...[...new Set(Object.values(declared.files ?? {}).flat())].map((action) => `s3:${action}`),
        ...(declared.listFiles ? ['s3:ListBucket'] : []),
        // Lambda sends the events it failed on to the failures queue with the function's own role.
        ...(name === 'record-email-feedback' ? ['sqs:SendMessage'] : []),
      ].sort();

      // Act
      const granted = actionsOf(real.template, name);

      // Assess
      expect(granted, name).toEqual(expected);
    }
  });

  it('lets the GET routes and pages only read, and the SNS handler only mark', () => {
    // Prepare
    const writes = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'ses:SendEmail'];
    const readers = routes.filter((route) => route.method === 'GET').map((route) => route.handler);

    // Act + Assess
    expect(readers).toEqual(expect.arrayContaining(['list-registrations', 'show-confirm-page', 'get-event']));
    for (const name of readers) {
      for (const write of writes) expect(actionsOf(real.template, name), name).not.toContain(write);
    }
    expect(actionsOf(real.template, 'record-email-feedback')).toEqual(['dynamodb:UpdateItem', 'sqs:SendMessage']);
    expect(actionsOf(real.template, 'get-openapi')).toEqual(['secretsmanager:GetSecretValue']);
    expect(actionsOf(real.template, 'answer-unknown-route')).toEqual(['secretsmanager:GetSecretValue']);
  });

  it('lets each function read only the secrets it uses, each one by its own ARN', () => {
    // Prepare
    const secretId = (prefix: string) => Object.keys(resources(real.template, 'AWS::SecretsManager::Secret')).find((id) => id.startsWith(prefix))!;
    const ids = { origin: secretId('OriginSecret'), cursor: secretId('CursorSecret') };

    for (const name of functionNames) {
      // Act
      const reads = statementsOf(real.template, name).filter((statement) => (statement.Action as string[]).some((action) => action.startsWith('secretsmanager:')));

      // Assess
      expect(reads.map((statement) => statement.Action), name).toEqual(secretsOf(name).map(() => ['secretsmanager:GetSecretValue']));
      expect(reads.map((statement) => statement.Resource), name).toEqual(secretsOf(name).map((secret) => ({ Ref: ids[secret] })));
    }
    expect(secretsOf('list-registrations')).toEqual(['origin', 'cursor']);
    expect(secretsOf('record-email-feedback')).toEqual([]);
    expect(secretsOf('send-pending-mail')).toEqual([]);
  });

  it('keeps the registration lists (byEvent index) from every public function', () => {
    // Prepare
    const index = JSON.stringify({ 'Fn::Join': ['', [table(), `/index/${tableKeys.byEventIndex}`]] });
    const publicHandlers = [...new Set(routes.filter((route) => !isForStaff(route)).map((route) => route.handler))];

    // Act
    const queriesByEvent = (name: string) =>
      statementsOf(real.template, name).some(
        (statement) => (statement.Action as string[]).includes('dynamodb:Query') && JSON.stringify(statement.Resource).includes(index),
      );

    // Assess
    expect(queriesByEvent('list-registrations')).toBe(true);
    for (const name of publicHandlers) expect(queriesByEvent(name), name).toBe(false);
    expect(actionsOf(real.template, 'submit-registration')).not.toContain('dynamodb:Scan');
    // The public event listing reads the table, held by IAM to the EVENTS partition.
    const listing = statementsOf(real.template, 'list-events').find((statement) => (statement.Action as string[]).includes('dynamodb:Query'))!;
    expect(listing.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['EVENTS'] } });
  });

  it('lets only the functions that send mail call SES', () => {
    for (const name of functionNames) {
      expect(actionsOf(real.template, name).includes('ses:SendEmail'), name).toBe(access[name].mail);
    }
  });

  it('uses no wildcard action and no table-level administration anywhere', () => {
    for (const name of functionNames) {
      for (const statement of statementsOf(real.template, name)) {
        for (const action of statement.Action as string[]) {
          expect(action, name).not.toContain('*');
          expect(action, name).not.toMatch(/^dynamodb:(Delete|Update|Create)Table|^dynamodb:Scan$/);
        }
        expect(statement.Resource, name).not.toBe('*');
      }
    }
  });

  it('scopes item calls to the table and each Query to the table or the indexes declared', () => {
    for (const name of functionNames) {
      // Prepare
      const statements = statementsOf(real.template, name);
      const queries = statements.filter((statement) => (statement.Action as string[]).includes('dynamodb:Query'));
      const stream = new Set(streamActions.map((action) => `dynamodb:${action}`));
      const items = statements.filter((statement) => (statement.Action as string[]).some((action) => action !== 'dynamodb:Query' && action.startsWith('dynamodb:') && !stream.has(action)));
      const streamReads = statements.filter((statement) => (statement.Action as string[]).some((action) => stream.has(action)));

      // Assess
      for (const statement of items) expect(statement.Resource, name).toEqual(table());
      const expected = access[name].query.map((part) => (part === 'table' ? table() : { 'Fn::Join': ['', [table(), `/index/${part}`]] }));
      expect(queries.map((statement) => statement.Resource), name).toEqual(expected);
      // Only the mail worker reads the table's stream, and only this table's.
      expect(streamReads.map((statement) => statement.Resource), name).toEqual(access[name].stream ? [{ 'Fn::Join': ['', [table(), '/stream/*']] }] : []);
    }
  });

  it('holds every item call and Query to the partitions it names (dynamodb:LeadingKeys)', () => {
    const inPartition = (patterns: string[]) => ({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': patterns } });
    for (const name of functionNames) {
      // Act
      // (the stream reads have no partition: they are not item calls)
      const dynamodb = statementsOf(real.template, name).filter((statement) =>
        (statement.Action as string[]).some((action) => action.startsWith('dynamodb:') && !streamActions.some((read) => action === `dynamodb:${read}`)),
      );

      // Assess
      const expected = [
        ...Object.entries(access[name].items).map(([partition, actions]) => ({ actions: actions.map((action) => `dynamodb:${action}`), condition: inPartition([leadingKeys[partition as 'events' | 'event' | 'accreditation' | 'delegations']]) })),
        ...access[name].query.map((part) => ({ actions: ['dynamodb:Query'], condition: inPartition(queryLeadingKeys(name, part)) })),
      ];
      expect(dynamodb.map((statement) => ({ actions: statement.Action, condition: statement.Condition })), name).toEqual(expected);
    }
    // The partitions as shared/store/table.ts writes them.
    expect(leadingKeys).toEqual({ events: 'EVENTS', event: 'EVENT#*', accreditation: 'ACCREDITATION#*', delegations: 'DELEGATIONS#*', byEvent: 'EVENT#*#REGISTRATIONS', byStatus: 'EVENT#*#STATUS#*', byWaitlist: 'EVENT#*#WAITLIST', byPendingMail: 'OUTBOX' });
    // The focal points' public functions write only the delegations: never a registration or counter.
    const focalPointFunctions = ['show-delegation-page', 'get-own-delegation', 'nominate-delegate', 'withdraw-nomination'] as const;
    expect(focalPointFunctions.filter((name) => (access[name].items.event ?? []).some((action) => action !== 'BatchGetItem'))).toEqual([]);
    // Only put-event may write the events themselves; the public functions only read them.
    const writesEvents = functionNames.filter((name) => (access[name].items.events ?? []).some((action) => action !== 'GetItem'));
    expect(writesEvents).toEqual(['put-event']);
  });

  it('lets the mailing functions send only as the sender, through the identity and configuration set', () => {
    for (const name of ['send-pending-mail', 'confirm-registration']) {
      // Act
      const send = statementsOf(real.template, name).find((statement) => (statement.Action as string[]).includes('ses:SendEmail'))!;

      // Assess
      expect(send.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'registration@osce.org' } });
      const text = JSON.stringify(send.Resource);
      expect(text).toContain(':identity/osce.org');
      expect(text).toContain(':configuration-set/');
      expect(send.Resource).toHaveLength(2);
    }
  });

  it('lets each function write only its own log group', () => {
    for (const name of functionNames) {
      // Prepare
      const fn = resources(real.template, 'AWS::Lambda::Function')[functionIdOf(real.template, name)]!;

      // Act
      const logs = statementsOf(real.template, name).filter((statement) => (statement.Action as string[]).some((action) => action.startsWith('logs:')));

      // Assess
      expect(logs).toHaveLength(1);
      expect((logs[0]!.Action as string[]).sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
      expect(logs[0]!.Resource).toEqual({ 'Fn::GetAtt': [fn.Properties!.LoggingConfig.LogGroup.Ref, 'Arn'] });
    }
  });
});

describe('the table', () => {
  it('is built from shared/store/table.ts: keys, attribute types, every index and the TTL attribute', () => {
    // Prepare
    const local = createTableInput('local');

    // Act
    const properties = Object.values(resources(real.template, 'AWS::DynamoDB::Table'))[0]!.Properties!;

    // Assess
    expect(properties.KeySchema).toEqual(local.KeySchema);
    expect([...properties.AttributeDefinitions].sort(byName)).toEqual([...local.AttributeDefinitions!].sort(byName));
    expect(properties.GlobalSecondaryIndexes).toEqual(local.GlobalSecondaryIndexes);
    expect(properties.TimeToLiveSpecification).toEqual({ AttributeName: tableKeys.timeToLive, Enabled: true });
  });

  it('is on-demand, recoverable to any point, encrypted with a KMS key, protected and retained', () => {
    // Act
    const table = Object.values(resources(real.template, 'AWS::DynamoDB::Table'))[0]!;

    // Assess
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      // 35 days: erased data stays in the recovery window that long (README, privacy notes).
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 35 },
      SSESpecification: { SSEEnabled: true },
      DeletionProtectionEnabled: true,
    });
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });
});

describe('e-mail', () => {
  it('verifies the sender address itself when no domain is given', () => {
    defaults.template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'registration@example.org' });
  });

  it('verifies the domain with 2048-bit Easy DKIM and outputs the DNS records when senderDomain is set', () => {
    // Assess
    real.template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'osce.org',
      DkimSigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
    });
    expect(Object.keys(real.template.toJSON().Outputs).filter((id) => id.startsWith('DkimRecord'))).toHaveLength(3);
    expect(Object.keys(defaults.template.toJSON().Outputs).filter((id) => id.startsWith('DkimRecord'))).toHaveLength(0);
  });

  it('sends through a configuration set that requires TLS and suppresses bounced and complaining addresses', () => {
    real.template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      SuppressionOptions: { SuppressedReasons: Match.arrayWith(['BOUNCE', 'COMPLAINT']) },
      ReputationOptions: { ReputationMetricsEnabled: true },
    });
  });

  it('publishes bounces and complaints to an encrypted, TLS-only topic that feeds email-events', () => {
    // Prepare
    const topicId = ref(real.template, 'AWS::SNS::Topic');
    const keyId = ref(real.template, 'AWS::KMS::Key');

    // Assess
    real.template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: ref(real.template, 'AWS::SES::ConfigurationSet') },
      EventDestination: { Enabled: true, MatchingEventTypes: ['bounce', 'complaint'], SnsDestination: { TopicARN: { Ref: topicId } } },
    });
    real.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    real.template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    real.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'ses.amazonaws.com' }, Action: 'sns:Publish' }),
        ]),
      },
    });
    real.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: topicId },
      Endpoint: { 'Fn::GetAtt': [functionIdOf(real.template, 'record-email-feedback'), 'Arn'] },
    });
  });

  it('keeps bounces and complaints that cannot be recorded in an encrypted queue: SNS delivery failures and the function\'s failed invocations', () => {
    // Prepare
    const [queueId, queue] = Object.entries(resources(real.template, 'AWS::SQS::Queue'))[0]!;
    const feedback = functionIdOf(real.template, 'record-email-feedback');

    // Act
    const subscription = Object.values(resources(real.template, 'AWS::SNS::Subscription'))[0]!.Properties!;
    const invokeConfig = Object.values(resources(real.template, 'AWS::Lambda::EventInvokeConfig'))[0]!.Properties!;
    const queuePolicy = Object.values(resources(real.template, 'AWS::SQS::QueuePolicy'))[0]!.Properties!;
    const send = statementsOf(real.template, 'record-email-feedback').find((statement) => (statement.Action as string[]).includes('sqs:SendMessage'))!;

    // Assess
    expect(Object.keys(resources(real.template, 'AWS::SQS::Queue'))).toHaveLength(1);
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    expect(subscription.RedrivePolicy).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': [queueId, 'Arn'] } });
    expect(invokeConfig).toMatchObject({
      FunctionName: { Ref: feedback },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
    expect(send).toMatchObject({ Action: ['sqs:SendMessage'], Resource: { 'Fn::GetAtt': [queueId, 'Arn'] } });
    expect(queuePolicy.PolicyDocument.Statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Condition: { ArnEquals: { 'aws:SourceArn': { Ref: ref(real.template, 'AWS::SNS::Topic') } } } }),
      ]),
    );
  });

  it('wakes the mail worker on the stream for registrations with mail queued, and every minute; it may only read the outbox index and rewrite items', () => {
    // Prepare
    const sweeper = functionIdOf(real.template, 'send-pending-mail');

    // Assess
    real.template.hasResourceProperties('AWS::DynamoDB::Table', { StreamSpecification: { StreamViewType: 'NEW_IMAGE' } });
    real.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: sweeper },
      EventSourceArn: { 'Fn::GetAtt': [ref(real.template, 'AWS::DynamoDB::Table'), 'StreamArn'] },
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ dynamodb: { NewImage: { gsi3pk: { S: ['OUTBOX'] } } } }) }] },
      StartingPosition: 'LATEST',
    });
    real.template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [sweeper, 'Arn'] } })],
    });
    expect(actionsOf(real.template, 'send-pending-mail')).toEqual(
      ['dynamodb:DescribeStream', 'dynamodb:GetItem', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams', 'dynamodb:PutItem', 'dynamodb:Query', 'ses:SendEmail'],
    );
    const query = statementsOf(real.template, 'send-pending-mail').find((statement) => (statement.Action as string[]).includes('dynamodb:Query'))!;
    expect(JSON.stringify(query.Resource)).toContain('/index/byPendingMail');
    expect(JSON.stringify(query.Resource)).not.toContain('/index/byEvent');
  });

  it('lets SES use the topic key only from this account configuration sets', () => {
    real.template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'ses.amazonaws.com' },
            Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
            Condition: Match.objectLike({ StringEquals: { 'aws:SourceAccount': Match.anyValue() } }),
          }),
        ]),
      },
    });
  });
});

describe('organizer sign-in', () => {
  it('is a user pool without self sign-up, with a strong password policy, required TOTP MFA and threat protection', () => {
    real.template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: {
          MinimumLength: 14,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
          TemporaryPasswordValidityDays: 3,
        },
      },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      DeletionProtection: 'ACTIVE',
    });
  });

  it('has the organizers group and a public app client without secret, signing in with managed login back to the console', () => {
    // Prepare
    const [domainId, domain] = Object.entries(resources(real.template, 'AWS::Cognito::UserPoolDomain'))[0]!;
    const clientId = ref(real.template, 'AWS::Cognito::UserPoolClient');

    // Act
    const client = Object.values(resources(real.template, 'AWS::Cognito::UserPoolClient'))[0]!.Properties!;
    const branding = Object.values(resources(real.template, 'AWS::Cognito::ManagedLoginBranding'))[0]!;

    // Assess
    real.template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'organizers' });
    expect(client).toMatchObject({
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      // No USER_PASSWORD_AUTH: it sends the password itself to a public endpoint.
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AllowedOAuthFlowsUserPoolClient: true,
      // The code grant only: no implicit grant, whose tokens travel in the URL.
      AllowedOAuthFlows: ['code'],
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: ['https://registration.osce.org/organizer/'],
      LogoutURLs: ['https://registration.osce.org/organizer/'],
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 720,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
    });
    expect([...client.AllowedOAuthScopes].sort()).toEqual(['email', 'openid', 'profile']);
    expect(domain.Properties).toMatchObject({ ManagedLoginVersion: 2 });
    expect(branding.Properties).toMatchObject({ ClientId: { Ref: clientId }, UseCognitoProvidedValues: true });
    expect((branding as { DependsOn?: string[] }).DependsOn).toContain(domainId);
  });

  it('names the sign-in domain from signInDomainPrefix, and otherwise from the stack\'s own id', () => {
    // Prepare
    const custom = synthStack({ ...realSettings, signInDomainPrefix: 'osce-organizers' });

    // Act
    const named = Object.values(resources(custom.template, 'AWS::Cognito::UserPoolDomain'))[0]!.Properties!.Domain;
    const derived = JSON.stringify(Object.values(resources(real.template, 'AWS::Cognito::UserPoolDomain'))[0]!.Properties!.Domain);

    // Assess
    expect(named).toBe('osce-organizers');
    expect(derived).toContain('organizers-');
    expect(derived).toContain('AWS::StackId');
    expect(() => synthStack({ ...realSettings, signInDomainPrefix: 'my-cognito-login' })).toThrow(/signInDomainPrefix/);
  });

  it('writes the console\'s sign-in settings into the site bucket at /organizer/config.json', () => {
    // Prepare
    const deployment = Object.entries(resources(real.template, 'Custom::CDKBucketDeployment')).find(([id]) => id.startsWith('SiteDeployConsoleConfig'))![1].Properties!;
    const poolId = ref(real.template, 'AWS::Cognito::UserPool');
    const clientId = ref(real.template, 'AWS::Cognito::UserPoolClient');
    const domainId = ref(real.template, 'AWS::Cognito::UserPoolDomain');

    // Act
    const markers = JSON.stringify(deployment.SourceMarkers);

    // Assess: the values CloudFormation fills in at deploy are the pool, its domain and the client.
    expect(deployment.SystemMetadata).toEqual({ 'content-type': 'application/json', 'cache-control': 'no-cache' });
    expect(deployment.Prune).toBe(false);
    expect(markers).toContain(poolId);
    expect(markers).toContain(clientId);
    expect(markers).toContain(domainId);
  });

  it('names the groups from the organizerGroup, moderatorGroup, viewerGroup and accreditationGroup settings, for the handler check too', () => {
    // Prepare
    const custom = synthStack({ ...realSettings, organizerGroup: 'secretariat', moderatorGroup: 'reviewers', viewerGroup: 'observers', accreditationGroup: 'badges' });

    // Assess
    const groups = Object.values(resources(custom.template, 'AWS::Cognito::UserPoolGroup')).map((group) => group.Properties!.GroupName);
    expect(groups.sort()).toEqual(['badges', 'observers', 'reviewers', 'secretariat']);
    custom.template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ ORGANIZER_GROUP: 'secretariat', MODERATOR_GROUP: 'reviewers', VIEWER_GROUP: 'observers', ACCREDITATION_GROUP: 'badges' }) },
    });
  });

  it('makes the organizers, moderators, viewers and accreditation groups by default', () => {
    // Assess
    const groups = Object.values(resources(defaults.template, 'AWS::Cognito::UserPoolGroup')).map((group) => group.Properties!.GroupName);
    expect(groups.sort()).toEqual(['accreditation', 'moderators', 'organizers', 'viewers']);
  });
});

describe('settings and the deploy guard', () => {
  it('synthesize a complete stack from no settings at all, marking the example sender', () => {
    // Act
    const annotations = defaults.stack.node.metadata.filter((entry) => entry.type === 'aws:cdk:warning');

    // Assess
    expect(Object.keys(handlerFunctions(defaults.template))).toHaveLength(functionNames.length);
    expect(JSON.stringify(annotations)).toContain('senderAddress');
  });

  it('make CloudFormation refuse a deploy with the example sender, naming the setting to give', () => {
    // Act
    const rule = defaults.template.toJSON().Rules[exampleGuardRuleId];

    // Assess
    expect(rule.Assertions).toHaveLength(1);
    expect(rule.Assertions[0].Assert).toEqual({ 'Fn::Not': [{ 'Fn::Equals': ['registration@example.org', 'registration@example.org'] }] });
    expect(rule.Assertions[0].AssertDescription).toContain('senderAddress');
    expect(rule.Assertions[0].AssertDescription).toContain('-c senderAddress=');
  });

  it('leave no guard in a template with real settings', () => {
    expect(real.template.toJSON().Rules?.[exampleGuardRuleId]).toBeUndefined();
  });

  it('treat an explicit example domain or base URL as example values too', () => {
    // Act
    const settings = parseSettings((name) => ({ senderAddress: 'reg@mail.example.com', senderDomain: 'example.com', publicBaseUrl: 'https://x.example.net' })[name]);

    // Assess
    expect(settings.exampleValues.map((entry) => entry.setting)).toEqual(['senderAddress', 'senderDomain', 'publicBaseUrl']);
  });

  it('reject settings that cannot work, saying which one', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ senderAddress: 'not an address' }, /senderAddress/],
      [{ senderAddress: 'a@osce.org', senderDomain: 'un.org' }, /senderDomain/],
      [{ publicBaseUrl: 'http://registration.osce.org' }, /https/],
      [{ allowedOrigins: '*' }, /allowedOrigins/],
      [{ allowedOrigins: 'https://a.osce.org/path' }, /allowedOrigins/],
      [{ throttleRateLimit: 'fast' }, /throttleRateLimit/],
      [{ logRetentionDays: 10 }, /logRetentionDays/],
      [{ clientWindowSeconds: 90 }, /clientWindowSeconds/],
      [{ clientPublicPostLimit: 5 }, /clientPublicPostLimit/],
      [{ clientRequestLimit: 'many' }, /clientRequestLimit/],
      [{ confirmTokenLifetimeHours: 0 }, /confirmTokenLifetimeHours/],
    ];
    for (const [context, message] of cases) {
      expect(() => parseSettings((name) => context[name]), JSON.stringify(context)).toThrow(SettingsError);
      expect(() => parseSettings((name) => context[name]), JSON.stringify(context)).toThrow(message);
    }
  });

  it('accept origins as a list or a comma-separated string', () => {
    expect(parseSettings((name) => ({ allowedOrigins: ['https://a.osce.org'] })[name]).allowedOrigins).toEqual(['https://a.osce.org']);
    expect(parseSettings((name) => ({ allowedOrigins: 'https://a.osce.org, https://b.osce.org' })[name]).allowedOrigins).toEqual([
      'https://a.osce.org',
      'https://b.osce.org',
    ]);
  });
});

describe('outputs', () => {
  it('give the site URL, the CloudFront domain, the API URL, user pool id, app client id and table name', () => {
    // Act
    const outputs = real.template.toJSON().Outputs as Record<string, { Value: unknown }>;

    // Assess
    expect(outputs.ApiUrl!.Value).toMatchObject({ 'Fn::Join': expect.any(Array) });
    expect(outputs.SiteUrl!.Value).toBe('https://registration.osce.org/');
    expect(outputs.DistributionDomainName!.Value).toEqual({ 'Fn::GetAtt': [ref(real.template, 'AWS::CloudFront::Distribution'), 'DomainName'] });
    expect(outputs.UserPoolId!.Value).toEqual({ Ref: ref(real.template, 'AWS::Cognito::UserPool') });
    expect(outputs.UserPoolClientId!.Value).toEqual({ Ref: ref(real.template, 'AWS::Cognito::UserPoolClient') });
    expect(outputs.TableName!.Value).toEqual({ Ref: ref(real.template, 'AWS::DynamoDB::Table') });
  });
});

describe('cdk-nag AwsSolutions', () => {
  for (const [label, pick] of [
    ['with no settings', () => defaults],
    ['with real settings', () => real],
  ] as const) {
    it(`finds nothing unacknowledged ${label}`, () => {
      // Prepare
      const { app, stack } = pick();

      // Act
      const report = new AwsSolutionsChecks(app).validateScope(stack);

      // Assess
      expect(report.violations.map((violation) => `${violation.ruleName} ${violation.violatingResources.map((resource) => resource.constructPath).join(', ')}`)).toEqual([]);
      expect(report.success).toBe(true);
    });
  }

  it('acknowledges only on the construct concerned, each with a specific reason', () => {
    // Act
    const acknowledgements = real.stack.node
      .findAll()
      .flatMap((construct) =>
        construct.node.metadata
          .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
          .flatMap((entry) =>
            Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({ path: construct.node.path, id: id.replace(/^annotation::/i, ''), reason })),
          ),
      );

    // Assess
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const { path, id, reason } of acknowledgements) {
      expect(path, id).not.toBe(real.stack.node.path);
      expect(reason.length, `${path} ${id}`).toBeGreaterThan(60);
    }
    const where = (id: string) => [...new Set(acknowledgements.filter((entry) => entry.id === id || entry.id.startsWith(`${id}[`)).map(({ path }) => path))];
    expect(new Set(acknowledgements.map(({ id }) => id.replace(/\[.*$/, '')))).toEqual(
      new Set(['AwsSolutions-APIG4', 'AwsSolutions-SMG4', 'AwsSolutions-SQS3', 'AwsSolutions-S1', 'AwsSolutions-CFR1', 'AwsSolutions-CFR3', 'AwsSolutions-IAM5', 'AwsSolutions-L1']),
    );
    // Only the log bucket goes without access logs; only the deployment, web ACL and mail worker roles hold wildcards, each named.
    // ... and the uploads bucket, whose access logs would hold every participant's IP address.
    expect(where('AwsSolutions-S1')).toEqual([`${real.stack.node.path}/Site/Logs`, `${real.stack.node.path}/Uploads/Bucket`]);
    expect(where('AwsSolutions-CFR1')).toEqual([`${real.stack.node.path}/Site/Distribution`]);
    expect(where('AwsSolutions-CFR3')).toEqual([`${real.stack.node.path}/Site/Distribution`]);
    // The file functions hold the objects of one part of the uploads bucket each (keys are random ids).
    const fileRoles = functionNames.filter((name) => access[name].files).map((name) => `${real.stack.node.path}/Functions/${name.split('-').map((part) => part[0]!.toUpperCase() + part.slice(1)).join('')}Role`);
    expect(where('AwsSolutions-IAM5').sort()).toEqual([`${real.stack.node.path}/WebAcl/ProviderRole`, `${real.stack.node.path}/Site/DeployRole`, `${real.stack.node.path}/Functions/SendPendingMailRole`, ...fileRoles].sort());
    // The stack puts a WAF web ACL in front of the site by default: nothing to excuse.
    expect(where('AwsSolutions-CFR2')).toEqual([]);
    expect(acknowledgements.filter(({ id }) => id === 'AwsSolutions-IAM5')).toEqual([]);
    expect(where('AwsSolutions-L1')).toHaveLength(1);
    expect(where('AwsSolutions-L1')[0]).toMatch(/\/Custom::CDKBucketDeployment/);
    // The seed event's custom resource needs no acknowledgement at all.
    expect(acknowledgements.filter(({ path }) => path.includes('/SeedEvent'))).toEqual([]);
    const apig4 = acknowledgements.filter(({ id }) => id === 'AwsSolutions-APIG4').map(({ path }) => path);
    expect(apig4).toHaveLength(routes.filter((route) => !isForStaff(route)).length + 1);
  });
});

describe('the uploads bucket', () => {
  it('is private, encrypted, TLS-only, kept with the data, and forgets unchecked uploads after a day', () => {
    // Act
    const [bucketId, bucket] = Object.entries(resources(real.template, 'AWS::S3::Bucket')).find(([id]) => id.startsWith('UploadsBucket'))!;
    const policy = Object.values(resources(real.template, 'AWS::S3::BucketPolicy')).find((entry) => entry.Properties!.Bucket.Ref === bucketId)!;
    const properties = bucket.Properties!;

    // Assess
    expect(properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(properties.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }]);
    expect(properties.OwnershipControls.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(properties.LifecycleConfiguration.Rules).toContainEqual(expect.objectContaining({ Prefix: 'uploads/', ExpirationInDays: 1, Status: 'Enabled' }));
    expect(properties.CorsConfiguration.CorsRules).toEqual([expect.objectContaining({ AllowedMethods: ['POST'], AllowedOrigins: ['https://registration.osce.org'] })]);
    const statements = policy.Properties!.PolicyDocument.Statement as Record<string, any>[];
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    // Every function that handles files names the bucket, and only they do.
    for (const name of functionNames) {
      const s3Statements = statementsOf(real.template, name).filter((statement) => (statement.Action as string[]).some((action) => action.startsWith('s3:')));
      expect(s3Statements.length > 0, name).toBe(access[name].files !== undefined);
    }
  });
});
