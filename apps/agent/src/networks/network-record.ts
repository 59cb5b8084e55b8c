/** A network as this agent keeps it, and the three every agent has (bridge, host, none). Pure. */
import * as crypto from 'node:crypto';
import { gatewayOf } from '@berth/network';
import type { AgentConfig } from '../config';

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

/** What `network create` asks for. */
export interface NetworkRequest {
  name: string;
  driver?: string;
  subnet?: string;
  gateway?: string;
  internal?: boolean;
  attachable?: boolean;
  labels?: Record<string, string>;
}

/**
 * The pre-defined networks: the default bridge from the agent's flags, host and none. Their ids
 * derive from the data root, so they stay the same across restarts without being stored.
 */
export function builtinNetworks(
  config: Pick<AgentConfig, 'dataRoot' | 'bridge' | 'bridgeSubnet'>,
  created: string,
): NetworkRecord[] {
  const builtin = (
    name: string,
    driver: NetworkRecord['driver'],
    extra: Partial<NetworkRecord> = {},
  ): NetworkRecord => ({
    id: crypto.createHash('sha256').update(`${config.dataRoot}:${name}`).digest('hex'),
    name,
    driver,
    bridge: '',
    subnet: '',
    gateway: '',
    internal: false,
    attachable: false,
    labels: {},
    created,
    builtin: true,
    ...extra,
  });
  return [
    builtin('bridge', 'bridge', {
      bridge: config.bridge,
      subnet: config.bridgeSubnet,
      gateway: gatewayOf(config.bridgeSubnet),
    }),
    builtin('host', 'host'),
    builtin('none', 'null'),
  ];
}
