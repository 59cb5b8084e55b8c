import { INGRESS_NETWORK_NAME, INGRESS_SUBNET, INGRESS_VNI, newObjectId, type Network } from '@berth/cluster';
import { gatewayOf } from '@berth/network/ipam';

/** The routing mesh's overlay network, made with the cluster as Swarm makes its `ingress`. */
export function ingressNetwork(): Network {
  return {
    id: newObjectId(),
    meta: { version: 0, createdAt: 0, updatedAt: 0 },
    spec: {
      name: INGRESS_NETWORK_NAME,
      driver: 'overlay',
      labels: {},
      attachable: false,
      ingress: true,
      subnet: INGRESS_SUBNET,
    },
    subnet: INGRESS_SUBNET,
    gateway: gatewayOf(INGRESS_SUBNET),
    vni: INGRESS_VNI,
    nodeAddresses: [],
  };
}
