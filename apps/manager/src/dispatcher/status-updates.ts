import { canMove, type Task, type TaskStatus } from '@berth/cluster';

export type StatusVerdict = { apply: true; task: Task } | { apply: false; reason: string };

/**
 * An agent's report about a task, checked: the task must be the node's, and its state may only
 * move forward (DESIGN.md decision 4). Equal states with news (a message) are kept too.
 */
export function applyStatus(task: Task | undefined, nodeId: string, status: TaskStatus): StatusVerdict {
  if (!task) return { apply: false, reason: 'no such task' };
  if (task.nodeId !== nodeId)
    return { apply: false, reason: `task belongs to node ${task.nodeId || '(none)'}` };
  const sameState = status.state === task.status.state;
  if (!sameState && !canMove(task.status.state, status.state))
    return { apply: false, reason: `state may not move from ${task.status.state} to ${status.state}` };
  if (sameState && status.message === task.status.message && status.err === task.status.err)
    return { apply: false, reason: 'nothing new' };
  // when it began to run, kept from then on: how long a task ran (a crash loop's sign) needs it
  const startedAt =
    task.status.startedAt ?? (status.state === 'running' ? status.timestamp : undefined) ?? status.startedAt;
  const next = { ...task.status, ...status };
  if (startedAt !== undefined) next.startedAt = startedAt;
  return { apply: true, task: { ...task, status: next } };
}
