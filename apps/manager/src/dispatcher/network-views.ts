import {
  ingressNetworkOf,
  isTerminal,
  publishesThroughMesh,
  serviceNetworks,
  type ClusterSnapshot,
  type Network,
  type NetworkEndpoint,
  type NetworkView,
  type Task,
} from '@berth/cluster';
import { isAssignedTo } from './assignments';

/** A task on some network: the only tasks network views are made of. */
export function isNetworked(task: Task): boolean {
  return (task.networks?.length ?? 0) > 0;
}

/** A task that has (or will have) a container with its addresses. */
function holdsAddress(task: Task): boolean {
  return task.nodeId !== '' && !isTerminal(task.status.state) && isNetworked(task);
}

/** One network as every node sees it, but for the peers (each node's own address left out). */
interface SharedView {
  network: Network;
  endpoints: NetworkEndpoint[];
  services: NetworkView['services'];
  /** machine address → the nodes with endpoints there */
  nodesAt: Map<string, Set<string>>;
}

/**
 * The network views of every node, worked out once for the whole cluster: what each network's
 * view holds is the same for all its nodes but for the peers, so a tick of the dispatcher costs
 * the networked tasks once plus each node's own networks, not every task once per node.
 * Pure over SNAPSHOT, whose tasks need only be the networked ones (others make no view).
 */
export class NetworkViewBook {
  private readonly ingress: Network | undefined;
  private readonly meshed: boolean;
  private readonly addrOf: Map<string, string>;
  /** node → the networks its assigned tasks are on */
  private readonly networksOfNode = new Map<string, Set<string>>();
  private readonly shared = new Map<string, SharedView>();

  constructor(private readonly snapshot: ClusterSnapshot) {
    this.ingress = ingressNetworkOf(snapshot.networks);
    this.meshed = snapshot.services.some((s) => publishesThroughMesh(s.spec));
    this.addrOf = new Map(snapshot.nodes.map((n) => [n.id, n.status.addr]));
    for (const task of snapshot.tasks) {
      if (!isNetworked(task) || !isAssignedTo(task, task.nodeId)) continue;
      let mine = this.networksOfNode.get(task.nodeId);
      if (!mine) this.networksOfNode.set(task.nodeId, (mine = new Set()));
      for (const n of task.networks ?? []) mine.add(n.networkId);
    }
  }

  /**
   * The networks NODE_ID carries, as it must see them: those its assigned tasks or its attached
   * containers are on, and the ingress network on every machine while some service publishes a
   * port through the routing mesh.
   */
  viewsFor(nodeId: string): NetworkView[] {
    const mine = new Set(this.networksOfNode.get(nodeId));
    const { ingress } = this;
    if (ingress && this.meshed && ingress.nodeAddresses?.some((a) => a.nodeId === nodeId))
      mine.add(ingress.id);
    for (const network of this.snapshot.networks)
      if (network.attachments?.some((a) => a.nodeId === nodeId)) mine.add(network.id);
    if (!mine.size) return [];
    return this.snapshot.networks
      .filter((network) => mine.has(network.id))
      .map((network) => {
        const view = this.sharedView(network);
        // a machine is a peer when some endpoint of another node is there
        const peers = [...view.nodesAt]
          .filter(([, nodes]) => nodes.size > (nodes.has(nodeId) ? 1 : 0))
          .map(([addr]) => addr)
          .sort();
        return { network, peers, endpoints: view.endpoints, services: view.services };
      });
  }

  private sharedView(network: Network): SharedView {
    const known = this.shared.get(network.id);
    if (known) return known;
    const { ingress, meshed } = this;
    const endpoint = (e: Omit<NetworkEndpoint, 'nodeAddr'>): NetworkEndpoint => ({
      ...e,
      nodeAddr: this.addrOf.get(e.nodeId) ?? '',
    });
    const machines = (network.nodeAddresses ?? []).map((a) =>
      endpoint({ taskId: '', serviceId: '', address: a.address, nodeId: a.nodeId, ready: true }),
    );
    const tasks = this.snapshot.tasks.filter(holdsAddress).flatMap((t) =>
      (t.networks ?? [])
        .filter((a) => a.networkId === network.id)
        .map((a) =>
          endpoint({
            taskId: t.id,
            serviceId: t.serviceId,
            address: a.address,
            nodeId: t.nodeId,
            ready: t.status.state === 'running' && t.desiredState === 'running',
          }),
        ),
    );
    // plain containers that joined: reachable (their MACs pinned), but no service's task
    const containers = (network.attachments ?? []).map((a) =>
      endpoint({
        taskId: `attachment:${a.id}`,
        serviceId: '',
        address: a.address,
        nodeId: a.nodeId,
        ready: true,
      }),
    );
    const byTask = (a: NetworkEndpoint, b: NetworkEndpoint) =>
      a.taskId.localeCompare(b.taskId) || a.nodeId.localeCompare(b.nodeId);
    const endpoints = [...(network.spec.ingress && meshed ? machines : []), ...tasks, ...containers].sort(
      byTask,
    );
    const nodesAt = new Map<string, Set<string>>();
    for (const e of endpoints) {
      if (!e.nodeAddr) continue;
      let nodes = nodesAt.get(e.nodeAddr);
      if (!nodes) nodesAt.set(e.nodeAddr, (nodes = new Set()));
      nodes.add(e.nodeId);
    }
    const services = this.snapshot.services.flatMap((s) => {
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
    const view = { network, endpoints, services, nodesAt };
    this.shared.set(network.id, view);
    return view;
  }
}

/** NODE_ID's views alone (the book, for one node). */
export function networkViewsFor(nodeId: string, snapshot: ClusterSnapshot): NetworkView[] {
  return new NetworkViewBook(snapshot).viewsFor(nodeId);
}
