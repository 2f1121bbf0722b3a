// Records the DynamoDB capacity a client consumes: a middleware asks every item and query call for
// ReturnConsumedCapacity=TOTAL (the handlers only ask for it on the list Query) and sums the
// ConsumedCapacity DynamoDB returns, per command.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const capacityCommands = new Set(['GetItemCommand', 'PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'QueryCommand']);

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
      const consumed = (result.output as { ConsumedCapacity?: { CapacityUnits?: number } }).ConsumedCapacity;
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
