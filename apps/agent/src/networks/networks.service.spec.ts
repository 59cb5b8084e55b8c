import * as fs from 'node:fs';
import * as path from 'node:path';
import { Logger } from '@nestjs/common';
import type { DnsServerOptions, PortMapping } from '@berth/network';
import { containerRecord, containerState } from '../containers/testing';
import { TASK_ID_LABEL } from '../cluster/task-labels';
import type { ContainerRecord } from '../containers/model';
import { ConflictError } from '../errors';
import { EventsService, type EngineEvent } from '../events/events.service';
import { NetworkDns } from './network-dns';
import { NetworksService } from './networks.service';
import { attachment, bridgeNetwork, NetworkParts, tempDir } from './testing';

/** A container made to run on NETWORKS (its first the primary), with PORTS published. */
function container(id: string, networks = ['front'], ports: PortMapping[] = []): ContainerRecord {
  const c = containerRecord(id, id, {}, containerState('created'));
  c.hostConfig.network = networks[0];
  c.hostConfig.ports = ports;
  return c;
}

const endpoint = () => ({ aliases: ['web'] });

describe(NetworksService.name, () => {
  let dir: string;
  let parts: NetworkParts;
  let events: EngineEvent[];
  let dnsStarted: DnsServerOptions[];
  let dnsClosed: string[];
  let networks: NetworksService;
  const port: PortMapping = { hostIp: '', hostPort: 8080, containerPort: 80, protocol: 'tcp' };

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    dir = tempDir();
    parts = new NetworkParts(dir);
    parts.store.add(bridgeNetwork('front', 1));
    parts.store.add(bridgeNetwork('back', 2));
    parts.overlays.networks.set('mesh', {
      id: 'f'.repeat(64),
      name: 'mesh',
      vni: 4097,
      subnet: '10.0.1.0/24',
      attachable: true,
    });
    events = [];
    dnsStarted = [];
    dnsClosed = [];
    const eventsService = new EventsService();
    eventsService.on((e) => events.push(e));
    const dns = new NetworkDns(parts.catalog, parts.directory, parts.overlays, {
      listen: async (options) => {
        dnsStarted.push(options);
        return { close: async () => void dnsClosed.push(options.address) };
      },
      upstreams: () => [],
    });
    networks = new NetworksService(
      parts.catalog,
      parts.cni,
      parts.rules,
      parts.ports,
      dns,
      parts.journal,
      parts.teardowns,
      parts.parking,
      parts.namespaces,
      parts.overlays,
      eventsService,
    );
  });
  afterEach(async () => {
    await networks.onApplicationShutdown();
    jest.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('onApplicationBootstrap', () => {
    it('should finish the teardowns a previous agent journaled', async () => {
      parts.journal.write({ id: 'c1', networks: [attachment('front', 0)], boundPorts: [] });
      networks.onApplicationBootstrap();
      await networks.settleAll();
      expect(parts.run.cniCalls()).toEqual(['bridge DEL c1 eth0']);
      expect(parts.journaled()).toEqual([]);
    });
  });

  describe('prepare', () => {
    it('should hold the ports and make a namespace for a container on a bridge network', async () => {
      const prepared = await networks.prepare(container('c1', ['front'], [port]), ['front']);
      expect(prepared).toEqual({ netns: '/run/netns/berth-c1', ports: [port] });
      expect(parts.namespaces.calls).toEqual(['create c1']);
      expect(parts.held).toEqual(new Set([8080]));
    });

    it('should make nothing for host and none', async () => {
      expect(await networks.prepare(container('c1', ['host']), ['host'])).toEqual({ netns: null, ports: [] });
      expect(parts.namespaces.calls).toEqual([]);
    });

    it('should give back the ports when the namespace cannot be made', async () => {
      parts.namespaces.create = () => Promise.reject(new Error('ip netns add: busy'));
      await expect(networks.prepare(container('c1', ['front'], [port]), ['front'])).rejects.toThrow(/busy/);
      expect(parts.held.size).toBe(0);
    });
  });

  describe('plumb', () => {
    it("should add an interface per network, make sure of the networks' rules and DNS, and tell the cluster of overlays", async () => {
      const attachments = await networks.plumb(
        'c1',
        ['front', 'mesh'],
        '/run/netns/berth-c1',
        [port],
        (n, i) => ({
          aliases: [`a${i}`],
          ...(n === 'mesh' ? { address: '10.0.1.5/24' } : {}),
        }),
      );
      expect(attachments.map((a) => [a.network, a.ifname, a.aliases])).toEqual([
        ['front', 'eth0', ['a0']],
        ['mesh', 'eth1', ['a1']],
      ]);
      expect(parts.run.cniCalls()).toEqual([
        'bridge ADD c1 eth0',
        'portmap ADD c1 eth0',
        'bridge ADD c1 eth1',
        'tuning ADD c1 eth1',
      ]);
      expect(parts.run.calls.filter((c) => c.includes('MASQUERADE -m'))).toHaveLength(2); // -C, -A: front only
      expect(dnsStarted.map((o) => o.address)).toEqual(['10.89.1.1']);
      expect(parts.overlays.calls).toEqual(['plumbed c1 mesh']);
    });

    it('should undo everything when an interface cannot be made', async () => {
      await networks.prepare(container('c1', ['front', 'back'], [port]), ['front', 'back']);
      parts.run.failing.set('bridge ADD c1 eth1', 'no address left');
      await expect(
        networks.plumb('c1', ['front', 'back'], '/run/netns/berth-c1', [port], endpoint),
      ).rejects.toThrow(/no address left/);
      expect(parts.run.cniCalls().slice(-2)).toEqual(['portmap DEL c1 eth0', 'bridge DEL c1 eth0']);
      expect(parts.namespaces.existing.size).toBe(0);
      expect(parts.held.size).toBe(0);
    });

    it('should hand a container the interfaces of the namespace it took over, with its own aliases', async () => {
      const old = containerRecord('c0', 'web.1.a', { [TASK_ID_LABEL]: 'a' }, containerState('exited'));
      old.networks = [attachment('front', 0)];
      parts.namespaces.existing.add('c0');
      await networks.releaseOrPark(old);
      const next = containerRecord('c1', 'web.1.b', { [TASK_ID_LABEL]: 'b' }, containerState('created'));
      next.hostConfig.network = 'front';
      const { netns } = await networks.prepare(next, ['front']);
      const attachments = await networks.plumb('c1', ['front'], netns!, [], endpoint);
      expect(attachments).toEqual([attachment('front', 0, { cniContainerId: 'c0', aliases: ['web'] })]);
      expect(parts.run.cniCalls()).toEqual([]);
      expect(dnsStarted.map((o) => o.address)).toEqual(['10.89.1.1']);
    });
  });

  describe('create', () => {
    it('should keep the network and tell of it', () => {
      const n = networks.create({ name: 'extra' });
      expect(networks.get('extra')).toEqual(n);
      expect(events).toMatchObject([
        { type: 'network', action: 'create', id: n.id, attributes: { name: 'extra' } },
      ]);
    });
  });

  describe('remove', () => {
    it('should refuse a pre-defined network, or one with containers on it', async () => {
      await expect(networks.remove('bridge', [])).rejects.toThrow(
        new ConflictError('bridge is a pre-defined network and cannot be removed'),
      );
      const front = networks.get('front');
      await expect(networks.remove('front', ['web'])).rejects.toThrow(
        new ConflictError(
          `error while removing network: network front id ${front.id} has active endpoints (web)`,
        ),
      );
    });

    it('should forget the network, its rules, DNS server and addresses', async () => {
      await networks.serveDns(['front']);
      fs.mkdirSync(path.join(dir, 'network', 'ipam', 'front'), { recursive: true });
      await networks.remove('front', []);
      expect(networks.find('front')).toBeNull();
      expect(parts.run.calls.filter((c) => / -D /.test(c))).toHaveLength(3);
      expect(dnsClosed).toEqual(['10.89.1.1']);
      expect(fs.existsSync(path.join(dir, 'network', 'ipam', 'front'))).toBe(false);
      expect(events.map((e) => e.action)).toEqual(['destroy']);
    });
  });

  describe('connect', () => {
    it('should refuse networks other than bridge ones', async () => {
      await expect(networks.connect(container('c1'), 'host', [])).rejects.toThrow(
        new ConflictError('container cannot be connected to the host network'),
      );
      await expect(networks.connect(container('c1'), 'mesh', [])).rejects.toThrow(
        new ConflictError(
          'a running container cannot join the overlay network mesh; give it with --network when the container is made',
        ),
      );
    });

    it('should add the interface on the next free name', async () => {
      const c = container('c1');
      c.networks = [attachment('front', 0)];
      const a = await networks.connect(c, 'back', ['db']);
      expect(a).toMatchObject({ network: 'back', ifname: 'eth1', aliases: ['db'] });
      expect(parts.run.cniCalls()).toEqual(['bridge ADD c1 eth1']);
    });
  });

  describe('attachOverlay', () => {
    it("should ask the cluster only for a network that is not this machine's", async () => {
      expect(await networks.attachOverlay('front', 'c1')).toBeNull();
      expect(await networks.attachOverlay('mesh', 'c1')).toMatchObject({ networkName: 'mesh' });
      expect(parts.overlays.calls).toEqual(['attach mesh c1']);
    });
  });

  describe('onApplicationShutdown', () => {
    it('should take parked namespaces down, give back held ports and stop DNS', async () => {
      const old = containerRecord('c0', 'web.1.a', { [TASK_ID_LABEL]: 'a' }, containerState('exited'));
      old.networks = [attachment('front', 0)];
      await networks.releaseOrPark(old);
      await networks.prepare(container('c1', ['front'], [port]), ['front']);
      await networks.serveDns(['front']);
      await networks.onApplicationShutdown();
      expect(parts.run.cniCalls()).toEqual(['bridge DEL c0 eth0']);
      expect(parts.held.size).toBe(0);
      expect(dnsClosed).toEqual(['10.89.1.1']);
    });
  });
});
