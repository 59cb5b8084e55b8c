import { isTerminal, type ClusterSnapshot, type NetworkView, type Task } from '@berth/cluster';
import { isAssignedTo } from './assignments';

/** A task that has (or will have) a container with its addresses. */
function holdsAddress(task: Task): boolean {
  return task.nodeId !== '' && !isTerminal(task.status.state) && (task.networks?.length ?? 0) > 0;
}

/**
 * The networks NODE_ID carries, as it must see them: those its assigned tasks are on. Pure; the
 * dispatcher sends a node its views again whenever they change.
 */
export function networkViewsFor(nodeId: string, snapshot: ClusterSnapshot): NetworkView[] {
  const mine = new Set(
    snapshot.tasks
      .filter((t) => isAssignedTo(t, nodeId))
      .flatMap((t) => (t.networks ?? []).map((n) => n.networkId)),
  );
  if (!mine.size) return [];
  const addrOf = new Map(snapshot.nodes.map((n) => [n.id, n.status.addr]));
  const live = snapshot.tasks.filter(holdsAddress);
  return snapshot.networks
    .filter((network) => mine.has(network.id))
    .map((network) => {
      const on = live.flatMap((t) =>
        (t.networks ?? [])
          .filter((a) => a.networkId === network.id)
          .map((a) => ({
            taskId: t.id,
            serviceId: t.serviceId,
            address: a.address,
            nodeId: t.nodeId,
            nodeAddr: addrOf.get(t.nodeId) ?? '',
          })),
      );
      const peers = [
        ...new Set(on.filter((e) => e.nodeId !== nodeId && e.nodeAddr).map((e) => e.nodeAddr)),
      ].sort();
      const services = snapshot.services
        .filter((s) => (s.spec.networks ?? []).some((n) => n.target === network.id))
        .map((s) => ({
          id: s.id,
          name: s.spec.name,
          aliases: s.spec.networks!.find((n) => n.target === network.id)!.aliases,
          virtualIp: s.virtualIps?.find((v) => v.networkId === network.id)?.address ?? '',
          mode: s.spec.endpoint.mode,
        }));
      return { network, peers, endpoints: on.sort((a, b) => a.taskId.localeCompare(b.taskId)), services };
    });
}
