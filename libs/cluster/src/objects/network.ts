import type { Meta } from './common';
import type { NetworkAttachmentSpec, PortConfig, ServiceSpec } from './service';

/** What `berth network create -d overlay` asks for. */
export interface NetworkSpec {
  name: string;
  driver: 'overlay';
  labels: Record<string, string>;
  /** plain containers (`berth run --network NAME`) may join, not only services' tasks */
  attachable: boolean;
  /** the routing mesh's network, made by the manager */
  ingress: boolean;
  /** '' for the manager to choose one from its pool */
  subnet: string;
}

/** An overlay network: one VXLAN segment across the machines that run its tasks. */
export interface Network {
  id: string;
  meta: Meta;
  spec: NetworkSpec;
  subnet: string;
  gateway: string;
  vni: number;
  /** the ingress network only: each machine's own address on it, the routing mesh's source (allocator) */
  nodeAddresses?: NodeNetworkAddress[];
  /** attachable networks: plain containers on it (`berth run --network NAME`), with their addresses */
  attachments?: ContainerAttachment[];
}

export interface ContainerAttachment {
  id: string;
  nodeId: string;
  containerId: string;
  /** CIDR */
  address: string;
}

export interface NodeNetworkAddress {
  nodeId: string;
  address: string;
}

/** The routing mesh's network: Swarm's name and VXLAN id. */
export const INGRESS_NETWORK_NAME = 'ingress';
export const INGRESS_VNI = 4096;
export const INGRESS_SUBNET = '10.255.0.0/16';

/**
 * What a machine must know of one overlay network to carry it (sent by the dispatcher): the
 * network, the other machines on it, every live task's address there, and its services' names
 * and virtual IPs for DNS and load balancing.
 */
export interface NetworkView {
  network: Network;
  /** addresses of the other machines with live tasks on this network */
  peers: string[];
  endpoints: NetworkEndpoint[];
  services: NetworkServiceView[];
}

/**
 * A live task's address on a network; on the ingress network also each machine's own (taskId
 * ''), on attachable ones each plain container's (taskId `attachment:<id>`, no service).
 */
export interface NetworkEndpoint {
  taskId: string;
  serviceId: string;
  address: string;
  nodeId: string;
  nodeAddr: string;
  /** the task runs and is wanted running: DNS and load balancing send traffic to it */
  ready: boolean;
}

export interface NetworkServiceView {
  id: string;
  name: string;
  aliases: string[];
  virtualIp: string;
  mode: 'vip' | 'dnsrr';
  /** ingress-mode published ports (ingress network only): every machine answers on them */
  ports?: PortConfig[];
}

/**
 * The networks a service's tasks join: those of its spec, and the ingress network when it
 * publishes a port in ingress mode (the routing mesh reaches its tasks there).
 */
export function serviceNetworks(spec: ServiceSpec, ingress: Network | undefined): NetworkAttachmentSpec[] {
  const own = spec.networks ?? [];
  if (!ingress || !publishesThroughMesh(spec) || own.some((n) => n.target === ingress.id)) return own;
  return [...own, { target: ingress.id, aliases: [] }];
}

/** The service publishes a port in ingress mode: every machine answers on it. */
export function publishesThroughMesh(spec: ServiceSpec): boolean {
  return spec.endpoint.ports.some((p) => p.publishMode === 'ingress' && p.publishedPort > 0);
}

/** Its tasks need addresses from the allocator before they can be placed. */
export function needsAddresses(spec: ServiceSpec): boolean {
  return (spec.networks?.length ?? 0) > 0 || publishesThroughMesh(spec);
}

export function ingressNetworkOf(networks: readonly Network[]): Network | undefined {
  return networks.find((n) => n.spec.ingress);
}
