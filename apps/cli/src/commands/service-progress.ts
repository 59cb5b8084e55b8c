/** Following a service after a change, as docker does: until it converges, its rollout ends, or its tasks keep failing. */
import { isTaskDirty, type Service, type Task } from '@berth/cluster';
import { ExitError, warn, write, type Globals } from '../context';
import { crashLoopReport, currentCrashLoop, waitingLines } from '../cluster-views/progress';
import { replicasColumn, sameRunningTasks } from '../cluster-views/views';
import { tasksOf, watchService } from './service-calls';
import { lastLogLines } from './task-log';

/**
 * Waits until the service runs what it asks for, showing progress as `docker service create`
 * does: one line per task on a terminal, overall counts otherwise. Pending reasons are shown.
 */
export async function converge(g: Globals, ref: string, quiet: boolean): Promise<number> {
  const tty = process.stdout.isTTY && !quiet;
  let lastLine = '';
  let drawn = 0;
  for await (const state of watchService(g, ref, true)) {
    const { service, tasks } = state;
    // every running task counts: replacing out-of-date tasks is the rolling update's (issue 7)
    const [running, desired] = replicasColumn(service, tasks).split('/').map(Number);
    // and why tasks wait: depends_on, or no node to run them
    const lines = [`overall progress: ${running} out of ${desired} tasks`, ...waitingLines(tasks)];
    if (tty) {
      if (drawn) write(`\x1b[${drawn}A\x1b[J`);
      write(`${lines.join('\n')}\n`);
      drawn = lines.length;
    } else if (!quiet && lines.join('\n') !== lastLine) {
      write(`${lines.join('\n')}\n`);
      lastLine = lines.join('\n');
    }
    if (running === desired && (await stillRunning(g, service, tasks))) {
      if (!quiet) write('verify: Service converged\n');
      return 0;
    }
    const loop = currentCrashLoop(service, tasks);
    if (loop) return reportCrashLoop(g, service, loop);
  }
  throw removedMeanwhile(ref);
}

/**
 * Whether the tasks of SERVICE running at the first look (SEEN) all still run SETTLE_MS later, and
 * no others: a crash-looping task replaced meanwhile by a new one that runs is not converged (the
 * watch's news meanwhile waits for the next turn).
 */
async function stillRunning(g: Globals, service: Service, seen: readonly Task[]): Promise<boolean> {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return sameRunningTasks(seen, await tasksOf(g, service.id));
}

/**
 * How long every task must keep running before a service counts as converged: a task that exits
 * at once is first seen running (docker waits 5 s; this is enough to see such a task end, as the
 * manager sends task changes at most every 100 ms).
 */
const SETTLE_MS = 300;

/** Says that SERVICE's tasks keep ending (how the last ended, what it wrote): waiting on is pointless; exit 1. */
export async function reportCrashLoop(
  g: Globals,
  service: Service,
  loop: NonNullable<ReturnType<typeof currentCrashLoop>>,
): Promise<number> {
  // its agent sends the last lines with its end; its container (and so its log) may be gone
  const logTail = loop.last.status.logTail?.length
    ? loop.last.status.logTail
    : await lastLogLines(g, service.id, loop.last.id);
  warn(crashLoopReport(service, loop, logTail));
  return 1;
}

function removedMeanwhile(ref: string): ExitError {
  return new ExitError(`service ${ref} was removed meanwhile`, 1);
}

/**
 * Shows a rollout until it ends, as `docker service update` does: how many tasks run the new
 * spec, and the update status; exit 1 when it paused or was rolled back.
 */
export async function followRollout(
  g: Globals,
  ref: string,
  specVersion: number,
  quiet: boolean,
): Promise<number> {
  const tty = process.stdout.isTTY && !quiet;
  let last = '';
  // quiet, the service's status is enough; the progress line needs its tasks
  for await (const { service, tasks } of watchService(g, ref, !quiet)) {
    const status = service.updateStatus;
    if (!quiet) {
      const current = tasks.filter(
        (t) => !isTaskDirty(t, service) && t.status.state === 'running' && t.desiredState === 'running',
      );
      const [, desired] = replicasColumn(service, tasks).split('/').map(Number);
      const line = `overall progress: ${Math.min(current.length, desired)} out of ${desired} tasks updated — ${status?.state ?? 'updating'}${status?.message ? `: ${status.message}` : ''}`;
      if (line !== last) {
        write(tty && last ? `\x1b[1A\x1b[J${line}\n` : `${line}\n`);
        last = line;
      }
    }
    // a rollback is a newer spec version too; any other newer version is someone else's update
    if (service.specVersion !== specVersion && !status?.state.startsWith('rollback')) {
      if (!quiet) write('verify: a newer update superseded this one\n');
      return 0;
    }
    const loop = quiet ? null : currentCrashLoop(service, tasks);
    if (loop && status?.state !== 'completed') return reportCrashLoop(g, service, loop);
    if (status?.state === 'completed' || status?.state === 'rollback_completed') {
      if (!quiet)
        write(`verify: Service converged${status.state === 'rollback_completed' ? ' (rolled back)' : ''}\n`);
      return status.state === 'completed' ? 0 : 1;
    }
    if (status?.state === 'paused' || status?.state === 'rollback_paused') return 1;
  }
  throw removedMeanwhile(ref);
}
