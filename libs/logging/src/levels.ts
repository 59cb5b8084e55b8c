/** Log levels: the four a flag or BERTH_LOG_LEVEL may name, read once at start. Pure. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULT_LOG_LEVEL: LogLevel = 'info';

export class LogLevelError extends Error {
  constructor(
    readonly source: string,
    readonly value: string,
  ) {
    super(`${source} must be ${LOG_LEVELS.slice(0, -1).join(', ')} or error, not "${value}"`);
  }
}

/** VALUE as a level; SOURCE (`--log-level`, `BERTH_LOG_LEVEL`) names where it came from in the error. */
export function parseLogLevel(value: string, source: string): LogLevel {
  if (!(LOG_LEVELS as readonly string[]).includes(value)) throw new LogLevelError(source, value);
  return value as LogLevel;
}

/** The level when no flag gives one: BERTH_LOG_LEVEL if set and not empty, else info. */
export function logLevelFromEnv(env: NodeJS.ProcessEnv): LogLevel {
  const value = env.BERTH_LOG_LEVEL;
  return value ? parseLogLevel(value, 'BERTH_LOG_LEVEL') : DEFAULT_LOG_LEVEL;
}
