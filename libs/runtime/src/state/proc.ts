/** What /proc says about a process: enough to tell a live container init from a reused pid. */
import * as fs from 'node:fs';

export interface ProcStat {
  pid: number;
  state: string;
  ppid: number;
  /** Clock ticks after boot; with the pid it names one process for the machine's uptime. */
  startTime: number;
}

/** Parses /proc/PID/stat; the command name may hold spaces and parentheses, so split after the last ')'. */
export function parseProcStat(text: string): ProcStat | null {
  const close = text.lastIndexOf(')');
  if (close < 0) return null;
  const pid = Number(text.slice(0, text.indexOf(' ')));
  const rest = text.slice(close + 2).split(' ');
  // rest[0] is field 3 (state); field 4 is ppid; field 22 is starttime
  return { pid, state: rest[0], ppid: Number(rest[1]), startTime: Number(rest[19]) };
}

export function readProcStat(pid: number): ProcStat | null {
  try {
    return parseProcStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

/** True while PID runs and is the process that started at START_TIME (not a zombie, not a reused pid). */
export function isSameProcessAlive(pid: number, startTime: number | undefined): boolean {
  const stat = readProcStat(pid);
  if (!stat || stat.state === 'Z' || stat.state === 'X') return false;
  return startTime === undefined || stat.startTime === startTime;
}
