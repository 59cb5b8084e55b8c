import { HealthMonitor } from './health-monitor';
import {
  containerRecord,
  containerState,
  flush,
  FakeRuntime,
  MemoryRepository,
  RecordingEvents,
} from './testing';

function running(retries = 2) {
  const c = containerRecord(
    'c1',
    'web',
    {},
    containerState('running', 0, {
      health: { status: 'starting', failingStreak: 0, log: [] },
    }),
  );
  c.config.healthcheck = {
    test: ['CMD-SHELL', 'check'],
    intervalMs: 1000,
    timeoutMs: 500,
    startPeriodMs: 0,
    retries,
  };
  return c;
}

beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] }));
afterEach(() => jest.useRealTimers());

async function tick() {
  await jest.advanceTimersByTimeAsync(1000);
  await flush();
  await flush();
}

describe(HealthMonitor.name, () => {
  describe('watch', () => {
    it('should probe every interval in the container and say when the status changes', async () => {
      const repo = new MemoryRepository(running());
      const runtime = new FakeRuntime();
      const events = new RecordingEvents();
      runtime.probeCodes = [0, 1, 1];
      new HealthMonitor(repo, runtime, events).watch(repo.get('c1'));
      await tick();
      expect(repo.get('c1').state.health).toMatchObject({
        status: 'healthy',
        log: [{ exitCode: 0, output: 'probe 0\n' }],
      });
      await tick();
      await tick();
      expect(repo.get('c1').state.health).toMatchObject({ status: 'unhealthy', failingStreak: 2 });
      expect(runtime.calls).toEqual([
        'exec c1 /bin/sh -c check',
        'exec c1 /bin/sh -c check',
        'exec c1 /bin/sh -c check',
      ]);
      expect(events.actions('c1')).toEqual(['health_status: healthy', 'health_status: unhealthy']);
    });

    it('should record a probe that cannot run as a failure, with why', async () => {
      const repo = new MemoryRepository(running(1));
      const runtime = new FakeRuntime();
      runtime.spawnExec = async () => {
        throw new Error('container is not running');
      };
      new HealthMonitor(repo, runtime, new RecordingEvents()).watch(repo.get('c1'));
      await tick();
      expect(repo.get('c1').state.health).toMatchObject({
        status: 'unhealthy',
        log: [{ exitCode: -1, output: 'container is not running' }],
      });
    });

    it('should stop probing once unwatched, or once the container is not running', async () => {
      const repo = new MemoryRepository(running());
      const runtime = new FakeRuntime();
      const monitor = new HealthMonitor(repo, runtime, new RecordingEvents());
      monitor.watch(repo.get('c1'));
      monitor.unwatch('c1');
      await tick();
      expect(runtime.calls).toEqual([]);
      monitor.watch(repo.get('c1'));
      repo.get('c1').state.status = 'exited';
      await tick();
      expect(runtime.calls).toEqual([]);
    });
  });
});
