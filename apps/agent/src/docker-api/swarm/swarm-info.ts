/**
 * The Swarm section of `GET /info` (what `docker info` prints, and what `docker stack deploy`
 * checks: ControlAvailable) from this machine's membership and, on a manager, the cluster as its
 * manager shows it. Pure.
 */
import { dockerSwarm, type ClusterView, type Node, type NodeRole } from '@berth/cluster';

/** What the membership says: this machine's node, its role, the managers it last heard of. */
export interface MembershipFacts {
  nodeId: string;
  role: NodeRole;
  clusterId: string;
  managerAddr: string;
  managers?: string[];
}

/** On a manager: the cluster and its nodes, or why the manager did not say. */
export type ManagerFacts = { cluster: ClusterView; nodes: Node[] } | { error: string };

export function swarmInfo(membership: MembershipFacts | null, facts: ManagerFacts | null) {
  if (!membership)
    return {
      NodeID: '',
      NodeAddr: '',
      LocalNodeState: 'inactive',
      ControlAvailable: false,
      Error: '',
      RemoteManagers: null,
    };
  const known = facts && 'cluster' in facts ? facts : null;
  const own = known?.nodes.find((n) => n.id === membership.nodeId);
  const managers = known?.nodes.filter((n) => n.managerStatus) ?? [];
  return {
    NodeID: membership.nodeId,
    NodeAddr: own?.status.addr ?? '',
    LocalNodeState: 'active',
    ControlAvailable: membership.role === 'manager' && known !== null,
    Error: facts && 'error' in facts ? facts.error : '',
    RemoteManagers: known
      ? managers
          .filter((n) => n.managerStatus!.addr)
          .map((n) => ({ NodeID: n.id, Addr: n.managerStatus!.addr }))
      : (membership.managers ?? [membership.managerAddr]).map((addr) => ({ NodeID: '', Addr: addr })),
    ...(known && {
      Nodes: known.nodes.length,
      Managers: managers.length,
      Cluster: dockerSwarm(known.cluster, { joinTokens: false }),
    }),
  };
}
