import {
  AGENT_STATUS_FIELDS,
  canMove,
  type ReportedStatus,
  type Task,
  type TaskStatus,
} from '@berth/cluster';

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
 * move forward (DESIGN.md decision 4). Equal states with news (a message) are kept too. Only the
 * fields an agent sets are taken; the rest of the status (when it began to run, why it waited)
 * stays the manager's, whatever the report carries.
 */
export function applyStatus(
  task: Task | undefined,
  nodeId: string,
  status: ReportedStatus,
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
  const startedAt = task.status.startedAt ?? (status.state === 'running' ? status.timestamp : undefined);
  const next = withAgentFields(task.status, status);
  if (startedAt !== undefined) next.startedAt = startedAt;
  return { apply: true, task: { ...task, status: next } };
}

/** CURRENT with the agent's fields of REPORTED that it sent; anything else REPORTED has is left behind. */
function withAgentFields(current: TaskStatus, reported: ReportedStatus): TaskStatus {
  const next = { ...current };
  const take = <K extends keyof ReportedStatus>(key: K) => {
    if (reported[key] !== undefined) next[key] = reported[key];
  };
  AGENT_STATUS_FIELDS.forEach(take);
  return next;
}
