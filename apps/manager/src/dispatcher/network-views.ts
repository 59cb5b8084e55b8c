import {
  ingressNetworkOf,
  isTerminal,
  publishesThroughMesh,
  serviceNetworks,
  type ClusterSnapshot,
  type NetworkEndpoint,
  type NetworkView,
  type Task,
} from '@berth/cluster';
import { isAssignedTo } from './assignments';

/** A task that has (or will have) a container with its addresses. */
function holdsAddress(task: Task): boolean {
  return task.nodeId !== '' && !isTerminal(task.status.state) && (task.networks?.length ?? 0) > 0;
}

/**
 * The networks NODE_ID carries, as it must see them: those its assigned tasks or its attached
 * containers are on, and the ingress network on every machine while some service publishes a
 * port through the routing mesh.
 * Pure; the dispatcher sends a node its views again whenever they change.
 */
export function networkViewsFor(nodeId: string, snapshot: ClusterSnapshot): NetworkView[] {
  const ingress = ingressNetworkOf(snapshot.networks);
  const meshed = snapshot.services.some((s) => publishesThroughMesh(s.spec));
  const mine = new Set(
    snapshot.tasks
      .filter((t) => isAssignedTo(t, nodeId))
      .flatMap((t) => (t.networks ?? []).map((n) => n.networkId)),
  );
  if (ingress && meshed && ingress.nodeAddresses?.some((a) => a.nodeId === nodeId)) mine.add(ingress.id);
  for (const network of snapshot.networks)
    if (network.attachments?.some((a) => a.nodeId === nodeId)) mine.add(network.id);
  if (!mine.size) return [];
  const addrOf = new Map(snapshot.nodes.map((n) => [n.id, n.status.addr]));
  const live = snapshot.tasks.filter(holdsAddress);
  return snapshot.networks
    .filter((network) => mine.has(network.id))
    .map((network) => {
      const machines: NetworkEndpoint[] = (network.nodeAddresses ?? []).map((a) => ({
        taskId: '',
        serviceId: '',
        address: a.address,
        nodeId: a.nodeId,
        nodeAddr: addrOf.get(a.nodeId) ?? '',
        ready: true,
      }));
      const tasks: NetworkEndpoint[] = live.flatMap((t) =>
        (t.networks ?? [])
          .filter((a) => a.networkId === network.id)
          .map((a) => ({
            taskId: t.id,
            serviceId: t.serviceId,
            address: a.address,
            nodeId: t.nodeId,
            nodeAddr: addrOf.get(t.nodeId) ?? '',
            ready: t.status.state === 'running' && t.desiredState === 'running',
          })),
      );
      // plain containers that joined: reachable (their MACs pinned), but no service's task
      const containers: NetworkEndpoint[] = (network.attachments ?? []).map((a) => ({
        taskId: `attachment:${a.id}`,
        serviceId: '',
        address: a.address,
        nodeId: a.nodeId,
        nodeAddr: addrOf.get(a.nodeId) ?? '',
        ready: true,
      }));
      const on = [...(network.spec.ingress && meshed ? machines : []), ...tasks, ...containers];
      const peers = [
        ...new Set(on.filter((e) => e.nodeId !== nodeId && e.nodeAddr).map((e) => e.nodeAddr)),
      ].sort();
      const services = snapshot.services.flatMap((s) => {
        const attachment = serviceNetworks(s.spec, ingress).find((n) => n.target === network.id);
        if (!attachment) return [];
        const ports = s.spec.endpoint.ports.filter((p) => p.publishMode === 'ingress' && p.publishedPort > 0);
        return [
          {
            id: s.id,
            name: s.spec.name,
            aliases: attachment.aliases,
            virtualIp: s.virtualIps?.find((v) => v.networkId === network.id)?.address ?? '',
            mode: s.spec.endpoint.mode,
            ...(network.spec.ingress ? { ports } : {}),
          },
        ];
      });
      const byTask = (a: NetworkEndpoint, b: NetworkEndpoint) =>
        a.taskId.localeCompare(b.taskId) || a.nodeId.localeCompare(b.nodeId);
      return { network, peers, endpoints: on.sort(byTask), services };
    });
}
