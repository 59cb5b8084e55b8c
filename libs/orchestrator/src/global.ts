import { isLive, type Node, type Task, type TaskChange } from '@berth/cluster';
import type { ServiceContext } from './context';
import { acceptsNewTasks, globalTaskMayStay, judgeNode } from './eligibility';
import { newTask, withDesiredState } from './new-task';
import { byId } from './plan';
import { groupSlots, isDone, isRunnable } from './slots';

/**
 * One runnable task per node that accepts new tasks. A global task belongs to its node: it is shut
 * down, never moved, when the node is drained, removed or stops satisfying the constraints, and kept
 * while the node is down or paused. A node whose slot is done gets no new task until the service
 * changes.
 */
export function reconcileGlobal(ctx: ServiceContext, tasks: readonly Task[]): TaskChange[] {
  return [...shutDownMisplaced(ctx, tasks), ...fillNodes(ctx, tasks)];
}

function shutDownMisplaced(ctx: ServiceContext, tasks: readonly Task[]): TaskChange[] {
  return tasks
    .filter(
      (task) => isLive(task) && !globalTaskMayStay(judgeNode(ctx.nodes.get(task.nodeId), ctx.constraints)),
    )
    .map((task) => ({ kind: 'update', task: withDesiredState(task, 'shutdown') }));
}

function fillNodes(ctx: ServiceContext, tasks: readonly Task[]): TaskChange[] {
  const slots = groupSlots(ctx.service, tasks);
  return [...ctx.nodes.values()]
    .filter((node) => acceptsNewTasks(node, ctx.constraints))
    .sort(byId)
    .filter((node) => needsTask(ctx, slots.get(node.id) ?? []))
    .map((node) => ({ kind: 'create', task: taskFor(ctx, node) }));
}

function needsTask(ctx: ServiceContext, slot: readonly Task[]): boolean {
  return !isRunnable(slot) && !isDone(slot, ctx.service, ctx.now);
}

function taskFor(ctx: ServiceContext, node: Node): Task {
  return newTask(ctx.service, { id: ctx.newId(), slot: 0, nodeId: node.id, now: ctx.now });
}
