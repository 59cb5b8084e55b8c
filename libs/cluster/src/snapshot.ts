import type { Network, Node, Service, Task } from './objects';

/** Everything a pure decision reads: the cluster as etcd held it at one revision. */
export interface ClusterSnapshot {
  nodes: readonly Node[];
  services: readonly Service[];
  tasks: readonly Task[];
  networks: readonly Network[];
  /** epoch ms; decisions never read the clock themselves */
  now: number;
}

/** What a decision wants written. Updates carry the whole object with the version it was read at. */
export type TaskChange =
  { kind: 'create'; task: Task } | { kind: 'update'; task: Task } | { kind: 'delete'; task: Task };

/** TASKS as they are once CHANGES are written (creates added, updates replaced, deletes dropped). */
export function applyTaskChanges(tasks: readonly Task[], changes: readonly TaskChange[]): Task[] {
  if (!changes.length) return [...tasks];
  // a map of the few changes, not of the many tasks: this runs over the whole cluster's tasks
  const last = new Map<string, TaskChange>();
  for (const change of changes) last.set(change.task.id, change);
  const out: Task[] = [];
  for (const task of tasks) {
    const change = last.get(task.id);
    if (change === undefined) out.push(task);
    else {
      if (change.kind !== 'delete') out.push(change.task);
      last.delete(task.id);
    }
  }
  for (const change of last.values()) if (change.kind !== 'delete') out.push(change.task);
  return out;
}

/**
 * FIRST then SECOND as one list of writes, one per task: a later change of a task FIRST creates
 * is folded into the create (a task made and placed in one pass is written once).
 */
export function mergeTaskChanges(first: readonly TaskChange[], second: readonly TaskChange[]): TaskChange[] {
  const merged = new Map<string, TaskChange>(first.map((c) => [c.task.id, c]));
  for (const change of second) {
    const earlier = merged.get(change.task.id);
    if (earlier?.kind === 'create' && change.kind === 'update')
      merged.set(change.task.id, { kind: 'create', task: change.task });
    else if (earlier?.kind === 'create' && change.kind === 'delete') merged.delete(change.task.id);
    else merged.set(change.task.id, change);
  }
  return [...merged.values()];
}
