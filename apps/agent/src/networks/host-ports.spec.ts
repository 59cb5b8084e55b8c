import * as net from 'node:net';
import { PortInUseError, reservePorts, type PortMapping } from '@berth/network';
import { HostPorts } from './host-ports';

/** Host ports on the loopback address only: real sockets, nothing reachable from outside. */
const tcp = (hostPort: number): PortMapping => ({
  hostIp: '127.0.0.1',
  hostPort,
  containerPort: 80,
  protocol: 'tcp',
});

function listen(): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen({ port: 0, host: '127.0.0.1' }, () => resolve(server));
  });
}
const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port;
const close = (server: net.Server) => new Promise((resolve) => server.close(resolve));

describe(HostPorts.name, () => {
  let ports: HostPorts;

  beforeEach(() => (ports = new HostPorts(reservePorts)));
  afterEach(() => ports.releaseAll());

  describe('check', () => {
    it('should refuse a taken port with Docker-like words', async () => {
      const other = await listen();
      const port = portOf(other);
      await expect(ports.check([tcp(port)])).rejects.toThrow(new PortInUseError('127.0.0.1', port, 'tcp'));
      await expect(ports.check([tcp(port)])).rejects.toThrow(
        `Bind for 127.0.0.1:${port}/tcp failed: port is already allocated; choose another host port or stop what holds it`,
      );
      await close(other);
    });

    it('should hold nothing afterwards', async () => {
      const free = await listen();
      const port = portOf(free);
      await close(free);
      await ports.check([tcp(port)]);
      await ports.check([tcp(port)]);
      expect(ports.holds('c1')).toBe(false);
    });
  });

  describe('hold', () => {
    it("should keep a container's ports taken until released, a port 0 given one", async () => {
      const [mapping] = await ports.hold('c1', [tcp(0)]);
      expect(mapping.hostPort).toBeGreaterThan(0);
      expect(ports.holds('c1')).toBe(true);
      await expect(ports.check([mapping])).rejects.toThrow(PortInUseError);
      await ports.release('c1');
      expect(ports.holds('c1')).toBe(false);
      await ports.check([mapping]);
    });

    it('should hold nothing for a container that publishes nothing', async () => {
      expect(await ports.hold('c1', [])).toEqual([]);
      expect(ports.holds('c1')).toBe(false);
    });
  });

  describe('rehold', () => {
    it('should take the bound ports of a container found running again', async () => {
      const [mapping] = await ports.hold('c1', [tcp(0)]);
      await ports.release('c1');
      await ports.rehold({ id: 'c1', boundPorts: [mapping] });
      await expect(ports.check([mapping])).rejects.toThrow(PortInUseError);
    });
  });
});
