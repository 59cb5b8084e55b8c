import { isTerminal, type Node, type Service, type Task, type TaskChange } from '@berth/cluster';
import { withDesiredState } from './new-task';
import { neverReachedNode } from './history';

/**
 * Tasks of services that no longer exist. Those that may still have a container are told to
 * `remove` (the agent stops and removes it, and reports the end); those that cannot are deleted:
 * ended, never placed or dispatched, or on a node that left the cluster.
 */
export function removeOrphanedTasks(
  tasks: readonly Task[],
  services: readonly Service[],
  nodes: ReadonlyMap<string, Node>,
): TaskChange[] {
  const known = new Set(services.map((service) => service.id));
  return tasks.filter((task) => !known.has(task.serviceId)).flatMap((task) => removeTask(task, nodes));
}

function removeTask(task: Task, nodes: ReadonlyMap<string, Node>): TaskChange[] {
  if (isTerminal(task.status.state) || neverReachedNode(task) || !nodes.has(task.nodeId))
    return [{ kind: 'delete', task }];
  if (task.desiredState === 'remove') return [];
  return [{ kind: 'update', task: withDesiredState(task, 'remove') }];
}
