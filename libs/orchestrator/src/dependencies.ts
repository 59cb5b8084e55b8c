import type { ClusterSnapshot, Dependency, Service, Task, TaskChange } from '@berth/cluster';
import type { ServiceContext } from './context';

type Deployed = Pick<ClusterSnapshot, 'services' | 'tasks'>;

/**
 * Whether SERVICE may place its new tasks (compose's depends_on, which swarm ignores): every
 * service it depends on has a task that started (running or starting), or, for `service_healthy`,
 * one that runs — a task with a health check only runs once healthy. A dependency that does not
 * exist holds the service too: it may be deployed with it and not yet written.
 */
export function dependenciesMet(service: Service, snapshot: Deployed): boolean {
  return dependencyWait(service, snapshot) === null;
}

/**
 * Why SERVICE's new tasks wait, as the user reads it in a task's ERROR column
 * ("waiting for db: 0 of 1 running"; one clause per unmet dependency), or null when nothing holds it.
 */
export function dependencyWait(service: Service, snapshot: Deployed): string | null {
  const reasons = (service.spec.dependsOn ?? []).flatMap((d) => {
    const reason = unmet(d, snapshot);
    return reason ? [`waiting for ${d.service}: ${reason}`] : [];
  });
  return reasons.length ? reasons.join('; ') : null;
}

function unmet(dependency: Dependency, snapshot: Deployed): string | null {
  const other = snapshot.services.find((s) => s.spec.name === dependency.service);
  if (!other) return 'no such service';
  const healthy = dependency.condition === 'service_healthy';
  const states = healthy ? ['running'] : ['starting', 'running'];
  const wanted = snapshot.tasks.filter((t) => t.serviceId === other.id && t.desiredState === 'running');
  const started = wanted.filter((t) => states.includes(t.status.state)).length;
  if (started > 0) return null;
  const mode = other.spec.mode;
  const expected = 'replicated' in mode ? mode.replicated.replicas : wanted.length;
  return `${started} of ${expected} ${healthy ? 'healthy' : 'running'}`;
}

/**
 * A task of a service that depends_on others that have not started: it exists, so users see it
 * and why it waits, but the scheduler leaves it alone (waitingForDependencies) until released.
 */
function heldTask(task: Task, reason: string): Task {
  return { ...task, waitingForDependencies: true, status: { ...task.status, err: reason } };
}

/** Not yet on a node, and wanted there: what a hold keeps from the scheduler. */
function unplaced(task: Task): boolean {
  return (
    (task.status.state === 'new' || task.status.state === 'pending') &&
    (task.desiredState === 'running' || task.desiredState === 'ready')
  );
}

/**
 * The service's unplaced tasks held while REASON (dependencyWait) stands, with it as their error,
 * rewritten when it changes ("0 of 2 running" → "no such service"); released for the scheduler
 * once it is null. Tasks already placed run on: depends_on orders starts, it stops nothing.
 */
export function holdOrRelease(
  ctx: ServiceContext,
  tasks: readonly Task[],
  reason: string | null,
): TaskChange[] {
  return tasks.filter(unplaced).flatMap((task): TaskChange[] => {
    if (reason !== null)
      return task.waitingForDependencies && task.status.err === reason
        ? []
        : [{ kind: 'update', task: heldTask(task, reason) }];
    if (!task.waitingForDependencies) return [];
    const released: Task = { ...task, status: { ...task.status, err: '', timestamp: ctx.now } };
    delete released.waitingForDependencies;
    return [{ kind: 'update', task: released }];
  });
}
