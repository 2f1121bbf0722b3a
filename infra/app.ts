// The CDK app: `npx cdk synth` / `npx cdk deploy` (cdk.json runs this file on the project's Node 24).
// Settings come from context: see infra/settings.ts and README "Deploy to AWS".
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readSettings } from './settings.ts';
import { RegistrationStack } from './stack.ts';

const app = new App();
const settings = readSettings(app.node);
new RegistrationStack(app, app.node.tryGetContext('stackName') ?? 'ConferenceRegistration', {
  settings,
  description: 'Conference registration pipeline: CloudFront and S3 (the page), HTTP API, Lambda, DynamoDB, SES, Cognito',
  // Environment-agnostic: the CLI's credentials and profile choose account and region at deploy.
});
// Every synth and deploy runs the AWS Solutions checks; an unacknowledged finding fails it.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
