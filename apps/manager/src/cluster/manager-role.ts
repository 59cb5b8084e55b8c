/**
 * A manager is a role of a machine (DESIGN.md: managers are nodes): the rules that follow from
 * it, over plain data. Pure.
 */
import type { ManagerStatus, Node } from '@berth/cluster';

export type ServingDecision = { serve: true } | { serve: false; why: string };

/**
 * Whether this manager process serves (TLS API, sessions, a candidacy for leader) or waits,
 * answering only its local socket. It serves once the cluster exists and it holds the unlock key,
 * for as long as the node it is a role of is a manager; a process whose node was demoted waits
 * for a promote.
 */
export function servingDecision(input: {
  clusterId: string | null;
  hasUnlockKey: boolean;
  ownNodeId: string | null;
  ownNode: Node | undefined;
}): ServingDecision {
  if (!input.clusterId) return { serve: false, why: 'no cluster yet: run `berth cluster init` on this machine' };
  if (!input.hasUnlockKey)
    return {
      serve: false,
      why:
        `this manager is not one of cluster ${input.clusterId}'s yet: join its machine with ` +
        '`berth cluster join --token <manager token>`, or promote its node',
    };
  if (input.ownNodeId && !input.ownNode)
    return { serve: false, why: `its node ${input.ownNodeId} was removed from the cluster` };
  if (input.ownNode?.spec.role === 'worker')
    return {
      serve: false,
      why: `its node ${input.ownNode.id} is a worker: \`berth node promote ${input.ownNode.description.hostname}\` makes it a manager again`,
    };
  return { serve: true };
}

/**
 * Each manager node's status: reachable while a manager process of that node is present in etcd,
 * the leader when that process holds the election.
 */
export function managerStatuses(
  nodes: readonly Node[],
  present: ReadonlyMap<string, string>,
  leaderAddr: string | null,
): Map<string, ManagerStatus> {
  const statuses = new Map<string, ManagerStatus>();
  for (const node of nodes) {
    if (node.spec.role !== 'manager') continue;
    const addr = present.get(node.id);
    statuses.set(node.id, {
      leader: addr !== undefined && addr === leaderAddr,
      reachability: addr === undefined ? 'unreachable' : 'reachable',
      addr: addr ?? '',
    });
  }
  return statuses;
}

/** The majority of N managers: fewer reachable than this and the cluster cannot count on them. */
export const quorumOf = (managers: number): number => Math.floor(managers / 2) + 1;

/**
 * Why demoting NODE is refused, or null when it may go: never the last manager, and never one
 * whose going leaves fewer reachable managers than a majority of those that stay (Swarm's rule).
 */
export function demoteRefusal(
  node: Node,
  nodes: readonly Node[],
  present: ReadonlyMap<string, string>,
): string | null {
  const others = nodes.filter((n) => n.spec.role === 'manager' && n.id !== node.id);
  if (!others.length)
    return (
      `node ${node.description.hostname} is the last manager of the cluster and can't be demoted: ` +
      'promote another node first (`berth node promote NODE`)'
    );
  const reachable = others.filter((n) => present.has(n.id)).length;
  if (reachable < quorumOf(others.length))
    return (
      `demoting node ${node.description.hostname} would leave ${reachable} of ${others.length} managers reachable, ` +
      `fewer than the ${quorumOf(others.length)} the cluster needs: bring the unreachable managers back ` +
      '(or demote them) first'
    );
  return null;
}
