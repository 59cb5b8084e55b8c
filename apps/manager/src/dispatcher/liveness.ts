import type { Node } from '@berth/cluster';

/** Which nodes have a session with some manager now, and when each last had one. */
export interface Liveness {
  present: { has(nodeId: string): boolean };
  /** node id → the last time it had a session (or the end of a fresh grace period given at a leader's start) */
  lastPresent: ReadonlyMap<string, number>;
}

/**
 * The ready nodes that have had no session with any manager for more than ABSENCE_MS at NOW: the
 * ones to mark down. A node never seen counts from the epoch (it had no grace to give).
 */
export function silentNodes(
  nodes: readonly Node[],
  liveness: Liveness,
  now: number,
  absenceMs: number,
): Node[] {
  return nodes.filter(
    (node) =>
      node.status.state === 'ready' &&
      !liveness.present.has(node.id) &&
      now - (liveness.lastPresent.get(node.id) ?? 0) > absenceMs,
  );
}
