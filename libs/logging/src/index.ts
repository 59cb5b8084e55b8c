/** @berth/logging — one logger for every Berth process: pino, JSON lines or readable lines, Nest routed into it. */
export { createLogger, type LogFields, type Logger, type LoggerOptions } from './logger';
export { formatLine, type LogRecord } from './line';
export { NestLogger, nestRecord } from './nest';
export {
  DEFAULT_LOG_LEVEL,
  LOG_LEVELS,
  LogLevelError,
  logLevelFromEnv,
  parseLogLevel,
  type LogLevel,
} from './levels';
