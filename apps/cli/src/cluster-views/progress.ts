/**
 * What `service create/update` and `stack deploy` say while they wait for a service to converge,
 * beyond the count: why tasks wait (depends_on, no suitable node), and when waiting is pointless
 * because the service's tasks keep ending (a crash loop).
 */
import {
  CRASH_LOOP,
  crashLoop,
  howItEnded,
  type CrashLoopOptions,
  type Service,
  type Task,
} from '@berth/cluster';
import { unplacedReason } from './views';

/** A task's name as `service ps` shows it: web.2, or web.<node id> for a global service. */
export function taskName(task: Pick<Task, 'serviceName' | 'slot' | 'nodeId'>): string {
  return `${task.serviceName}.${task.slot || task.nodeId}`;
}

/**
 * One line per distinct reason the service's tasks wait, for the progress display: the first
 * task held by it, and how many others share it ("web.1: waiting for db: 0 of 1 running (and 2 more)").
 */
export function waitingLines(tasks: readonly Task[]): string[] {
  const byReason = new Map<string, Task[]>();
  for (const task of tasks) {
    if (task.desiredState !== 'running' || task.status.state !== 'pending') continue;
    const reason = task.waitingForDependencies ? task.status.err : unplacedReason(task);
    if (reason) byReason.set(reason, [...(byReason.get(reason) ?? []), task]);
  }
  return [...byReason].map(([reason, waiting]) => {
    const [first] = [...waiting].sort((a, b) => a.slot - b.slot);
    const more = waiting.length > 1 ? ` (and ${waiting.length - 1} more)` : '';
    return `${taskName(first)}: ${reason}${more}`;
  });
}

/** The crash loop of SERVICE's current spec among TASKS, or null: tasks of an older spec are a rollout's business. */
export function currentCrashLoop(
  service: Service,
  tasks: readonly Task[],
  options: CrashLoopOptions = CRASH_LOOP,
): ReturnType<typeof crashLoop> {
  return crashLoop(
    tasks.filter((t) => t.serviceId === service.id && t.specVersion === service.specVersion),
    options,
  );
}

/** Why the wait is over: the crash loop, its last task's end, and its last log lines. */
export function crashLoopReport(
  service: Service,
  loop: NonNullable<ReturnType<typeof crashLoop>>,
  logLines: readonly string[],
  options: CrashLoopOptions = CRASH_LOOP,
): string {
  const seconds = Math.round(options.minRunMs / 1000);
  const lines = [
    `${service.spec.name}: its tasks keep ending: the last ${loop.count} each ended within ${seconds} s of starting, so it will not converge.`,
    `  last task: ${taskName(loop.last)} (${loop.last.id.slice(0, 12)}): ${howItEnded(loop.last)}`,
  ];
  if (logLines.length) lines.push(`  its last log lines:`, ...logLines.map((l) => `    ${l}`));
  else lines.push('  it wrote nothing to its log');
  lines.push(`  see: berth service ps ${service.spec.name}; berth service logs ${service.spec.name}`);
  return `${lines.join('\n')}\n`;
}
