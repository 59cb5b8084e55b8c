import { isLive, taskStateRank, type Service, type Task, type TaskState } from '@berth/cluster';
import { isGlobal } from './context';
import { shouldRestart } from './restart-policy';

/**
 * A slot is one replica's history: the tasks of a replicated service that share a slot number, or
 * the tasks of a global service on one node. Within a slot, tasks are ordered oldest first
 * (meta.createdAt, then id).
 *
 * - **runnable**: the slot has a live task (`isLive`: observed state not terminal and desiredState
 *   <= running). The restart-delayed task (desired `ready`) counts.
 * - **done**: not runnable, and its newest task ended on its own (complete, failed, rejected,
 *   orphaned; not `shutdown`, which is what the manager asks for), was given up (desiredState past
 *   running) and the policy it ran under declines to restart it, judged at the time it ended; and it
 *   was made from the service's current specVersion. A done slot is not refilled until the service
 *   changes: Docker leaves such a service at 0/1.
 * - **free**: anything else (never used, scaled down, or done under an older spec). Its number may be
 *   reused.
 */
export type Slot = readonly Task[];

export function byAge(a: Task, b: Task): number {
  if (a.meta.createdAt !== b.meta.createdAt) return a.meta.createdAt - b.meta.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Slot number (replicated) or node id (global) → the slot's tasks, oldest first. */
export function groupSlots(service: Service, tasks: readonly Task[]): Map<string, Task[]> {
  const global = isGlobal(service);
  const groups = new Map<string, Task[]>();
  for (const task of tasks) {
    const key = global ? task.nodeId : String(task.slot);
    const slot = groups.get(key);
    if (slot === undefined) groups.set(key, [task]);
    else slot.push(task);
  }
  // sorting each slot's few tasks, then the slots by their oldest, costs far less than sorting
  // every task of the service on each of the loop's many passes; the order is the same
  for (const slot of groups.values()) slot.sort(byAge);
  return new Map([...groups].sort((a, b) => byAge(a[1][0], b[1][0])));
}

export function newestTask(slot: Slot): Task | undefined {
  let newest: Task | undefined;
  for (const task of slot) if (newest === undefined || byAge(task, newest) > 0) newest = task;
  return newest;
}

export function isRunnable(slot: Slot): boolean {
  return slot.some(isLive);
}

const OWN_ENDS: readonly TaskState[] = ['complete', 'failed', 'rejected', 'orphaned'];

/** The task stopped by itself rather than because the manager asked. */
export function endedOnItsOwn(task: Task): boolean {
  return OWN_ENDS.includes(task.status.state);
}

export function isDone(slot: Slot, service: Service, now: number): boolean {
  const last = newestTask(slot);
  if (last === undefined || isRunnable(slot)) return false;
  return (
    last.specVersion >= service.specVersion &&
    endedOnItsOwn(last) &&
    taskStateRank(last.desiredState) > taskStateRank('running') &&
    !shouldRestart(last, Math.min(last.status.timestamp, now))
  );
}
