import { canMove, type Task, type TaskStatus } from '@berth/cluster';

/** Why a report was not taken: `other-node` and `backwards` mean the agent is wrong (or lying). */
export type StatusRefusalReason = 'no-such-task' | 'other-node' | 'backwards' | 'nothing-new';

export class StatusRefusal extends Error {
  constructor(
    readonly reason: StatusRefusalReason,
    readonly taskId: string,
    /** the node that reported */
    readonly nodeId: string,
    detail: string,
  ) {
    super(`report of node ${nodeId} on task ${taskId} refused: ${detail}`);
    this.name = new.target.name;
  }
}

export type StatusVerdict = { apply: true; task: Task } | { apply: false; refusal: StatusRefusal };

const refuse = (
  reason: StatusRefusalReason,
  taskId: string,
  nodeId: string,
  detail: string,
): StatusVerdict => ({
  apply: false,
  refusal: new StatusRefusal(reason, taskId, nodeId, detail),
});

/**
 * An agent's report about a task, checked: the task must be the node's, and its state may only
 * move forward (DESIGN.md decision 4). Equal states with news (a message) are kept too.
 */
export function applyStatus(
  task: Task | undefined,
  nodeId: string,
  status: TaskStatus,
  taskId = task?.id ?? '',
): StatusVerdict {
  if (!task) return refuse('no-such-task', taskId, nodeId, 'no such task');
  if (task.nodeId !== nodeId)
    return refuse('other-node', task.id, nodeId, `the task belongs to node ${task.nodeId || '(none)'}`);
  const sameState = status.state === task.status.state;
  if (!sameState && !canMove(task.status.state, status.state))
    return refuse(
      'backwards',
      task.id,
      nodeId,
      `its state may not move from ${task.status.state} to ${status.state}`,
    );
  if (sameState && status.message === task.status.message && status.err === task.status.err)
    return refuse('nothing-new', task.id, nodeId, 'nothing new');
  // when it began to run, kept from then on: how long a task ran (a crash loop's sign) needs it
  const startedAt =
    task.status.startedAt ?? (status.state === 'running' ? status.timestamp : undefined) ?? status.startedAt;
  const next = { ...task.status, ...status };
  if (startedAt !== undefined) next.startedAt = startedAt;
  return { apply: true, task: { ...task, status: next } };
}
