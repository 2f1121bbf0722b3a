// Structured JSON logs, one line per entry. Only values chosen in code are logged (ids, codes, counts,
// durations): never a request body, an e-mail address, a name or a token, so logs hold no personal data.
type Level = 'debug' | 'info' | 'warn' | 'error';
type Threshold = Level | 'silent';
type Field = string | number | boolean | null | undefined;

const levelRank: Record<Threshold, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(message: string, fields?: Record<string, Field>): void;
  info(message: string, fields?: Record<string, Field>): void;
  warn(message: string, fields?: Record<string, Field>): void;
  error(message: string, fields?: Record<string, Field>): void;
  with(fields: Record<string, Field>): Logger;
}

export function createLogger(
  base: Record<string, Field> = {},
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  const threshold = levelRank[(process.env.LOG_LEVEL?.toLowerCase() as Threshold) ?? 'info'] ?? levelRank.info;
  const emit = (level: Level, message: string, fields: Record<string, Field> = {}) => {
    if (levelRank[level] < threshold) return;
    write(JSON.stringify({ level, timestamp: new Date().toISOString(), message, ...base, ...fields }));
  };
  return {
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
    with: (fields) => createLogger({ ...base, ...fields }, write),
  };
}

/**
 * What may be logged of an unexpected error: its class and where it was thrown. Messages are left out
 * because SDK and runtime messages can quote the offending input.
 */
export function describeError(error: unknown): Record<string, Field> {
  if (!(error instanceof Error)) return { errorType: typeof error };
  const frames = (error.stack ?? '').split('\n').slice(1, 6).map((line) => line.trim()).join(' | ');
  const metadata = (error as { $metadata?: { httpStatusCode?: number } }).$metadata;
  return { errorType: error.name, errorFrames: frames, httpStatusCode: metadata?.httpStatusCode };
}

/** Only the class of an error, for the expected failures (a refused mail, a lost write). */
export function errorType(error: unknown): { errorType: string } {
  return { errorType: error instanceof Error ? error.name : typeof error };
}
