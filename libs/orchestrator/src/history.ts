import { isTerminal, taskStateRank, type Node, type Task, type TaskChange } from '@berth/cluster';
import type { ServiceContext } from './context';
import { groupSlots, isDone, newestTask, type Slot } from './slots';

function givenUp(task: Task): boolean {
  return taskStateRank(task.desiredState) > taskStateRank('running');
}

/** History: the task ended and the manager no longer wants it. */
export function isDead(task: Task): boolean {
  return isTerminal(task.status.state) && givenUp(task);
}

/** The scheduler had not handed it to a node, so no agent can hold a container for it. */
export function neverReachedNode(task: Task): boolean {
  return task.nodeId === '' || taskStateRank(task.status.state) <= taskStateRank('pending');
}

/** Given up with nothing left to wait for: never dispatched, or its node has left the cluster. */
function deletableAtOnce(task: Task, nodes: ReadonlyMap<string, Node>): boolean {
  return givenUp(task) && (neverReachedNode(task) || !nodes.has(task.nodeId));
}

/**
 * swarmkit's task reaper, per slot (per node for global services): keeps the `taskHistoryLimit`
 * newest dead tasks and deletes the older ones, oldest first; deletes at once the given-up tasks no
 * agent will ever report on. Live tasks are never touched, nor the newest task of a done slot,
 * which is what keeps the slot done.
 */
export function reapHistory(ctx: ServiceContext, tasks: readonly Task[]): TaskChange[] {
  return [...groupSlots(ctx.service, tasks).values()]
    .flatMap((slot) => reapSlot(ctx, slot))
    .map((task) => ({ kind: 'delete', task }));
}

function reapSlot(ctx: ServiceContext, slot: Slot): Task[] {
  const keep = isDone(slot, ctx.service, ctx.now) ? newestTask(slot) : undefined;
  const candidates = slot.filter((task) => task !== keep);
  const atOnce = candidates.filter((task) => deletableAtOnce(task, ctx.nodes));
  const dead = candidates.filter((task) => isDead(task) && !atOnce.includes(task));
  const excess = Math.max(0, dead.length - ctx.taskHistoryLimit);
  return [...atOnce, ...dead.slice(0, excess)];
}
