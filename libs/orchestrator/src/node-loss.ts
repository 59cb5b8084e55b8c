import { isLive, type Task, type TaskChange } from '@berth/cluster';
import type { ServiceContext } from './context';
import { judgeNode, mustMoveFrom } from './eligibility';
import { newTask, withDesiredState } from './new-task';

/**
 * A replicated task on a node that is gone, down, drained or no longer satisfies the service's
 * current constraints is moved: shut down where it is and replaced in its slot for the scheduler
 * to place elsewhere (swarmkit's node-failure handling and constraint enforcer). A move is not a
 * restart: the restart history is carried over unchanged and no delay is added. Tasks not yet
 * given a node are the scheduler's business.
 */
export function moveTasks(ctx: ServiceContext, tasks: readonly Task[]): TaskChange[] {
  return tasks.filter((task) => mustMove(ctx, task)).flatMap((task) => moveTask(ctx, task));
}

function mustMove(ctx: ServiceContext, task: Task): boolean {
  if (!isLive(task) || task.nodeId === '') return false;
  return mustMoveFrom(judgeNode(ctx.nodes.get(task.nodeId), ctx.constraints));
}

/** A task still held by its restart delay stays held until the same time. */
function moveTask(ctx: ServiceContext, task: Task): TaskChange[] {
  const moved = newTask(ctx.service, {
    id: ctx.newId(),
    slot: task.slot,
    nodeId: '',
    now: ctx.now,
    desiredState: task.desiredState === 'ready' ? 'ready' : 'running',
    notBefore: task.desiredState === 'ready' ? task.notBefore : 0,
    restarts: [...task.restarts],
  });
  return [
    { kind: 'update', task: withDesiredState(task, 'shutdown') },
    { kind: 'create', task: moved },
  ];
}
