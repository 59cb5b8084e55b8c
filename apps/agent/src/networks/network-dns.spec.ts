import * as fs from 'node:fs';
import type { DnsServerOptions } from '@berth/network';
import { ConflictError } from '../errors';
import { NetworkDns, type DnsHost } from './network-dns';
import { bridgeNetwork, NetworkParts, tempDir } from './testing';

/** Servers that listen nowhere: what each was started with, and which were closed. */
class FakeDnsHost implements DnsHost {
  readonly started: DnsServerOptions[] = [];
  readonly closed: string[] = [];
  excluded: string[] = [];
  failing: string | null = null;

  async listen(options: DnsServerOptions) {
    if (this.failing) throw new Error(this.failing);
    this.started.push(options);
    return { close: async () => void this.closed.push(options.address) };
  }

  upstreams(exclude: string[]): string[] {
    this.excluded = exclude;
    return ['192.0.2.53'];
  }
}

describe(NetworkDns.name, () => {
  let dir: string;
  let parts: NetworkParts;
  let host: FakeDnsHost;
  let dns: NetworkDns;
  const mesh = { id: 'f'.repeat(64), name: 'mesh', vni: 4097, subnet: '10.0.1.0/24', attachable: true };
  const front = bridgeNetwork('front', 1);

  beforeEach(() => {
    dir = tempDir();
    parts = new NetworkParts(dir);
    parts.store.add(front);
    parts.overlays.networks.set('mesh', mesh);
    host = new FakeDnsHost();
    dns = new NetworkDns(parts.catalog, parts.directory, parts.overlays, host);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('nameserverFor', () => {
    it("should be the first network's gateway when that is a user network", () => {
      expect(dns.nameserverFor(['front', 'bridge'])).toBe('10.89.1.1');
    });

    it('should be the default bridge for a container also on overlay networks, and none otherwise', () => {
      expect(dns.nameserverFor(['bridge', 'mesh'])).toBe('10.88.0.1');
      expect(dns.nameserverFor(['mesh', 'bridge'])).toBe('10.88.0.1');
      expect(dns.nameserverFor(['bridge'])).toBeNull();
      expect(dns.nameserverFor(['host'])).toBeNull();
    });
  });

  describe('serve', () => {
    it("should start one server per network, on its gateway's port 53, forwarding to upstreams other than itself", async () => {
      await dns.serve(['front']);
      await dns.serve(['front', 'bridge']);
      expect(host.started).toHaveLength(1);
      expect(host.started[0]).toMatchObject({ address: '10.89.1.1', port: 53, upstreams: ['192.0.2.53'] });
      expect(host.excluded).toEqual(['10.88.0.1', '', '', '10.89.1.1']);
    });

    it('should say why it cannot serve, and try again next time', async () => {
      host.failing = 'EADDRNOTAVAIL';
      await expect(dns.serve(['front'])).rejects.toThrow(
        new ConflictError('cannot serve DNS for network front on 10.89.1.1:53: EADDRNOTAVAIL'),
      );
      host.failing = null;
      await dns.serve(['front']);
      expect(host.started).toHaveLength(1);
    });
  });

  describe('lookup', () => {
    const bridge = () => parts.catalog.get('bridge');

    it("should answer the names of the network's own containers first", () => {
      parts.directory.add('front', 'web', '10.89.1.2');
      parts.overlays.services.set('web', ['10.0.1.9']);
      expect(dns.lookup(front, 'web', '10.89.1.3')).toEqual(['10.89.1.2']);
      expect(parts.overlays.calls).toEqual([]);
    });

    it('should then answer the services of the overlay networks the asking container is on', () => {
      parts.directory.add('bridge', 'client', '10.88.0.5', ['bridge', 'mesh']);
      parts.overlays.services.set('api', ['10.0.1.9']);
      expect(dns.lookup(bridge(), 'api', '10.88.0.5')).toEqual(['10.0.1.9']);
      expect(parts.overlays.calls).toEqual(['resolve mesh api']);
    });

    it('should not ask the cluster for a container on no overlay network', () => {
      parts.directory.add('bridge', 'client', '10.88.0.5', ['bridge']);
      parts.overlays.services.set('api', ['10.0.1.9']);
      expect(dns.lookup(bridge(), 'api', '10.88.0.5')).toBeNull();
      expect(dns.lookup(bridge(), 'api', '10.88.0.99')).toBeNull();
      expect(parts.overlays.calls).toEqual([]);
    });

    it("should be what the network's server answers with", async () => {
      parts.directory.add('front', 'web', '10.89.1.2');
      await dns.serve(['front']);
      expect(host.started[0].lookup('web', '10.89.1.3')).toEqual(['10.89.1.2']);
    });
  });

  describe('stop', () => {
    it("should close the network's server, and only that one", async () => {
      await dns.serve(['front']);
      await dns.serve(['bridge', 'mesh']);
      await dns.stop('front');
      expect(host.closed).toEqual(['10.89.1.1']);
      await dns.stopAll();
      expect(host.closed).toEqual(['10.89.1.1', '10.88.0.1']);
    });
  });
});
