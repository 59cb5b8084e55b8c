/**
 * Containers' named network namespaces (/run/netns/berth-<id12>): behind an interface, so that
 * what decides when one is made, moved or removed is tested without making any.
 */
import * as fs from 'node:fs';
import { createNetns, deleteNetns, netnsPath, renameNetns, type Rebind } from '@berth/network';
import type { RunProgram } from '@berth/process';

/** Injection token of the agent's Namespaces. */
export const NAMESPACES = Symbol('NAMESPACES');

/** The network namespace of a container, named so that what Berth made can be found and removed. */
export function netnsName(containerId: string): string {
  return `berth-${containerId.slice(0, 12)}`;
}

/** The path of container ID's namespace (whether or not it exists). */
export function containerNetns(containerId: string): string {
  return netnsPath(netnsName(containerId));
}

/** The named namespaces of containers, by container id. */
export interface Namespaces {
  exists(containerId: string): boolean;
  /** A new namespace for the container; its path. */
  create(containerId: string): Promise<string>;
  /** Gone, if it was there. */
  delete(containerId: string): Promise<void>;
  /** The namespace of container FROM becomes container TO's (TO's name must be free); its path. */
  rename(fromId: string, toId: string): Promise<string>;
}

/** The host's: `ip netns` and, to rename, a bind mount (REBIND). */
export class HostNamespaces implements Namespaces {
  constructor(
    private readonly run: RunProgram,
    private readonly rebind: Rebind,
  ) {}

  exists(containerId: string): boolean {
    return fs.existsSync(containerNetns(containerId));
  }

  create(containerId: string): Promise<string> {
    return createNetns(netnsName(containerId), this.run);
  }

  delete(containerId: string): Promise<void> {
    return deleteNetns(netnsName(containerId), this.run);
  }

  rename(fromId: string, toId: string): Promise<string> {
    return renameNetns(netnsName(fromId), netnsName(toId), this.rebind);
  }
}
