import type { PortConfig, Service, ServiceSpec } from '@berth/cluster';

/** Where the manager picks a published port the user left open, as Swarm does. */
export const DYNAMIC_PORTS = { first: 30000, last: 32767 };

/**
 * SPEC with every ingress port published: a port given stays, one left at 0 keeps what CURRENT
 * (the service before an update) had for it, or gets the first free one of the dynamic range.
 * Ingress ports are the whole cluster's, so a port another service publishes is refused. Pure.
 */
export function withIngressPorts(
  spec: ServiceSpec,
  others: readonly Service[],
  current: ServiceSpec | null,
): { spec: ServiceSpec } | { problem: string } {
  const taken = new Map<string, Service>();
  const key = (p: Pick<PortConfig, 'protocol' | 'publishedPort'>) => `${p.publishedPort}/${p.protocol}`;
  for (const other of others)
    for (const p of other.spec.endpoint.ports)
      if (p.publishMode === 'ingress' && p.publishedPort) taken.set(key(p), other);
  const ports: PortConfig[] = [];
  const mine = new Set<string>();
  for (const port of spec.endpoint.ports) {
    if (port.publishMode !== 'ingress') {
      ports.push(port);
      continue;
    }
    let published = port.publishedPort;
    if (!published) {
      const before = current?.endpoint.ports.find(
        (p) =>
          p.publishMode === 'ingress' && p.targetPort === port.targetPort && p.protocol === port.protocol,
      );
      published = before?.publishedPort ?? 0;
    }
    if (!published) {
      for (let candidate = DYNAMIC_PORTS.first; candidate <= DYNAMIC_PORTS.last; candidate++) {
        const k = key({ protocol: port.protocol, publishedPort: candidate });
        if (!taken.has(k) && !mine.has(k)) {
          published = candidate;
          break;
        }
      }
      if (!published) return { problem: 'no free port left in the dynamic range 30000-32767 to publish on' };
    }
    const owner = taken.get(key({ protocol: port.protocol, publishedPort: published }));
    if (owner)
      return {
        problem: `port ${published}/${port.protocol} is already published by service ${owner.spec.name} through the routing mesh; choose another published port`,
      };
    if (mine.has(key({ protocol: port.protocol, publishedPort: published })))
      return { problem: `port ${published}/${port.protocol} is published twice` };
    mine.add(key({ protocol: port.protocol, publishedPort: published }));
    ports.push({ ...port, publishedPort: published });
  }
  return { spec: { ...spec, endpoint: { ...spec.endpoint, ports } } };
}
