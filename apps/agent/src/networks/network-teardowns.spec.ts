import * as fs from 'node:fs';
import { Logger } from '@nestjs/common';
import type { PortMapping } from '@berth/network';
import { NetworkTeardowns } from './network-teardowns';
import type { Teardown } from './teardown-journal';
import { attachment, bridgeNetwork, NetworkParts, tempDir } from './testing';

describe(NetworkTeardowns.name, () => {
  let dir: string;
  let parts: NetworkParts;
  let warn: jest.SpyInstance;
  const port: PortMapping = { hostIp: '', hostPort: 8080, containerPort: 80, protocol: 'tcp' };

  /** c1 on front and back, its namespace there, port 8080 held. */
  async function running(): Promise<Teardown> {
    parts.namespaces.existing.add('c1');
    await parts.ports.hold('c1', [port]);
    return { id: 'c1', networks: [attachment('front', 0), attachment('back', 1)], boundPorts: [port] };
  }

  beforeEach(() => {
    dir = tempDir();
    parts = new NetworkParts(dir);
    parts.store.add(bridgeNetwork('front', 1));
    parts.store.add(bridgeNetwork('back', 2));
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    warn.mockRestore();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('release', () => {
    it('should journal the teardown before it starts and remove it once done', async () => {
      const c = await running();
      const journaledDuring: string[][] = [];
      parts.run.onCall = () => void journaledDuring.push(parts.journaled());
      await parts.teardowns.release(c);
      expect(journaledDuring.length).toBeGreaterThan(0);
      for (const seen of journaledDuring) expect(seen).toEqual(['c1']);
      expect(parts.journaled()).toEqual([]);
    });

    it('should DEL every network (ports on the first), then remove the namespace and free the ports', async () => {
      await parts.teardowns.release(await running());
      expect(parts.run.cniCalls()).toEqual([
        'portmap DEL c1 eth0',
        'bridge DEL c1 eth0',
        'bridge DEL c1 eth1',
      ]);
      expect(parts.namespaces.calls).toEqual(['delete c1']);
      expect(parts.held.size).toBe(0);
      expect(parts.overlays.calls).toEqual(['released c1']);
    });

    it('should run one teardown at a time for a container, which settle() waits for', async () => {
      const c = await running();
      const first = parts.teardowns.release(c);
      expect(parts.teardowns.release(c)).toBe(first);
      expect(parts.teardowns.pending('c1')).toBe(first);
      await parts.teardowns.settle('c1');
      expect(parts.teardowns.pending('c1')).toBeUndefined();
      expect(parts.run.cniCalls()).toHaveLength(3);
    });

    it('should do nothing for a container with nothing to take down', async () => {
      await parts.teardowns.release({
        id: 'c1',
        networks: [attachment('front', 0, { cniResult: undefined })],
        boundPorts: [],
      });
      expect(parts.run.calls).toEqual([]);
      expect(parts.journaled()).toEqual([]);
    });

    it('should leave a teardown that failed journaled, for the next agent, and say so', async () => {
      parts.run.failing.set('bridge DEL c1 eth0', 'device busy');
      await parts.teardowns.release(await running());
      expect(parts.journaled()).toEqual(['c1']);
      expect(warn).toHaveBeenCalledWith({
        msg: expect.stringMatching(/^network teardown of c1: .*device busy/),
        container: 'c1',
      });
      expect(parts.namespaces.calls).toEqual(['delete c1']);
    });
  });

  describe('detach', () => {
    it('should go on past a failure and report the first one', async () => {
      parts.run.failing.set('bridge DEL c1 eth0', 'first');
      parts.run.failing.set('bridge DEL c1 eth1', 'second');
      await expect(parts.teardowns.detach(await running())).rejects.toThrow(/first/);
      expect(parts.namespaces.calls).toEqual(['delete c1']);
      expect(parts.held.size).toBe(0);
    });

    it('should skip a network no longer known', async () => {
      await parts.teardowns.detach({ id: 'c1', networks: [attachment('gone', 0)], boundPorts: [] });
      expect(parts.run.cniCalls()).toEqual([]);
    });
  });

  describe('settleAll', () => {
    it('should wait for every teardown running', async () => {
      const c = await running();
      void parts.teardowns.release(c);
      void parts.teardowns.release({ ...c, id: 'c2' });
      await parts.teardowns.settleAll();
      expect(parts.journaled()).toEqual([]);
      expect(parts.run.cniCalls()).toHaveLength(6);
    });
  });
});
