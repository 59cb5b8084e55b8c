/**
 * Helpers for the orchestrator's tests: the time they run at, ids, and ways to read and apply
 * plans. The cluster objects themselves come from `@berth/cluster/testing`.
 */
import type { ClusterSnapshot, Task, TaskChange } from '@berth/cluster';

/** The time the tests run at: the `now` they give `makeSnapshot`. */
export const NOW = 1_000_000;

/** new-1, new-2, …: what `newId` hands out in tests. */
export function idSequence(prefix = 'new'): () => string {
  let next = 0;
  return () => `${prefix}-${++next}`;
}

/** Freezes an object graph so that any write to an input throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Changes as `kind id desiredState` lines, for assertions that read like a plan. */
export function describeChanges(changes: readonly TaskChange[]): string[] {
  return changes.map(({ kind, task }) => `${kind} ${task.id} ${task.desiredState}`);
}

export function created(changes: readonly TaskChange[]): Task[] {
  return changes.filter((change) => change.kind === 'create').map((change) => change.task);
}

export function updated(changes: readonly TaskChange[]): Task[] {
  return changes.filter((change) => change.kind === 'update').map((change) => change.task);
}

export function deleted(changes: readonly TaskChange[]): Task[] {
  return changes.filter((change) => change.kind === 'delete').map((change) => change.task);
}

/** The snapshot as the store would hold it once `changes` are written (versions not bumped). */
export function applyChanges(
  snapshot: ClusterSnapshot,
  changes: readonly TaskChange[],
  now = snapshot.now,
): ClusterSnapshot {
  const tasks = new Map(snapshot.tasks.map((task) => [task.id, task]));
  for (const { kind, task } of changes) {
    if (kind === 'delete') tasks.delete(task.id);
    else tasks.set(task.id, task);
  }
  return { ...snapshot, tasks: [...tasks.values()], now };
}
