/**
 * Names on user networks: one embedded DNS server per user network, on its gateway's port 53
 * (the bridge must be up, i.e. a container attached). It answers the names of the network's
 * containers (the EndpointDirectory), and on the default bridge the services of the overlay
 * networks the asking container is on (the overlay hooks); other names go to the host's
 * resolvers (or --dns).
 */
import * as fs from 'node:fs';
import { DnsServer, nameserversOf, type DnsServerOptions } from '@berth/network';
import { ConflictError } from '../errors';
import type { EndpointDirectory, OverlayHooks } from './hooks';
import type { NetworkCatalog } from './network-catalog';
import type { NetworkRecord } from './network-record';

/** A DNS server listening, as NetworkDns needs it. */
export interface ListeningDns {
  close(): Promise<void>;
}

/** How NetworkDns starts servers and finds upstreams (@berth/network's DnsServer and the host's resolv.conf). */
export interface DnsHost {
  listen(options: DnsServerOptions): Promise<ListeningDns>;
  /** The upstream resolvers, not counting the addresses EXCLUDE (the agent's own servers). */
  upstreams(exclude: string[]): string[];
}

export class NetworkDns {
  /** The DNS server of each user network that has had a container attached, by network name. */
  private readonly servers = new Map<string, Promise<ListeningDns | null>>();

  constructor(
    private readonly catalog: NetworkCatalog,
    private readonly directory: EndpointDirectory,
    private readonly overlays: OverlayHooks,
    private readonly host: DnsHost,
  ) {}

  /** The nameserver a container on NAMES uses (its first network first): the agent's, or none (the host's apply). */
  nameserverFor(names: string[]): string | null {
    return this.dnsNetwork(names)?.gateway ?? null;
  }

  /** Make sure the resolver a container on NAMES asks serves (after a start or a live restore). */
  async serve(names: string[]): Promise<void> {
    const n = this.dnsNetwork(names);
    if (n) await this.ensure(n);
  }

  /**
   * What the server on N answers the container at FROM for NAME: containers on N by name, and
   * on the default bridge, the services of the overlay networks that container is on.
   */
  lookup(n: NetworkRecord, name: string, from: string): string[] | null {
    const own = this.directory.addressesOn(n.name, name);
    if (own) return own;
    const overlays = (this.directory.networksAt(n.name, from) ?? []).filter(
      (x) => this.catalog.find(x)?.driver === 'overlay',
    );
    return overlays.length ? this.overlays.resolve(overlays, name) : null;
  }

  /** The server of network NAME stopped (the network is removed). */
  async stop(name: string): Promise<void> {
    const server = this.servers.get(name);
    this.servers.delete(name);
    await (await server?.catch(() => null))?.close();
  }

  async stopAll(): Promise<void> {
    for (const server of this.servers.values()) await (await server.catch(() => null))?.close();
    this.servers.clear();
  }

  /** The network among NAMES whose resolver the container asks: its first, if a user network; the default bridge, for overlay ones. */
  private dnsNetwork(names: string[]): NetworkRecord | null {
    const first = this.catalog.find(names[0]);
    if (first && !first.builtin && first.driver === 'bridge') return first;
    const bridge = this.catalog.find('bridge');
    if (
      bridge &&
      names.includes(bridge.name) &&
      names.some((x) => this.catalog.find(x)?.driver === 'overlay')
    )
      return bridge;
    return null;
  }

  private ensure(n: NetworkRecord): Promise<ListeningDns | null> {
    let server = this.servers.get(n.name);
    if (!server) {
      server = this.host
        .listen({
          address: n.gateway,
          port: 53,
          upstreams: this.host.upstreams(this.catalog.list().map((x) => x.gateway)),
          lookup: (name, from) => this.lookup(n, name, from),
        })
        .catch((error: unknown) => {
          this.servers.delete(n.name);
          throw new ConflictError(
            `cannot serve DNS for network ${n.name} on ${n.gateway}:53: ${(error as Error).message}`,
          );
        });
      this.servers.set(n.name, server);
    }
    return server;
  }
}

/** The host's: @berth/network's DnsServer, and --dns or else the resolvers of /etc/resolv.conf. */
export function hostDns(dnsUpstream: readonly string[]): DnsHost {
  return {
    listen: (options) => DnsServer.listen(options),
    upstreams: (exclude) =>
      dnsUpstream.length ? [...dnsUpstream] : nameserversOf(readText('/etc/resolv.conf'), exclude),
  };
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
