/**
 * Which networks a container can be on: this machine's own (the store's), and the cluster's
 * overlay networks, as the overlay hooks tell of them. Also the rules of making a user network.
 */
import * as crypto from 'node:crypto';
import { bridgeName as overlayBridgeName, ExhaustedError, gatewayOf, nextSubnet } from '@berth/network';
import type { AgentConfig } from '../config';
import { ConflictError, InvalidArgumentError, NotFoundError } from '../errors';
import type { OverlayHooks } from './hooks';
import type { NetworkRecord, NetworkRequest } from './network-record';
import type { NetworkStore } from './network.store';

export class NetworkCatalog {
  /** Overlay networks met, by name: a container's teardown still knows its network after the cluster forgot it. */
  private readonly overlaysSeen = new Map<string, NetworkRecord>();

  constructor(
    private readonly store: NetworkStore,
    private readonly overlays: OverlayHooks,
    private readonly pool: Pick<AgentConfig, 'networkPool' | 'bridgeSubnet'>,
  ) {}

  /** This machine's networks (not the cluster's overlays). */
  list(): NetworkRecord[] {
    return [...this.store.all()];
  }

  /** By name, id prefix (3 characters or more) or, failing those, the cluster's overlay REF. */
  find(ref: string): NetworkRecord | null {
    return this.findOwn(ref) ?? this.findOverlay(ref);
  }

  get(ref: string): NetworkRecord {
    const n = this.find(ref);
    if (!n) throw new NotFoundError(`network ${ref} not found`);
    return n;
  }

  readonly driverOf = (network: string): NetworkRecord['driver'] | undefined => this.find(network)?.driver;

  /** Whether REF names one of this machine's networks (by name or id prefix), overlays aside. */
  isOwn(ref: string): boolean {
    return this.store.all().some((n) => n.name === ref || (ref.length >= 3 && n.id.startsWith(ref)));
  }

  private findOwn(ref: string): NetworkRecord | null {
    const all = this.store.all();
    return (
      all.find((n) => n.name === ref) ?? all.find((n) => n.id.startsWith(ref) && ref.length >= 3) ?? null
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

  /** A new user bridge network, kept. */
  create(req: NetworkRequest): NetworkRecord {
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(req.name))
      throw new InvalidArgumentError(`invalid network name "${req.name}"`);
    if (this.find(req.name)?.name === req.name)
      throw new ConflictError(`network with name ${req.name} already exists`);
    const driver = req.driver || 'bridge';
    if (driver !== 'bridge')
      throw new InvalidArgumentError(
        `driver "${driver}" is not supported on one machine (bridge); overlay networks come with the cluster`,
      );
    const used = this.store
      .all()
      .filter((n) => n.subnet)
      .map((n) => n.subnet);
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
    this.store.add(record);
    return record;
  }

  /** N forgotten (the caller has checked that it may be). */
  delete(n: NetworkRecord): void {
    this.store.delete(n.id);
  }

  /** A /24 of the network pool that no network here uses. */
  private freeSubnet(used: readonly string[]): string {
    try {
      return nextSubnet(this.pool.networkPool, 24, [this.pool.bridgeSubnet, ...used]);
    } catch (error) {
      if (!(error instanceof ExhaustedError)) throw error;
      throw new ConflictError(
        `no free /24 left in the network pool ${this.pool.networkPool}; remove unused networks or give --subnet`,
      );
    }
  }
}
