import { Injectable } from '@nestjs/common';
import {
  newObjectId,
  serviceNetworks,
  type ContainerAttachment,
  type Network,
  type NetworkSpec,
} from '@berth/cluster';
import {
  AddressError,
  DEFAULT_OVERLAY_POOL,
  DEFAULT_OVERLAY_PREFIX,
  ExhaustedError,
  gatewayOf,
  nextSubnet,
  nextVni,
  overlaps,
  parseSubnet,
  subnetOfCidr,
} from '@berth/network/ipam';
import { addressUsage, claimAddress } from '@berth/network/allocator/allocator';
import { conflict, denied, invalid } from '../errors';
import { resolveRef } from '../state/refs';
import { StateService } from '../state/state.service';

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** Overlay networks: their subnets and VXLAN ids are chosen here, once, when they are made. */
@Injectable()
export class NetworksService {
  constructor(private readonly state: StateService) {}

  list(): Network[] {
    return [...this.state.cache.list('networks')].sort((a, b) => a.spec.name.localeCompare(b.spec.name));
  }

  get(ref: string): Network {
    return resolveRef(this.list(), ref, (n) => n.spec.name, 'network');
  }

  /** The network with how its addresses stand (`network inspect`), so a leak shows. */
  inspect(ref: string): Network & { addresses: ReturnType<typeof addressUsage> } {
    const network = this.get(ref);
    return { ...network, addresses: addressUsage(this.state.cache.snapshot(Date.now()), network) };
  }

  async create(spec: NetworkSpec): Promise<Network> {
    const network = this.build(spec, []);
    const result = await this.state.commit([{ op: 'create', kind: 'networks', object: network }], {
      atomic: true,
    });
    return result.written[0] as Network;
  }

  /** A new network for SPEC, its subnet and VXLAN id chosen beside the existing ones and PENDING (made in the same write). */
  build(spec: NetworkSpec, pending: readonly Network[]): Network {
    if (!NAME.test(spec.name ?? '')) throw invalid(`invalid network name "${spec.name}"`);
    if (spec.driver !== 'overlay')
      throw invalid(
        `a cluster network's driver is overlay, not "${spec.driver}" (bridge networks belong to one machine)`,
      );
    if ([...this.list(), ...pending].some((n) => n.spec.name === spec.name))
      throw conflict(`network with name ${spec.name} already exists`);
    const subnet = this.subnetFor(spec, pending);
    return {
      id: newObjectId(),
      meta: { version: 0, createdAt: 0, updatedAt: 0 },
      spec: {
        ...spec,
        labels: spec.labels ?? {},
        attachable: !!spec.attachable,
        ingress: !!spec.ingress,
        subnet: spec.subnet ?? '',
      },
      subnet,
      gateway: gatewayOf(subnet),
      vni: nextVni([...this.list(), ...pending].map((n) => n.vni)),
    };
  }

  /** A plain container on machine NODE_ID joins the attachable network REF: its own address, kept in the network. */
  async attach(
    ref: string,
    nodeId: string,
    containerId: string,
  ): Promise<{ network: Network; attachment: ContainerAttachment }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const network = this.get(ref);
      if (!network.spec.attachable)
        throw denied(
          `network ${network.spec.name} is not attachable: only services' tasks join it (make one with \`berth network create -d overlay --attachable\`)`,
        );
      const address = claimAddress(this.state.cache.snapshot(Date.now()), network);
      if (!address)
        throw conflict(`no free address left in network ${network.spec.name} (${network.subnet})`);
      const attachment: ContainerAttachment = { id: newObjectId(), nodeId, containerId, address };
      const next: Network = { ...network, attachments: [...(network.attachments ?? []), attachment] };
      const result = await this.state.commit([{ op: 'update', kind: 'networks', object: next }]);
      if (!result.conflicts.length) return { network: next, attachment };
    }
    throw conflict('the network kept changing while an address was taken for the container; try again');
  }

  /** The container of attachment ID left network NETWORK_ID (or never started): its address is free again. */
  async detach(networkId: string, attachmentId: string, nodeId: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const network = this.state.cache.get('networks', networkId);
      const gone = network?.attachments?.find((a) => a.id === attachmentId && a.nodeId === nodeId);
      if (!network || !gone) return;
      const next = { ...network, attachments: network.attachments!.filter((a) => a !== gone) };
      const result = await this.state.commit([{ op: 'update', kind: 'networks', object: next }]);
      if (!result.conflicts.length) return;
    }
    throw conflict('the network kept changing while the container left it; try again');
  }

  async remove(ref: string): Promise<void> {
    const network = this.get(ref);
    const users = this.state.cache
      .list('services')
      .filter((s) =>
        serviceNetworks(s.spec, network.spec.ingress ? network : undefined).some(
          (n) => n.target === network.id,
        ),
      )
      .map((s) => s.spec.name);
    if (users.length)
      throw conflict(
        `network ${network.spec.name} is in use by service${users.length > 1 ? 's' : ''} ${users.join(', ')}`,
      );
    const result = await this.state.commit([{ op: 'delete', kind: 'networks', object: network }]);
    if (result.conflicts.length) throw conflict(`network ${network.spec.name} changed meanwhile; try again`);
  }

  /**
   * The subnet asked for, if it overlaps nothing, else the first free /24 of the pool, stepping
   * over other overlays and the networks the machines themselves are on.
   */
  private subnetFor(spec: NetworkSpec, pending: readonly Network[]): string {
    const taken = [
      ...[...this.list(), ...pending].map((n) => n.subnet),
      ...this.state.cache
        .list('nodes')
        .map((n) => n.status.addr)
        .filter((addr) => /^\d+\.\d+\.\d+\.\d+$/.test(addr))
        .map((addr) => `${addr}/24`),
    ];
    try {
      if (!spec.subnet) return nextSubnet(DEFAULT_OVERLAY_POOL, DEFAULT_OVERLAY_PREFIX, taken);
      const wanted = parseSubnet(spec.subnet);
      const clash = taken.find((t) => overlaps(subnetOfCidr(t), wanted));
      if (clash) throw conflict(`subnet ${spec.subnet} overlaps ${clash}, which is in use`);
      return spec.subnet;
    } catch (error) {
      if (error instanceof AddressError || error instanceof ExhaustedError) throw invalid(error.message);
      throw error;
    }
  }
}
