import {
  applyTaskChanges,
  DEFAULT_UPDATE_CONFIG,
  type Service,
  type Task,
  type TaskState,
  type UpdateConfig,
} from '@berth/cluster';
import { makeService, makeTask } from '@berth/cluster/testing';
import { HELD_FOR_UPDATE } from './delay';
import { planRollout } from './rollout';

const T0 = 1_000_000;

/** SERVICE at spec version 2, rolling out since T0 with CONFIG. */
function rolling(
  config: Partial<UpdateConfig> = {},
  options: { replicas?: number; rollback?: boolean } = {},
): Service {
  const base = makeService({ id: 'web', replicas: options.replicas ?? 4, specVersion: 2 });
  return {
    ...base,
    spec: {
      ...base.spec,
      updateConfig: { ...DEFAULT_UPDATE_CONFIG, ...config },
      rollbackConfig: { ...DEFAULT_UPDATE_CONFIG, ...config },
    },
    updateStatus: {
      state: options.rollback ? 'rollback_started' : 'updating',
      startedAt: T0,
      completedAt: 0,
      message: 'update in progress',
    },
  };
}

/** An old (version 1) running task in SLOT. */
function old(service: Service, slot: number, state: TaskState = 'running'): Task {
  const spec = { ...service.spec.task, container: { ...service.spec.task.container, image: 'busybox:old' } };
  const t = makeTask({ service, slot, id: `old${slot}`, state, specVersion: 1, nodeId: 'n1', spec });
  return { ...t, meta: { ...t.meta, createdAt: T0 - 1000 }, status: { ...t.status, timestamp: T0 - 1000 } };
}

function ids(): () => string {
  let n = 0;
  return () => `new${++n}`;
}

/** The tasks after the decision's changes, with every new task's state set by SET (by id). */
function after(tasks: Task[], decision: ReturnType<typeof planRollout>): Task[] {
  return applyTaskChanges(tasks, decision.changes);
}

function observe(tasks: Task[], id: string, state: TaskState, timestamp: number): Task[] {
  return tasks.map((t) => (t.id === id ? { ...t, status: { ...t.status, state, timestamp } } : t));
}

const created = (d: ReturnType<typeof planRollout>) =>
  d.changes.filter((c) => c.kind === 'create').map((c) => c.task);
const stopped = (d: ReturnType<typeof planRollout>) =>
  d.changes.filter((c) => c.kind === 'update' && c.task.desiredState === 'shutdown').map((c) => c.task.id);

describe('planRollout', () => {
  it('should replace `parallelism` slots at a time, lowest first, and nothing more while they are in progress', () => {
    const service = rolling({ parallelism: 2, order: 'start-first' });
    const tasks = [1, 2, 3, 4].map((s) => old(service, s));
    const first = planRollout(service, tasks, T0, ids());
    expect(created(first).map((t) => [t.slot, t.specVersion, t.desiredState])).toEqual([
      [1, 2, 'running'],
      [2, 2, 'running'],
    ]);
    expect(stopped(first)).toEqual([]); // start-first: the old ones run until the new ones do
    const again = planRollout(service, after(tasks, first), T0 + 10, ids());
    expect(again.changes).toEqual([]);
    expect(again.finished).toBe(false);
  });

  it('should start the next slot as soon as one of those in progress is done, not after the slowest', () => {
    const service = rolling({ parallelism: 2, order: 'stop-first' });
    let tasks = [1, 2, 3, 4].map((s) => old(service, s));
    tasks = after(tasks, planRollout(service, tasks, T0, ids()));
    tasks = observe(tasks, 'old1', 'shutdown', T0 + 50);
    tasks = after(tasks, planRollout(service, tasks, T0 + 60, ids())); // new1 released
    tasks = observe(tasks, 'new1', 'running', T0 + 100);
    // slot 1 is done, slot 2's old task still stops: slot 3 takes slot 1's place
    const next = planRollout(service, tasks, T0 + 110, () => 'new3');
    expect(created(next).map((t) => t.slot)).toEqual([3]);
    expect(stopped(next)).toEqual(['old3']);
    expect(planRollout(service, after(tasks, next), T0 + 120, ids()).changes).toEqual([]);
  });

  it('should stop the old task of a start-first slot once the new one runs, and complete only after the monitor period', () => {
    const service = rolling({ parallelism: 1, order: 'start-first', monitorMs: 5000 });
    let tasks = [old(service, 1), old(service, 2)];
    tasks = after(tasks, planRollout(service, tasks, T0, ids()));
    tasks = observe(tasks, 'new1', 'running', T0 + 100);
    // the new task runs: the old one goes, and (no delay) the next batch starts at once
    const running = planRollout(service, tasks, T0 + 200, ids());
    expect(stopped(running)).toEqual(['old1']);
    tasks = observe(after(tasks, running), 'old1', 'shutdown', T0 + 300);
    const next = planRollout(service, tasks, T0 + 300, () => 'new2');
    expect(created(next).map((t) => t.slot)).toEqual([2]);
    tasks = after(tasks, next);
    tasks = observe(tasks, 'new2', 'running', T0 + 400);
    tasks = observe(after(tasks, planRollout(service, tasks, T0 + 400, ids())), 'old2', 'shutdown', T0 + 450);
    // every slot replaced, but the last new task is still watched
    const watching = planRollout(service, tasks, T0 + 500, ids());
    expect(watching.finished).toBe(false);
    expect(watching.wakeAt).toBe(T0 + 5100); // new1's period ends first
    expect(planRollout(service, tasks, T0 + 5100, ids()).wakeAt).toBe(T0 + 5400);
    expect(planRollout(service, tasks, T0 + 5400, ids()).status.state).toBe('completed');
  });

  it('should stop the old task first and hold the new one until the old one has ended (stop-first)', () => {
    const service = rolling({ parallelism: 1, order: 'stop-first' });
    let tasks = [old(service, 1)];
    const first = planRollout(service, tasks, T0, ids());
    expect(stopped(first)).toEqual(['old1']);
    expect(created(first).map((t) => [t.desiredState, t.notBefore])).toEqual([['ready', HELD_FOR_UPDATE]]);
    tasks = after(tasks, first);
    expect(planRollout(service, tasks, T0 + 10, ids()).changes).toEqual([]); // old one still stopping
    tasks = observe(tasks, 'old1', 'shutdown', T0 + 50);
    const released = planRollout(service, tasks, T0 + 60, ids());
    expect(released.changes.map((c) => [c.task.id, c.task.desiredState, c.task.notBefore])).toEqual([
      ['new1', 'running', 0],
    ]);
  });

  it('should wait `delay` after a batch settles before the next one', () => {
    const service = rolling({ parallelism: 1, order: 'start-first', monitorMs: 0, delayMs: 2000 });
    let tasks = [old(service, 1), old(service, 2)];
    tasks = after(tasks, planRollout(service, tasks, T0, ids()));
    tasks = observe(tasks, 'new1', 'running', T0 + 100);
    tasks = observe(after(tasks, planRollout(service, tasks, T0 + 100, ids())), 'old1', 'shutdown', T0 + 150);
    const waiting = planRollout(service, tasks, T0 + 200, ids());
    expect(created(waiting)).toEqual([]);
    expect(waiting.wakeAt).toBe(T0 + 2100);
    expect(created(planRollout(service, tasks, T0 + 2100, ids())).map((t) => t.slot)).toEqual([2]);
  });

  it('should replace every slot at once with parallelism 0, and complete when all settled', () => {
    const service = rolling({ parallelism: 0, order: 'start-first', monitorMs: 0 });
    let tasks = [1, 2, 3].map((s) => old(service, s));
    const first = planRollout(service, tasks, T0, ids());
    expect(created(first)).toHaveLength(3);
    tasks = after(tasks, first);
    for (const id of ['new1', 'new2', 'new3']) tasks = observe(tasks, id, 'running', T0 + 10);
    const stopping = planRollout(service, tasks, T0 + 20, ids());
    expect(stopped(stopping).sort()).toEqual(['old1', 'old2', 'old3']);
    tasks = after(tasks, stopping);
    for (const id of ['old1', 'old2', 'old3']) tasks = observe(tasks, id, 'shutdown', T0 + 30);
    const done = planRollout(service, tasks, T0 + 40, ids());
    expect(done.finished).toBe(true);
    expect(done.status).toEqual({
      state: 'completed',
      startedAt: T0,
      completedAt: T0 + 40,
      message: 'update completed',
    });
  });

  it('should not count a new task as settled before it runs wanted running', () => {
    const service = rolling({ parallelism: 1, order: 'start-first', monitorMs: 0 });
    let tasks = [old(service, 1), old(service, 2)];
    tasks = after(tasks, planRollout(service, tasks, T0, ids()));
    tasks = observe(tasks, 'new1', 'starting', T0 + 10); // e.g. waiting for its health check
    const d = planRollout(service, tasks, T0 + 20, ids());
    expect(d.changes).toEqual([]);
    expect(d.wakeAt).toBeNull();
  });

  describe('failures', () => {
    function failedFirst(config: Partial<UpdateConfig>, rollback = false) {
      const service = rolling({ parallelism: 1, order: 'start-first', ...config }, { rollback });
      let tasks = [old(service, 1), old(service, 2)];
      tasks = after(tasks, planRollout(service, tasks, T0, ids()));
      tasks = observe(tasks, 'new1', 'failed', T0 + 100);
      return planRollout(service, tasks, T0 + 200, ids());
    }

    it('should pause by default, naming the task', () => {
      const d = failedFirst({});
      expect(d.finished).toBe(true);
      expect(d.rollback).toBe(false);
      expect(d.status).toMatchObject({
        state: 'paused',
        message: 'update paused due to failure or early termination of task new1',
      });
    });

    it('should ask for a rollback when the failure action says so', () => {
      const d = failedFirst({ failureAction: 'rollback' });
      expect(d.rollback).toBe(true);
      expect(d.status).toMatchObject({ state: 'rollback_started', startedAt: T0 + 200 });
    });

    it('should pause a rollback that fails, never roll back a rollback', () => {
      const d = failedFirst({ failureAction: 'rollback' }, true);
      expect(d.rollback).toBe(false);
      expect(d.status.state).toBe('rollback_paused');
    });

    it('should go on when the failure action is continue, or the failures stay within the ratio', () => {
      expect(failedFirst({ failureAction: 'continue' }).finished).toBe(false);
      expect(failedFirst({ maxFailureRatio: 0.5 }).finished).toBe(false); // 1 of 2 slots
      expect(failedFirst({ maxFailureRatio: 0.4 }).finished).toBe(true);
    });

    it('should not count failures of tasks from before the rollout', () => {
      const service = rolling({ parallelism: 1 });
      const failedEarlier = { ...old(service, 1, 'failed'), spec: service.spec.task };
      expect(planRollout(service, [failedEarlier, old(service, 2)], T0, ids()).finished).toBe(false);
    });
  });

  it('should leave alone the tasks that already run the spec (a rollback of a half-done update)', () => {
    const service = rolling({ parallelism: 0, order: 'start-first' }, { rollback: true });
    const current = makeTask({
      service,
      slot: 2,
      id: 'kept',
      state: 'running',
      specVersion: 1,
      nodeId: 'n1',
    });
    const d = planRollout(service, [old(service, 1), current], T0, ids());
    expect(created(d).map((t) => t.slot)).toEqual([1]);
  });

  it('should do nothing for a service not rolling out', () => {
    const service = {
      ...rolling(),
      updateStatus: { state: 'completed' as const, startedAt: 0, completedAt: 1, message: '' },
    };
    expect(planRollout(service, [old(service, 1)], T0, ids())).toMatchObject({ changes: [], finished: true });
  });

  it('should replace a global service node by node', () => {
    const base = rolling({ parallelism: 1, order: 'start-first' });
    const service: Service = { ...base, spec: { ...base.spec, mode: { global: {} } } };
    const onNode = (node: string) => {
      const t = makeTask({
        service,
        slot: 0,
        nodeId: node,
        id: `old-${node}`,
        state: 'running',
        specVersion: 1,
        spec: { ...service.spec.task, container: { ...service.spec.task.container, image: 'busybox:old' } },
      });
      return { ...t, meta: { ...t.meta, createdAt: T0 - 1 } };
    };
    const d = planRollout(service, [onNode('b'), onNode('a')], T0, ids());
    expect(created(d).map((t) => [t.nodeId, t.slot])).toEqual([['a', 0]]);
  });
});
