import type { Task } from '@berth/cluster';
import { compareIds } from './compare';

/**
 * A task the scheduler must find a node for: pending, and wanted running (or ready: placed but
 * held); not one held back until the services it depends_on run.
 */
export function awaitsPlacement(task: Task): boolean {
  return (
    task.status.state === 'pending' &&
    (task.desiredState === 'running' || task.desiredState === 'ready') &&
    !task.waitingForDependencies
  );
}

/**
 * Tasks made from the same version of one service's spec, and pinned to the same node if any:
 * the same nodes fit them all, so the filters run once for the whole group.
 */
export interface TaskGroup {
  readonly serviceId: string;
  readonly specVersion: number;
  /** '' when the scheduler chooses; a global service's task comes with its node */
  readonly nodeId: string;
  /** in slot order, then id: when nodes run out, the lowest slots are placed */
  readonly tasks: readonly Task[];
}

/**
 * The tasks awaiting placement, grouped. Pinned groups come first (they have one node to go
 * to, so they go before others fill it), then by service, spec version and node.
 */
export function groupTasksAwaitingPlacement(tasks: readonly Task[]): TaskGroup[] {
  const groups = new Map<string, TaskGroup & { tasks: Task[] }>();
  for (const task of tasks) {
    if (!awaitsPlacement(task)) continue;
    const { serviceId, specVersion, nodeId } = task;
    const key = `${serviceId}\n${specVersion}\n${nodeId}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { serviceId, specVersion, nodeId, tasks: [] }));
    group.tasks.push(task);
  }
  for (const group of groups.values()) group.tasks.sort(taskOrder);
  return [...groups.values()].sort(groupOrder);
}

function taskOrder(a: Task, b: Task): number {
  return a.slot - b.slot || compareIds(a.id, b.id);
}

function groupOrder(a: TaskGroup, b: TaskGroup): number {
  return (
    Number(a.nodeId === '') - Number(b.nodeId === '') ||
    compareIds(a.serviceId, b.serviceId) ||
    a.specVersion - b.specVersion ||
    compareIds(a.nodeId, b.nodeId)
  );
}
