// `cdk synth` with no settings gives a complete stack with example values for the sender; a deploy of
// it must be refused, since SES would be asked to verify a domain nobody owns. A CDK app cannot tell a
// synth from a deploy (the CLI runs the same app for both), so the refusal is put where the deploy
// happens: a CloudFormation rule whose assertion fails whenever the template carries an example value.
// CloudFormation evaluates rules before it creates or changes anything and answers with the assertion's
// description, which names the setting to give. The template is otherwise complete and lintable.
import { Annotations, CfnRule, Fn } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { ExampleSetting } from './settings.ts';

export const exampleGuardRuleId = 'RefuseExampleSettings';

export function refusalMessage(examples: readonly ExampleSetting[]): string {
  const named = examples.map((example) => `${example.setting} (now the example "${example.value}")`).join(' and ');
  const flags = examples.map((example) => `-c ${example.setting}=...`).join(' ');
  return `Refusing to deploy example settings: give ${named}, e.g. npx cdk deploy ${flags}, or put them in cdk.json "context". See README "Deploy to AWS".`;
}

export function guardExampleSettings(scope: Construct, examples: readonly ExampleSetting[]): CfnRule | undefined {
  if (examples.length === 0) return undefined;
  const message = refusalMessage(examples);
  // Also said at synth time, as a warning, so nobody is surprised at deploy.
  Annotations.of(scope).addWarningV2('conference-registration:example-settings', message);
  return new CfnRule(scope, exampleGuardRuleId, {
    assertions: examples.map((example) => ({
      // Constant-false while the example value is in the template: CloudFormation refuses the change set.
      assert: Fn.conditionNot(Fn.conditionEquals(example.value, example.value)),
      assertDescription: message.slice(0, 1024),
    })),
  });
}
