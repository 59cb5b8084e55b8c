/**
 * NestJS's LoggerService over a pino logger: `new Logger('x').log(...)` anywhere in an app lands
 * as a record with `component: 'x'`. A message may be an object `{ msg, ...fields }`, whose
 * fields (LogFields: node, service, task, container) become the record's.
 */
import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

type PinoLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

export class NestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: PinoLevel, message: unknown, params: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const { fields, msg } = nestRecord(message, params);
    this.logger[level](fields, msg);
  }
}

/**
 * Nest's Logger calls (message, ...params, context): the context, when there is one, is the last
 * string; an error's stack (Nest's own `error(message, stack, context)`) a string before it; an
 * Error anywhere becomes `err`. Pure.
 */
export function nestRecord(
  message: unknown,
  params: readonly unknown[],
): { fields: Record<string, unknown>; msg: string } {
  const rest = [...params];
  const fields: Record<string, unknown> = {};
  if (rest.length && (typeof rest[rest.length - 1] === 'string' || rest[rest.length - 1] === undefined)) {
    const context = rest.pop();
    if (context) fields.component = context;
  }
  let msg: string;
  if (message instanceof Error) {
    fields.err = message;
    msg = message.message;
  } else if (message && typeof message === 'object') {
    const { msg: text, message: alt, ...own } = message as Record<string, unknown>;
    Object.assign(fields, own);
    msg = String(text ?? alt ?? '');
  } else msg = String(message);
  for (const param of rest) {
    if (param instanceof Error) fields.err = param;
    else if (typeof param === 'string' && param.includes('\n    at ')) fields.stack = param;
    else if (param && typeof param === 'object') Object.assign(fields, param);
    else if (param !== undefined) msg += ` ${String(param)}`;
  }
  return { fields, msg };
}
