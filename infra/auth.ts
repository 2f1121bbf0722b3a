// Organizer sign-in: a Cognito user pool that only an administrator adds people to, an organizers
// group, and an app client for the CLI and any organizer front end. The HTTP API's JWT authorizer
// checks the tokens it issues; the list handler also checks the group claim.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface OrganizerAuthProps {
  organizerGroup: string;
  /** The other staff roles' groups (shared/model/organizer.ts): moderators decide, viewers read. */
  moderatorGroup: string;
  viewerGroup: string;
}

export class OrganizerAuth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly group: cognito.CfnUserPoolGroup;
  readonly moderatorGroup: cognito.CfnUserPoolGroup;
  readonly viewerGroup: cognito.CfnUserPoolGroup;
  readonly authorizer: HttpUserPoolAuthorizer;

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

    this.client = this.userPool.addClient('OrganizerClient', {
      // A public client (CLI, single-page app): no secret that could leak from a browser.
      generateSecret: false,
      // Sign-in is through the Cognito API (CLI or an organizer app), not the hosted UI.
      disableOAuth: true,
      // SRP for apps (the password never leaves the client). No USER_PASSWORD_AUTH: anyone holding the
      // public client id could send passwords to Cognito's endpoint in clear to guess them. Operators
      // sign in from the CLI with ADMIN_USER_PASSWORD_AUTH, which needs IAM credentials for the pool.
      authFlows: { userSrp: true, adminUserPassword: true },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });

    this.authorizer = new HttpUserPoolAuthorizer('OrganizerAuthorizer', this.userPool, {
      userPoolClients: [this.client],
      identitySource: ['$request.header.Authorization'],
    });
  }
}
