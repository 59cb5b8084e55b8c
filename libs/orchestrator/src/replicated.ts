import type { Task, TaskChange } from '@berth/cluster';
import { replicasOf, type ServiceContext } from './context';
import { newTask, withDesiredState } from './new-task';
import { liveTasksOf, pickSurplus } from './scale-down';
import { groupSlots, isDone, isRunnable, type Slot } from './slots';

/**
 * Keeps `replicas` slots. Runnable slots and done slots both count, so a finished replica is not
 * run again and scaling up adds new slots. Only runnable slots can be stopped, and only down to
 * `replicas`: done slots cost nothing and are never the reason a running replica is stopped.
 * Restarts and moves have already run, so their replacements count as runnable here.
 */
export function scaleReplicated(ctx: ServiceContext, tasks: readonly Task[]): TaskChange[] {
  const slots = [...groupSlots(ctx.service, tasks).values()];
  const runnable = slots.filter(isRunnable);
  const done = slots.filter((slot) => isDone(slot, ctx.service, ctx.now));
  const replicas = replicasOf(ctx.service);
  const missing = replicas - runnable.length - done.length;
  if (missing > 0) return addSlots(ctx, [...runnable, ...done], Math.min(missing, ctx.maxNewSlots));
  if (runnable.length > replicas) return shutDown(pickSurplus(runnable, runnable.length - replicas));
  return [];
}

/** New tasks in the lowest slot numbers (from 1) that no runnable or done slot holds. */
function addSlots(ctx: ServiceContext, taken: readonly Slot[], count: number): TaskChange[] {
  return freeSlotNumbers(taken, count).map((slot) => ({
    kind: 'create',
    task: newTask(ctx.service, { id: ctx.newId(), slot, nodeId: '', now: ctx.now }),
  }));
}

export function freeSlotNumbers(taken: readonly Slot[], count: number): number[] {
  const used = new Set(taken.map((slot) => slot[0].slot));
  const free: number[] = [];
  for (let number = 1; free.length < count; number++) if (!used.has(number)) free.push(number);
  return free;
}

function shutDown(slots: readonly Slot[]): TaskChange[] {
  return liveTasksOf(slots).map((task) => ({ kind: 'update', task: withDesiredState(task, 'shutdown') }));
}
