/** A container's places on networks, as the engine records them: plain data, shared by containers and networks. */

/** A plain container's place on a cluster overlay network, as the manager recorded it. */
export interface ClusterAttachment {
  networkId: string;
  networkName: string;
  attachmentId: string;
  /** CIDR */
  address: string;
}

export interface NetworkAttachment {
  network: string;
  /** The interface in the container (eth0, eth1, …); empty until attached. */
  ifname?: string;
  ip: string;
  prefixLength: number;
  gateway: string;
  mac: string;
  aliases: string[];
  /** What the CNI plugins answered, for DEL. */
  cniResult?: unknown;
  /**
   * The container ID its CNI ADD was made with, when not this container's: a namespace taken over
   * from a stopped task (networks/parking.ts). DEL gives the same, so IPAM frees the address.
   */
  cniContainerId?: string;
  /** The address the cluster gave it (CIDR), for overlay networks: kept across restarts. */
  requestedAddress?: string;
  /** A plain container on an attachable overlay: the manager's record of it, given back on removal. */
  cluster?: ClusterAttachment;
  /**
   * 'network': forwarded by the network's own FORWARD rules (the agent's). Absent on attachments
   * made before, through CNI's firewall plugin, whose DEL must then run it again (CNI: DEL with
   * the chain ADD ran).
   */
  forwarding?: 'network';
}
