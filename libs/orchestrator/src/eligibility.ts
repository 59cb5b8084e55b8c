import type { Node } from '@berth/cluster';
import { satisfiesAll, type Constraint } from '@berth/cluster';

/**
 * What a node means for the tasks it holds:
 * - `missing`: no longer in the cluster;
 * - `drained`: the operator wants it empty;
 * - `unsatisfied`: its labels no longer match the service's current constraints;
 * - `down`: missed its heartbeats or left (`down`, `disconnected`);
 * - `ok`: anything else, `pause` and `unknown` included (existing tasks stay).
 * Constraints that do not parse (null) never make a node `unsatisfied`.
 */
export type NodeVerdict = 'ok' | 'missing' | 'drained' | 'unsatisfied' | 'down';

export function judgeNode(node: Node | undefined, constraints: readonly Constraint[] | null): NodeVerdict {
  if (node === undefined) return 'missing';
  if (node.spec.availability === 'drain') return 'drained';
  if (constraints !== null && !satisfiesAll(node, constraints)) return 'unsatisfied';
  if (node.status.state === 'down' || node.status.state === 'disconnected') return 'down';
  return 'ok';
}

/** A replicated task leaves its node for anything but `ok`. */
export function mustMoveFrom(verdict: NodeVerdict): boolean {
  return verdict !== 'ok';
}

/** A global task belongs to its node: it survives the node being down, not the rest. */
export function globalTaskMayStay(verdict: NodeVerdict): boolean {
  return verdict === 'ok' || verdict === 'down';
}

/** A node that may be given a new task: ready, active, and known to satisfy the constraints. */
export function acceptsNewTasks(node: Node, constraints: readonly Constraint[] | null): boolean {
  return (
    node.status.state === 'ready' &&
    node.spec.availability === 'active' &&
    constraints !== null &&
    satisfiesAll(node, constraints)
  );
}
