import type { Task } from '@berth/cluster';

/** Which tasks sit on which node, kept in step with the cache's events so no flush scans every task. */
export class NodeTaskIndex {
  private readonly byNode = new Map<string, Set<string>>();
  private readonly nodeOf = new Map<string, string>();

  constructor(tasks: Iterable<Task>) {
    for (const task of tasks) this.put(task.id, task.nodeId);
  }

  /** Records the task's node; returns the nodes whose task set this touched. */
  put(taskId: string, nodeId: string): string[] {
    const before = this.nodeOf.get(taskId);
    if (before === nodeId) return nodeId ? [nodeId] : [];
    this.remove(taskId);
    if (!nodeId) return before ? [before] : [];
    this.nodeOf.set(taskId, nodeId);
    let set = this.byNode.get(nodeId);
    if (!set) this.byNode.set(nodeId, (set = new Set()));
    set.add(taskId);
    return before ? [before, nodeId] : [nodeId];
  }

  remove(taskId: string): string[] {
    const before = this.nodeOf.get(taskId);
    if (!before) return [];
    this.nodeOf.delete(taskId);
    this.byNode.get(before)?.delete(taskId);
    return [before];
  }

  tasksOf(nodeId: string): string[] {
    return [...(this.byNode.get(nodeId) ?? [])];
  }
}
