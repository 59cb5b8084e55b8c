import type { Task } from './objects';

export interface CrashLoopOptions {
  /** how many ends in a row make a loop */
  times: number;
  /** a task that ran this long before it ended is not part of one */
  minRunMs: number;
}

export const CRASH_LOOP: CrashLoopOptions = { times: 5, minRunMs: 10_000 };

export interface CrashLoop {
  /** how many of the service's last tasks ended in a row, each soon after it started */
  count: number;
  /** the latest of them: its exit code, error and id (for its logs) */
  last: Task;
}

/** Ended on its own (its program exited, or it could not start); not stopped by the manager. */
const ENDED = new Set<Task['status']['state']>(['complete', 'failed', 'rejected']);

/**
 * Whether a service's TASKS (its history included) are in a crash loop: its latest OPTIONS.times
 * ended tasks each ended within OPTIONS.minRunMs of starting (or never started), so waiting for
 * them to converge is waiting forever. Pure: lengths come from the tasks' own timestamps.
 */
export function crashLoop(tasks: readonly Task[], options: CrashLoopOptions = CRASH_LOOP): CrashLoop | null {
  const ended = tasks
    .filter((t) => ENDED.has(t.status.state))
    .sort((a, b) => b.status.timestamp - a.status.timestamp);
  let count = 0;
  for (const task of ended) {
    const ran = task.status.startedAt === undefined ? 0 : task.status.timestamp - task.status.startedAt;
    if (ran >= options.minRunMs) break;
    count++;
  }
  return count >= options.times ? { count, last: ended[0] } : null;
}

/** How a crash loop's last task ended, as `service ps` words it: "Complete (exit 0)", "Failed: task: non-zero exit (3)". */
export function howItEnded(task: Task): string {
  const state = task.status.state[0].toUpperCase() + task.status.state.slice(1);
  const code = task.status.exitCode === null ? '' : ` (exit ${task.status.exitCode})`;
  return `${state}${code}${task.status.err ? `: ${task.status.err}` : ''}`;
}
