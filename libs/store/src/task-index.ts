import type { Task } from '@berth/cluster';

/**
 * The cache's tasks grouped by service and by node, kept in step with each event, so what
 * looks at one service's tasks or one node's (a reconcile pass, a rollout step, a session's
 * assignments) costs that many tasks, not the cluster's.
 */
export class TaskIndex {
  private readonly byService = new Map<string, Map<string, Task>>();
  private readonly byNode = new Map<string, Map<string, Task>>();

  constructor(tasks: Iterable<Task> = []) {
    for (const task of tasks) this.put(undefined, task);
  }

  /** PREVIOUS (the task as it was, if known) replaced by NEXT (null: deleted). */
  put(previous: Task | undefined, next: Task | null): void {
    if (previous) {
      remove(this.byService, previous.serviceId, previous.id);
      remove(this.byNode, previous.nodeId, previous.id);
    }
    if (next) {
      add(this.byService, next.serviceId, next);
      add(this.byNode, next.nodeId, next);
    }
  }

  ofService(serviceId: string): Task[] {
    return [...(this.byService.get(serviceId)?.values() ?? [])];
  }

  countOf(serviceId: string): number {
    return this.byService.get(serviceId)?.size ?? 0;
  }

  /** the services that have tasks (a service removed keeps them until they are gone) */
  services(): string[] {
    return [...this.byService.keys()];
  }

  /** the tasks whose nodeId is NODE_ID, whatever their state */
  onNode(nodeId: string): Task[] {
    return [...(this.byNode.get(nodeId)?.values() ?? [])];
  }

  /** the services that have some task on NODE_ID */
  servicesOnNode(nodeId: string): Set<string> {
    const services = new Set<string>();
    for (const task of this.byNode.get(nodeId)?.values() ?? []) services.add(task.serviceId);
    return services;
  }
}

function add(map: Map<string, Map<string, Task>>, key: string, task: Task): void {
  if (!key) return;
  let tasks = map.get(key);
  if (!tasks) map.set(key, (tasks = new Map()));
  tasks.set(task.id, task);
}

function remove(map: Map<string, Map<string, Task>>, key: string, id: string): void {
  const tasks = map.get(key);
  if (!tasks) return;
  tasks.delete(id);
  if (!tasks.size) map.delete(key);
}
