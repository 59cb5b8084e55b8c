import type { ClusterSnapshot, Node, Service, Task, TaskState } from '@berth/cluster';
import { isLive } from '@berth/cluster';
import { constraintsOf, isGlobal, replicasOf } from './context';
import { acceptsNewTasks, globalTaskMayStay, judgeNode } from './eligibility';
import { InvalidOptionError } from './options';
import { groupSlots, isDone, isRunnable } from './slots';
import { makeNode, makeService, makeSnapshot, makeTask } from '@berth/cluster/testing';
import { reconcile } from './reconcile';
import { applyChanges, deepFreeze, idSequence, NOW } from './testing';

/** A deterministic pseudo-random source, so that a failing case can be replayed. */
function random(seed: number) {
  let state = seed;
  // mulberry32
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (below: number) => Math.floor(next() * below),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  };
}

const STATES: TaskState[] = [
  'pending',
  'assigned',
  'running',
  'running',
  'complete',
  'failed',
  'shutdown',
  'rejected',
];

function randomSnapshot(seed: number): ClusterSnapshot {
  const r = random(seed);
  const nodes: Node[] = ['n1', 'n2', 'n3', 'n4'].map((id) =>
    makeNode({
      id,
      state: r.pick(['ready', 'ready', 'down', 'unknown'] as const),
      availability: r.pick(['active', 'active', 'pause', 'drain'] as const),
      labels: { zone: r.pick(['a', 'b']) },
    }),
  );
  const services: Service[] = ['s1', 's2', 's3'].map((id) =>
    makeService({
      id,
      global: r.int(3) === 0,
      replicas: r.int(5),
      specVersion: 1 + r.int(2),
      constraints: r.int(3) === 0 ? ['node.labels.zone==a'] : [],
      restart: {
        condition: r.pick(['any', 'on-failure', 'none'] as const),
        delayMs: r.pick([0, 5000]),
        maxAttempts: r.int(3),
        windowMs: r.pick([0, 60_000]),
      },
    }),
  );
  const owners = [...services, makeService({ id: 'removed' })];
  const tasks: Task[] = Array.from({ length: r.int(25) }, (_, i) => {
    const service = r.pick(owners);
    const state = r.pick(STATES);
    return makeTask({
      id: `t${String(i).padStart(2, '0')}`,
      service,
      slot: 'global' in service.spec.mode ? 0 : 1 + r.int(5),
      nodeId: state === 'pending' ? '' : r.pick(['n1', 'n2', 'n3', 'n4', 'gone']),
      state,
      exitCode: r.pick([null, 0, 1]),
      desiredState: r.pick(['running', 'running', 'ready', 'shutdown'] as const),
      createdAt: NOW - r.int(100_000),
      specVersion: 1,
      restarts: r.int(2) ? [NOW - r.int(90_000)] : [],
      notBefore: r.pick([0, NOW - 1, NOW + 2000]),
    });
  });
  return makeSnapshot({ nodes, services, tasks, now: NOW });
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const r = random(seed);
  return [...items]
    .map((item) => ({ item, key: r.int(1_000_000) }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);
}

describe(reconcile.name, () => {
  const seeds = Array.from({ length: 120 }, (_, i) => i + 1);

  it.each(seeds)('should change each task at most once (seed %i)', (seed) => {
    const { changes } = reconcile(randomSnapshot(seed), idSequence());
    const ids = changes.map((change) => change.task.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(seeds)('should not modify its input (seed %i)', (seed) => {
    const snapshot = deepFreeze(randomSnapshot(seed));
    const copy = structuredClone(snapshot);
    reconcile(snapshot, idSequence());
    expect(snapshot).toEqual(copy);
  });

  it.each(seeds)('should not depend on the order of its input (seed %i)', (seed) => {
    const snapshot = randomSnapshot(seed);
    const reordered = {
      ...snapshot,
      nodes: shuffled(snapshot.nodes, seed),
      services: shuffled(snapshot.services, seed + 1),
      tasks: shuffled(snapshot.tasks, seed + 2),
    };
    expect(reconcile(reordered, idSequence())).toEqual(reconcile(snapshot, idSequence()));
  });

  it.each(seeds)('should have nothing more to do once its changes are written (seed %i)', (seed) => {
    const snapshot = randomSnapshot(seed);
    const first = reconcile(snapshot, idSequence());
    const second = reconcile(applyChanges(snapshot, first.changes), idSequence('again'));
    expect(second).toEqual({ changes: [], wakeAt: first.wakeAt, wakeAtByService: first.wakeAtByService });
  });

  it.each(seeds)('should keep meta on updates and delete only known tasks (seed %i)', (seed) => {
    const snapshot = randomSnapshot(seed);
    const known = new Map(snapshot.tasks.map((task) => [task.id, task]));
    for (const { kind, task } of reconcile(snapshot, idSequence()).changes) {
      if (kind === 'create') expect(known.has(task.id)).toBe(false);
      else expect(task.meta).toEqual(known.get(task.id)!.meta);
    }
  });

  it.each(seeds)(
    'should leave every replicated service with its replicas, on good nodes (seed %i)',
    (seed) => {
      const snapshot = randomSnapshot(seed);
      const after = applyChanges(snapshot, reconcile(snapshot, idSequence()).changes);
      const nodes = new Map(after.nodes.map((node) => [node.id, node]));
      for (const service of after.services.filter((s) => !isGlobal(s))) {
        const tasks = after.tasks.filter((task) => task.serviceId === service.id);
        const slots = [...groupSlots(service, tasks).values()];
        const runnable = slots.filter(isRunnable).length;
        const done = slots.filter((slot) => isDone(slot, service, after.now)).length;
        expect(runnable).toBeLessThanOrEqual(replicasOf(service));
        expect(runnable + done).toBeGreaterThanOrEqual(replicasOf(service));
        for (const task of tasks.filter((t) => isLive(t) && t.nodeId !== ''))
          expect(judgeNode(nodes.get(task.nodeId), constraintsOf(service))).toBe('ok');
      }
    },
  );

  it.each(seeds)('should leave every global service on the nodes that should hold it (seed %i)', (seed) => {
    const snapshot = randomSnapshot(seed);
    const after = applyChanges(snapshot, reconcile(snapshot, idSequence()).changes);
    for (const service of after.services.filter(isGlobal)) {
      const constraints = constraintsOf(service);
      const slots = groupSlots(
        service,
        after.tasks.filter((task) => task.serviceId === service.id),
      );
      for (const node of after.nodes.filter((n) => acceptsNewTasks(n, constraints))) {
        const slot = slots.get(node.id) ?? [];
        expect(isRunnable(slot) || isDone(slot, service, after.now)).toBe(true);
      }
      for (const [nodeId, slot] of slots) {
        const verdict = judgeNode(
          after.nodes.find((n) => n.id === nodeId),
          constraints,
        );
        if (slot.some(isLive)) expect(globalTaskMayStay(verdict)).toBe(true);
      }
    }
  });

  it('should draw ids only for the tasks it creates, in output order', () => {
    const newId = jest.fn(idSequence());
    const service = makeService({ id: 'web', replicas: 2 });
    const { changes } = reconcile(
      makeSnapshot({ nodes: [makeNode({ id: 'n1' })], services: [service] }),
      newId,
    );
    expect(newId).toHaveBeenCalledTimes(2);
    expect(changes.map((change) => change.task.id)).toEqual(['new-1', 'new-2']);
  });

  it('should treat services one by one, in id order', () => {
    const services = [makeService({ id: 'b', replicas: 1 }), makeService({ id: 'a', replicas: 1 })];
    const { changes } = reconcile(makeSnapshot({ nodes: [makeNode({ id: 'n1' })], services }), idSequence());
    expect(changes.map((change) => [change.task.serviceId, change.task.id])).toEqual([
      ['a', 'new-1'],
      ['b', 'new-2'],
    ]);
  });

  it('should refuse an invalid option', () => {
    expect(() => reconcile(makeSnapshot(), idSequence(), { taskHistoryLimit: 0.5 })).toThrow(
      InvalidOptionError,
    );
  });

  it('should merge a stop and a delete of the same task into the delete', () => {
    const service = makeService({ id: 'web', replicas: 0 });
    const pending = makeTask({ id: 'p', service, nodeId: '', state: 'pending' });
    const { changes } = reconcile(makeSnapshot({ services: [service], tasks: [pending] }), idSequence());
    expect(changes).toEqual([{ kind: 'delete', task: { ...pending, desiredState: 'shutdown' } }]);
  });
});
