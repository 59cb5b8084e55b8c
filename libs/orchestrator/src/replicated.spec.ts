import type { ClusterSnapshot, Service, Task } from '@berth/cluster';
import { makeNode, makeService, makeSnapshot, makeTask, type TaskOptions } from '@berth/cluster/testing';
import { reconcile } from './reconcile';
import { freeSlotNumbers } from './replicated';
import { applyChanges, created, deleted, describeChanges, idSequence, NOW, updated } from './testing';

/** A task of `service` placed on node-1 and running there, unless told otherwise. */
const placed = (id: string, service: Service, options: TaskOptions = {}): Task =>
  makeTask({ id, service, nodeId: 'node-1', state: 'running', ...options });
const snapshotAt = (parts: Partial<ClusterSnapshot>) => makeSnapshot({ now: NOW, ...parts });

describe('replicated services', () => {
  const nodes = [makeNode({ id: 'node-1' }), makeNode({ id: 'node-2' }), makeNode({ id: 'node-3' })];

  describe('creating', () => {
    it('should make at most maxNewSlots new slots, the lowest, and the rest at the next reconcile', () => {
      const service = makeService({ id: 'svc-web', name: 'web', replicas: 5 });
      const first = reconcile(snapshotAt({ nodes, services: [service] }), idSequence(), { maxNewSlots: 2 });
      expect(first.changes.map((c) => c.task.slot)).toEqual([1, 2]);
      const after = applyChanges(snapshotAt({ nodes, services: [service] }), first.changes);
      const second = reconcile(after, idSequence('again'), { maxNewSlots: 2 });
      expect(second.changes.map((c) => c.task.slot)).toEqual([3, 4]);
      expect(() => reconcile(after, idSequence(), { maxNewSlots: 0 })).toThrow('invalid maxNewSlots 0');
    });

    it('should create one pending task per replica in slots 1..3', () => {
      const service = makeService({ id: 'svc-web', name: 'web', replicas: 3, specVersion: 4 });
      const { changes, wakeAt } = reconcile(snapshotAt({ nodes, services: [service] }), idSequence());
      expect(changes).toEqual(
        [1, 2, 3].map((slot) => ({
          kind: 'create',
          task: {
            id: `new-${slot}`,
            meta: { version: 0, createdAt: NOW, updatedAt: NOW },
            serviceId: 'svc-web',
            serviceName: 'web',
            endpoint: { mode: 'vip', ports: [] },
            slot,
            nodeId: '',
            spec: service.spec.task,
            specVersion: 4,
            desiredState: 'running',
            status: {
              state: 'pending',
              message: 'pending task scheduling',
              timestamp: NOW,
              err: '',
              containerId: '',
              exitCode: null,
            },
            restarts: [],
            notBefore: 0,
          },
        })),
      );
      expect(wakeAt).toBeNull();
    });

    it('should change nothing once the tasks exist', () => {
      const snapshot = snapshotAt({ nodes, services: [makeService({ id: 'web', replicas: 3 })] });
      const first = reconcile(snapshot, idSequence());
      expect(reconcile(applyChanges(snapshot, first.changes), idSequence('again')).changes).toEqual([]);
    });

    it('should fill the lowest free slot numbers, reusing ended ones', () => {
      const service = makeService({ id: 'web', replicas: 3 });
      const tasks = [
        placed('a', service, { slot: 1 }),
        placed('b', service, { slot: 2, state: 'shutdown', desiredState: 'shutdown' }),
        placed('c', service, { slot: 5 }),
      ];
      const { changes } = reconcile(snapshotAt({ nodes, services: [service], tasks }), idSequence());
      expect(created(changes).map((task) => task.slot)).toEqual([2]);
    });

    it('should not replace out-of-date tasks: that is the updater', () => {
      const service = makeService({ id: 'web', replicas: 1, specVersion: 7 });
      const tasks = [placed('a', service, { specVersion: 3 })];
      expect(reconcile(snapshotAt({ nodes, services: [service], tasks }), idSequence()).changes).toEqual([]);
    });

    it('should count a slot whose replacement waits for its restart delay', () => {
      const service = makeService({ id: 'web', replicas: 1 });
      const held = makeTask({
        id: 'a',
        service,
        state: 'pending',
        nodeId: '',
        desiredState: 'ready',
        notBefore: NOW + 1,
      });
      const result = reconcile(snapshotAt({ nodes, services: [service], tasks: [held] }), idSequence());
      expect(result).toEqual({
        changes: [],
        wakeAt: NOW + 1,
        wakeAtByService: new Map([[service.id, NOW + 1]]),
      });
    });
  });

  describe('scaling down', () => {
    const scaled = (replicas: number) => makeService({ id: 'web', replicas });

    it('should stop tasks not yet running first', () => {
      const service = scaled(2);
      const tasks = [
        placed('a', service, { slot: 1, nodeId: 'node-1' }),
        placed('b', service, { slot: 2, nodeId: 'node-2', state: 'preparing' }),
        placed('c', service, { slot: 3, nodeId: 'node-3' }),
      ];
      const { changes } = reconcile(snapshotAt({ nodes, services: [service], tasks }), idSequence());
      expect(describeChanges(changes)).toEqual(['update b shutdown']);
    });

    it('should then stop tasks on the node holding most of the service', () => {
      const service = scaled(2);
      const tasks = [
        placed('a', service, { slot: 1, nodeId: 'node-1' }),
        placed('b', service, { slot: 2, nodeId: 'node-2' }),
        placed('c', service, { slot: 3, nodeId: 'node-1' }),
      ];
      const { changes } = reconcile(snapshotAt({ nodes, services: [service], tasks }), idSequence());
      expect(describeChanges(changes)).toEqual(['update c shutdown']);
    });

    it('should then stop the highest slots', () => {
      const service = scaled(1);
      const tasks = [1, 2, 3].map((slot) => placed(`t${slot}`, service, { slot, nodeId: `node-${slot}` }));
      const { changes } = reconcile(snapshotAt({ nodes, services: [service], tasks }), idSequence());
      expect(describeChanges(changes)).toEqual(['update t3 shutdown', 'update t2 shutdown']);
    });

    it('should delete at once a task stopped before it was placed', () => {
      const service = scaled(1);
      const tasks = [
        placed('a', service, { slot: 1 }),
        makeTask({ id: 'b', service, slot: 2, nodeId: '', state: 'pending' }),
      ];
      const { changes } = reconcile(snapshotAt({ nodes, services: [service], tasks }), idSequence());
      expect(describeChanges(changes)).toEqual(['delete b shutdown']);
    });

    it('should stop every task at 0 replicas', () => {
      const service = scaled(0);
      const tasks = [placed('a', service, { slot: 1 }), placed('b', service, { slot: 2, nodeId: 'node-2' })];
      const { changes } = reconcile(snapshotAt({ nodes, services: [service], tasks }), idSequence());
      expect(updated(changes).map((task) => [task.id, task.desiredState])).toEqual([
        ['b', 'shutdown'],
        ['a', 'shutdown'],
      ]);
    });

    it('should keep meta on the tasks it updates', () => {
      const service = scaled(0);
      const task = placed('a', service);
      const { changes } = reconcile(snapshotAt({ nodes, services: [service], tasks: [task] }), idSequence());
      expect(changes).toEqual([{ kind: 'update', task: { ...task, desiredState: 'shutdown' } }]);
    });
  });

  describe('done slots', () => {
    const once = (options: { replicas?: number; specVersion?: number } = {}) =>
      makeService({ id: 'job', restart: { condition: 'none' }, replicas: 3, ...options });
    const finished = (service: ReturnType<typeof once>) => [
      placed('a', service, { slot: 1 }),
      placed('b', service, { slot: 2 }),
      placed('c', service, { slot: 3, state: 'complete', exitCode: 0, desiredState: 'shutdown' }),
    ];

    it('should not refill a slot whose task ended for good', () => {
      const service = once();
      const snapshot = snapshotAt({ nodes, services: [service], tasks: finished(service) });
      expect(reconcile(snapshot, idSequence()).changes).toEqual([]);
    });

    it('should not refill it when the task just ended either', () => {
      const service = once();
      const tasks = [...finished(service).slice(0, 2), placed('c', service, { slot: 3, state: 'complete' })];
      const first = reconcile(snapshotAt({ nodes, services: [service], tasks }), idSequence());
      expect(describeChanges(first.changes)).toEqual(['update c shutdown']);
      const later = applyChanges(
        snapshotAt({ nodes, services: [service], tasks }),
        first.changes,
        NOW + 3_600_000,
      );
      expect(reconcile(later, idSequence()).changes).toEqual([]);
    });

    it('should add a new slot rather than revive a done one when scaled up', () => {
      const service = once({ replicas: 4 });
      const snapshot = snapshotAt({ nodes, services: [service], tasks: finished(service) });
      expect(created(reconcile(snapshot, idSequence()).changes).map((task) => task.slot)).toEqual([4]);
    });

    it('should refill it once the service changed', () => {
      const before = once();
      const service = { ...once({ replicas: 4 }), specVersion: 2 };
      const snapshot = snapshotAt({ nodes, services: [service], tasks: finished(before) });
      expect(created(reconcile(snapshot, idSequence()).changes).map((task) => task.slot)).toEqual([3, 4]);
    });

    it('should not stop a running replica because of a done one when scaled down', () => {
      const service = once({ replicas: 2 });
      const snapshot = snapshotAt({ nodes, services: [service], tasks: finished(service) });
      expect(reconcile(snapshot, idSequence()).changes).toEqual([]);
    });

    it('should treat on-failure with exit 0 and exhausted attempts as done', () => {
      const onFailure = makeService({ id: 's', replicas: 1, restart: { condition: 'on-failure' } });
      const exit0 = placed('a', onFailure, { state: 'complete', exitCode: 0, desiredState: 'shutdown' });
      expect(
        reconcile(snapshotAt({ nodes, services: [onFailure], tasks: [exit0] }), idSequence()).changes,
      ).toEqual([]);
      const limited = makeService({ id: 's', replicas: 1, restart: { maxAttempts: 1 } });
      const spent = placed('a', limited, {
        state: 'failed',
        desiredState: 'shutdown',
        restarts: [NOW - 10],
      });
      expect(
        reconcile(snapshotAt({ nodes, services: [limited], tasks: [spent] }), idSequence()).changes,
      ).toEqual([]);
    });

    it('should refill a slot the manager shut down', () => {
      const service = makeService({ id: 's', replicas: 1, restart: { condition: 'none' } });
      const stopped = placed('a', service, { state: 'shutdown', desiredState: 'shutdown' });
      const { changes } = reconcile(
        snapshotAt({ nodes, services: [service], tasks: [stopped] }),
        idSequence(),
      );
      expect(created(changes).map((task) => task.slot)).toEqual([1]);
      expect(deleted(changes)).toEqual([]);
    });
  });
});

describe(freeSlotNumbers.name, () => {
  it('should skip the numbers taken', () => {
    const service = makeService({ id: 's' });
    const taken = [2, 3, 5].map((slot) => [placed(`t${slot}`, service, { slot })]);
    expect(freeSlotNumbers(taken, 3)).toEqual([1, 4, 6]);
  });
});
