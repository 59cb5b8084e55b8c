import type { Task, TaskChange } from '@berth/cluster';

/**
 * The tasks as they will be once the changes decided so far are written, and those changes merged
 * to at most one per task: create + update → create, update + update → update, update + delete →
 * delete, create + delete → nothing. Changes keep the order in which their task was first touched.
 * The input tasks are never modified.
 */
export class Plan {
  /** service id → task id → task */
  private readonly current = new Map<string, Map<string, Task>>();
  private readonly changed = new Map<string, TaskChange>();

  constructor(tasks: readonly Task[]) {
    for (const task of [...tasks].sort(byId)) this.put(task);
  }

  /** Every task, grouped by service; each group by id, then those created in the order they were. */
  tasks(): Task[] {
    return [...this.current.values()].flatMap((tasks) => [...tasks.values()]);
  }

  tasksOf(serviceId: string): Task[] {
    return [...(this.current.get(serviceId)?.values() ?? [])];
  }

  apply(changes: readonly TaskChange[]): void {
    for (const change of changes) this.applyOne(change);
  }

  changes(): TaskChange[] {
    return [...this.changed.values()];
  }

  private applyOne(change: TaskChange): void {
    const { task } = change;
    const earlier = this.changed.get(task.id);
    if (change.kind === 'delete') {
      this.current.get(task.serviceId)?.delete(task.id);
      if (earlier?.kind === 'create') this.changed.delete(task.id);
      else this.changed.set(task.id, change);
      return;
    }
    this.put(task);
    this.changed.set(task.id, earlier?.kind === 'create' ? { kind: 'create', task } : change);
  }

  private put(task: Task): void {
    const tasks = this.current.get(task.serviceId) ?? new Map<string, Task>();
    this.current.set(task.serviceId, tasks.set(task.id, task));
  }
}

export function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
