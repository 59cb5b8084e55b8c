import type { PortConfig, Service, ServiceSpec } from '@berth/cluster';
import { makeService } from '@berth/cluster/testing';
import { withIngressPorts } from './ingress-ports';

const port = (published: number, target = 80, mode: PortConfig['publishMode'] = 'ingress'): PortConfig => ({
  protocol: 'tcp',
  targetPort: target,
  publishedPort: published,
  publishMode: mode,
});

function publishing(name: string, ports: PortConfig[]): Service {
  const s = makeService({ id: name, name });
  return { ...s, spec: { ...s.spec, endpoint: { ...s.spec.endpoint, ports } } };
}

const specOf = (r: ReturnType<typeof withIngressPorts>): ServiceSpec => {
  if ('problem' in r) throw new Error(r.problem);
  return r.spec;
};

describe('withIngressPorts', () => {
  it('should keep a given port and pick the first free dynamic one for a port left open', () => {
    const others = [publishing('a', [port(30000)])];
    const spec = specOf(withIngressPorts(publishing('b', [port(8080), port(0, 81)]).spec, others, null));
    expect(spec.endpoint.ports.map((p) => p.publishedPort)).toEqual([8080, 30001]);
  });

  it('should keep the port an update leaves open at what the service had', () => {
    const before = publishing('b', [port(30005)]).spec;
    const spec = specOf(withIngressPorts(publishing('b', [port(0)]).spec, [], before));
    expect(spec.endpoint.ports[0].publishedPort).toBe(30005);
  });

  it('should refuse a port another service publishes through the mesh, naming it', () => {
    const others = [publishing('web', [port(8080)])];
    expect(withIngressPorts(publishing('b', [port(8080)]).spec, others, null)).toEqual({
      problem:
        'port 8080/tcp is already published by service web through the routing mesh; choose another published port',
    });
  });

  it('should let host-mode ports be, and let another protocol share the number', () => {
    const others = [
      publishing('web', [port(8080, 80, 'host')]),
      publishing('dns', [{ ...port(53), protocol: 'udp' }]),
    ];
    const spec = specOf(withIngressPorts(publishing('b', [port(8080), port(53)]).spec, others, null));
    expect(spec.endpoint.ports.map((p) => p.publishedPort)).toEqual([8080, 53]);
  });

  it('should refuse the same port twice in one service', () => {
    expect(withIngressPorts(publishing('b', [port(9000), port(9000, 81)]).spec, [], null)).toEqual({
      problem: 'port 9000/tcp is published twice',
    });
  });
});
