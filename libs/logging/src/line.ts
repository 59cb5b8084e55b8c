/**
 * One log record as a line a person reads at a terminal: time, level, component, message, then
 * the record's other fields as key=value. Colour only when asked (a TTY). Pure.
 */

/** What pino writes for a record, as parsed from its JSON line. */
export type LogRecord = Record<string, unknown> & { level?: unknown; time?: unknown; msg?: unknown };

/** Fields a line shows elsewhere, or that every line of a process shares. */
const SHOWN_APART = new Set(['level', 'time', 'msg', 'component', 'err', 'pid', 'hostname', 'program']);

const COLOURS: Record<string, string> = {
  fatal: '\x1b[35m',
  error: '\x1b[31m',
  warn: '\x1b[33m',
  info: '\x1b[32m',
  debug: '\x1b[36m',
  trace: '\x1b[90m',
};
const RESET = '\x1b[0m';

function valueText(value: unknown): string {
  if (typeof value === 'string') return /[\s"=]/.test(value) || value === '' ? JSON.stringify(value) : value;
  return JSON.stringify(value) ?? String(value);
}

function errorText(err: unknown): string {
  if (!err || typeof err !== 'object') return '';
  const { message, stack } = err as { message?: unknown; stack?: unknown };
  if (typeof stack === 'string') return `\n  ${stack.split('\n').join('\n  ')}`;
  return typeof message === 'string' ? ` err=${valueText(message)}` : ` err=${valueText(err)}`;
}

export function formatLine(record: LogRecord, options: { colour: boolean }): string {
  const level = String(record.level ?? 'info');
  const label = level.toUpperCase().padEnd(5);
  const shownLevel = options.colour ? `${COLOURS[level] ?? ''}${label}${RESET}` : label;
  const component = typeof record.component === 'string' ? ` [${record.component}]` : '';
  const fields = Object.entries(record)
    .filter(([key, value]) => !SHOWN_APART.has(key) && value !== undefined)
    .map(([key, value]) => ` ${key}=${valueText(value)}`)
    .join('');
  const time =
    typeof record.time === 'string' ? record.time : new Date(Number(record.time ?? 0)).toISOString();
  return `${time} ${shownLevel}${component} ${String(record.msg ?? '')}${fields}${errorText(record.err)}\n`;
}
