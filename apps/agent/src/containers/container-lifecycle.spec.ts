import { ConflictError } from '../errors';
import { ContainerLifecycle, type LifecycleDeps } from './container-lifecycle';
import type { ContainerRecord } from './model';
import { RestartTimers } from './restart-timers';
import {
  containerRecord,
  containerState,
  flush,
  FakeRuntime,
  MemoryRepository,
  RecordingEvents,
} from './testing';

type Fields = { restart?: ContainerRecord['hostConfig']['restart']['name']; autoRemove?: boolean };

function record(
  id: string,
  status: ContainerRecord['state']['status'],
  fields: Fields = {},
): ContainerRecord {
  const c = containerRecord(id, `name-${id}`, {}, containerState(status));
  c.hostConfig.restart = { name: fields.restart ?? 'no', maximumRetryCount: 0 };
  c.hostConfig.autoRemove = fields.autoRemove ?? false;
  c.config.stopSignal = 'SIGQUIT';
  c.config.stopTimeoutMs = 1500;
  return c;
}

function harness(...records: ContainerRecord[]) {
  const repo = new MemoryRepository(...records);
  const runtime = new FakeRuntime();
  const events = new RecordingEvents();
  const log: string[] = [];
  const setup: LifecycleDeps['setup'] = {
    prepare: async (c) => {
      log.push(`prepare ${c.id}`);
      await runtime.create(c.id);
    },
    undo: async (c, _created, _previous, error) => {
      log.push(`undo ${c.id}`);
      c.state.error = (error as Error).message;
      throw error;
    },
    unprepare: async (c) => {
      log.push(`unprepare ${c.id}`);
      await runtime.delete(c.id);
    },
  };
  const networks: LifecycleDeps['networks'] = {
    releaseOrPark: async (c) => void log.push(`releaseOrPark ${c.id}`),
    release: async (c) => void log.push(`release ${c.id}`),
    detachOverlays: async () => undefined,
    stoppingContainer: (c) => {
      log.push(`stopping ${c.id}`);
      return () => log.push(`stopped ${c.id}`);
    },
    rehold: async (c) => void log.push(`rehold ${c.id}`),
    serveDns: async () => undefined,
    adopt: async (c) => void log.push(`adopt ${c.id}`),
  };
  const lifecycle = new ContainerLifecycle({
    repo,
    runtime,
    setup,
    networks,
    volumes: {
      use: (name, id) => void log.push(`use ${name} ${id}`),
      release: (name, id) => void log.push(`unuse ${name} ${id}`),
      remove: (name) => void log.push(`remove volume ${name}`),
    } as LifecycleDeps['volumes'],
    images: {
      release: (id: string) => void log.push(`release image ${id}`),
      holdAll: (holds: { holder: string }[]) => void log.push(`hold ${holds.map((h) => h.holder).join(',')}`),
    } as unknown as LifecycleDeps['images'],
    health: { watch: () => undefined, unwatch: () => undefined, stopAll: () => undefined },
    restarts: new RestartTimers(),
    events,
  });
  return { lifecycle, repo, runtime, events, log };
}

beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] }));
afterEach(() => jest.useRealTimers());

describe(ContainerLifecycle.name, () => {
  describe('start', () => {
    it('should prepare the run, start it and follow it', async () => {
      const h = harness(record('c1', 'created'));
      const c = await h.lifecycle.start('c1');
      expect(c.state).toMatchObject({ status: 'running', pid: 4242, error: '' });
      expect(h.runtime.calls).toEqual(['create c1', 'start c1', 'wait c1']);
      expect(h.events.actions('c1')).toEqual(['start']);
    });

    it('should refuse a paused container, and one being removed', async () => {
      const h = harness(record('p', 'paused'), record('r', 'removing'));
      await expect(h.lifecycle.start('p')).rejects.toThrow(
        new ConflictError('cannot start a paused container p; try unpause instead'),
      );
      await expect(h.lifecycle.start('r')).rejects.toThrow(ConflictError);
      expect(h.runtime.calls).toEqual([]);
    });

    it('should undo what was set up when the runtime cannot start it', async () => {
      const h = harness(record('c1', 'created'));
      h.runtime.startError = new Error('exec format error');
      await expect(h.lifecycle.start('c1')).rejects.toThrow('exec format error');
      expect(h.log).toContain('undo c1');
      expect(h.repo.get('c1').state.error).toBe('exec format error');
    });

    it('should only let a readied container go, without preparing it again', async () => {
      const h = harness(record('c1', 'created'));
      await h.lifecycle.ready('c1');
      await h.lifecycle.start('c1');
      expect(h.log.filter((l) => l.startsWith('prepare'))).toEqual(['prepare c1']);
      expect(h.runtime.calls).toEqual(['create c1', 'start c1', 'wait c1']);
    });
  });

  describe('exits', () => {
    it('should record how the run ended, and free its network', async () => {
      const h = harness(record('c1', 'created'));
      await h.lifecycle.start('c1');
      h.runtime.exit('c1', 3);
      expect(await h.lifecycle.wait('c1')).toMatchObject({ status: 'exited', exitCode: 3, pid: 0 });
      expect(h.log).toContain('releaseOrPark c1');
      expect(h.events.actions('c1')).toEqual(['start', 'die']);
    });

    it('should restart per the policy after the back-off, counting restarts', async () => {
      const h = harness(record('c1', 'created', { restart: 'always' }));
      await h.lifecycle.start('c1');
      h.runtime.exit('c1', 0);
      await flush();
      expect(h.repo.get('c1').state.status).toBe('restarting');
      await jest.advanceTimersByTimeAsync(99);
      expect(h.repo.get('c1').state.status).toBe('restarting');
      await jest.advanceTimersByTimeAsync(1);
      await flush();
      expect(h.repo.get('c1')).toMatchObject({ restartCount: 1, state: { status: 'running' } });
      expect(h.events.actions('c1')).toEqual(['start', 'die', 'start', 'restart']);
    });

    it('should remove an --rm container once it ended and its output was read', async () => {
      const h = harness(record('c1', 'created', { autoRemove: true }));
      const release = h.lifecycle.holdRemoval('c1');
      await h.lifecycle.start('c1');
      h.runtime.exit('c1', 0);
      await flush();
      expect(h.repo.find('c1')).not.toBeNull();
      release();
      await flush();
      await flush();
      expect(h.repo.find('c1')).toBeNull();
      expect(h.events.actions('c1')).toEqual(['start', 'die', 'destroy']);
    });
  });

  describe('stop', () => {
    it("should stop with the container's signal and grace period to the millisecond, and not restart it", async () => {
      const h = harness(record('c1', 'created', { restart: 'always' }));
      await h.lifecycle.start('c1');
      await h.lifecycle.stop('c1');
      await jest.advanceTimersByTimeAsync(60_000);
      expect(h.runtime.calls).toContain('stop c1 SIGQUIT 1500ms');
      expect(h.repo.get('c1')).toMatchObject({ manuallyStopped: true, state: { status: 'exited' } });
      expect(h.log).toEqual(expect.arrayContaining(['stopping c1', 'stopped c1']));
      expect(h.events.actions('c1')).toEqual(['start', 'die', 'stop']);
    });

    it('should take a timeout given in seconds over the container’s own', async () => {
      const h = harness(record('c1', 'created'));
      await h.lifecycle.start('c1');
      await h.lifecycle.stop('c1', 0, 'SIGTERM');
      expect(h.runtime.calls).toContain('stop c1 SIGTERM 0ms');
    });

    it('should cancel a restart the policy had scheduled', async () => {
      const h = harness(record('c1', 'created', { restart: 'always' }));
      await h.lifecycle.start('c1');
      h.runtime.exit('c1', 1);
      await flush();
      await h.lifecycle.stop('c1');
      await jest.advanceTimersByTimeAsync(60_000);
      expect(h.repo.get('c1').state.status).toBe('exited');
      expect(h.runtime.calls.filter((c) => c.startsWith('start'))).toEqual(['start c1']);
    });

    it('should undo a readied container that will not start after all', async () => {
      const h = harness(record('c1', 'created'));
      await h.lifecycle.ready('c1');
      await h.lifecycle.stop('c1');
      expect(h.log).toContain('unprepare c1');
      expect(h.runtime.statusOf('c1')).toBeNull();
    });
  });

  describe('kill, pause and unpause', () => {
    it('should refuse to kill a container that is not running', async () => {
      const h = harness(record('c1', 'exited'));
      await expect(h.lifecycle.kill('c1')).rejects.toThrow('Container c1 is not running');
    });

    it('should count a SIGKILL as a stop by hand, and pause and unpause through the runtime', async () => {
      const h = harness(record('c1', 'created', { restart: 'always' }));
      await h.lifecycle.start('c1');
      await h.lifecycle.pause('c1');
      expect(h.repo.get('c1').state.status).toBe('paused');
      await h.lifecycle.unpause('c1');
      await h.lifecycle.kill('c1', 'SIGKILL');
      await flush();
      expect(h.repo.get('c1')).toMatchObject({
        manuallyStopped: true,
        state: { status: 'exited', exitCode: 137 },
      });
      expect(h.events.actions('c1')).toEqual(['start', 'pause', 'unpause', 'kill', 'die']);
    });
  });

  describe('remove', () => {
    it('should refuse a running container without force', async () => {
      const h = harness(record('c1', 'created'));
      await h.lifecycle.start('c1');
      await expect(h.lifecycle.remove('c1', {})).rejects.toThrow(
        /Stop the container before attempting removal or force remove/,
      );
      expect(h.repo.find('c1')).not.toBeNull();
    });

    it('should kill a running container with force, then forget it, its image hold and its anonymous volumes', async () => {
      const c = record('c1', 'created');
      c.mounts = [
        { type: 'volume', source: 'anon', destination: '/data', readOnly: false, anonymous: true },
        { type: 'volume', source: 'named', destination: '/keep', readOnly: false },
      ];
      const h = harness(c);
      await h.lifecycle.start('c1');
      await h.lifecycle.remove('c1', { force: true, volumes: true });
      expect(h.runtime.calls).toEqual(expect.arrayContaining(['kill c1 SIGKILL', 'delete c1']));
      expect(h.repo.find('c1')).toBeNull();
      expect(h.log).toEqual(
        expect.arrayContaining(['unuse anon c1', 'remove volume anon', 'unuse named c1', 'release image c1']),
      );
      expect(h.log).not.toContain('remove volume named');
      expect(h.events.actions('c1')).toEqual(['start', 'die', 'destroy']);
    });
  });

  describe('restoreAll', () => {
    it('should watch again a container that kept running, and handle its exit when it comes', async () => {
      const h = harness(record('c1', 'running'));
      h.runtime.has('c1', 'running');
      await h.lifecycle.restoreAll();
      expect(h.log).toEqual(['hold c1', 'rehold c1', 'adopt c1']);
      h.runtime.exit('c1', 2);
      expect(await h.lifecycle.wait('c1')).toMatchObject({ status: 'exited', exitCode: 2 });
    });

    it('should handle an exit no agent saw, restart policy included', async () => {
      const h = harness(record('c1', 'running', { restart: 'on-failure' }));
      await h.lifecycle.restoreAll();
      expect(h.repo.get('c1').state).toMatchObject({ status: 'restarting', exitCode: 255 });
    });

    it('should start an `always` container stopped before the engine went down, but not a `no` one', async () => {
      const h = harness(record('a', 'exited', { restart: 'always' }), record('n', 'exited'));
      await h.lifecycle.restoreAll();
      expect(h.repo.get('a').state.status).toBe('running');
      expect(h.repo.get('n').state.status).toBe('exited');
    });

    it('should undo what the last agent readied, and finish a removal it began', async () => {
      const h = harness(record('c', 'created'), record('r', 'removing'));
      h.runtime.has('c', 'created');
      await h.lifecycle.restoreAll();
      expect(h.log).toContain('unprepare c');
      expect(h.repo.find('r')).toBeNull();
    });
  });
});
