/**
 * Every Berth process's logger: pino, writing JSON lines (one record a line: level, time, msg,
 * component and the ids below as fields) when stdout is a file or a pipe, and lines a person
 * reads (formatLine, coloured) when it is a terminal.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import { formatLine, type LogRecord } from './line';
import type { LogLevel } from './levels';

export type { Logger } from 'pino';

/**
 * The names every process gives the same things, so one query finds a task in the manager's
 * and the agents' logs alike.
 */
export interface LogFields {
  /** the part of the process that speaks: 'dispatcher', 'worker', … (new Logger('x') gives it) */
  component?: string;
  node?: string;
  service?: string;
  task?: string;
  container?: string;
  err?: unknown;
  [field: string]: unknown;
}

export interface LoggerOptions {
  /** berthd, berth-manager: on every record, so logs gathered from many processes stay apart */
  program: string;
  level: LogLevel;
  /** where lines go (default stdout) */
  destination?: NodeJS.WritableStream & { isTTY?: boolean };
  /** readable lines rather than JSON (default: whether DESTINATION is a terminal) */
  readable?: boolean;
}

/** Parses each JSON line pino makes and writes it as a readable line. */
function readableStream(out: NodeJS.WritableStream, colour: boolean): DestinationStream {
  return {
    write(line: string) {
      out.write(formatLine(JSON.parse(line) as LogRecord, { colour }));
    },
  };
}

export function createLogger(options: LoggerOptions): Logger {
  const out = options.destination ?? process.stdout;
  const tty = Boolean(out.isTTY);
  const readable = options.readable ?? tty;
  const destination: DestinationStream = readable
    ? readableStream(out, tty)
    : out === process.stdout
      ? pino.destination({ fd: 1, sync: true })
      : (out as DestinationStream);
  return pino(
    {
      level: options.level,
      base: { program: options.program, pid: process.pid },
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}
