import * as os from 'node:os';

/** "TERM", "SIGTERM", "sigterm" or "15" → 15; null when no such signal. */
export function parseSignal(value: string | number): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 && value < 65 ? value : null;
  if (/^\d+$/.test(value)) return parseSignal(Number(value));
  const upper = value.toUpperCase();
  const name = (upper.startsWith('SIG') ? upper : `SIG${upper}`) as NodeJS.Signals;
  return os.constants.signals[name] ?? null;
}

/** Signals PID, if it is still there. */
export function killQuietly(pid: number, signal: NodeJS.Signals | number): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}
