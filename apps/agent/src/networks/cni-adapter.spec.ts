import * as fs from 'node:fs';
import * as path from 'node:path';
import { CniRunner, type PortMapping } from '@berth/network';
import { InvalidArgumentError } from '../errors';
import { CniAdapter } from './cni-adapter';
import type { NetworkRecord } from './network-record';
import { attachment, bridgeNetwork, FakeRun, pluginDir, tempDir } from './testing';

describe(CniAdapter.name, () => {
  let dir: string;
  let run: FakeRun;
  let cni: CniAdapter;
  const front = bridgeNetwork('front');
  const mesh: NetworkRecord = { ...bridgeNetwork('mesh'), driver: 'overlay', bridge: 'bo4097', gateway: '' };
  const port: PortMapping = { hostIp: '', hostPort: 8080, containerPort: 80, protocol: 'tcp' };
  const netns = '/run/netns/berth-c1';

  beforeEach(() => {
    dir = tempDir();
    run = new FakeRun();
    cni = new CniAdapter(new CniRunner([pluginDir(dir)], run.run), path.join(dir, 'ipam'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('add', () => {
    it("should run the bridge chain for the container's interface and record what it answered", async () => {
      const a = await cni.add('c1', netns, front, 'eth0', [], { aliases: ['web'] });
      expect(run.cniCalls()).toEqual(['bridge ADD c1 eth0']);
      expect(JSON.parse(run.inputs[0])).toMatchObject({
        name: 'front',
        bridge: 'br-front',
        ipam: { type: 'host-local', dataDir: path.join(dir, 'ipam') },
      });
      expect(a).toMatchObject({
        network: 'front',
        ifname: 'eth0',
        ip: '10.88.0.2',
        prefixLength: 16,
        aliases: ['web'],
        forwarding: 'network',
      });
      expect(a.cniResult).toBeDefined();
      expect(a.requestedAddress).toBeUndefined();
    });

    it('should publish ports through portmap after the bridge', async () => {
      await cni.add('c1', netns, front, 'eth0', [port], { aliases: [] });
      expect(run.cniCalls()).toEqual(['bridge ADD c1 eth0', 'portmap ADD c1 eth0']);
    });

    it('should put a container on an overlay network at the address the cluster gave, and only so', async () => {
      await expect(cni.add('c1', netns, mesh, 'eth1', [], { aliases: [] })).rejects.toThrow(
        new InvalidArgumentError(
          "network mesh is an overlay network: its addresses come from the cluster's manager",
        ),
      );
      const a = await cni.add('c1', netns, mesh, 'eth1', [], { aliases: [], address: '10.0.1.5/24' });
      expect(run.cniCalls()).toEqual(['bridge ADD c1 eth1', 'tuning ADD c1 eth1']);
      expect(a).toMatchObject({ requestedAddress: '10.0.1.5/24' });
      expect(a.forwarding).toBeUndefined();
    });
  });

  describe('del', () => {
    it('should run the chain backwards with the CNI container id the interface was made with', async () => {
      await cni.del('c2', netns, front, attachment('front', 0, { cniContainerId: 'c1' }), 'eth0', [port]);
      expect(run.cniCalls()).toEqual(['portmap DEL c1 eth0', 'bridge DEL c1 eth0']);
    });

    it("should run the firewall plugin's DEL for an attachment made through it", async () => {
      await cni.del('c1', netns, front, attachment('front', 0, { forwarding: undefined }), 'eth0', []);
      expect(run.cniCalls()).toEqual(['firewall DEL c1 eth0', 'bridge DEL c1 eth0']);
    });

    it('should run every DEL when one fails, and report the first failure', async () => {
      run.failing.set('portmap DEL c1 eth0', 'no chain');
      await expect(cni.del('c1', netns, front, attachment('front', 0), 'eth0', [port])).rejects.toThrow(
        /no chain/,
      );
      expect(run.cniCalls()).toEqual(['portmap DEL c1 eth0', 'bridge DEL c1 eth0']);
    });
  });

  describe('forget', () => {
    it("should remove the network's addresses kept by host-local", () => {
      fs.mkdirSync(path.join(dir, 'ipam', 'front'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'ipam', 'front', '10.89.1.2'), 'c1');
      cni.forget('front');
      expect(fs.existsSync(path.join(dir, 'ipam', 'front'))).toBe(false);
    });
  });
});
