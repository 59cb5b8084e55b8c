import type { ClusterSnapshot, RestartCondition, Service, Task, TaskState } from '@berth/cluster';
import { makeNode, makeService, makeSnapshot, makeTask, type TaskOptions } from '@berth/cluster/testing';
import { reconcile } from './reconcile';
import { needsRestartDecision } from './restart';
import { applyChanges, created, describeChanges, idSequence, NOW } from './testing';

/** A task of `service` placed on node-1 and running there, unless told otherwise. */
const placed = (id: string, service: Service, options: TaskOptions = {}): Task =>
  makeTask({ id, service, nodeId: 'node-1', state: 'running', ...options });
const snapshotAt = (parts: Partial<ClusterSnapshot>) => makeSnapshot({ now: NOW, ...parts });

describe('restarts', () => {
  const nodes = [makeNode({ id: 'node-1' }), makeNode({ id: 'node-2' })];
  const run = (parts: Partial<ClusterSnapshot>) => reconcile(snapshotAt(parts), idSequence());

  describe(needsRestartDecision.name, () => {
    const service = makeService({ id: 's' });
    it.each<[TaskState, TaskState, boolean]>([
      ['failed', 'running', true],
      ['complete', 'ready', true],
      ['shutdown', 'running', true],
      ['running', 'running', false],
      ['failed', 'shutdown', false],
      ['shutdown', 'shutdown', false],
    ])('should be %p for a task %s while desired %s', (state, desiredState, expected) => {
      expect(needsRestartDecision(placed('t', service, { state, desiredState }))).toBe(expected);
    });
  });

  describe('conditions', () => {
    it.each<[RestartCondition, TaskState, number | null, boolean]>([
      ['any', 'complete', 0, true],
      ['any', 'failed', 1, true],
      ['any', 'rejected', null, true],
      ['any', 'orphaned', null, true],
      ['on-failure', 'complete', 0, false],
      ['on-failure', 'complete', 137, true],
      ['on-failure', 'failed', 1, true],
      ['on-failure', 'rejected', null, true],
      ['on-failure', 'orphaned', null, true],
      ['none', 'complete', 0, false],
      ['none', 'failed', 1, false],
      ['none', 'rejected', null, false],
      ['none', 'orphaned', null, false],
    ])(
      'should with %s give up a task %s (exit %p), replacing it: %p',
      (condition, state, exitCode, replaced) => {
        const service = makeService({ id: 's', restart: { condition, delayMs: 0 } });
        const task = placed('old', service, { state, exitCode });
        const { changes } = run({ nodes, services: [service], tasks: [task] });
        const expected = ['update old shutdown', ...(replaced ? ['create new-1 running'] : [])];
        expect(describeChanges(changes)).toEqual(expected);
      },
    );

    it('should not restart a task the manager shut down', () => {
      const service = makeService({ id: 's', replicas: 0 });
      const task = placed('old', service, { state: 'shutdown', desiredState: 'shutdown' });
      expect(run({ nodes, services: [service], tasks: [task] }).changes).toEqual([]);
    });
  });

  describe('the replacement', () => {
    it('should take the slot, the current spec and the restart history plus now', () => {
      const service = makeService({
        id: 's',
        replicas: 2,
        specVersion: 3,
        restart: { maxAttempts: 5, delayMs: 0 },
      });
      const tasks = [
        placed('a', service, { slot: 1 }),
        placed('old', service, { slot: 2, state: 'failed', specVersion: 2, restarts: [NOW - 5000] }),
      ];
      const [task] = created(run({ nodes, services: [service], tasks }).changes);
      expect(task).toMatchObject({ slot: 2, nodeId: '', specVersion: 3, spec: service.spec.task });
      expect(task).toMatchObject({ desiredState: 'running', notBefore: 0, restarts: [NOW - 5000, NOW] });
      expect(task.status).toMatchObject({ state: 'pending', message: 'pending task scheduling' });
    });

    it('should keep only the newest restarts that can still decide (none when attempts are unlimited)', () => {
      const history = [NOW - 4000, NOW - 3000, NOW - 2000];
      const limited = makeService({ id: 's', replicas: 1, restart: { maxAttempts: 10 } });
      const failedUnder = (service: typeof limited) =>
        placed('old', service, { slot: 1, state: 'failed', restarts: history });
      const two = makeService({ id: 's', replicas: 1, restart: { maxAttempts: 2 } });
      const unlimited = makeService({ id: 's', replicas: 1 });
      const restartsAfter = (service: typeof limited) =>
        created(run({ nodes, services: [service], tasks: [failedUnder(limited)] }).changes)[0].restarts;
      expect(restartsAfter(two)).toEqual([NOW - 2000, NOW]);
      expect(restartsAfter(unlimited)).toEqual([]);
    });

    it('should stay on its node for a global service', () => {
      const service = makeService({ id: 'g', global: true });
      const tasks = [
        placed('a', service, { nodeId: 'node-1' }),
        placed('b', service, { nodeId: 'node-2', state: 'failed' }),
      ];
      const [task] = created(run({ nodes, services: [service], tasks }).changes);
      expect(task).toMatchObject({ slot: 0, nodeId: 'node-2' });
    });

    it('should drop restarts that left the window', () => {
      const service = makeService({ id: 's', restart: { maxAttempts: 3, windowMs: 60_000 } });
      const restarts = [NOW - 120_000, NOW - 61_000, NOW - 30_000];
      const task = placed('old', service, { state: 'failed', restarts });
      const [replacement] = created(run({ nodes, services: [service], tasks: [task] }).changes);
      expect(replacement.restarts).toEqual([NOW - 30_000, NOW]);
    });
  });

  describe('attempts', () => {
    const failing = (maxAttempts: number, windowMs: number) =>
      makeService({ id: 's', restart: { maxAttempts, windowMs, delayMs: 0 } });

    it('should give up after maxAttempts restarts without a window, and leave the slot done', () => {
      const service = failing(2, 0);
      let snapshot = snapshotAt({
        nodes,
        services: [service],
        tasks: [placed('t0', service, { state: 'failed' })],
      });
      const ids = idSequence();
      for (let round = 1; round <= 3; round++) {
        const { changes } = reconcile(snapshot, ids);
        const replacements = created(changes);
        expect(replacements).toHaveLength(round <= 2 ? 1 : 0);
        const failed = replacements.map((task) => ({
          ...task,
          status: { ...task.status, state: 'failed' as const },
        }));
        snapshot = applyChanges(snapshot, [
          ...changes,
          ...failed.map((task) => ({ kind: 'update' as const, task })),
        ]);
        snapshot = { ...snapshot, now: snapshot.now + 1_000_000 };
      }
      expect(reconcile(snapshot, ids).changes).toEqual([]);
    });

    it('should restart again once earlier restarts left the window', () => {
      const service = failing(2, 60_000);
      const recent = placed('t', service, { state: 'failed', restarts: [NOW - 20_000, NOW - 10_000] });
      expect(created(run({ nodes, services: [service], tasks: [recent] }).changes)).toHaveLength(0);
      const old = placed('t', service, { state: 'failed', restarts: [NOW - 90_000, NOW - 10_000] });
      expect(created(run({ nodes, services: [service], tasks: [old] }).changes)).toHaveLength(1);
    });
  });

  describe('delay', () => {
    const delayed = makeService({ id: 's', restart: { delayMs: 5000 } });

    it('should hold the replacement in ready until now + delay and wake then', () => {
      const task = placed('old', delayed, { state: 'failed' });
      const { changes, wakeAt } = run({ nodes, services: [delayed], tasks: [task] });
      expect(created(changes)).toEqual([
        expect.objectContaining({ desiredState: 'ready', notBefore: NOW + 5000 }),
      ]);
      expect(wakeAt).toBe(NOW + 5000);
    });

    it('should leave it held before notBefore and release it at notBefore', () => {
      const held = placed('t', delayed, {
        nodeId: 'node-1',
        state: 'assigned',
        desiredState: 'ready',
        notBefore: NOW + 5000,
      });
      const early = reconcile(
        snapshotAt({ nodes, services: [delayed], tasks: [held], now: NOW + 4999 }),
        idSequence(),
      );
      expect(early).toEqual({
        changes: [],
        wakeAt: NOW + 5000,
        wakeAtByService: new Map([[delayed.id, NOW + 5000]]),
      });
      const due = reconcile(
        snapshotAt({ nodes, services: [delayed], tasks: [held], now: NOW + 5000 }),
        idSequence(),
      );
      expect(due).toEqual({
        changes: [{ kind: 'update', task: { ...held, desiredState: 'running' } }],
        wakeAt: null,
        wakeAtByService: new Map(),
      });
    });

    it('should wake at the earliest of several delays', () => {
      const tasks = [
        makeTask({
          id: 'a',
          service: delayed,
          slot: 1,
          state: 'pending',
          nodeId: '',
          desiredState: 'ready',
          notBefore: NOW + 300,
        }),
        makeTask({
          id: 'b',
          service: delayed,
          slot: 2,
          state: 'pending',
          nodeId: '',
          desiredState: 'ready',
          notBefore: NOW + 100,
        }),
      ];
      const service = { ...delayed, spec: { ...delayed.spec, mode: { replicated: { replicas: 2 } } } };
      expect(run({ nodes, services: [service], tasks }).wakeAt).toBe(NOW + 100);
    });

    it('should restart a held task that failed, again with the delay', () => {
      const held = placed('t', delayed, { state: 'rejected', desiredState: 'ready', notBefore: NOW - 1 });
      const { changes, wakeAt } = run({ nodes, services: [delayed], tasks: [held] });
      expect(describeChanges(changes)).toEqual(['update t shutdown', 'create new-1 ready']);
      expect(wakeAt).toBe(NOW + 5000);
    });
  });
});
