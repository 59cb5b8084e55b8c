/**
 * Networks: the default bridge (from the agent's flags), host and none, and user-defined bridge
 * networks; and the cluster's overlay networks, which this agent learns of from the manager
 * (OVERLAY_HOOKS) and puts containers on with the address the manager gave. This is the face the
 * rest of the agent sees; each concern is a class of its own:
 *
 * - NetworkCatalog (over NetworkStore, networks.json): which networks there are;
 * - HostPorts: published host ports, held while their container runs;
 * - CniAdapter and BridgeRules: interfaces through the CNI plugins, and each network's NAT and
 *   FORWARD rules;
 * - NetworkTeardowns (TeardownJournal, teardowns/): containers' networks taken down, journaled;
 * - NetworkParking (rules: parking.ts): stopped task containers' namespaces kept for a taker;
 * - NetworkDns: the DNS server of each user network.
 */
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { PortMapping } from '@berth/network';
import type { ContainerRecord } from '../containers/model';
import { ConflictError } from '../errors';
import { EventsService } from '../events/events.service';
import { OVERLAY_HOOKS } from '../tokens';
import type { ClusterAttachment, NetworkAttachment } from './attachment';
import { BridgeRules } from './bridge-rules';
import { CniAdapter } from './cni-adapter';
import type { OverlayHooks } from './hooks';
import { HostPorts } from './host-ports';
import { containerNetns, NAMESPACES, type Namespaces } from './namespaces';
import { NetworkCatalog } from './network-catalog';
import { NetworkDns } from './network-dns';
import { NetworkParking } from './network-parking';
import type { EndpointRequest, NetworkRecord, NetworkRequest } from './network-record';
import { NetworkTeardowns } from './network-teardowns';
import { TeardownJournal } from './teardown-journal';

export type { EndpointRequest, NetworkRecord } from './network-record';
export { netnsName } from './namespaces';

@Injectable()
export class NetworksService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('networks');

  constructor(
    private readonly catalog: NetworkCatalog,
    private readonly cni: CniAdapter,
    private readonly rules: BridgeRules,
    private readonly ports: HostPorts,
    private readonly dns: NetworkDns,
    private readonly journal: TeardownJournal,
    private readonly teardowns: NetworkTeardowns,
    private readonly parking: NetworkParking,
    @Inject(NAMESPACES) private readonly namespaces: Namespaces,
    @Inject(OVERLAY_HOOKS) private readonly overlays: OverlayHooks,
    private readonly events: EventsService,
  ) {}

  list(): NetworkRecord[] {
    return this.catalog.list();
  }

  find(ref: string): NetworkRecord | null {
    return this.catalog.find(ref);
  }

  get(ref: string): NetworkRecord {
    return this.catalog.get(ref);
  }

  create(req: NetworkRequest): NetworkRecord {
    const record = this.catalog.create(req);
    this.events.emit('network', 'create', record.id, { name: req.name, type: 'bridge' });
    return record;
  }

  /** Remove a user network nothing is attached to (ATTACHED: the names of the containers on it). */
  async remove(ref: string, attached: string[]): Promise<void> {
    const n = this.get(ref);
    if (n.builtin) throw new ConflictError(`${n.name} is a pre-defined network and cannot be removed`);
    if (attached.length)
      throw new ConflictError(
        `error while removing network: network ${n.name} id ${n.id} has active endpoints (${attached.join(', ')})`,
      );
    this.catalog.delete(n);
    await this.rules.remove(n);
    await this.dns.stop(n.name);
    await this.rules.deleteBridge(n);
    this.cni.forget(n.name);
    this.events.emit('network', 'destroy', n.id, { name: n.name, type: 'bridge' });
  }

  /** Fails (with Docker's message) if a host port is taken, holding nothing afterwards. */
  checkPorts(ports: readonly PortMapping[]): Promise<void> {
    return this.ports.check(ports);
  }

  /**
   * The first half of networking a container for a start: its host ports held and its namespace
   * made, or taken over from a parked one (what the runtime needs to create it). Null namespace
   * for host and none. Undone on failure.
   */
  async prepare(
    c: ContainerRecord,
    names: readonly string[],
    options: { waitForParking?: boolean } = {},
  ): Promise<{ netns: string | null; ports: PortMapping[] }> {
    const primary = this.get(c.hostConfig.network);
    if (primary.driver !== 'bridge') return { netns: null, ports: [] };
    await this.settle(c.id); // its last run's namespace goes first
    const taken = await this.parking.take(c, names, options.waitForParking ?? false);
    if (taken) return { netns: taken, ports: [] };
    if (c.hostConfig.ports.length) await this.settleAll(); // ports others are still giving back
    const ports = await this.ports.hold(c.id, c.hostConfig.ports);
    try {
      await this.namespaces.delete(c.id); // left by a crash: start clean
      return { netns: await this.namespaces.create(c.id), ports };
    } catch (error) {
      await this.releasePorts(c.id);
      throw error;
    }
  }

  /**
   * The second half: one interface per network of NAMES in the namespace prepare() made (ALIASES
   * by network), through CNI; the network's NAT and DNS made sure of. Loopback is the container
   * init's (a runtime step, not a plugin run). On failure everything is undone, the namespace and
   * ports included.
   */
  async plumb(
    containerId: string,
    names: string[],
    netns: string,
    ports: PortMapping[],
    endpoint: (network: string, index: number) => EndpointRequest,
  ): Promise<NetworkAttachment[]> {
    const claimed = this.parking.claim(containerId);
    if (claimed) {
      const attachments = claimed.map((a, i) => ({ ...a, aliases: endpoint(a.network, i).aliases }));
      await this.networkReady(attachments);
      return attachments;
    }
    const attachments: NetworkAttachment[] = [];
    try {
      for (const [i, network] of names.entries())
        attachments.push(
          await this.cni.add(
            containerId,
            netns,
            this.get(network),
            `eth${i}`,
            i === 0 ? ports : [],
            endpoint(network, i),
          ),
        );
      await this.networkReady(attachments);
      await this.overlaysPlumbed(containerId, netns, attachments);
      return attachments;
    } catch (error) {
      await this.detach({ id: containerId, networks: attachments, boundPorts: ports }).catch(() => undefined);
      throw error;
    }
  }

  /** The nameserver a container on NAMES uses (its first network first): the agent's, or none (the host's apply). */
  nameserverFor(names: string[]): string | null {
    return this.dns.nameserverFor(names);
  }

  /** Make sure the resolver a container on NAMES asks serves (after a start or a live restore). */
  serveDns(names: string[]): Promise<void> {
    return this.dns.serve(names);
  }

  /**
   * The cluster overlay network REF for a new container (`run --network REF`), when REF is
   * no network of this machine's own and this machine is in a cluster; null otherwise.
   */
  async attachOverlay(ref: string, containerId: string): Promise<ClusterAttachment | null> {
    if (this.catalog.isOwn(ref)) return null;
    return this.overlays.attach(ref, containerId);
  }

  /** Give back the cluster addresses of a container removed (best effort: the manager also frees them when the machine leaves). */
  async detachOverlays(c: Pick<ContainerRecord, 'networks'>): Promise<void> {
    for (const a of c.networks)
      if (a.cluster)
        await this.overlays
          .detach(a.cluster)
          .catch((error: unknown) =>
            this.log.warn(`leaving network ${a.network}: ${(error as Error).message}`),
          );
  }

  /** A container that kept running while the agent was away: its overlay hooks again. */
  async adopt(c: ContainerRecord): Promise<void> {
    await this.overlaysPlumbed(c.id, containerNetns(c.id), c.networks);
  }

  /** One more network for a running container, on the next free interface. */
  async connect(c: ContainerRecord, network: string, aliases: string[]): Promise<NetworkAttachment> {
    const n = this.get(network);
    if (n.driver !== 'bridge')
      throw new ConflictError(
        n.driver === 'overlay'
          ? `a running container cannot join the overlay network ${n.name}; give it with --network when the container is made`
          : `container cannot be connected to the ${n.name} network`,
      );
    const used = new Set(c.networks.map((a, i) => a.ifname ?? `eth${i}`));
    let index = 0;
    while (used.has(`eth${index}`)) index++;
    await this.rules.ensure(n);
    void this.serveDns([n.name]).catch((error: unknown) => this.log.warn((error as Error).message));
    return this.cni.add(c.id, containerNetns(c.id), n, `eth${index}`, [], { aliases });
  }

  /** Take one network's interface out of a running container. */
  async disconnect(c: ContainerRecord, a: NetworkAttachment): Promise<void> {
    const ifname = a.ifname ?? `eth${c.networks.indexOf(a)}`;
    await this.cni.del(c.id, containerNetns(c.id), this.get(a.network), a, ifname, []);
  }

  /** Undo prepare() and plumb() now: every network's DEL, the namespace, the held ports. Best effort; the first failure is reported. */
  detach(c: Pick<ContainerRecord, 'id' | 'networks' | 'boundPorts'>): Promise<void> {
    return this.teardowns.detach(c);
  }

  /**
   * Undo prepare() and plumb() in the background: a run's exit status need not wait for its
   * network to be taken down. Ports stay held until it is; the container's next start, and
   * starts that publish ports, wait for it.
   */
  release(c: Pick<ContainerRecord, 'id' | 'networks' | 'boundPorts'>): Promise<void> {
    return this.parking.release(c);
  }

  /**
   * A stopped container's network: parked for the next task container on the same networks when
   * parking.ts allows (journaled as a teardown all the while), else released.
   */
  releaseOrPark(c: ContainerRecord): Promise<void> {
    return this.parking.park(c);
  }

  /**
   * C, a running container, is being stopped: a container readied meanwhile on the same networks
   * may wait for its namespace (prepare's waitForParking) instead of making one. Call the answer
   * once C has exited (parked or not).
   */
  stoppingContainer(c: ContainerRecord): () => void {
    return this.parking.stoppingContainer(c);
  }

  /** Teardowns a previous agent journaled and did not finish. */
  onApplicationBootstrap(): void {
    for (const teardown of this.journal.takeAll()) void this.release(teardown);
  }

  settle(containerId: string): Promise<void> {
    return this.teardowns.settle(containerId);
  }

  settleAll(): Promise<void> {
    return this.teardowns.settleAll();
  }

  /** Hold again the ports of a container that kept running while the agent was away. */
  rehold(c: ContainerRecord): Promise<void> {
    return this.ports.rehold(c);
  }

  releasePorts(containerId: string): Promise<void> {
    return this.ports.release(containerId);
  }

  async onApplicationShutdown(): Promise<void> {
    this.parking.releaseAll();
    await this.settleAll();
    await this.ports.releaseAll();
    await this.dns.stopAll();
  }

  /** Each attachment's network NAT and forwarding, and the container's DNS, made sure of. */
  private async networkReady(attachments: readonly NetworkAttachment[]): Promise<void> {
    for (const a of attachments) await this.rules.ensure(this.get(a.network));
    await this.serveDns(attachments.map((a) => a.network));
  }

  /** Tell the cluster side of a container's overlay interfaces, so its load balancing is in place before it runs. */
  private async overlaysPlumbed(
    containerId: string,
    netns: string,
    attachments: readonly NetworkAttachment[],
  ) {
    const overlays = attachments
      .filter((a) => this.find(a.network)?.driver === 'overlay')
      .map((a) => a.network);
    if (overlays.length) await this.overlays.plumbed(containerId, netns, overlays);
  }
}
