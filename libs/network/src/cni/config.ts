/**
 * The CNI configuration Berth hands the standard plugins for a bridge
 * network: bridge (with host-local IPAM), then portmap when ports are
 * published. No loopback plugin: the container's init brings "lo" up. No firewall plugin: the agent
 * keeps the network's FORWARD rules (masquerade.ts). Pure.
 */
import type { PortMapping } from '../ports';

export interface BridgeNetwork {
  /** The network's name (CNI's "name"); also keys host-local's allocations. */
  name: string;
  /** The Linux bridge device, at most 15 characters. */
  bridge: string;
  subnet: string;
  gateway?: string;
  /** Where host-local keeps its allocations (per agent, under the data root). */
  ipamDir: string;
  /** No masquerade to the outside world. */
  internal?: boolean;
}

export const CNI_VERSION = '1.0.0';

export type PluginConfig = Record<string, unknown> & { type: string };

/** FIREWALL: only to undo an attachment made when the chain still ended with CNI's firewall plugin. */
export function bridgePlugins(
  net: BridgeNetwork,
  ports: readonly PortMapping[],
  options: { firewall?: boolean } = {},
): PluginConfig[] {
  const plugins: PluginConfig[] = [
    {
      type: 'bridge',
      bridge: net.bridge,
      isGateway: true,
      // one masquerade rule per network, kept by the agent (masquerade.ts): per-container rules cost ~60 ms a run
      ipMasq: false,
      hairpinMode: true,
      ipam: {
        type: 'host-local',
        ranges: [[{ subnet: net.subnet, ...(net.gateway ? { gateway: net.gateway } : {}) }]],
        routes: net.internal ? [] : [{ dst: '0.0.0.0/0' }],
        dataDir: net.ipamDir,
      },
    },
  ];
  if (ports.length)
    plugins.push({
      type: 'portmap',
      capabilities: { portMappings: true },
      snat: true,
      runtimeConfig: {
        portMappings: ports.map((p) => ({
          hostPort: p.hostPort,
          containerPort: p.containerPort,
          protocol: p.protocol,
          hostIP: p.hostIp,
        })),
      },
    });
  if (options.firewall) plugins.push({ type: 'firewall', backend: 'iptables' });
  return plugins;
}

/** A container's place on an overlay network: its bridge, and the address the manager gave it. */
export interface OverlayEndpoint {
  /** bo<vni>, made by the agent's overlay plumbing */
  bridge: string;
  /** CIDR, e.g. 10.0.1.5/24 */
  address: string;
  /** pinned, so other machines can forward to it without learning (overlay/plan.ts) */
  mac: string;
  mtu: number;
}

/**
 * The plugins that put a container on an overlay network: a veth into the network's bridge
 * with the given address (static IPAM; no gateway, no default route: that stays with the
 * machine's bridge) and its pinned MAC (tuning). No NAT and no firewall: it is one L2 segment.
 */
export function overlayPlugins(endpoint: OverlayEndpoint): PluginConfig[] {
  return [
    {
      type: 'bridge',
      bridge: endpoint.bridge,
      isGateway: false,
      ipMasq: false,
      hairpinMode: true,
      mtu: endpoint.mtu,
      ipam: { type: 'static', addresses: [{ address: endpoint.address }] },
    },
    { type: 'tuning', mac: endpoint.mac },
  ];
}

/** A plugin's stdin: the network's name and version, its own settings, and the previous plugin's result. */
export function pluginInput(
  networkName: string,
  plugin: PluginConfig,
  prevResult: unknown,
): Record<string, unknown> {
  return { cniVersion: CNI_VERSION, name: networkName, ...plugin, ...(prevResult ? { prevResult } : {}) };
}

export interface Attachment {
  /** The container's address without prefix, its prefix length, and the gateway. */
  ip: string;
  prefixLength: number;
  gateway: string;
  mac: string;
  /** The host side of the veth pair. */
  hostInterface: string;
}

interface CniResult {
  interfaces?: { name: string; mac?: string; sandbox?: string }[];
  ips?: { interface?: number; address: string; gateway?: string }[];
}

/** The container's side of a bridge plugin's result. */
export function attachmentOf(result: unknown, ifname = 'eth0'): Attachment {
  const r = result as CniResult;
  const interfaces = r.interfaces ?? [];
  const inside = interfaces.findIndex((i) => i.name === ifname && i.sandbox);
  const ip = (r.ips ?? []).find((a) => a.interface === inside) ?? (r.ips ?? [])[0];
  if (!ip) throw new Error('the CNI result has no IP address');
  const [address, prefix] = ip.address.split('/');
  const host = interfaces.find((i) => !i.sandbox && i.name.startsWith('veth'));
  return {
    ip: address,
    prefixLength: Number(prefix),
    gateway: ip.gateway ?? '',
    mac: interfaces[inside]?.mac ?? '',
    hostInterface: host?.name ?? '',
  };
}
