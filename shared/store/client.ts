import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * DYNAMODB_ENDPOINT points the client at dynalite or DynamoDB Local; in Lambda it is unset and the
 * regional endpoint is used. Short timeouts make an unreachable database a quick 503, not a hung request.
 */
export function createDynamoClient(env: NodeJS.ProcessEnv = process.env, options: { maxAttempts?: number } = {}): DynamoDBClient {
  return new DynamoDBClient({
    ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {}),
    region: env.AWS_REGION ?? 'eu-central-1',
    maxAttempts: options.maxAttempts ?? 3,
    // throwOnRequestTimeout: without it the timeout only logs a warning and the call hangs on.
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000, throwOnRequestTimeout: true },
  });
}
