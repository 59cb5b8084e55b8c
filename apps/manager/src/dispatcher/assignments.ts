import { isTerminal, taskStateRank, type Task } from '@berth/cluster';

/**
 * Whether a node is told about a task: it was given to the node (assigned or later) and the
 * node still has something to do with it — run it, or stop and remove its container. A task
 * that ended and that the manager no longer wants is not sent; the agent then removes what is
 * left of it (DESIGN.md decision 5: the full set says what is the node's own).
 */
export function isAssignedTo(task: Task, nodeId: string): boolean {
  if (task.nodeId !== nodeId) return false;
  if (taskStateRank(task.status.state) < taskStateRank('assigned')) return false;
  return !(isTerminal(task.status.state) && taskStateRank(task.desiredState) > taskStateRank('running'));
}

/** The fields an agent acts on; a change elsewhere (status written by the agent itself) is not news to it. */
export function assignmentKey(task: Task): string {
  return `${task.desiredState}|${task.specVersion}|${task.notBefore}|${task.spec.forceUpdate}`;
}

/** What changed for one node between two task sets: tasks to send again and ids to drop. */
export function assignmentDiff(
  sent: ReadonlyMap<string, string>,
  current: readonly Task[],
): { changed: Task[]; removed: string[] } {
  const changed = current.filter((t) => sent.get(t.id) !== assignmentKey(t));
  const ids = new Set(current.map((t) => t.id));
  const removed = [...sent.keys()].filter((id) => !ids.has(id));
  return { changed, removed };
}
