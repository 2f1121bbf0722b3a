// The HTTP API: exactly the routes of shared/http/routes.ts, organizer routes behind the JWT authorizer,
// everything else answered by the fallback handler in the API's own error shape.
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import type { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { isForStaff, routeKey, routes, type HandlerName, type Route } from '#shared/http/routes.ts';
import { isPublicPost } from '#shared/http/throttling.ts';
import type { StackSettings } from './settings.ts';

/**
 * One JSON line per request, without bodies, query strings (the confirmation token travels in one),
 * headers or the client's IP address (personal data, kept here for the log retention): enough to
 * trace a request and see which route was throttled or refused. Who sends too much is the WAF's
 * business: its rate-based rules count per address, without keeping a log of them.
 */
export const accessLogFields = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  method: '$context.httpMethod',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationStatus: '$context.integrationStatus',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  errorMessage: '$context.error.message',
} as const;

export interface ApiProps {
  settings: StackSettings;
}

export class Api extends Construct {
  readonly httpApi: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { settings } = props;
    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: 'Conference registration: participants register and confirm, organizers review',
      createDefaultStage: false,
      ...(settings.allowedOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: settings.allowedOrigins,
              // Every method of the route table; If-Match and ETag carry a registration's revision.
              allowMethods: [apigw.CorsHttpMethod.GET, apigw.CorsHttpMethod.POST, apigw.CorsHttpMethod.PUT, apigw.CorsHttpMethod.PATCH],
              allowHeaders: ['content-type', 'authorization', 'accept', 'accept-language', 'if-match'],
              exposeHeaders: ['retry-after', 'content-disposition', 'etag'],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: settings.logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: settings.throttleRateLimit, burstLimit: settings.throttleBurstLimit },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(accessLogFields)),
      },
    });
    // The public POST routes send e-mail and write: a ceiling of their own bounds what they can cost,
    // shared by all clients and far above one client's share (shared/http/throttling.ts says why),
    // which the WAF's per-client rules enforce first.
    // RouteSettings is a plain JSON property that CDK passes through untransformed, so the keys must
    // be CloudFormation's own (ThrottlingRateLimit, not throttlingRateLimit): others are ignored.
    const cfnStage = this.stage.node.defaultChild as apigw.CfnStage;
    cfnStage.routeSettings = Object.fromEntries(
      routes
        .filter(isPublicPost)
        .map((route) => [routeKey(route), { ThrottlingRateLimit: settings.publicPostRateLimit, ThrottlingBurstLimit: settings.publicPostBurstLimit }]),
    );
  }

  /** Adds every route of the table plus $default, each to the function of its handler. */
  addRoutes(functions: Record<HandlerName, lambda.IFunction>, authorizer: HttpUserPoolAuthorizer): Record<string, apigw.HttpRoute> {
    const integrations = new Map<HandlerName, HttpLambdaIntegration>();
    const integrationOf = (handler: HandlerName) => {
      let integration = integrations.get(handler);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${handler}-integration`, functions[handler]);
        integrations.set(handler, integration);
      }
      return integration;
    };
    const made: Record<string, apigw.HttpRoute> = {};
    routes.forEach((route: Route) => {
      // The id follows the route key, so reordering the table never replaces a route.
      made[routeKey(route)] = new apigw.HttpRoute(this, `Route${routeKey(route).replace(/[^A-Za-z0-9]/g, '')}`, {
        httpApi: this.httpApi,
        routeKey: apigw.HttpRouteKey.with(route.path, apigw.HttpMethod[route.method]),
        integration: integrationOf(route.handler),
        ...(isForStaff(route) ? { authorizer } : {}),
      });
      if (!isForStaff(route)) {
        Validations.of(made[routeKey(route)]!).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${routeKey(route)} is public by design: participants register, confirm and read the event without an account. ` +
            'Abuse is bounded by the WAF\'s per-client rate rules, the stage and per-route throttling, body validation and the per-registration mail cap.',
        });
      }
    });
    // The stage's routeSettings name routes by key; API Gateway refuses them for a route it has not
    // created yet, so the stage waits for the routes it throttles.
    const cfnStage = this.stage.node.defaultChild as apigw.CfnStage;
    for (const key of Object.keys((cfnStage.routeSettings as Record<string, unknown> | undefined) ?? {})) {
      const throttled = made[key];
      if (throttled) cfnStage.addResourceDependency(throttled.node.defaultChild as apigw.CfnRoute);
    }
    made.$default = new apigw.HttpRoute(this, 'DefaultRoute', {
      httpApi: this.httpApi,
      routeKey: apigw.HttpRouteKey.DEFAULT,
      integration: integrationOf('answer-unknown-route'),
    });
    Validations.of(made.$default).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: '$default only reaches the fallback function, which touches no data and answers 404/405 in the API error shape.',
    });
    return made;
  }

  get url(): string {
    return this.stage.url;
  }
}
