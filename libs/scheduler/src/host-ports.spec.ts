import { HostPortIndex, hostPortName, hostPortsOf } from './host-ports';
import { makeService } from '@berth/cluster/testing';

describe('hostPortName', () => {
  it('should name a port as Docker does', () => {
    expect(hostPortName({ publishedPort: 53, protocol: 'udp' })).toBe('53/udp');
  });
});

describe('hostPortsOf', () => {
  it('should take only host-mode ports with a published number', () => {
    const service = makeService({
      ports: [
        { publishMode: 'host', publishedPort: 80, protocol: 'tcp' },
        { publishMode: 'host', publishedPort: 53, protocol: 'udp' },
        { publishMode: 'host', publishedPort: 0, targetPort: 9000 },
        { publishMode: 'ingress', publishedPort: 8080 },
      ],
    });
    expect(hostPortsOf(service)).toEqual(['80/tcp', '53/udp']);
  });

  it('should find none in a service without ports', () => {
    expect(hostPortsOf(makeService())).toEqual([]);
  });
});

describe(HostPortIndex.name, () => {
  it('should give each service its ports, and none to a service it does not know', () => {
    const web = makeService({ id: 'web', ports: [{ publishMode: 'host', publishedPort: 80 }] });
    const index = new HostPortIndex([web, makeService({ id: 'db' })]);
    expect(index.of('web')).toEqual(['80/tcp']);
    expect(index.of('db')).toEqual([]);
    expect(index.of('gone')).toEqual([]);
  });
});
