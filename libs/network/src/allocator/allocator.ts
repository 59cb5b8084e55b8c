/**
 * The manager's network allocator (swarmkit's allocator, as a pure function): a virtual IP per
 * network for each service in endpoint mode vip, and an address per network for each new task,
 * which then moves from `new` to `pending` for the scheduler; on the ingress network, an address
 * per machine too (the routing mesh's end there). Which addresses are taken is read
 * from the snapshot every time (live tasks and services hold theirs), so ending a task frees its
 * addresses with nothing to release and nothing to leak.
 */
import {
  ingressNetworkOf,
  isTerminal,
  serviceNetworks,
  type ClusterSnapshot,
  type Network,
  type NetworkAddress,
  type Service,
  type Task,
  type TaskChange,
} from '@berth/cluster';
import { AddressPool, capacityOf } from '../ipam/allocate';

export interface AllocationPlan {
  /** services whose virtual IPs changed (the whole object, with the version it was read at) */
  services: Service[];
  tasks: TaskChange[];
  /** networks whose machines' entries changed: ingress addresses given or freed, attachments of machines gone */
  networks: Network[];
}

export const WAITING_FOR_ADDRESSES = 'waiting for network addresses';

/** A task waiting for its network addresses (what the allocator gives), still wanted. */
export function awaitsAddresses(task: Task): boolean {
  return task.status.state === 'new' && task.desiredState !== 'shutdown' && task.desiredState !== 'remove';
}

export function allocate(snapshot: ClusterSnapshot): AllocationPlan {
  const networks = new Map(snapshot.networks.map((n) => [n.id, n]));
  const used = new Claims(snapshot);
  const services = snapshot.services.flatMap((s) => {
    const next = withVirtualIps(s, networks, used);
    return next === s ? [] : [next];
  });
  const byId = new Map(snapshot.services.map((s) => [s.id, s]));
  const ingress = ingressNetworkOf(snapshot.networks);
  const tasks: TaskChange[] = [];
  for (const task of snapshot.tasks) {
    if (!awaitsAddresses(task)) continue;
    const change = addressTask(task, byId.get(task.serviceId), ingress, networks, used, snapshot.now);
    if (change) tasks.push(change);
  }
  const changed = snapshot.networks.flatMap((n) => {
    const next = withMachines(n, snapshot, used);
    return next === n ? [] : [next];
  });
  return { services, tasks, networks: changed };
}

/** A free address of NETWORK for a plain container joining it; null when the subnet is full. */
export function claimAddress(snapshot: ClusterSnapshot, network: Network): string | null {
  return new Claims(snapshot).claim(network);
}

/**
 * NETWORK's entries for machines brought up to date: on the ingress network an address for
 * every machine; everywhere, no attachment of a machine that left. The same object when
 * nothing changes.
 */
function withMachines(network: Network, snapshot: ClusterSnapshot, used: Claims): Network {
  const nodes = new Set(snapshot.nodes.map((n) => n.id));
  let next = network.spec.ingress ? withNodeAddresses(network, snapshot, used) : network;
  const attachments = next.attachments ?? [];
  const kept = attachments.filter((a) => nodes.has(a.nodeId));
  if (kept.length !== attachments.length) next = { ...next, attachments: kept };
  return next;
}

/**
 * The ingress network with an address for every machine (its end of the routing mesh) and none
 * for machines that left; the same object when nothing changes.
 */
function withNodeAddresses(ingress: Network, snapshot: ClusterSnapshot, used: Claims): Network {
  const nodes = new Set(snapshot.nodes.map((n) => n.id));
  const current = ingress.nodeAddresses ?? [];
  const kept = current.filter((a) => nodes.has(a.nodeId));
  const addressed = new Set(kept.map((a) => a.nodeId));
  const added = [];
  for (const node of snapshot.nodes) {
    if (addressed.has(node.id)) continue;
    const address = used.claim(ingress);
    if (address) added.push({ nodeId: node.id, address });
  }
  if (!added.length && kept.length === current.length) return ingress;
  return { ...ingress, nodeAddresses: [...kept, ...added] };
}

/** How NETWORK's addresses stand: what its subnet offers, what live tasks, services and machines hold, what is left. */
export function addressUsage(
  snapshot: ClusterSnapshot,
  network: Network,
): { total: number; used: number; free: number } {
  const total = capacityOf(network.subnet);
  const used = usedAddresses(snapshot).get(network.id)?.size ?? 0;
  return { total, used, free: total - used };
}

/** Addresses taken per network: services' virtual IPs and the addresses of tasks not yet ended. */
function usedAddresses(snapshot: ClusterSnapshot): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  const take = (a: NetworkAddress) => {
    if (!used.has(a.networkId)) used.set(a.networkId, new Set());
    used.get(a.networkId)!.add(a.address);
  };
  for (const service of snapshot.services) for (const vip of service.virtualIps ?? []) take(vip);
  for (const network of snapshot.networks)
    for (const a of [...(network.nodeAddresses ?? []), ...(network.attachments ?? [])])
      take({ networkId: network.id, address: a.address });
  for (const task of snapshot.tasks)
    if (!isTerminal(task.status.state)) for (const a of task.networks ?? []) take(a);
  return used;
}

/**
 * Addresses claimed during one allocation. What is taken is read from the whole snapshot (every
 * live task) only when the first address is claimed: most passes claim none.
 */
class Claims {
  private used: Map<string, Set<string>> | null = null;
  private readonly pools = new Map<string, AddressPool>();

  constructor(private readonly snapshot: ClusterSnapshot) {}

  /** As swarmkit's IPAM: going on above the highest taken, not the address a task just gave back, which machines may still route to its old place. */
  claim(network: Network): string | null {
    let pool = this.pools.get(network.id);
    if (!pool) {
      this.used ??= usedAddresses(this.snapshot);
      pool = new AddressPool(network.subnet, this.used.get(network.id) ?? [], { afterHighest: true });
      this.pools.set(network.id, pool);
    }
    return pool.claim();
  }
}

/** SERVICE with a VIP on each of its networks (vip mode) and none elsewhere; the same object when nothing changes. */
function withVirtualIps(service: Service, networks: Map<string, Network>, used: Claims): Service {
  const wanted =
    service.spec.endpoint.mode === 'vip'
      ? (service.spec.networks ?? []).map((n) => n.target).filter((id) => networks.has(id))
      : [];
  const current = service.virtualIps ?? [];
  const kept = current.filter((vip) => wanted.includes(vip.networkId));
  const added: NetworkAddress[] = [];
  for (const networkId of wanted) {
    if (kept.some((vip) => vip.networkId === networkId)) continue;
    const address = used.claim(networks.get(networkId)!);
    if (address) added.push({ networkId, address });
  }
  if (!added.length && kept.length === current.length) return service;
  return { ...service, virtualIps: [...kept, ...added] };
}

/** A new task's addresses, and `pending` once it has all of them; null when nothing changes. */
function addressTask(
  task: Task,
  service: Service | undefined,
  ingress: Network | undefined,
  networks: Map<string, Network>,
  used: Claims,
  now: number,
): TaskChange | null {
  const wanted = (service ? serviceNetworks(service.spec, ingress) : [])
    .map((n) => networks.get(n.target))
    .filter((n): n is Network => !!n);
  const addresses = [...(task.networks ?? [])];
  for (const network of wanted) {
    if (addresses.some((a) => a.networkId === network.id)) continue;
    const address = used.claim(network);
    if (!address) {
      const message = `no free address in network ${network.spec.name} (${network.subnet})`;
      if (task.status.message === message && addresses.length === (task.networks ?? []).length) return null;
      return {
        kind: 'update',
        task: { ...task, networks: addresses, status: { ...task.status, message, timestamp: now } },
      };
    }
    addresses.push({ networkId: network.id, address });
  }
  return {
    kind: 'update',
    task: {
      ...task,
      networks: addresses,
      status: { ...task.status, state: 'pending', message: 'pending task scheduling', timestamp: now },
    },
  };
}
