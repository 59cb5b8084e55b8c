/**
 * Networks: the default bridge (from the agent's flags), host and none, and
 * user-defined bridge networks. Attaching a container means a named network
 * namespace, the loopback plugin, and the bridge chain (bridge + host-local,
 * portmap when ports are published, firewall) through the standard CNI
 * plugins; published host ports are held for as long as the container runs.
 * Overlay networks are the cluster's: this agent learns of them from the
 * manager (OVERLAY_HOOKS) and puts containers on them with the address the
 * manager gave; their names resolve through the cluster's DNS on the
 * default bridge, scoped to the networks of the container that asks.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  attachmentOf,
  bridgePlugins,
  overlayPlugins,
  macOf,
  OVERLAY_MTU,
  bridgeName as overlayBridgeName,
  CniRunner,
  DEFAULT_PLUGIN_DIRS,
  ExhaustedError,
  gatewayOf,
  nextSubnet,
  DnsServer,
  ensureForwarding,
  ensureMasquerade,
  nameserversOf,
  removeForwarding,
  removeMasquerade,
  createNetns,
  deleteNetns,
  renameNetns,
  netnsPath,
  reservePorts,
  type BridgeNetwork,
  type PortMapping,
  type Reservation,
} from '@berth/network';
import type { RunProgram } from '@berth/process';
import { AGENT_CONFIG, ENDPOINT_DIRECTORY, OVERLAY_HOOKS } from '../tokens';
import type { EndpointDirectory, OverlayHooks } from './hooks';
import { ProgramsService } from '../system/programs.service';
import { PARK_LIMIT, PARK_MS, PARK_WAIT_MS, parkingKey, takingKey } from './parking';
import type { AgentConfig } from '../config';
import { ConflictError, InvalidArgumentError, NotFoundError } from '../errors';
import { EventsService } from '../events/events.service';
import type { ContainerRecord } from '../containers/model';
import type { ClusterAttachment, NetworkAttachment } from './attachment';

export interface NetworkRecord {
  id: string;
  name: string;
  driver: 'bridge' | 'host' | 'null' | 'overlay';
  bridge: string;
  subnet: string;
  gateway: string;
  internal: boolean;
  attachable: boolean;
  labels: Record<string, string>;
  created: string;
  builtin: boolean;
  /** overlay networks: the VXLAN id (their bridge is bo<vni>) */
  vni?: number;
}

/** Where a container's interface on a network comes from: aliases there, and an address given by the cluster. */
export interface EndpointRequest {
  aliases: string[];
  /** CIDR; overlay networks only */
  address?: string;
}

/** The network namespace of a container, named so that what Berth made can be found and removed. */
export function netnsName(containerId: string): string {
  return `berth-${containerId.slice(0, 12)}`;
}

/** What taking a container's network down needs, journaled until done. */
type Teardown = Pick<ContainerRecord, 'id' | 'networks' | 'boundPorts'>;

/** A stopped task container's namespace waiting for a taker (parking.ts); its teardown stays journaled. */
interface Parked {
  teardown: Teardown;
  key: string;
  timer: NodeJS.Timeout;
}

@Injectable()
export class NetworksService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly file: string;
  private readonly ipamDir: string;
  private readonly teardownDir: string;
  private readonly cni: CniRunner;
  private networks: NetworkRecord[];
  private readonly log = new Logger('networks');
  private readonly reservations = new Map<string, Reservation[]>();
  /** Teardowns still running, by container: a container's next start waits for its own. */
  private readonly teardowns = new Map<string, Promise<void>>();
  /** Parked namespaces by parking key, oldest first; and by the container they were made for. */
  private readonly parked = new Map<string, Parked[]>();
  private readonly parkedIds = new Set<string>();
  /** Namespaces taken over by containers being started, until plumb() hands out their attachments. */
  private readonly taken = new Map<string, Teardown>();
  private readonly driverOf = (network: string) => this.find(network)?.driver;
  /** Task containers being stopped, counted by parking key; and who waits for one of them to park. */
  private readonly stopping = new Map<string, number>();
  private readonly parkingWaiters = new Map<string, Set<() => void>>();
  /** Networks whose masquerade rule this agent has made sure of. */
  private readonly masqueraded = new Set<string>();
  /** The DNS server of each user network that has had a container attached, by network name. */
  private readonly dnsServers = new Map<string, Promise<DnsServer | null>>();
  /** Overlay networks met, by name: a container's teardown still knows its network after the cluster forgot it. */
  private readonly overlaysSeen = new Map<string, NetworkRecord>();

  constructor(
    @Inject(AGENT_CONFIG) private readonly config: AgentConfig,
    private readonly events: EventsService,
    private readonly programs: ProgramsService,
    @Inject(OVERLAY_HOOKS) private readonly overlays: OverlayHooks,
    @Inject(ENDPOINT_DIRECTORY) private readonly directory: EndpointDirectory,
  ) {
    this.cni = new CniRunner(DEFAULT_PLUGIN_DIRS, programs.run);
    const dir = path.join(config.dataRoot, 'network');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.file = path.join(dir, 'networks.json');
    this.ipamDir = path.join(dir, 'ipam');
    this.teardownDir = path.join(dir, 'teardowns');
    fs.mkdirSync(this.teardownDir, { recursive: true });
    this.networks = this.load();
  }

  private load(): NetworkRecord[] {
    let user: NetworkRecord[] = [];
    try {
      user = (JSON.parse(fs.readFileSync(this.file, 'utf8')) as NetworkRecord[]).filter((n) => !n.builtin);
    } catch {
      // none yet
    }
    const now = new Date().toISOString();
    const builtin = (
      name: string,
      driver: NetworkRecord['driver'],
      extra: Partial<NetworkRecord> = {},
    ): NetworkRecord => ({
      id: crypto.createHash('sha256').update(`${this.config.dataRoot}:${name}`).digest('hex'),
      name,
      driver,
      bridge: '',
      subnet: '',
      gateway: '',
      internal: false,
      attachable: false,
      labels: {},
      created: now,
      builtin: true,
      ...extra,
    });
    return [
      builtin('bridge', 'bridge', {
        bridge: this.config.bridge,
        subnet: this.config.bridgeSubnet,
        gateway: gatewayOf(this.config.bridgeSubnet),
      }),
      builtin('host', 'host'),
      builtin('none', 'null'),
      ...user,
    ];
  }

  private persist(): void {
    const tmp = `${this.file}.${process.pid}`;
    fs.writeFileSync(tmp, JSON.stringify(this.networks.filter((n) => !n.builtin)));
    fs.renameSync(tmp, this.file);
  }

  list(): NetworkRecord[] {
    return [...this.networks];
  }

  find(ref: string): NetworkRecord | null {
    return (
      this.networks.find((n) => n.name === ref) ??
      this.networks.find((n) => n.id.startsWith(ref) && ref.length >= 3) ??
      this.findOverlay(ref)
    );
  }

  private findOverlay(ref: string): NetworkRecord | null {
    const info = this.overlays.find(ref);
    if (!info) return this.overlaysSeen.get(ref) ?? null;
    const record: NetworkRecord = {
      id: info.id,
      name: info.name,
      driver: 'overlay',
      bridge: overlayBridgeName(info.vni),
      subnet: info.subnet,
      gateway: '',
      internal: false,
      attachable: info.attachable,
      labels: {},
      created: '',
      builtin: false,
      vni: info.vni,
    };
    this.overlaysSeen.set(info.name, record);
    return record;
  }

  get(ref: string): NetworkRecord {
    const n = this.find(ref);
    if (!n) throw new NotFoundError(`network ${ref} not found`);
    return n;
  }

  /** A /24 of the network pool that no network here uses. */
  private freeSubnet(used: readonly string[]): string {
    try {
      return nextSubnet(this.config.networkPool, 24, [this.config.bridgeSubnet, ...used]);
    } catch (error) {
      if (!(error instanceof ExhaustedError)) throw error;
      throw new ConflictError(
        `no free /24 left in the network pool ${this.config.networkPool}; remove unused networks or give --subnet`,
      );
    }
  }
  create(req: {
    name: string;
    driver?: string;
    subnet?: string;
    gateway?: string;
    internal?: boolean;
    attachable?: boolean;
    labels?: Record<string, string>;
  }): NetworkRecord {
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(req.name))
      throw new InvalidArgumentError(`invalid network name "${req.name}"`);
    if (this.find(req.name)?.name === req.name)
      throw new ConflictError(`network with name ${req.name} already exists`);
    const driver = req.driver || 'bridge';
    if (driver !== 'bridge')
      throw new InvalidArgumentError(
        `driver "${driver}" is not supported on one machine (bridge); overlay networks come with the cluster`,
      );
    const used = this.networks.filter((n) => n.subnet).map((n) => n.subnet);
    const subnet = req.subnet || this.freeSubnet(used);
    if (!/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/.test(subnet))
      throw new InvalidArgumentError(`invalid subnet "${subnet}" (use e.g. 10.90.0.0/24)`);
    if (used.includes(subnet)) throw new ConflictError(`subnet ${subnet} is already used by another network`);
    const id = crypto.randomBytes(32).toString('hex');
    const record: NetworkRecord = {
      id,
      name: req.name,
      driver: 'bridge',
      bridge: `br-${id.slice(0, 12)}`,
      subnet,
      gateway: req.gateway || gatewayOf(subnet),
      internal: req.internal ?? false,
      attachable: req.attachable ?? false,
      labels: req.labels ?? {},
      created: new Date().toISOString(),
      builtin: false,
    };
    this.networks.push(record);
    this.persist();
    this.events.emit('network', 'create', id, { name: req.name, type: 'bridge' });
    return record;
  }

  /** How DNS finds containers by name, and askers by address: the containers service knows them. */
  /**
   * The resolver of user network N, on its gateway's port 53 (the bridge
   * must be up, i.e. a container attached). Containers on N ask it their
   * neighbours' names; other names go to the host's resolvers (or --dns).
   */
  private ensureDns(n: NetworkRecord): Promise<DnsServer | null> {
    let server = this.dnsServers.get(n.name);
    if (!server) {
      const upstreams = this.config.dnsUpstream.length
        ? this.config.dnsUpstream
        : nameserversOf(
            readText('/etc/resolv.conf'),
            this.networks.map((x) => x.gateway),
          );
      server = DnsServer.listen({
        address: n.gateway,
        port: 53,
        upstreams,
        lookup: (name, from) => this.lookup(n, name, from),
      }).catch((error: unknown) => {
        this.dnsServers.delete(n.name);
        throw new ConflictError(
          `cannot serve DNS for network ${n.name} on ${n.gateway}:53: ${(error as Error).message}`,
        );
      });
      this.dnsServers.set(n.name, server);
    }
    return server;
  }

  /**
   * What the server on N answers the container at FROM for NAME: containers on N by name, and
   * on the default bridge, the services of the overlay networks that container is on.
   */
  private lookup(n: NetworkRecord, name: string, from: string): string[] | null {
    const own = this.directory.addressesOn(n.name, name);
    if (own) return own;
    const overlays = (this.directory.networksAt(n.name, from) ?? []).filter((x) => this.find(x)?.driver === 'overlay');
    return overlays.length ? this.overlays.resolve(overlays, name) : null;
  }

  /** The network among NAMES whose resolver the container asks: its first, if a user network; the default bridge, for overlay ones. */
  private dnsNetwork(names: string[]): NetworkRecord | null {
    const first = this.find(names[0]);
    if (first && !first.builtin && first.driver === 'bridge') return first;
    const bridge = this.find('bridge');
    if (bridge && names.includes(bridge.name) && names.some((x) => this.find(x)?.driver === 'overlay'))
      return bridge;
    return null;
  }

  /** The nameserver a container on NAMES uses (its first network first): the agent's, or none (the host's apply). */
  nameserverFor(names: string[]): string | null {
    return this.dnsNetwork(names)?.gateway ?? null;
  }

  /** Make sure the resolver a container on NAMES asks serves (after a start or a live restore). */
  async serveDns(names: string[]): Promise<void> {
    const n = this.dnsNetwork(names);
    if (n) await this.ensureDns(n);
  }

  /** Remove a user network nothing is attached to (CONTAINERS: the names of those attached). */
  async remove(ref: string, attached: string[]): Promise<void> {
    const n = this.get(ref);
    if (n.builtin) throw new ConflictError(`${n.name} is a pre-defined network and cannot be removed`);
    if (attached.length)
      throw new ConflictError(
        `error while removing network: network ${n.name} id ${n.id} has active endpoints (${attached.join(', ')})`,
      );
    this.networks = this.networks.filter((x) => x.id !== n.id);
    this.persist();
    this.masqueraded.delete(n.name);
    await removeMasquerade(n.subnet, n.bridge, this.programs.run);
    await removeForwarding(n.bridge, this.programs.run);
    const dns = this.dnsServers.get(n.name);
    this.dnsServers.delete(n.name);
    await (await dns?.catch(() => null))?.close();
    await deleteLink(n.bridge, this.programs.run);
    fs.rmSync(path.join(this.ipamDir, n.name), { recursive: true, force: true });
    this.events.emit('network', 'destroy', n.id, { name: n.name, type: 'bridge' });
  }

  private cniNetwork(n: NetworkRecord): BridgeNetwork {
    return {
      name: n.name,
      bridge: n.bridge,
      subnet: n.subnet,
      gateway: n.gateway,
      ipamDir: this.ipamDir,
      internal: n.internal,
    };
  }

  /** Fails (with Docker's message) if a host port is taken, holding nothing afterwards. */
  async checkPorts(ports: readonly PortMapping[]): Promise<void> {
    const held = await reservePorts(ports.filter((p) => p.hostPort !== 0));
    await Promise.all(held.map((r) => r.close()));
  }

  /**
   * The first half of networking a container for a start: its host ports
   * held and its namespace made (what the runtime needs to create it).
   * Null namespace for host and none. Undone on failure.
   */
  async prepare(
    c: ContainerRecord,
    names: readonly string[],
    options: { waitForParking?: boolean } = {},
  ): Promise<{ netns: string | null; ports: PortMapping[] }> {
    const primary = this.get(c.hostConfig.network);
    if (primary.driver !== 'bridge') return { netns: null, ports: [] };
    await this.settle(c.id); // its last run's namespace goes first
    const taken = await this.take(c, names, options.waitForParking ?? false);
    if (taken) return { netns: taken, ports: [] };
    if (c.hostConfig.ports.length) await this.settleAll(); // ports others are still giving back
    const reservations = await reservePorts(c.hostConfig.ports);
    // an entry only for ports held: release() takes one as something of this container's to undo
    if (reservations.length) this.reservations.set(c.id, reservations);
    const name = netnsName(c.id);
    try {
      await deleteNetns(name, this.programs.run); // left by a crash: start clean
      return { netns: await createNetns(name, this.programs.run), ports: reservations.map((r) => r.mapping) };
    } catch (error) {
      await this.releasePorts(c.id);
      throw error;
    }
  }

  /**
   * The second half: one interface per network of NAMES in the namespace
   * prepare() made (ALIASES by network), through CNI; the network's NAT and
   * DNS made sure of. Loopback is the container init's (a runtime step, not
   * a plugin run). On failure everything is undone, the namespace and ports
   * included.
   */
  async plumb(
    containerId: string,
    names: string[],
    netns: string,
    ports: PortMapping[],
    endpoint: (network: string, index: number) => EndpointRequest,
  ): Promise<NetworkAttachment[]> {
    const taken = this.taken.get(containerId);
    if (taken) {
      this.taken.delete(containerId);
      const attachments = takenAttachments(taken).map((a, i) => ({
        ...a,
        aliases: endpoint(a.network, i).aliases,
      }));
      for (const a of attachments) await this.masquerade(this.get(a.network));
      await this.serveDns(attachments.map((a) => a.network));
      return attachments;
    }
    const attachments: NetworkAttachment[] = [];
    try {
      for (const [i, networkName] of names.entries()) {
        const n = this.get(networkName);
        attachments.push(
          await this.addInterface(
            containerId,
            netns,
            n,
            `eth${i}`,
            i === 0 ? ports : [],
            endpoint(networkName, i),
          ),
        );
      }
      for (const a of attachments) await this.masquerade(this.get(a.network));
      await this.serveDns(attachments.map((a) => a.network));
      await this.overlaysPlumbed(containerId, netns, attachments);
      return attachments;
    } catch (error) {
      await this.detach({ id: containerId, networks: attachments, boundPorts: ports }).catch(() => undefined);
      throw error;
    }
  }

  private async addInterface(
    containerId: string,
    netns: string,
    n: NetworkRecord,
    ifname: string,
    ports: PortMapping[],
    endpoint: EndpointRequest,
  ): Promise<NetworkAttachment> {
    if (n.driver === 'overlay' && !endpoint.address)
      throw new InvalidArgumentError(
        `network ${n.name} is an overlay network: its addresses come from the cluster's manager`,
      );
    const result = await this.cni.add(n.name, this.pluginsFor(n, ports, endpoint.address), {
      containerId,
      netns,
      ifname,
    });
    const a = attachmentOf(result, ifname);
    return {
      network: n.name,
      ifname,
      ip: a.ip,
      prefixLength: a.prefixLength,
      gateway: a.gateway,
      mac: a.mac,
      aliases: endpoint.aliases,
      cniResult: result,
      ...(endpoint.address ? { requestedAddress: endpoint.address } : {}),
      ...(n.driver === 'overlay' ? {} : { forwarding: 'network' as const }),
    };
  }

  /**
   * The CNI chain of N: bridge networks' (with PORTS on the first), or an overlay endpoint at
   * ADDRESS. For a DEL, MADE is the attachment: one made through the firewall plugin gets it again.
   */
  private pluginsFor(
    n: NetworkRecord,
    ports: readonly PortMapping[],
    address?: string,
    made?: NetworkAttachment,
  ) {
    if (n.driver !== 'overlay')
      return bridgePlugins(this.cniNetwork(n), ports, {
        firewall: made !== undefined && made.forwarding !== 'network',
      });
    return overlayPlugins({
      bridge: n.bridge,
      address: address ?? '',
      mac: macOf(address ?? ''),
      mtu: OVERLAY_MTU,
    });
  }

  /** Tell the cluster side of a container's overlay interfaces, so its load balancing is in place before it runs. */
  private async overlaysPlumbed(containerId: string, netns: string, attachments: NetworkAttachment[]) {
    const overlays = attachments
      .filter((a) => this.find(a.network)?.driver === 'overlay')
      .map((a) => a.network);
    if (overlays.length) await this.overlays.plumbed(containerId, netns, overlays);
  }

  /**
   * The cluster overlay network REF for a new container (`run --network REF`), when REF is
   * no network of this machine's own and this machine is in a cluster; null otherwise.
   */
  async attachOverlay(ref: string, containerId: string): Promise<ClusterAttachment | null> {
    if (this.networks.some((n) => n.name === ref || (ref.length >= 3 && n.id.startsWith(ref)))) return null;
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
    await this.overlaysPlumbed(c.id, netnsPath(netnsName(c.id)), c.networks);
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
    await this.masquerade(n);
    void this.serveDns([n.name]).catch((error: unknown) => this.log.warn((error as Error).message));
    return this.addInterface(c.id, netnsPath(netnsName(c.id)), n, `eth${index}`, [], { aliases });
  }

  /** Take one network's interface out of a running container. */
  async disconnect(c: ContainerRecord, a: NetworkAttachment): Promise<void> {
    const n = this.get(a.network);
    const ifname = a.ifname ?? `eth${c.networks.indexOf(a)}`;
    await this.cni.del(
      n.name,
      this.pluginsFor(n, [], a.requestedAddress, a),
      { containerId: a.cniContainerId ?? c.id, netns: netnsPath(netnsName(c.id)), ifname },
      a.cniResult,
    );
  }

  /** Undo attach(): every network's DEL, the namespace, the held ports. Best effort; the first failure is reported. */
  async detach(c: Pick<ContainerRecord, 'id' | 'networks' | 'boundPorts'>): Promise<void> {
    const name = netnsName(c.id);
    let first: unknown = null;
    const netns = netnsPath(name);
    this.overlays.released(c.id);
    for (const [i, a] of c.networks.entries()) {
      const n = this.find(a.network);
      if (!n) continue;
      try {
        await this.cni.del(
          n.name,
          this.pluginsFor(n, i === 0 ? c.boundPorts : [], a.requestedAddress, a),
          { containerId: a.cniContainerId ?? c.id, netns, ifname: a.ifname ?? `eth${i}` },
          a.cniResult,
        );
      } catch (error) {
        first ??= error;
      }
    }
    await deleteNetns(name, this.programs.run).catch((error: unknown) => (first ??= error));
    await this.releasePorts(c.id);
    if (first) throw first;
  }

  /** A bridge network's forwarding, and its outbound NAT unless internal: made sure of once per agent. */
  private async masquerade(n: NetworkRecord): Promise<void> {
    if (n.driver === 'overlay' || this.masqueraded.has(n.name)) return;
    await ensureForwarding(n.bridge, this.programs.run);
    if (!n.internal) await ensureMasquerade(n.subnet, n.bridge, this.programs.run);
    this.masqueraded.add(n.name);
  }

  /**
   * Undo attach() in the background: a run's exit status need not wait for
   * its network to be taken down. Ports stay held until it is; the
   * container's next start, and starts that publish ports, wait for it.
   */
  release(c: Pick<ContainerRecord, 'id' | 'networks' | 'boundPorts'>): Promise<void> {
    const pending = this.teardowns.get(c.id);
    if (pending) return pending;
    if (this.parkedIds.has(c.id)) return Promise.resolve(); // the parking's now, until taken or due
    const taken = this.taken.get(c.id);
    if (taken) {
      // taken over but never plumbed (the start failed before): its attachments are the parked ones
      this.taken.delete(c.id);
      c = { ...c, networks: takenAttachments(taken) };
    }
    const attached = c.networks.some((a) => a.cniResult) || fs.existsSync(netnsPath(netnsName(c.id)));
    if (!attached && !this.reservations.has(c.id)) return Promise.resolve();
    const snapshot: Teardown = {
      id: c.id,
      networks: c.networks.map((a) => ({ ...a })),
      boundPorts: [...c.boundPorts],
    };
    this.journal(snapshot);
    const done = this.detach(snapshot)
      .then(() => this.unjournal(snapshot.id))
      .catch((error: unknown) =>
        this.log.warn(`network teardown of ${c.id.slice(0, 12)}: ${(error as Error).message}`),
      )
      .finally(() => this.teardowns.delete(c.id));
    this.teardowns.set(c.id, done);
    return done;
  }

  /** A teardown written down first: an agent killed before it is done finishes it when it starts again. */
  private journal(teardown: Teardown): void {
    fs.writeFileSync(this.journalEntry(teardown.id), JSON.stringify(teardown));
  }

  /** The teardown of container ID done, or no longer this journal's to do. */
  private unjournal(id: string): void {
    fs.rmSync(this.journalEntry(id), { force: true });
  }

  private journalEntry(id: string): string {
    return path.join(this.teardownDir, `${id}.json`);
  }

  /**
   * A stopped container's network: parked for the next task container on the same networks when
   * parking.ts allows (journaled as a teardown all the while), else released.
   */
  releaseOrPark(c: ContainerRecord): Promise<void> {
    const key = this.teardowns.has(c.id) ? null : parkingKey(c, this.driverOf);
    const pool = key === null ? [] : (this.parked.get(key) ?? []);
    if (key === null || pool.length >= PARK_LIMIT || this.parkedIds.has(c.id)) return this.release(c);
    const teardown: Teardown = { id: c.id, networks: c.networks.map((a) => ({ ...a })), boundPorts: [] };
    this.journal(teardown);
    const parked: Parked = { teardown, key, timer: setTimeout(() => this.unpark(parked), PARK_MS) };
    parked.timer.unref();
    pool.push(parked);
    this.parked.set(key, pool);
    this.parkedIds.add(c.id);
    this.wakeParkingWaiters(key);
    return Promise.resolve();
  }

  /**
   * C, a running container, is being stopped: a container readied meanwhile on the same networks
   * may wait for its namespace (prepare's waitForParking) instead of making one. Call the answer
   * once C has exited (parked or not).
   */
  stoppingContainer(c: ContainerRecord): () => void {
    const key = parkingKey(c, this.driverOf);
    if (key === null) return () => undefined;
    this.stopping.set(key, (this.stopping.get(key) ?? 0) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const left = (this.stopping.get(key) ?? 1) - 1;
      if (left > 0) this.stopping.set(key, left);
      else this.stopping.delete(key);
      this.wakeParkingWaiters(key);
    };
  }

  private wakeParkingWaiters(key: string): void {
    const waiters = this.parkingWaiters.get(key);
    this.parkingWaiters.delete(key);
    for (const wake of waiters ?? []) wake();
  }

  /** Until a namespace is parked under KEY or a container stopping under it has exited; at most PARK_WAIT_MS. */
  private waitForParking(key: string): Promise<void> {
    return new Promise((resolve) => {
      const waiters = this.parkingWaiters.get(key) ?? new Set<() => void>();
      const timer = setTimeout(wake, PARK_WAIT_MS);
      function wake() {
        clearTimeout(timer);
        waiters.delete(wake);
        resolve();
      }
      waiters.add(wake);
      this.parkingWaiters.set(key, waiters);
    });
  }

  /**
   * PARKED out of the pool; its teardown now (still journaled) unless TAKEN. A taken one stays
   * the parking's (release() of the container it was made for does nothing) until take() has
   * renamed it: that container's removal must not take it down half-way.
   */
  private unpark(parked: Parked, taken = false): void {
    clearTimeout(parked.timer);
    const pool = this.parked.get(parked.key) ?? [];
    pool.splice(pool.indexOf(parked), 1);
    if (!pool.length) this.parked.delete(parked.key);
    if (taken) return;
    this.parkedIds.delete(parked.teardown.id);
    void this.release(parked.teardown);
  }

  /**
   * A parked namespace for C on NAMES (its own first, after a restart), renamed to be C's; its
   * attachments wait for plumb(). Null when there is none, or it could not be moved (then it is
   * taken down and C gets a new one).
   */
  private async take(c: ContainerRecord, names: readonly string[], wait: boolean): Promise<string | null> {
    const key = takingKey(c, names, this.driverOf);
    if (key === null) return null;
    // a readied container starts only once the one it replaces has stopped: it may as well wait for its namespace
    if (wait && !this.parked.get(key)?.length && this.stopping.has(key)) await this.waitForParking(key);
    const pool = this.parked.get(key);
    if (!pool?.length) return null;
    const parked = pool.find((p) => p.teardown.id === c.id) ?? pool[0];
    this.unpark(parked, true);
    const { teardown } = parked;
    try {
      if (teardown.id !== c.id) {
        await deleteNetns(netnsName(c.id), this.programs.run); // left by a crash
        await renameNetns(netnsName(teardown.id), netnsName(c.id), this.programs.rebind);
      }
    } catch (error) {
      this.log.warn(
        `taking over the network namespace of ${teardown.id.slice(0, 12)}: ${(error as Error).message}`,
      );
      this.parkedIds.delete(teardown.id);
      void this.release(teardown);
      return null;
    }
    // the journal's teardown would now take down C's namespace: C's record carries it from here
    this.unjournal(teardown.id);
    this.parkedIds.delete(teardown.id);
    this.taken.set(c.id, teardown);
    return netnsPath(netnsName(c.id));
  }

  /** Teardowns a previous agent journaled and did not finish. */
  onApplicationBootstrap(): void {
    for (const file of fs.readdirSync(this.teardownDir)) {
      let teardown: Teardown;
      try {
        teardown = JSON.parse(fs.readFileSync(path.join(this.teardownDir, file), 'utf8')) as Teardown;
      } catch {
        fs.rmSync(path.join(this.teardownDir, file), { force: true });
        continue;
      }
      fs.rmSync(path.join(this.teardownDir, file), { force: true });
      void this.release(teardown);
    }
  }

  settle(containerId: string): Promise<void> {
    return this.teardowns.get(containerId) ?? Promise.resolve();
  }

  async settleAll(): Promise<void> {
    await Promise.all(this.teardowns.values());
  }

  /** Hold again the ports of a container that kept running while the agent was away. */
  async rehold(c: ContainerRecord): Promise<void> {
    if (c.boundPorts.length) this.reservations.set(c.id, await reservePorts(c.boundPorts));
  }

  async releasePorts(containerId: string): Promise<void> {
    const held = this.reservations.get(containerId) ?? [];
    this.reservations.delete(containerId);
    await Promise.all(held.map((r) => r.close()));
  }

  async onApplicationShutdown(): Promise<void> {
    for (const pool of [...this.parked.values()]) for (const parked of [...pool]) this.unpark(parked);
    await this.settleAll();
    for (const id of [...this.reservations.keys()]) await this.releasePorts(id);
    for (const server of this.dnsServers.values()) await (await server.catch(() => null))?.close();
    this.dnsServers.clear();
  }
}

/** A parked namespace's attachments as its taker carries them: with the CNI container id DEL must give. */
function takenAttachments(taken: Teardown): NetworkAttachment[] {
  return taken.networks.map((a) => ({ ...a, cniContainerId: a.cniContainerId ?? taken.id }));
}

async function deleteLink(name: string, run: RunProgram): Promise<void> {
  if (!name || !fs.existsSync(`/sys/class/net/${name}`)) return;
  await run(['ip', 'link', 'delete', name]); // gone meanwhile is as good as deleted
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
