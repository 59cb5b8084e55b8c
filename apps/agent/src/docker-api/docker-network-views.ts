/**
 * Networks in the Docker Engine API's shapes (moby's Network, NetworkInspect, EndpointResource),
 * the list's filters, and `POST /networks/create`'s body read into the engine's request. This
 * machine's networks and the cluster's overlays are described alike (NetworkFacts). Pure.
 */
import * as crypto from 'node:crypto';
import { ForbiddenException } from '@nestjs/common';
import type { Network as ClusterNetwork } from '@berth/cluster';
import { isRunning, type ContainerRecord } from '../containers/model';
import { InvalidArgumentError } from '../errors';
import type { NetworkRecord, NetworkRequest } from '../networks/network-record';
import type { DockerFilters } from './docker-filters';
import { FilterError } from './docker-views';

/** What the Docker shapes say of a network, whichever side keeps it. */
export interface NetworkFacts {
  id: string;
  name: string;
  driver: string;
  scope: 'local' | 'swarm';
  /** RFC 3339 */
  created: string;
  subnet: string;
  gateway: string;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  labels: Record<string, string>;
  options: Record<string, string>;
  /** bridge, host and none */
  builtin: boolean;
}

/** A container's place on a network, as a network's inspect document lists it. */
export interface EndpointFacts {
  containerId: string;
  name: string;
  mac: string;
  /** CIDR, or '' (host network, or not plumbed yet) */
  address: string;
  networkId: string;
}

export const PREDEFINED_NETWORKS = ['bridge', 'host', 'none', 'default'];

/** The keys `GET /networks` accepts in its filters (moby's). */
export const NETWORK_LIST_FILTERS = ['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type'];
/** The keys `POST /networks/prune` accepts. */
export const NETWORK_PRUNE_FILTERS = ['label', 'label!', 'until'];

/** A network as the engine's catalog keeps it: this machine's, or an overlay the cluster told of. */
export function networkFacts(n: NetworkRecord): NetworkFacts {
  const defaultBridge = n.builtin && n.name === 'bridge';
  return {
    id: n.id,
    name: n.name,
    driver: n.driver,
    scope: n.driver === 'overlay' ? 'swarm' : 'local',
    created: n.created || '0001-01-01T00:00:00Z',
    subnet: n.subnet,
    gateway: n.gateway,
    internal: n.internal,
    attachable: n.attachable,
    ingress: false,
    labels: n.labels,
    options: defaultBridge
      ? {
          'com.docker.network.bridge.default_bridge': 'true',
          'com.docker.network.bridge.name': n.bridge,
        }
      : {},
    builtin: n.builtin,
  };
}

/** One of the cluster's overlay networks, as a Swarm worker lists it. */
export function clusterNetworkFacts(n: ClusterNetwork): NetworkFacts {
  return {
    id: n.id,
    name: n.spec.name,
    driver: n.spec.driver,
    scope: 'swarm',
    created: new Date(n.meta.createdAt).toISOString(),
    subnet: n.subnet,
    gateway: n.gateway,
    internal: false,
    attachable: n.spec.attachable,
    ingress: n.spec.ingress,
    labels: n.spec.labels,
    options: { 'com.docker.network.driver.overlay.vxlanid_list': String(n.vni) },
    builtin: false,
  };
}

/** A row of `GET /networks` (moby's Network). */
export function networkSummary(f: NetworkFacts) {
  const ipv4 = f.driver !== 'host' && f.driver !== 'null';
  return {
    Name: f.name,
    Id: f.id,
    Created: f.created,
    Scope: f.scope,
    Driver: f.driver,
    EnableIPv4: ipv4,
    EnableIPv6: false,
    IPAM: {
      Driver: 'default',
      Options: null,
      Config: f.subnet ? [{ Subnet: f.subnet, ...(f.gateway ? { Gateway: f.gateway } : {}) }] : [],
    },
    Internal: f.internal,
    Attachable: f.attachable,
    Ingress: f.ingress,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: {},
    Options: f.options,
    Labels: f.labels,
  };
}

/** `GET /networks/{id}` (moby's NetworkInspect): the summary with the endpoints on it. */
export function networkInspect(f: NetworkFacts, endpoints: readonly EndpointFacts[]) {
  return {
    ...networkSummary(f),
    Containers: Object.fromEntries(
      endpoints.map((e) => [
        e.containerId,
        {
          Name: e.name,
          EndpointID: endpointId(e.containerId, e.networkId),
          MacAddress: e.mac,
          IPv4Address: e.address,
          IPv6Address: '',
        },
      ]),
    ),
  };
}

/** Berth keeps no endpoint ids: one derived from the container and the network, the same each time. */
export function endpointId(containerId: string, networkId: string): string {
  return crypto.createHash('sha256').update(`${containerId}/${networkId}`).digest('hex');
}

/** The containers on network NAME: attached now, or set to join it when they start. */
export function membersOf(name: string, containers: readonly ContainerRecord[]): ContainerRecord[] {
  return containers.filter(
    (c) => c.hostConfig.network === name || c.networks.some((a) => a.network === name),
  );
}

/** The endpoints of network F: its members that run, with their address there. */
export function endpointsOf(f: NetworkFacts, containers: readonly ContainerRecord[]): EndpointFacts[] {
  return membersOf(f.name, containers)
    .filter(isRunning)
    .map((c) => {
      const a = c.networks.find((x) => x.network === f.name);
      return {
        containerId: c.id,
        name: c.name,
        mac: a?.mac ?? '',
        address: a?.ip ? `${a.ip}/${a.prefixLength}` : '',
        networkId: f.id,
      };
    });
}

/**
 * Whether network F passes `GET /networks`' (or the prune's) FILTERS; IN_USE: whether any
 * container is on it. `until` (prune): created at UNTIL_MS or before.
 */
export function networkMatches(
  f: NetworkFacts,
  filters: DockerFilters,
  inUse: boolean,
  untilMs = 0,
): boolean {
  const dangling = filters.bool('dangling');
  const types = filters.get('type');
  for (const t of types)
    if (t !== 'builtin' && t !== 'custom') throw new FilterError(`invalid filter: 'type'='${t}'`);
  return (
    filters.exact('driver', f.driver) &&
    filters.match('name', f.name) &&
    filters.match('id', f.id) &&
    filters.labels('label', f.labels) &&
    !(filters.has('label!') && filters.labels('label!', f.labels)) &&
    filters.exact('scope', f.scope) &&
    (dangling === null || dangling === (!f.builtin && !inUse)) &&
    (!types.length || types.includes(f.builtin ? 'builtin' : 'custom')) &&
    (!untilMs || Date.parse(f.created) <= untilMs)
  );
}

/** `POST /networks/create`'s body, as far as Berth reads it. */
export interface DockerNetworkCreate {
  Name?: unknown;
  Driver?: string;
  Scope?: string;
  Internal?: boolean;
  Attachable?: boolean;
  Ingress?: boolean;
  ConfigOnly?: boolean;
  ConfigFrom?: { Network?: string } | null;
  EnableIPv4?: boolean | null;
  EnableIPv6?: boolean | null;
  IPAM?: {
    Driver?: string;
    Config?: { Subnet?: string; Gateway?: string; IPRange?: string; AuxiliaryAddresses?: object }[] | null;
    Options?: Record<string, string> | null;
  } | null;
  Options?: Record<string, string> | null;
  Labels?: Record<string, string> | null;
}

/** BODY as the engine's network request; what Berth's networks cannot be is refused by name. */
export function networkRequestOf(body: DockerNetworkCreate | null | undefined): NetworkRequest {
  const b = body ?? {};
  if (typeof b.Name !== 'string' || !b.Name) throw new InvalidArgumentError('a network needs a Name');
  if (PREDEFINED_NETWORKS.includes(b.Name))
    throw new ForbiddenException(`operation is not permitted on predefined ${b.Name} network `);
  refuseUnsupported(b);
  const config = b.IPAM?.Config ?? [];
  if (config.length > 1)
    throw new InvalidArgumentError(
      'Berth gives a network one IPv4 subnet; more than one IPAM config was asked for',
    );
  const [pool] = config;
  if (pool?.IPRange || (pool?.AuxiliaryAddresses && Object.keys(pool.AuxiliaryAddresses).length))
    throw new InvalidArgumentError('IPAM ip-range and aux-address are not supported by Berth');
  if (pool?.Subnet?.includes(':')) throw new InvalidArgumentError('IPv6 networks are not supported by Berth');
  return {
    name: b.Name,
    driver: b.Driver || 'bridge',
    subnet: pool?.Subnet ?? '',
    gateway: pool?.Gateway ?? '',
    internal: b.Internal ?? false,
    attachable: b.Attachable ?? false,
    labels: b.Labels ?? {},
  };
}

function refuseUnsupported(b: DockerNetworkCreate): void {
  const refuse = (what: string) => {
    throw new InvalidArgumentError(`${what} not supported by Berth`);
  };
  if (b.Scope && b.Scope !== 'local')
    refuse(`a ${b.Scope}-scope network is made with the cluster (berth network create -d overlay);`);
  if (b.EnableIPv6) refuse('IPv6 networks are');
  if (b.EnableIPv4 === false) refuse('networks without IPv4 are');
  if (b.Ingress) refuse('ingress networks are');
  if (b.ConfigOnly || b.ConfigFrom?.Network) refuse('config-only networks are');
  if (b.IPAM?.Driver && b.IPAM.Driver !== 'default') refuse(`the IPAM driver "${b.IPAM.Driver}" is`);
  if (b.IPAM?.Options && Object.keys(b.IPAM.Options).length) refuse('IPAM options are');
  const options = Object.keys(b.Options ?? {});
  if (options.length) refuse(`network driver options (${options.join(', ')}) are`);
}
