import { TASK_STATES, type Task, type TaskState } from './objects';

const RANK = new Map<TaskState, number>(TASK_STATES.map((state, index) => [state, index]));

/** Position in swarmkit's order; a task's observed state never moves to a lower one. */
export function taskStateRank(state: TaskState): number {
  return RANK.get(state)!;
}

/** Past running: the task's container is gone or will never start. */
export function isTerminal(state: TaskState): boolean {
  return taskStateRank(state) > taskStateRank('running');
}

/** Whether a task may move from `from` to `to` (forward only; staying put is not a move). */
export function canMove(from: TaskState, to: TaskState): boolean {
  return taskStateRank(to) > taskStateRank(from);
}

/**
 * `notBefore` of a task a stop-first rollout holds in `ready` until the task it replaces ended:
 * the rollout releases it, not a timer, and its node may prepare it meanwhile.
 */
export const HELD_FOR_UPDATE = Number.MAX_SAFE_INTEGER;

/** Held by a stop-first rollout (see HELD_FOR_UPDATE), not by a restart delay. */
export function isHeldForUpdate(task: Pick<Task, 'desiredState' | 'notBefore'>): boolean {
  return task.desiredState === 'ready' && task.notBefore === HELD_FOR_UPDATE;
}

/** The task still counts against its slot: not ended, and the manager still wants it. */
export function isLive(task: Task): boolean {
  return !isTerminal(task.status.state) && taskStateRank(task.desiredState) <= taskStateRank('running');
}

/** The task holds (or will hold) resources on its node. */
export function occupiesNode(task: Task): boolean {
  return (
    task.nodeId !== '' &&
    !isTerminal(task.status.state) &&
    taskStateRank(task.status.state) >= taskStateRank('assigned')
  );
}
