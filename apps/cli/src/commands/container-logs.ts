/** berth logs, and the time flags `logs` and `events` read. */
import { UsageError } from '@berth/cli-support/args';
import { command, engine } from '../context';

/** "10m", "2h30m", RFC 3339 or unix seconds → unix milliseconds (docker logs --since/--until). */
export function parseTimeFlag(text: string, now = Date.now()): number {
  const relative = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text);
  if (relative)
    return now - Number(relative[1]) * { ms: 1, s: 1000, m: 60000, h: 3600000 }[relative[2] as 'ms']!;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const t = Date.parse(text);
  if (Number.isNaN(t))
    throw new UsageError(`invalid time "${text}": use a duration (10m), RFC 3339, or unix seconds`);
  return t;
}

/** berth logs [-f] [--tail N] [--since T] [--until T] [-t] CONTAINER */
export const logs = command(
  {
    name: 'logs',
    options: {
      follow: { type: 'boolean', short: 'f' },
      tail: { type: 'string', short: 'n' },
      since: { type: 'string' },
      until: { type: 'string' },
      timestamps: { type: 'boolean', short: 't' },
      details: { type: 'boolean' },
    },
    operands: ['container'],
  },
  async ({ values, positionals }, g) => {
    const tailText = (values.tail as string | undefined) ?? 'all';
    const tail = tailText === 'all' ? -1 : Number(tailText);
    if (!Number.isInteger(tail) || tail < -1)
      throw new UsageError(`logs: invalid --tail "${tailText}": a number of lines, or all`);
    const stream = engine(g).stream('ContainerLogs', {
      id: positionals[0],
      follow: values.follow === true,
      timestamps: values.timestamps === true,
      sinceMs: values.since ? parseTimeFlag(values.since as string) : 0,
      untilMs: values.until ? parseTimeFlag(values.until as string) : 0,
      tail,
      stdout: true,
      stderr: true,
    });
    for await (const e of stream) {
      const out = e.stream === 'stderr' ? process.stderr : process.stdout;
      if (values.timestamps) out.write(`${e.time} `);
      out.write(e.data);
    }
    return 0;
  },
);
