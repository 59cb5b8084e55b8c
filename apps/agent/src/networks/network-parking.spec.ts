import * as fs from 'node:fs';
import { Logger } from '@nestjs/common';
import { containerRecord, containerState } from '../containers/testing';
import { TASK_ID_LABEL } from '../cluster/task-labels';
import type { ContainerRecord } from '../containers/model';
import { NetworkParking } from './network-parking';
import { PARK_LIMIT, PARK_MS, PARK_WAIT_MS } from './parking';
import { attachment, bridgeNetwork, NetworkParts, tempDir } from './testing';

/** Task container ID on NETWORKS, plumbed (as it stands when it has just stopped). */
function task(id: string, networks = ['front'], change: (c: ContainerRecord) => void = () => undefined) {
  const c = containerRecord(id, `web.1.${id}`, { [TASK_ID_LABEL]: `t-${id}` }, containerState('exited'));
  c.hostConfig.network = networks[0];
  c.networks = networks.map((n, i) => attachment(n, i));
  change(c);
  return c;
}

describe(NetworkParking.name, () => {
  let dir: string;
  let parts: NetworkParts;
  let parking: NetworkParking;

  /** C1 stopped, its namespace there and parked. */
  async function parked(id = 'c1', networks = ['front']): Promise<ContainerRecord> {
    const c = task(id, networks);
    parts.namespaces.existing.add(id);
    await parking.park(c);
    return c;
  }

  beforeEach(() => {
    jest.useFakeTimers();
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    dir = tempDir();
    parts = new NetworkParts(dir);
    parts.store.add(bridgeNetwork('front', 1));
    parts.store.add(bridgeNetwork('back', 2));
    parking = parts.parking;
  });
  afterEach(() => {
    parking.releaseAll();
    jest.useRealTimers();
    jest.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('park', () => {
    it("should keep a stopped task container's namespace, its teardown journaled, nothing taken down", async () => {
      await parked();
      expect(parts.journaled()).toEqual(['c1']);
      expect(parts.run.calls).toEqual([]);
      expect(parts.namespaces.calls).toEqual([]);
    });

    it('should take the namespace down once PARK_MS have passed with no taker', async () => {
      await parked();
      await jest.advanceTimersByTimeAsync(PARK_MS - 1);
      expect(parts.run.cniCalls()).toEqual([]);
      await jest.advanceTimersByTimeAsync(1);
      await parts.teardowns.settleAll();
      expect(parts.run.cniCalls()).toEqual(['bridge DEL c1 eth0']);
      expect(parts.namespaces.calls).toEqual(['delete c1']);
      expect(parts.journaled()).toEqual([]);
    });

    it('should park at most PARK_LIMIT namespaces for the same networks and release the next at once', async () => {
      for (let i = 0; i < PARK_LIMIT; i++) await parked(`p${i}`);
      await parked('extra');
      await parts.teardowns.settleAll();
      expect(parts.run.cniCalls()).toEqual(['bridge DEL extra eth0']);
      await parked('other', ['back']);
      expect(parts.run.cniCalls()).toHaveLength(1);
    });

    it('should release, not park, a container that is no task', async () => {
      const c = task('c1', ['front'], (x) => (x.config.labels = {}));
      await parking.park(c);
      await parts.teardowns.settleAll();
      expect(parts.run.cniCalls()).toEqual(['bridge DEL c1 eth0']);
    });
  });

  describe('release', () => {
    it('should leave a parked namespace alone', async () => {
      const c = await parked();
      await parking.release(c);
      expect(parts.run.calls).toEqual([]);
      expect(parts.journaled()).toEqual(['c1']);
    });
  });

  describe('take', () => {
    it('should give the next task container on the same networks the parked namespace, renamed', async () => {
      await parked('c1');
      expect(await parking.take(task('c2'), ['front'], false)).toBe('/run/netns/berth-c2');
      expect(parts.namespaces.calls).toEqual(['rename c1 c2']);
      expect(parts.journaled()).toEqual([]); // c2's record carries it now
      expect(parking.claim('c2')).toEqual([attachment('front', 0, { cniContainerId: 'c1' })]);
      expect(parking.claim('c2')).toBeNull();
      expect(await parking.take(task('c3'), ['front'], false)).toBeNull();
      await jest.advanceTimersByTimeAsync(PARK_MS);
      expect(parts.run.calls).toEqual([]);
    });

    it('should give a restarted container its own namespace back, without renaming', async () => {
      await parked('c0');
      await parked('c1');
      expect(await parking.take(task('c1'), ['front'], false)).toBe('/run/netns/berth-c1');
      expect(parts.namespaces.calls).toEqual([]);
    });

    it('should not give it to a container that is no task, or on other networks', async () => {
      await parked('c1', ['front', 'back']);
      const plain = task('c2', ['front', 'back'], (c) => (c.config.labels = {}));
      const privileged = task('c2', ['front', 'back'], (c) => (c.hostConfig.privileged = true));
      expect(await parking.take(plain, ['front', 'back'], false)).toBeNull();
      expect(await parking.take(privileged, ['front', 'back'], false)).toBeNull();
      expect(await parking.take(task('c2'), ['back', 'front'], false)).toBeNull();
      expect(await parking.take(task('c2'), ['front'], false)).toBeNull();
      expect(await parking.take(task('c2'), ['front', 'back'], false)).not.toBeNull();
    });

    it('should take down a namespace it cannot move, and give none', async () => {
      await parked('c1');
      parts.namespaces.failRename = true;
      expect(await parking.take(task('c2'), ['front'], false)).toBeNull();
      await parts.teardowns.settleAll();
      expect(parts.run.cniCalls()).toEqual(['bridge DEL c1 eth0']);
      expect(parts.journaled()).toEqual([]);
    });

    it('should wait for the namespace of a container being stopped on the same networks', async () => {
      const old = task('c1');
      old.state = containerState('running');
      const exited = parking.stoppingContainer(old);
      let taken: string | null | undefined;
      void parking.take(task('c2'), ['front'], true).then((netns) => (taken = netns));
      await jest.advanceTimersByTimeAsync(PARK_WAIT_MS / 2);
      expect(taken).toBeUndefined();
      parts.namespaces.existing.add('c1');
      await parking.park(old);
      exited();
      await jest.advanceTimersByTimeAsync(0);
      expect(taken).toBe('/run/netns/berth-c2');
    });

    it('should wait at most PARK_WAIT_MS', async () => {
      parking.stoppingContainer(task('c1'));
      let taken: string | null | undefined;
      void parking.take(task('c2'), ['front'], true).then((netns) => (taken = netns));
      await jest.advanceTimersByTimeAsync(PARK_WAIT_MS);
      expect(taken).toBeNull();
    });
  });

  describe('release after take', () => {
    it("should take down a namespace taken over but never claimed with its first container's CNI id", async () => {
      await parked('c1');
      await parking.take(task('c2'), ['front'], false);
      await parking.release({ id: 'c2', networks: [], boundPorts: [] });
      expect(parts.run.cniCalls()).toEqual(['bridge DEL c1 eth0']);
      expect(parts.namespaces.calls).toEqual(['rename c1 c2', 'delete c2']);
    });
  });

  describe('releaseAll', () => {
    it('should take every parked namespace down', async () => {
      await parked('c1');
      await parked('c2', ['back']);
      parking.releaseAll();
      await parts.teardowns.settleAll();
      expect(parts.run.cniCalls().sort()).toEqual(['bridge DEL c1 eth0', 'bridge DEL c2 eth0']);
      expect(parts.journaled()).toEqual([]);
    });
  });
});
