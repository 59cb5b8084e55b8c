import { isDeepStrictEqual } from 'node:util';
import type { SchedulingRejection, Task, TaskChange, TaskStatus } from '@berth/cluster';

export const ASSIGNED_MESSAGE = 'scheduler assigned task to node';

/** Why a task stays pending: the words for people, and the filters' rejections when placement was tried. */
export interface PendingReason {
  message: string;
  /** absent when no node was looked at (a constraint that does not parse) */
  rejections?: SchedulingRejection[];
}

/** The task given to a node. The task's `meta` stays as read: the store compares its version. */
export function assignment(task: Task, nodeId: string, now: number): TaskChange {
  return {
    kind: 'update',
    task: {
      ...task,
      nodeId,
      status: {
        ...withoutRejections(task.status),
        state: 'assigned',
        message: ASSIGNED_MESSAGE,
        timestamp: now,
      },
    },
  };
}

/** The task left pending with why; nothing when it already says so (no write for nothing). */
export function pendingReason(task: Task, reason: PendingReason, now: number): TaskChange | undefined {
  const { message, rejections } = task.status;
  if (message === reason.message && isDeepStrictEqual(rejections, reason.rejections)) return undefined;
  const status: TaskStatus = { ...withoutRejections(task.status), message: reason.message, timestamp: now };
  if (reason.rejections) status.rejections = reason.rejections;
  return { kind: 'update', task: { ...task, status } };
}

/** A placed task's status no longer says why it could not be placed. */
function withoutRejections(status: TaskStatus): TaskStatus {
  const rest = { ...status };
  delete rest.rejections;
  return rest;
}
