// Organizer sign-in: a Cognito user pool that only an administrator adds people to, an organizers
// group, Cognito's managed login on a domain of the pool, and the organizer console's app client (the
// authorization-code flow with PKCE, back to the site's /organizer/). The HTTP API's JWT authorizer
// checks the tokens it issues; the handlers also check the group claim. Local mode has the same
// flow against its own provider (local/identity-provider.ts).
import { Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { consolePath } from '../web/console/config.ts';

export interface OrganizerAuthProps {
  organizerGroup: string;
  /** The Cognito domain's prefix; none: `organizers-` and a part of the stack's id, unique to this stack. */
  signInDomainPrefix?: string | undefined;
  /** The other staff roles' groups (shared/model/organizer.ts): moderators decide, viewers read. */
  moderatorGroup: string;
  viewerGroup: string;
  accreditationGroup: string;
}

/** As the local provider's (local/identity-provider.ts tokenLifetimes): an hour, and twelve for the refresh token. */
const lifetimes = { access: Duration.hours(1), id: Duration.hours(1), refresh: Duration.hours(12) };

export class OrganizerAuth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly group: cognito.CfnUserPoolGroup;
  /** Managed login: https://<prefix>.auth.<region>.amazoncognito.com serves /oauth2/authorize, /oauth2/token and /logout. */
  readonly domain: cognito.UserPoolDomain;
  private consoleClient: cognito.UserPoolClient | undefined;
  private consoleAuthorizer: HttpUserPoolAuthorizer | undefined;
  readonly moderatorGroup: cognito.CfnUserPoolGroup;
  readonly viewerGroup: cognito.CfnUserPoolGroup;
  readonly accreditationGroup: cognito.CfnUserPoolGroup;

  constructor(scope: Construct, id: string, props: OrganizerAuthProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      // Organizers are invited by an administrator (aws cognito-idp admin-create-user), never sign up.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Organizers see participants' personal data: a second factor (an authenticator app) is required.
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false, email: false },
      // Plus tier: threat protection (compromised credentials, adaptive authentication) enforced.
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      // The organizer accounts are kept when the stack is torn down, like the registrations.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.group = new cognito.CfnUserPoolGroup(this, 'OrganizersGroup', {
      userPoolId: this.userPool.userPoolId,
      groupName: props.organizerGroup,
      description: 'Organizers: may create and change events, read, export, decide and edit registrations.',
    });
    this.moderatorGroup = new cognito.CfnUserPoolGroup(this, 'ModeratorsGroup', {
      userPoolId: this.userPool.userPoolId,
      groupName: props.moderatorGroup,
      description: 'Moderators: may read, export and decide registrations, and resend their links.',
    });
    this.viewerGroup = new cognito.CfnUserPoolGroup(this, 'ViewersGroup', {
      userPoolId: this.userPool.userPoolId,
      groupName: props.viewerGroup,
      description: 'Viewers: may read and export registrations.',
    });

    // A group for the few who handle badges with the host country's security: beside a staff role it
    // adds the accreditation answers (passport numbers, photos) to what they read.
    this.accreditationGroup = new cognito.CfnUserPoolGroup(this, 'AccreditationGroup', {
      userPoolId: this.userPool.userPoolId,
      groupName: props.accreditationGroup,
      description: 'With a staff role: may also read the accreditation data (passport, date of birth, photo).',
    });

    this.domain = this.userPool.addDomain('SignInDomain', {
      cognitoDomain: { domainPrefix: props.signInDomainPrefix ?? defaultDomainPrefix(this) },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
  }

  /** The origin of the sign-in pages and the token endpoint, without a trailing slash. */
  get loginBaseUrl(): string {
    return this.domain.baseUrl();
  }

  /** The tokens' `iss`: https://cognito-idp.<region>.amazonaws.com/<poolId>. */
  get issuer(): string {
    return this.userPool.userPoolProviderUrl;
  }

  /**
   * The organizer console's app client, signing in back to `<siteUrl>/organizer/`, and the API's
   * authorizer for its tokens. Made once the site's address is known.
   */
  addConsoleClient(siteUrl: string): void {
    const consoleUrl = `${siteUrl}${consolePath}`;
    this.consoleClient = this.userPool.addClient('OrganizerClient', {
      // A public client (a single-page app): no secret that could leak from a browser.
      generateSecret: false,
      // Managed login with the authorization-code grant; the console sends a PKCE challenge (S256)
      // with every request. No implicit grant: tokens never travel in a URL.
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        // The console's scopes (web/console/config.ts consoleScopes).
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [consoleUrl],
        logoutUrls: [consoleUrl],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      // Only SRP (the password never leaves the browser) and refresh, which managed login uses. No
      // USER_PASSWORD_AUTH: anyone holding the public client id could send passwords to guess them.
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: lifetimes.access,
      idTokenValidity: lifetimes.id,
      refreshTokenValidity: lifetimes.refresh,
    });
    // Managed login (version 2) shows its pages to a client only with a style; Cognito's own will do.
    new cognito.CfnManagedLoginBranding(this, 'ConsoleLoginBranding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.consoleClient.userPoolClientId,
      useCognitoProvidedValues: true,
    }).addResourceDependency(this.domain.node.defaultChild as cognito.CfnUserPoolDomain);

    this.consoleAuthorizer = new HttpUserPoolAuthorizer('OrganizerAuthorizer', this.userPool, {
      userPoolClients: [this.consoleClient],
      identitySource: ['$request.header.Authorization'],
    });
  }

  get client(): cognito.UserPoolClient {
    if (!this.consoleClient) throw new Error('addConsoleClient() first: the app client needs the site address');
    return this.consoleClient;
  }

  get authorizer(): HttpUserPoolAuthorizer {
    if (!this.consoleAuthorizer) throw new Error('addConsoleClient() first: the authorizer checks the app client\'s tokens');
    return this.consoleAuthorizer;
  }
}

/**
 * Prefixes are global per region, so the default takes the first part of the stack's id (a UUID
 * CloudFormation assigns), which no other stack has: `organizers-1a2b3c4d`.
 */
function defaultDomainPrefix(scope: Construct): string {
  const stackUuid = Fn.select(2, Fn.split('/', Stack.of(scope).stackId));
  return `organizers-${Fn.select(0, Fn.split('-', stackUuid))}`;
}
