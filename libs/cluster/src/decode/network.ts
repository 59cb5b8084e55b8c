import type {
  ContainerAttachment,
  Network,
  NetworkEndpoint,
  NetworkServiceView,
  NetworkSpec,
  NetworkView,
  NodeNetworkAddress,
} from '../objects';
import { array, boolean, number, object, oneOf, optional } from './decoder';
import { entry } from './entry';
import { decodeMeta } from './common';
import { decodePortConfig } from './service';
import { labels, LIMITS, name, strings, text } from './limits';

/** A VXLAN id: 24 bits. */
const vni = number({ max: 2 ** 24 - 1 });

export const decodeNetworkSpec = entry(
  'spec',
  object<NetworkSpec>({
    name,
    driver: oneOf(['overlay'] as const),
    labels,
    attachable: boolean,
    ingress: boolean,
    subnet: text,
  }),
);

const decodeNodeNetworkAddress = object<NodeNetworkAddress>({ nodeId: name, address: text });

const decodeContainerAttachment = object<ContainerAttachment>({
  id: name,
  nodeId: name,
  containerId: name,
  address: text,
});

export const decodeNetwork = entry(
  'network',
  object<Network>({
    id: name,
    meta: decodeMeta,
    spec: decodeNetworkSpec,
    subnet: text,
    gateway: text,
    vni,
    nodeAddresses: optional(array(decodeNodeNetworkAddress, LIMITS.addresses)),
    attachments: optional(array(decodeContainerAttachment, LIMITS.addresses)),
  }),
);

const decodeNetworkEndpoint = object<NetworkEndpoint>({
  taskId: name,
  serviceId: name,
  address: text,
  nodeId: name,
  nodeAddr: text,
  ready: boolean,
});

const decodeNetworkServiceView = object<NetworkServiceView>({
  id: name,
  name,
  aliases: strings(name),
  virtualIp: text,
  mode: oneOf(['vip', 'dnsrr'] as const),
  ports: optional(array(decodePortConfig, LIMITS.ports)),
});

/** What the dispatcher tells a machine of one overlay network it carries. */
export const decodeNetworkView = entry(
  'view',
  object<NetworkView>({
    network: decodeNetwork,
    peers: array(text, LIMITS.addresses),
    endpoints: array(decodeNetworkEndpoint, LIMITS.addresses),
    services: array(decodeNetworkServiceView, LIMITS.addresses),
  }),
);
