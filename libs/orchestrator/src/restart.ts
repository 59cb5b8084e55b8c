import { isTerminal, taskStateRank, type Task, type TaskChange } from '@berth/cluster';
import { isGlobal, type ServiceContext } from './context';
import { globalTaskMayStay, judgeNode } from './eligibility';
import { newTask, withDesiredState } from './new-task';
import { restartsInWindow, shouldRestart } from './restart-policy';

/** The task ended although the manager still wants it (desired running, or ready while delayed). */
export function needsRestartDecision(task: Task): boolean {
  return isTerminal(task.status.state) && taskStateRank(task.desiredState) <= taskStateRank('running');
}

/**
 * swarmkit's restart supervisor: every task that ended while wanted is given up (desired
 * `shutdown`), and replaced in its slot when its restart policy says so.
 */
export function restartTasks(ctx: ServiceContext, tasks: readonly Task[]): TaskChange[] {
  return tasks.filter(needsRestartDecision).flatMap((task) => restartTask(ctx, task));
}

function restartTask(ctx: ServiceContext, task: Task): TaskChange[] {
  const shutdown: TaskChange = { kind: 'update', task: withDesiredState(task, 'shutdown') };
  if (!shouldRestart(task, ctx.now) || !mayReplaceOnNode(ctx, task)) return [shutdown];
  return [shutdown, { kind: 'create', task: replacement(ctx, task) }];
}

/** A global task restarts on its own node, which must still be willing to hold it. */
function mayReplaceOnNode(ctx: ServiceContext, task: Task): boolean {
  if (!isGlobal(ctx.service)) return true;
  return globalTaskMayStay(judgeNode(ctx.nodes.get(task.nodeId), ctx.constraints));
}

/**
 * The replacement is made from the service's current spec (swarmkit's NewTask) and inherits the
 * restarts still in the policy's window plus this one. A delay holds it in `ready` until notBefore.
 */
function replacement(ctx: ServiceContext, task: Task): Task {
  const { delayMs, windowMs } = task.spec.restartPolicy;
  const counted = [...restartsInWindow(task.restarts, windowMs, ctx.now), ctx.now];
  return newTask(ctx.service, {
    id: ctx.newId(),
    slot: task.slot,
    nodeId: isGlobal(ctx.service) ? task.nodeId : '',
    now: ctx.now,
    desiredState: delayMs > 0 ? 'ready' : 'running',
    notBefore: delayMs > 0 ? ctx.now + delayMs : 0,
    restarts: keptRestarts(counted, ctx.service.spec.task.restartPolicy.maxAttempts),
  });
}

/**
 * Only the newest maxAttempts restarts can change a decision (and none when attempts are
 * unlimited), so no more are kept: a task that crashes forever must not grow its etcd value.
 */
function keptRestarts(restarts: number[], maxAttempts: number): number[] {
  return maxAttempts > 0 ? restarts.slice(-maxAttempts) : [];
}
