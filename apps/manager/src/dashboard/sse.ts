/** Server-sent events, as the page's EventSource reads them. Pure. */

/** One message: EVENT named, DATA as JSON on one line (JSON escapes newlines, so it stays one). */
export function sseMessage(event: string, data: unknown): string {
  if (/[\r\n]/.test(event))
    throw new Error(`an event name cannot hold a line break: ${JSON.stringify(event)}`);
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A comment line: keeps an idle stream open through proxies, ignored by EventSource. */
export const SSE_KEEPALIVE = ': keep-alive\n\n';

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-store',
  'x-accel-buffering': 'no',
} as const;

export interface LogLine {
  taskId: string;
  stream: 'stdout' | 'stderr';
  /** epoch ms */
  time: number;
  text: string;
}

/** A log record's bytes as lines (a record is usually one line; the last newline ends it, not a line). */
export function logLines(record: {
  taskId?: string | null;
  stream?: number | null;
  timeUnixNano?: number | null;
  data?: Uint8Array | null;
}): LogLine[] {
  const text = Buffer.from(record.data ?? [])
    .toString('utf8')
    .replace(/\r?\n$/, '');
  return text.split(/\r?\n/).map((line) => ({
    taskId: record.taskId ?? '',
    stream: record.stream === 2 ? 'stderr' : 'stdout',
    time: Math.floor(Number(record.timeUnixNano ?? 0) / 1e6),
    text: line,
  }));
}
