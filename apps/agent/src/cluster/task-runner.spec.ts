import { HELD_FOR_UPDATE, taskStateRank, type Task, type TaskState, type TaskStatus } from '@berth/cluster';
import { makeService, makeTask } from '@berth/cluster/testing';
import type { ContainerRecord } from '../containers/model';
import type { ContainerRequest } from '../containers/request';
import { TASK_ID_LABEL } from './task-container';
import { TaskRunner, type RunnerDeps } from './task-runner';
import { containerRecord as record, containerState as state, flush } from '../containers/testing';

type State = ContainerRecord['state'];

const T0 = 1_700_000_000_000;

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * The engine as the runner sees it: records every call; a container runs from `start` until
 * `exit` (or `stop`, which ends it with 143) resolves its `wait`.
 */
type Engine = RunnerDeps['containers'];

class FakeContainers implements Engine {
  readonly calls: string[] = [];
  readonly specs: ContainerRequest[] = [];
  createError: Error | null = null;
  startError: Error | null = null;
  stopError: Error | null = null;
  removeError: Error | null = null;
  waitError: Error | null = null;
  /** when set, create waits for it */
  createGate: Promise<void> | null = null;
  private readonly waiters = new Map<string, (s: State) => void>();
  private created = 0;

  async create(spec: ContainerRequest): Promise<ContainerRecord> {
    this.calls.push(`create ${spec.name}`);
    this.specs.push(spec);
    if (this.createGate) await this.createGate;
    if (this.createError) throw this.createError;
    const id = `c${++this.created}`;
    return record(id, spec.name, spec.labels ?? {}, state('created'));
  }

  async ready(id: string): Promise<void> {
    this.calls.push(`ready ${id}`);
  }

  async start(id: string): Promise<ContainerRecord> {
    this.calls.push(`start ${id}`);
    if (this.startError) throw this.startError;
    return record(id, id, {}, state('running'));
  }

  async stop(id: string): Promise<void> {
    this.calls.push(`stop ${id}`);
    if (this.stopError) throw this.stopError;
    this.exit(id, 143);
  }

  async remove(id: string, options: { force?: boolean }): Promise<void> {
    this.calls.push(`remove ${id}${options.force ? ' force' : ''}`);
    if (this.removeError) throw this.removeError;
    this.exit(id, 137);
  }

  /** what healthSettled answers; a deferred one lets a test settle it later */
  health: Promise<'healthy' | 'unhealthy' | 'ended' | 'none'> = Promise.resolve('none');

  healthSettled(): Promise<'healthy' | 'unhealthy' | 'ended' | 'none'> {
    return this.health;
  }

  wait(id: string): Promise<State> {
    this.calls.push(`wait ${id}`);
    if (this.waitError) return Promise.reject(this.waitError);
    return new Promise((resolve) => this.waiters.set(id, resolve));
  }

  /** The container ends as if its process exited with CODE. */
  exit(id: string, exitCode: number, fields: Partial<State> = {}): void {
    this.waiters.get(id)?.(state('exited', exitCode, fields));
    this.waiters.delete(id);
  }
}

const web = makeService({ id: 'svc-web', name: 'web', image: 'nginx:1' });

function task(fields: Partial<Task> = {}): Task {
  return { ...makeTask({ id: 't1', service: web, slot: 1, nodeId: 'node-1', state: 'assigned' }), ...fields };
}

/** A runner for TASK over a fake engine, a clock at T0 and recorded reports and warnings. */
function harness(
  initial: Task = task(),
  existing?: ContainerRecord,
  drainMs = 0,
  files?: RunnerDeps['files'],
  logTail?: RunnerDeps['logTail'],
) {
  const containers = new FakeContainers();
  const reports: TaskStatus[] = [];
  const warnings: string[] = [];
  const clock = { now: T0 };
  const runner = new TaskRunner(
    initial,
    {
      containers,
      report: (s) => reports.push(s),
      now: () => clock.now,
      warn: (m) => warnings.push(m),
      drainMs,
      files,
      logTail,
    },
    existing,
  );
  const states = () => reports.map((r) => r.state);
  return { runner, containers, reports, warnings, clock, states };
}

/** A harness whose task runs in container c1. */
async function running(initial: Task = task()) {
  const h = harness(initial);
  h.runner.kick();
  await flush();
  expect(h.states()).toEqual(['accepted', 'preparing', 'ready', 'starting', 'running']);
  h.reports.length = 0;
  h.containers.calls.length = 0;
  return h;
}

function expectForwardOnly(reports: readonly TaskStatus[]): void {
  const ranks = reports.map((r) => taskStateRank(r.state));
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
}

const adopted = (s: State) => record('old', 'web.1.t1', { [TASK_ID_LABEL]: 't1' }, s);

describe(TaskRunner.name, () => {
  describe('kick', () => {
    it('should report accepted, preparing, ready, starting and running for a fresh task', async () => {
      const { runner, reports } = harness();
      runner.kick();
      await flush();
      expect(reports).toEqual([
        { state: 'accepted', timestamp: T0, message: '', err: '', containerId: '', exitCode: null },
        {
          state: 'preparing',
          timestamp: T0,
          message: 'preparing nginx:1',
          err: '',
          containerId: '',
          exitCode: null,
        },
        { state: 'ready', timestamp: T0, message: 'prepared', err: '', containerId: 'c1', exitCode: null },
        { state: 'starting', timestamp: T0, message: 'starting', err: '', containerId: 'c1', exitCode: null },
        { state: 'running', timestamp: T0, message: 'started', err: '', containerId: 'c1', exitCode: null },
      ]);
    });

    it("should create the task's container, start it and wait for it to end", async () => {
      const { runner, containers } = harness();
      runner.kick();
      await flush();
      expect(containers.calls).toEqual(['create web.1.t1', 'ready c1', 'start c1', 'wait c1']);
      expect(containers.specs[0]).toMatchObject({
        image: 'nginx:1',
        name: 'web.1.t1',
        labels: { [TASK_ID_LABEL]: 't1' },
        pull: { missing: true, auth: null },
      });
    });

    it('should report at the time of each step', async () => {
      const h = await running();
      h.clock.now = T0 + 5000;
      h.containers.exit('c1', 0);
      await flush();
      expect(h.reports[0].timestamp).toBe(T0 + 5000);
    });

    it('should create one container however often it is kicked meanwhile', async () => {
      const { runner, containers, states } = harness();
      runner.kick();
      runner.kick();
      runner.update(task());
      await flush();
      runner.kick();
      await flush();
      expect(containers.calls).toEqual(['create web.1.t1', 'ready c1', 'start c1', 'wait c1']);
      expect(states()).toEqual(['accepted', 'preparing', 'ready', 'starting', 'running']);
    });

    it('should report rejected with the error when the container cannot be made, and try no more', async () => {
      const { runner, containers, reports } = harness();
      containers.createError = new Error('pull access denied for nginx');
      runner.kick();
      await flush();
      runner.kick();
      await flush();
      expect(reports.map((r) => [r.state, r.message, r.err])).toEqual([
        ['accepted', '', ''],
        ['preparing', 'preparing nginx:1', ''],
        ['rejected', 'preparing failed', 'pull access denied for nginx'],
      ]);
      expect(containers.calls).toEqual(['create web.1.t1']);
    });

    it('should report failed with the error when the container cannot start, and not wait on it', async () => {
      const { runner, containers, reports } = harness();
      containers.startError = new Error('exec: "nginx": executable file not found');
      runner.kick();
      await flush();
      expect(reports.at(-1)).toMatchObject({
        state: 'failed',
        message: 'starting failed',
        err: 'exec: "nginx": executable file not found',
        containerId: 'c1',
      });
      expect(reports.map((r) => r.state)).toEqual(['accepted', 'preparing', 'ready', 'starting', 'failed']);
      expect(containers.calls).toEqual(['create web.1.t1', 'ready c1', 'start c1']);
    });

    it('should only prepare a task the manager wants ready, and start it once wanted running', async () => {
      const { runner, containers, states } = harness(task({ desiredState: 'ready' }));
      runner.kick();
      await flush();
      expect(states()).toEqual(['accepted', 'preparing', 'ready']);
      expect(containers.calls).toEqual(['create web.1.t1', 'ready c1']);
      runner.update(task({ desiredState: 'running' }));
      await flush();
      expect(states()).toEqual(['accepted', 'preparing', 'ready', 'starting', 'running']);
      expect(containers.calls).toEqual(['create web.1.t1', 'ready c1', 'start c1', 'wait c1']);
    });
  });

  describe('when the container ends', () => {
    it('should report complete for exit code 0', async () => {
      const { containers, reports } = await running();
      containers.exit('c1', 0);
      await flush();
      expect(reports).toEqual([
        { state: 'complete', timestamp: T0, message: 'finished', err: '', containerId: 'c1', exitCode: 0 },
      ]);
    });

    it('should send the last lines the container wrote with its end', async () => {
      const asked: string[] = [];
      const h = harness(task(), undefined, 0, undefined, async (id) => {
        asked.push(id);
        return ['starting', 'no config at /etc/app.conf'];
      });
      h.runner.kick();
      await flush();
      h.reports.length = 0;
      h.containers.exit('c1', 2);
      await flush();
      expect(asked).toEqual(['c1']);
      expect(h.reports).toMatchObject([
        { state: 'failed', exitCode: 2, logTail: ['starting', 'no config at /etc/app.conf'] },
      ]);
    });

    it('should report failed with the code for a non-zero exit', async () => {
      const { containers, reports } = await running();
      containers.exit('c1', 3);
      await flush();
      expect(reports).toEqual([
        {
          state: 'failed',
          timestamp: T0,
          message: 'started',
          err: 'task: non-zero exit (3)',
          containerId: 'c1',
          exitCode: 3,
        },
      ]);
    });

    it('should report a container killed for memory', async () => {
      const { containers, reports } = await running();
      containers.exit('c1', 137, { oomKilled: true });
      await flush();
      expect(reports).toMatchObject([{ state: 'failed', err: 'task: killed for lack of memory (OOM)' }]);
    });

    it('should warn and report nothing when it cannot wait on the container', async () => {
      const { runner, containers, warnings, states } = harness();
      containers.waitError = new Error('engine gone');
      runner.kick();
      await flush();
      expect(states().at(-1)).toBe('running');
      expect(warnings).toEqual(['waiting on task t1: engine gone']);
    });

    it('should do nothing more for an ended task that is still wanted running', async () => {
      const { runner, containers, reports } = await running();
      containers.exit('c1', 1);
      await flush();
      runner.update(task());
      await flush();
      expect(reports.map((r) => r.state)).toEqual(['failed']);
      expect(containers.calls).toEqual([]);
    });
  });

  describe('update', () => {
    it('should stop the container and report shutdown, not failed, when the task is to shut down', async () => {
      const { runner, containers, reports } = await running();
      runner.update(task({ desiredState: 'shutdown' }));
      await flush();
      expect(containers.calls).toEqual(['stop c1']);
      expect(reports).toEqual([
        { state: 'shutdown', timestamp: T0, message: 'shutdown', err: '', containerId: 'c1', exitCode: null },
      ]);
    });

    it('should stop and remove the container when the task is to be removed', async () => {
      const { runner, containers, states } = await running();
      runner.update(task({ desiredState: 'remove' }));
      await flush();
      expect(containers.calls).toEqual(['stop c1', 'remove c1 force']);
      expect(states()).toEqual(['shutdown']);
    });

    it('should shut a task down that never got a container without touching the engine', async () => {
      const { runner, containers, states } = harness(task({ desiredState: 'shutdown' }));
      runner.kick();
      await flush();
      expect(states()).toEqual(['shutdown']);
      expect(containers.calls).toEqual([]);
    });

    it('should say nothing more of an ended task told to shut down', async () => {
      const { runner, containers, states } = await running();
      containers.exit('c1', 0);
      await flush();
      runner.update(task({ desiredState: 'shutdown' }));
      await flush();
      expect(states()).toEqual(['complete']);
      expect(containers.calls).toEqual([]);
    });

    it('should remove the container of an ended task told to go, without stopping it or reporting', async () => {
      const { runner, containers, states } = await running();
      containers.exit('c1', 2);
      await flush();
      runner.update(task({ desiredState: 'remove' }));
      await flush();
      expect(containers.calls).toEqual(['remove c1 force']);
      expect(states()).toEqual(['failed']);
    });

    it('should still report shutdown when the stop fails, with a warning', async () => {
      const { runner, containers, states, warnings } = await running();
      containers.stopError = new Error('timed out');
      runner.update(task({ desiredState: 'shutdown' }));
      await flush();
      expect(states()).toEqual(['shutdown']);
      expect(warnings).toEqual(['stopping task t1: timed out']);
    });

    it('should not report the exit of a container it stopped, even one that ends later', async () => {
      const { runner, containers, states } = await running();
      containers.stop = async (id: string) => {
        containers.calls.push(`stop ${id}`);
      };
      runner.update(task({ desiredState: 'shutdown' }));
      await flush();
      containers.exit('c1', 137);
      await flush();
      expect(states()).toEqual(['shutdown']);
    });

    it('should shut down rather than start a task told to while its container was being made', async () => {
      const { runner, containers, states } = harness();
      const gate = deferred<void>();
      containers.createGate = gate.promise;
      runner.kick();
      await flush();
      runner.update(task({ desiredState: 'shutdown' }));
      gate.resolve();
      await flush();
      expect(containers.calls).toEqual(['create web.1.t1', 'ready c1', 'stop c1']);
      expect(states()).toEqual(['accepted', 'preparing', 'ready', 'shutdown']);
    });
  });

  describe('restart delay', () => {
    beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] }));
    afterEach(() => jest.useRealTimers());

    it('should not even prepare before the time, then prepare and hold the task ready', async () => {
      const { runner, containers, states, clock } = harness(
        task({ desiredState: 'ready', notBefore: T0 + 5000 }),
      );
      runner.kick();
      await flush();
      clock.now = T0 + 4999;
      jest.advanceTimersByTime(4999);
      await flush();
      expect(states()).toEqual([]);
      expect(containers.calls).toEqual([]);

      clock.now = T0 + 5000;
      jest.advanceTimersByTime(1);
      await flush();
      expect(states()).toEqual(['accepted', 'preparing', 'ready']);
      expect(containers.calls).toEqual(['create web.1.t1', 'ready c1']);

      runner.update(task({ desiredState: 'running', notBefore: T0 + 5000 }));
      await flush();
      expect(states()).toEqual(['accepted', 'preparing', 'ready', 'starting', 'running']);
    });

    it('should prepare and ready a task a stop-first rollout holds, and start it once released', async () => {
      const { runner, containers, states } = harness(
        task({ desiredState: 'ready', notBefore: HELD_FOR_UPDATE }),
      );
      runner.kick();
      await flush();
      expect(states()).toEqual(['accepted', 'preparing', 'ready']);
      expect(containers.calls).toEqual(['create web.1.t1', 'ready c1']);
      expect(jest.getTimerCount()).toBe(0); // no timer for the hold: the rollout releases it

      runner.update(task({ desiredState: 'running', notBefore: 0 }));
      await flush();
      expect(containers.calls).toEqual(['create web.1.t1', 'ready c1', 'start c1', 'wait c1']);
      expect(states()).toEqual(['accepted', 'preparing', 'ready', 'starting', 'running']);
    });

    it('should not ready a held task that publishes host ports, which the task it replaces may hold', async () => {
      const held = task({ desiredState: 'ready', notBefore: HELD_FOR_UPDATE });
      const { runner, containers } = harness({
        ...held,
        endpoint: {
          ...held.endpoint,
          ports: [{ protocol: 'tcp', targetPort: 80, publishedPort: 8080, publishMode: 'host' }],
        },
      });
      runner.kick();
      await flush();
      expect(containers.calls).toEqual(['create web.1.t1']);
    });

    it('should look again within a 32-bit timer for a delay further away than one, not at once', async () => {
      const timeouts = jest.spyOn(global, 'setTimeout');
      const { runner, states } = harness(task({ notBefore: T0 + 2 ** 40 }));
      runner.kick();
      await flush();
      // Node fires a longer delay after 1 ms: the runner would spin
      expect(timeouts.mock.calls.map((c) => c[1])).toEqual([2 ** 31 - 1]);
      expect(states()).toEqual([]);
      timeouts.mockRestore();
    });

    it('should run a task wanted running as soon as its delay is over', async () => {
      const { runner, states, clock } = harness(task({ notBefore: T0 + 1000 }));
      runner.kick();
      await flush();
      expect(states()).toEqual([]);
      clock.now = T0 + 1000;
      jest.advanceTimersByTime(1000);
      await flush();
      expect(states()).toEqual(['accepted', 'preparing', 'ready', 'starting', 'running']);
    });

    it('should wait only for the latest delay when the task is updated', async () => {
      const { runner, states, clock } = harness(task({ notBefore: T0 + 1000 }));
      runner.kick();
      runner.update(task({ notBefore: T0 + 3000 }));
      await flush();
      clock.now = T0 + 1000;
      jest.advanceTimersByTime(1000);
      await flush();
      expect(states()).toEqual([]);
      clock.now = T0 + 3000;
      jest.advanceTimersByTime(2000);
      await flush();
      expect(states().at(-1)).toBe('running');
    });

    it('should shut down a task held by its delay at once', async () => {
      const { runner, containers, states } = harness(task({ notBefore: T0 + 1000 }));
      runner.kick();
      await flush();
      runner.update(task({ desiredState: 'shutdown', notBefore: T0 + 1000 }));
      await flush();
      expect(states()).toEqual(['shutdown']);
      jest.advanceTimersByTime(1000);
      await flush();
      expect(containers.calls).toEqual([]);
    });

    it('should not wake up after dispose', async () => {
      const { runner, containers, states, clock } = harness(task({ notBefore: T0 + 1000 }));
      runner.kick();
      await flush();
      await runner.dispose();
      clock.now = T0 + 1000;
      jest.advanceTimersByTime(1000);
      await flush();
      expect(states()).toEqual([]);
      expect(containers.calls).toEqual([]);
    });
  });

  describe('secrets and configs', () => {
    const mount = {
      type: 'bind' as const,
      source: '/tmpfs/t1/secrets-0',
      target: '/run/secrets/db',
      readOnly: true as const,
      options: [],
      createHostPath: false as const,
    };

    it("should make the container with the task's files mounted, and release them with it", async () => {
      const released: string[] = [];
      const h = harness(task(), undefined, 0, {
        prepare: async () => [mount],
        release: (id) => released.push(id),
      });
      h.runner.kick();
      await flush();
      expect(h.containers.specs[0].mounts).toEqual([mount]);
      expect(released).toEqual([]);
      h.runner.update(task({ desiredState: 'remove' }));
      await flush();
      expect(h.containers.calls).toContain('remove c1 force');
      expect(released).toEqual(['t1']);
    });

    it('should reject the task, making no container, when its files cannot be written', async () => {
      const released: string[] = [];
      const h = harness(task(), undefined, 0, {
        prepare: () => Promise.reject(new Error('not delivered to this machine: secret db')),
        release: (id) => released.push(id),
      });
      h.runner.kick();
      await flush();
      expect(h.states()).toEqual(['accepted', 'preparing', 'rejected']);
      expect(h.reports.at(-1)?.err).toBe('not delivered to this machine: secret db');
      expect(h.containers.calls.filter((c) => c.startsWith('create'))).toEqual([]);
      expect(released).toEqual(['t1']);
    });
  });

  describe('drain', () => {
    it('should keep a task on networks serving for the drain time before stopping it', async () => {
      const onNetwork = task({ networks: [{ networkId: 'n1', address: '10.0.1.5/24' }] });
      const h = harness(onNetwork, undefined, 60);
      h.runner.kick();
      await flush();
      h.runner.update({ ...onNetwork, desiredState: 'shutdown' });
      await flush();
      expect(h.containers.calls).not.toContain('stop c1');
      await new Promise((r) => setTimeout(r, 80));
      await flush();
      expect(h.containers.calls).toContain('stop c1');
      expect(h.states().at(-1)).toBe('shutdown');
    });

    it('should stop a task on no network at once', async () => {
      const h = harness(task(), undefined, 60_000);
      h.runner.kick();
      await flush();
      h.runner.update(task({ desiredState: 'shutdown' }));
      await flush();
      expect(h.containers.calls).toContain('stop c1');
    });
  });

  describe('health', () => {
    it('should hold a task with a health check in starting until it is healthy', async () => {
      const h = harness();
      const health = deferred<'healthy' | 'unhealthy' | 'ended' | 'none'>();
      h.containers.health = health.promise;
      h.runner.kick();
      await flush();
      expect(h.states()).toEqual(['accepted', 'preparing', 'ready', 'starting']);
      health.resolve('healthy');
      await flush();
      expect(h.states().at(-1)).toBe('running');
    });

    it('should fail an unhealthy task and stop its container', async () => {
      const h = harness();
      h.containers.health = Promise.resolve('unhealthy');
      h.runner.kick();
      await flush();
      expect(h.reports.at(-1)).toMatchObject({
        state: 'failed',
        err: 'task: container is unhealthy',
        containerId: 'c1',
      });
      expect(h.containers.calls).toContain('stop c1');
      expectForwardOnly(h.reports);
    });

    it('should report only the exit of a container that ended before its health settled', async () => {
      const h = harness();
      const health = deferred<'healthy' | 'unhealthy' | 'ended' | 'none'>();
      h.containers.health = health.promise;
      h.runner.kick();
      await flush();
      h.containers.exit('c1', 3);
      health.resolve('ended');
      await flush();
      expect(h.states()).toEqual(['accepted', 'preparing', 'ready', 'starting', 'failed']);
    });
  });

  describe('adopting a container', () => {
    it('should report a running container as running at once, and neither make nor start another', async () => {
      const { runner, containers, reports } = harness(task(), adopted(state('running')));
      expect(reports).toEqual([
        { state: 'running', timestamp: T0, message: 'started', err: '', containerId: 'old', exitCode: null },
      ]);
      runner.kick();
      await flush();
      expect(containers.calls).toEqual(['wait old']);
      expect(reports).toHaveLength(1);
    });

    it('should report the later exit of an adopted running container', async () => {
      const { containers, states } = harness(task(), adopted(state('running')));
      containers.exit('old', 1);
      await flush();
      expect(states()).toEqual(['running', 'failed']);
    });

    it('should report an adopted container that exited with 0 as complete', async () => {
      const { runner, containers, reports } = harness(task(), adopted(state('exited', 0)));
      runner.kick();
      await flush();
      expect(reports).toMatchObject([{ state: 'complete', containerId: 'old', exitCode: 0 }]);
      expect(containers.calls).toEqual([]);
    });

    it('should report an adopted container that exited otherwise as failed', async () => {
      const { runner, containers, reports } = harness(task(), adopted(state('exited', 9)));
      runner.kick();
      await flush();
      expect(reports).toMatchObject([{ state: 'failed', err: 'task: non-zero exit (9)', exitCode: 9 }]);
      expect(containers.calls).toEqual([]);
    });

    it('should start an adopted container that was only created, without making another', async () => {
      const { runner, containers, states } = harness(task(), adopted(state('created')));
      expect(states()).toEqual([]);
      runner.kick();
      await flush();
      expect(containers.calls).toEqual(['start old', 'wait old']);
      expect(states()).toEqual(['starting', 'running']);
    });

    it('should stop and remove an adopted container whose task is to be removed', async () => {
      const { runner, containers, states } = harness(
        task({ desiredState: 'remove' }),
        adopted(state('running')),
      );
      runner.kick();
      await flush();
      expect(containers.calls).toEqual(['wait old', 'stop old', 'remove old force']);
      expect(states()).toEqual(['running', 'shutdown']);
    });
  });

  describe('dispose', () => {
    it('should remove the container and report nothing more', async () => {
      const { runner, containers, reports } = await running();
      await runner.dispose();
      containers.exit('c1', 1);
      runner.update(task({ desiredState: 'shutdown' }));
      runner.kick();
      await flush();
      expect(containers.calls).toEqual(['remove c1 force']);
      expect(reports).toEqual([]);
    });

    it('should touch nothing when the task has no container', async () => {
      const { runner, containers } = harness();
      await runner.dispose();
      runner.kick();
      await flush();
      expect(containers.calls).toEqual([]);
    });

    it('should not warn when the container is already gone', async () => {
      const { runner, containers, warnings } = await running();
      containers.removeError = new Error('No such container: c1');
      await runner.dispose();
      expect(warnings).toEqual([]);
    });

    it('should warn when the container cannot be removed', async () => {
      const { runner, containers, warnings } = await running();
      containers.removeError = new Error('device or resource busy');
      await runner.dispose();
      expect(warnings).toEqual(['removing task container c1: device or resource busy']);
    });

    it('should remove a container made after dispose, and report nothing for it', async () => {
      const { runner, containers, states } = harness();
      const gate = deferred<void>();
      containers.createGate = gate.promise;
      runner.kick();
      await flush();
      await runner.dispose();
      gate.resolve();
      await flush();
      expect(containers.calls).toEqual(['create web.1.t1', 'remove c1 force']);
      expect(states()).toEqual(['accepted', 'preparing']);
    });
  });

  describe('reports', () => {
    it('should only ever move forward over a whole life', async () => {
      const { runner, containers, reports } = harness(task({ desiredState: 'ready' }));
      runner.kick();
      await flush();
      runner.update(task());
      await flush();
      containers.exit('c1', 0);
      await flush();
      runner.update(task({ desiredState: 'shutdown' }));
      await flush();
      runner.update(task({ desiredState: 'remove' }));
      await flush();
      expect(reports.map((r) => r.state)).toEqual<TaskState[]>([
        'accepted',
        'preparing',
        'ready',
        'starting',
        'running',
        'complete',
      ]);
      expectForwardOnly(reports);
    });

    it('should not report failed after shutdown when the stopped container exits non-zero', async () => {
      const { runner, reports } = await running();
      runner.update(task({ desiredState: 'shutdown' }));
      await flush();
      runner.kick();
      await flush();
      expect(reports.map((r) => r.state)).toEqual(['shutdown']);
      expectForwardOnly(reports);
    });
  });
});
