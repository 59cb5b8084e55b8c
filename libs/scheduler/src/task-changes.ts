import type { Task, TaskChange } from '@berth/cluster';

export const ASSIGNED_MESSAGE = 'scheduler assigned task to node';

/** The task given to a node. The task's `meta` stays as read: the store compares its version. */
export function assignment(task: Task, nodeId: string, now: number): TaskChange {
  return {
    kind: 'update',
    task: {
      ...task,
      nodeId,
      status: { ...task.status, state: 'assigned', message: ASSIGNED_MESSAGE, timestamp: now },
    },
  };
}

/** The task left pending with why; nothing when it already says so (no write for nothing). */
export function pendingReason(task: Task, reason: string, now: number): TaskChange | undefined {
  if (task.status.message === reason) return undefined;
  return { kind: 'update', task: { ...task, status: { ...task.status, message: reason, timestamp: now } } };
}
