import type { EndpointSpec, PortConfig, Service } from '@berth/cluster';

/** `80/tcp`: how a host port is named in sets and in messages. */
export function hostPortName(port: Pick<PortConfig, 'publishedPort' | 'protocol'>): string {
  return `${port.publishedPort}/${port.protocol}`;
}

/** The ports a task of this service takes on its node's own address: host mode, with a fixed number. */
export function hostPortsOf(service: Service): string[] {
  return hostPortsOfEndpoint(service.spec.endpoint);
}

/** The host ports an endpoint takes (a task made from an older spec takes those it was made with). */
export function hostPortsOfEndpoint(endpoint: EndpointSpec | undefined): string[] {
  return (endpoint?.ports ?? [])
    .filter((port) => port.publishMode === 'host' && port.publishedPort > 0)
    .map(hostPortName);
}

/** The host ports of every service of a snapshot, worked out once; a service not there takes none. */
export class HostPortIndex {
  private readonly byService: ReadonlyMap<string, readonly string[]>;

  constructor(services: readonly Service[]) {
    this.byService = new Map(services.map((service) => [service.id, hostPortsOf(service)]));
  }

  of(serviceId: string): readonly string[] {
    return this.byService.get(serviceId) ?? [];
  }
}
