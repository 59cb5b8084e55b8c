/**
 * A service's log records (the manager's ServiceLogs stream) as dockerd sends them on `GET
 * /services/{id}/logs`: each line in a multiplexed frame of its own, with `details=true` after
 * its details (`com.docker.swarm.node.id=…,com.docker.swarm.service.id=…,com.docker.swarm.task.id=…`,
 * which `docker service logs` asks for, but for `--raw`, to name the task) and, with timestamps,
 * its time first. Pure.
 */
import { muxFrame } from '../stream-frames';

export interface LogLine {
  taskId: string;
  nodeId: string;
  serviceId: string;
  /** 1 stdout, 2 stderr */
  stream: number;
  timeUnixNano: bigint;
  data: Uint8Array;
}

/** Nanoseconds since the epoch as Go's RFC3339Nano (trailing zeros of the fraction dropped). */
export function rfc3339Nano(nanos: bigint): string {
  const seconds = nanos / 1_000_000_000n;
  const fraction = (nanos % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '');
  const base = new Date(Number(seconds) * 1000).toISOString().replace(/\.\d+Z$/, '');
  return `${base}${fraction ? `.${fraction}` : ''}Z`;
}

/** The frames of one record: a frame a line (a last line without its newline gets one). */
export function logFrames(record: LogLine, options: { timestamps: boolean; details: boolean }): Buffer[] {
  const details = options.details
    ? `com.docker.swarm.node.id=${encodeURIComponent(record.nodeId)},` +
      `com.docker.swarm.service.id=${encodeURIComponent(record.serviceId)},` +
      `com.docker.swarm.task.id=${encodeURIComponent(record.taskId)} `
    : '';
  const when = options.timestamps ? `${rfc3339Nano(record.timeUnixNano)} ` : '';
  const text = Buffer.from(record.data).toString('utf8');
  const lines = text.split(/(?<=\n)/).filter((l) => l.length > 0);
  return lines.map((line) =>
    muxFrame(
      record.stream === 2 ? 'stderr' : 'stdout',
      Buffer.from(`${when}${details}${line.endsWith('\n') ? line : `${line}\n`}`),
    ),
  );
}

/** Docker's `tail` (a count, or `all`) as ServiceLogs's: -1 for all. */
export function tailOf(tail: string | undefined): number {
  if (tail === undefined || tail === '' || tail === 'all') return -1;
  const n = Number(tail);
  return Number.isInteger(n) && n >= 0 ? n : -1;
}
