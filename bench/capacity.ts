// Records the DynamoDB capacity a client consumes: a middleware asks every item and query call for
// ReturnConsumedCapacity=TOTAL (the handlers only ask for it on the list Query) and sums the
// ConsumedCapacity DynamoDB returns, per command.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const capacityCommands = new Set(['GetItemCommand', 'BatchGetItemCommand', 'PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'QueryCommand']);

export interface CapacityRecorder {
  total: number;
  calls: Record<string, { count: number; units: number; reported: number }>;
  reset(): void;
}

export function recordCapacity(...clients: DynamoDBClient[]): CapacityRecorder {
  const recorder: CapacityRecorder = {
    total: 0,
    calls: {},
    reset() {
      recorder.total = 0;
      recorder.calls = {};
    },
  };
  for (const client of clients) client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? 'unknown';
      const input = args.input as { ReturnConsumedCapacity?: string };
      if (capacityCommands.has(command) && input.ReturnConsumedCapacity === undefined) input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      // One entry for an item call or a Query, one per table for a batch.
      const reported = (result.output as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] }).ConsumedCapacity;
      const entries = reported === undefined ? [] : Array.isArray(reported) ? reported : [reported];
      const consumed = entries.some((entry) => entry.CapacityUnits !== undefined) ? { CapacityUnits: entries.reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0) } : undefined;
      const entry = (recorder.calls[command] ??= { count: 0, units: 0, reported: 0 });
      entry.count += 1;
      if (consumed?.CapacityUnits !== undefined) {
        entry.units += consumed.CapacityUnits;
        entry.reported += 1;
        recorder.total += consumed.CapacityUnits;
      }
      return result;
    },
    { step: 'initialize', name: 'benchConsumedCapacity', override: true },
  );
  return recorder;
}
