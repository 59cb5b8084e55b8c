import * as fs from 'node:fs';

/** USER_HZ on Linux: /proc's CPU times are in these ticks. */
const TICKS = 100;

/**
 * CPU seconds process PID has used, itself (`own`) and the children it waited for (`children`:
 * CNI plugins, ip, shims), from /proc/PID/stat; null once it is gone.
 */
export function processCpu(pid: number): { own: number; children: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    // after the command: state(0) … utime(11) stime(12) cutime(13) cstime(14)
    return { own: (fields[11] + fields[12]) / TICKS, children: (fields[13] + fields[14]) / TICKS };
  } catch {
    return null;
  }
}
