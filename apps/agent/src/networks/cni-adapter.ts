/**
 * A container's interfaces on networks, made and undone through the CNI plugins: per bridge
 * network the chain bridge (host-local IPAM) → portmap when ports are published, and for an
 * overlay network an endpoint at the address the cluster gave. The plugins' I/O is CniRunner's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  attachmentOf,
  bridgePlugins,
  macOf,
  OVERLAY_MTU,
  overlayPlugins,
  type CniRunner,
  type PortMapping,
} from '@berth/network';
import { InvalidArgumentError } from '../errors';
import type { NetworkAttachment } from './attachment';
import type { EndpointRequest, NetworkRecord } from './network-record';

export class CniAdapter {
  /**
   * @param ipamDir where host-local keeps the addresses it gave, a directory per network
   */
  constructor(
    private readonly cni: CniRunner,
    private readonly ipamDir: string,
  ) {}

  /** ADD: the container's interface IFNAME on N in NETNS (PORTS published through it). */
  async add(
    containerId: string,
    netns: string,
    n: NetworkRecord,
    ifname: string,
    ports: readonly PortMapping[],
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
   * DEL of attachment A (interface IFNAME, PORTS published through it), with the CNI container
   * id its ADD was made with: a namespace taken over from another container gives that one's.
   */
  async del(
    containerId: string,
    netns: string,
    n: NetworkRecord,
    a: NetworkAttachment,
    ifname: string,
    ports: readonly PortMapping[],
  ): Promise<void> {
    await this.cni.del(
      n.name,
      this.pluginsFor(n, ports, a.requestedAddress, a),
      { containerId: a.cniContainerId ?? containerId, netns, ifname },
      a.cniResult,
    );
  }

  /** The addresses host-local kept for network NAME, forgotten with it. */
  forget(name: string): void {
    fs.rmSync(path.join(this.ipamDir, name), { recursive: true, force: true });
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
      return bridgePlugins(
        {
          name: n.name,
          bridge: n.bridge,
          subnet: n.subnet,
          gateway: n.gateway,
          ipamDir: this.ipamDir,
          internal: n.internal,
        },
        ports,
        { firewall: made !== undefined && made.forwarding !== 'network' },
      );
    return overlayPlugins({
      bridge: n.bridge,
      address: address ?? '',
      mac: macOf(address ?? ''),
      mtu: OVERLAY_MTU,
    });
  }
}
