/**
 * What container networking asks of the rest of the agent, injected (tokens.ts) rather than set
 * after construction: the cluster's overlay networks, and which container has which name.
 */
import type { ClusterAttachment } from './attachment';

/** What the cluster tells this agent of an overlay network it may put containers on. */
export interface OverlayNetworkInfo {
  id: string;
  name: string;
  vni: number;
  subnet: string;
  attachable: boolean;
}

/** How the cluster side hooks into container networking (the agent's cluster module sets it). */
export interface OverlayHooks {
  /** The overlay network REF (id or name), when this machine carries it. */
  find(ref: string): OverlayNetworkInfo | null;
  /** NAME's addresses for a container on the overlay NETWORKS (service DNS); null when unknown. */
  resolve(networks: string[], name: string): string[] | null;
  /** A container's overlay interfaces are up (before its process runs). */
  plumbed(containerId: string, netns: string, networks: string[]): Promise<void>;
  /** Its namespace is going away. */
  released(containerId: string): void;
  /** A plain container joins the attachable overlay REF: the manager gives it an address (null: no such overlay). */
  attach(ref: string, containerId: string): Promise<ClusterAttachment | null>;
  /** It left for good: the manager takes the address back. */
  detach(attachment: ClusterAttachment): Promise<void>;
}

/** Names of running containers on a network, for the network's DNS server (the containers side provides it). */
export interface EndpointDirectory {
  /** NAME's addresses on NETWORK: a running container's name, short or full id, or alias there. */
  addressesOn(network: string, name: string): string[] | null;
  /** The networks of the running container with address IP on NETWORK (who asks the DNS). */
  networksAt(network: string, ip: string): string[] | null;
}
