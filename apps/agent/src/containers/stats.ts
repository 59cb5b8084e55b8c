/**
 * `docker stats` arithmetic and what /proc gives for it. Pure but for the
 * one reader of a process's network counters.
 */
import * as fs from 'node:fs';

export interface Sample {
  cpuUsageNs: number;
  atMs: number;
}

/** CPU use between two samples as `docker stats` shows it: 100% is one core busy. */
export function cpuPercent(previous: Sample | null, current: Sample): number {
  if (!previous) return 0;
  const wallNs = (current.atMs - previous.atMs) * 1e6;
  if (wallNs <= 0) return 0;
  return Math.max(0, ((current.cpuUsageNs - previous.cpuUsageNs) / wallNs) * 100);
}

/** Memory in use as docker shows it: usage without the page cache. */
export function memoryPercent(usage: number, limit: number | null, hostTotal: number): number {
  const max = limit ?? hostTotal;
  return max > 0 ? (usage / max) * 100 : 0;
}

/** Received and sent bytes over every interface but loopback, from /proc/PID/net/dev's text. */
export function parseNetDev(text: string): { rx: number; tx: number } {
  let rx = 0;
  let tx = 0;
  for (const line of text.split('\n').slice(2)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    if (line.slice(0, colon).trim() === 'lo') continue;
    const fields = line
      .slice(colon + 1)
      .trim()
      .split(/\s+/)
      .map(Number);
    rx += fields[0] || 0;
    tx += fields[8] || 0;
  }
  return { rx, tx };
}

export function networkCounters(pid: number): { rx: number; tx: number } {
  try {
    return parseNetDev(fs.readFileSync(`/proc/${pid}/net/dev`, 'utf8'));
  } catch {
    return { rx: 0, tx: 0 };
  }
}

/** The host's CPU time so far, in nanoseconds, from /proc/stat's text (its first line, in USER_HZ ticks). */
export function parseProcStatCpuNs(text: string, ticksPerSecond = 100): number {
  const first = text.split('\n', 1)[0] ?? '';
  if (!first.startsWith('cpu ')) return 0;
  const ticks = first
    .slice(4)
    .trim()
    .split(/\s+/)
    .slice(0, 8) // user … steal; guest time is counted in user already
    .reduce((sum, f) => sum + (Number(f) || 0), 0);
  return (ticks * 1e9) / ticksPerSecond;
}

export function systemCpuNs(): number {
  try {
    return parseProcStatCpuNs(fs.readFileSync('/proc/stat', 'utf8'));
  } catch {
    return 0;
  }
}
