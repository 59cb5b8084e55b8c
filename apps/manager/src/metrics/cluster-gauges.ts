/**
 * What the manager's gauges say about the cluster, worked out from the objects it holds in
 * memory (the state cache) when Prometheus scrapes: tasks by service and state, desired and
 * running replicas, why pending tasks wait, and how far rollouts are. Pure.
 */
import type { SchedulingRejection, Service, Task, TaskState, UpdateStatus } from '@berth/cluster';

export interface ClusterGauges {
  tasks: { service: string; state: TaskState; count: number }[];
  replicas: { service: string; desired: number; running: number }[];
  pending: { reason: PendingReason; count: number }[];
  rollouts: { service: string; state: UpdateStatus['state']; updated: number; desired: number }[];
}

/** The filter that refused the most nodes; `dependencies` for a task waiting on depends_on. */
export type PendingReason = SchedulingRejection['filter'] | 'dependencies' | 'unexplained';

const UNDER_WAY: ReadonlySet<UpdateStatus['state']> = new Set([
  'updating',
  'paused',
  'rollback_started',
  'rollback_paused',
]);

const wanted = (t: Task): boolean => t.desiredState === 'running';

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

export function pendingReason(task: Task): PendingReason {
  if (task.waitingForDependencies) return 'dependencies';
  const rejections = task.status.rejections ?? [];
  if (!rejections.length) return 'unexplained';
  return rejections.reduce((most, r) => (r.rejected > most.rejected ? r : most)).filter;
}

/** A replicated service wants its replica count; a global one, the tasks the orchestrator keeps for it. */
function desiredOf(service: Service, tasks: readonly Task[]): number {
  const mode = service.spec.mode;
  return 'replicated' in mode ? mode.replicated.replicas : tasks.filter(wanted).length;
}

export function clusterGauges(services: readonly Service[], tasks: readonly Task[]): ClusterGauges {
  const byService = new Map<string, Task[]>();
  for (const task of tasks) byService.set(task.serviceId, [...(byService.get(task.serviceId) ?? []), task]);
  const tasksGauge = [...countBy(tasks, (t) => `${t.serviceName}\0${t.status.state}`)].map(([key, count]) => {
    const [service, state] = key.split('\0');
    return { service, state: state as TaskState, count };
  });
  const replicas = services.map((service) => {
    const own = byService.get(service.id) ?? [];
    return {
      service: service.spec.name,
      desired: desiredOf(service, own),
      running: own.filter((t) => wanted(t) && t.status.state === 'running').length,
    };
  });
  const pendingTasks = tasks.filter((t) => wanted(t) && t.status.state === 'pending');
  const pending = [...countBy(pendingTasks, pendingReason)].map(([reason, count]) => ({
    reason: reason as PendingReason,
    count,
  }));
  const rollouts = services
    .filter((s) => s.updateStatus && UNDER_WAY.has(s.updateStatus.state))
    .map((service) => {
      const own = byService.get(service.id) ?? [];
      return {
        service: service.spec.name,
        state: service.updateStatus!.state,
        updated: own.filter((t) => wanted(t) && t.specVersion === service.specVersion).length,
        desired: desiredOf(service, own),
      };
    });
  return { tasks: tasksGauge, replicas, pending, rollouts };
}
