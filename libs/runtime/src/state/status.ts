/** The container's status, derived from what its state dir and /proc show. Pure. */
import type { ContainerStatus } from '../oci/spec';

export interface Observed {
  /** The monitor wrote the init's pid: creation got that far. */
  pidKnown: boolean;
  /** The monitor that is creating it is still running. */
  creatorAlive: boolean;
  initAlive: boolean;
  started: boolean;
  exitRecorded: boolean;
  frozen: boolean;
}

export function deriveStatus(o: Observed): ContainerStatus {
  if (!o.pidKnown) return o.creatorAlive ? 'creating' : 'stopped';
  if (o.exitRecorded || !o.initAlive) return 'stopped';
  if (o.frozen) return 'paused';
  return o.started ? 'running' : 'created';
}

export interface ExitRecord {
  /** The exit status, or 128 + the signal that killed it. */
  exitCode: number;
  signal: number;
  finishedAt: Date;
}

/** The monitor's `exit` file: "CODE SIGNAL UNIX_NANOSECONDS". */
export function parseExitRecord(text: string): ExitRecord | null {
  const [code, signal, ns] = text.trim().split(' ').map(Number);
  if (![code, signal, ns].every(Number.isFinite)) return null;
  return { exitCode: code, signal, finishedAt: new Date(ns / 1e6) };
}

export function parseNanosTimestamp(text: string): Date | null {
  const ns = Number(text.trim());
  return Number.isFinite(ns) && ns > 0 ? new Date(ns / 1e6) : null;
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id);
}
