import { defaultServiceSpec, type Service, type Task } from '@berth/cluster';
import {
  ConflictError,
  LeaderElection,
  StateCache,
  slotUnit,
  Store,
  StoreUnavailableError,
  type Write,
} from '@berth/store';
import { freePort, startEtcd, type TestEtcd } from '@berth/testing';

let etcd: TestEtcd;
let store: Store;
let root: string;

beforeAll(async () => {
  etcd = await startEtcd();
});
afterAll(async () => {
  await etcd?.stop();
});
beforeEach(async () => {
  root = `/berth-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}/v1/`;
  store = await Store.connect({ endpoints: [etcd.endpoint], root, maxTxnOps: 16 });
});
afterEach(() => store.close());

function service(id: string, name = id): Service {
  return {
    id,
    meta: { version: 0, createdAt: 0, updatedAt: 0 },
    spec: defaultServiceSpec(name, 'busybox'),
    specVersion: 1,
    previousSpec: null,
  };
}

function task(id: string, serviceId = 's1'): Task {
  return {
    id,
    meta: { version: 0, createdAt: 0, updatedAt: 0 },
    serviceId,
    serviceName: 'web',
    endpoint: { mode: 'vip', ports: [] },
    slot: 1,
    nodeId: '',
    spec: defaultServiceSpec('x', 'busybox').task,
    specVersion: 1,
    desiredState: 'running',
    status: { state: 'pending', timestamp: 0, message: '', err: '', containerId: '', exitCode: null },
    restarts: [],
    notBefore: 0,
  };
}

describe('Store against a real etcd', () => {
  it('should create an object once and give it etcd mod_revision as its version', async () => {
    const first = await store.commit([{ op: 'create', kind: 'services', object: service('s1') }]);
    expect(first.conflicts).toEqual([]);
    const read = await store.get('services', 's1');
    expect(read?.meta.version).toBe(first.revision);
    expect(read?.meta.createdAt).toBeGreaterThan(0);
    expect(read?.spec.name).toBe('s1');

    const again = await store.commit([{ op: 'create', kind: 'services', object: service('s1', 'other') }]);
    expect(again.conflicts).toHaveLength(1);
    expect((await store.get('services', 's1'))?.spec.name).toBe('s1');
  });

  it('should refuse an update made from a stale read and keep the newer value', async () => {
    await store.commit([{ op: 'create', kind: 'services', object: service('s1') }]);
    const a = (await store.get('services', 's1'))!;
    const b = (await store.get('services', 's1'))!;
    const byA = await store.commit([{ op: 'update', kind: 'services', object: { ...a, specVersion: 2 } }]);
    expect(byA.conflicts).toEqual([]);
    const byB = await store.commit([{ op: 'update', kind: 'services', object: { ...b, specVersion: 3 } }]);
    expect(byB.conflicts.map((w) => w.object.id)).toEqual(['s1']);
    expect((await store.get('services', 's1'))?.specVersion).toBe(2);
  });

  it('should apply the writes that did not lose when a chunked commit meets a conflict', async () => {
    const tasks = Array.from({ length: 40 }, (_, i) => task(`t${i}`));
    await store.commit(tasks.map((object) => ({ op: 'create', kind: 'tasks', object })));
    const read = await store.list('tasks');
    expect(read).toHaveLength(40);
    // someone else changes t7 and t33 in between
    const t7 = read.find((t) => t.id === 't7')!;
    const t33 = read.find((t) => t.id === 't33')!;
    await store.commit([
      { op: 'update', kind: 'tasks', object: { ...t7, desiredState: 'shutdown' } },
      { op: 'update', kind: 'tasks', object: { ...t33, desiredState: 'shutdown' } },
    ]);
    const writes: Write[] = read.map((t) => ({
      op: 'update',
      kind: 'tasks',
      object: { ...t, nodeId: 'n1' },
    }));
    const result = await store.commit(writes);
    expect(result.conflicts.map((w) => w.object.id).sort()).toEqual(['t33', 't7']);
    const after = await store.list('tasks');
    expect(after.filter((t) => t.nodeId === 'n1')).toHaveLength(38);
    expect(after.find((t) => t.id === 't7')?.desiredState).toBe('shutdown');
  });

  it('should leave out a whole unit when one of its writes loses, and write the other units', async () => {
    // 20 slots, each with a task to stop; a move writes "stop it" and "its replacement" as one unit
    const old = Array.from({ length: 20 }, (_, i) => ({ ...task(`old${i}`), slot: i + 1 }));
    await store.commit(old.map((object) => ({ op: 'create', kind: 'tasks', object })));
    const read = await store.list('tasks');
    // someone else stops the task of slot 5 first (a rollout's own replacement)
    const five = read.find((t) => t.id === 'old4')!;
    await store.commit([{ op: 'update', kind: 'tasks', object: { ...five, desiredState: 'shutdown' } }]);
    const writes: Write[] = read.flatMap((t): Write[] => [
      { op: 'update', kind: 'tasks', object: { ...t, desiredState: 'shutdown' } },
      { op: 'create', kind: 'tasks', object: { ...task(`new${t.slot}`), slot: t.slot } },
    ]);
    const result = await store.commit(writes, { unitOf: slotUnit });
    expect(result.conflicts.map((w) => w.object.id).sort()).toEqual(['new5', 'old4']);
    const after = await store.list('tasks');
    expect(after.find((t) => t.id === 'new5')).toBeUndefined(); // never a second live task in slot 5
    expect(after.filter((t) => t.id.startsWith('new'))).toHaveLength(19);
    expect(after.filter((t) => t.desiredState === 'shutdown')).toHaveLength(20);
  });

  it('should write nothing from an atomic commit when one write loses', async () => {
    await store.commit([{ op: 'create', kind: 'services', object: service('s1') }]);
    await expect(
      store.commit(
        [
          { op: 'create', kind: 'services', object: service('s2') },
          { op: 'create', kind: 'services', object: service('s1') },
        ],
        { atomic: true },
      ),
    ).rejects.toThrow(ConflictError);
    expect(await store.get('services', 's2')).toBeNull();
  });

  it('should delete only the version that was read', async () => {
    await store.commit([{ op: 'create', kind: 'tasks', object: task('t1') }]);
    const read = (await store.get('tasks', 't1'))!;
    const stale = await store.commit([
      { op: 'delete', kind: 'tasks', object: { ...read, meta: { ...read.meta, version: 1 } } },
    ]);
    expect(stale.conflicts).toHaveLength(1);
    await store.commit([{ op: 'delete', kind: 'tasks', object: read }]);
    expect(await store.get('tasks', 't1')).toBeNull();
  });

  it('should keep a cache equal to etcd through puts and deletes, and wait for a revision', async () => {
    await store.commit([{ op: 'create', kind: 'services', object: service('s1') }]);
    const cache = await StateCache.open(store);
    try {
      expect(cache.list('services').map((s) => s.id)).toEqual(['s1']);
      const created = await store.commit([
        { op: 'create', kind: 'tasks', object: task('t1') },
        { op: 'create', kind: 'tasks', object: task('t2') },
      ]);
      await cache.waitFor(created.revision);
      expect(
        cache
          .snapshot(1)
          .tasks.map((t) => t.id)
          .sort(),
      ).toEqual(['t1', 't2']);
      const t1 = cache.get('tasks', 't1')!;
      expect(t1.meta.version).toBe(created.revision);
      const removed = await store.commit([{ op: 'delete', kind: 'tasks', object: t1 }]);
      await cache.waitFor(removed.revision);
      expect(cache.get('tasks', 't1')).toBeUndefined();
      expect(cache.revision).toBeGreaterThanOrEqual(removed.revision);
    } finally {
      await cache.close();
    }
  });

  it('should resume a watch after the last event it delivered, not at the revision etcd is at', async () => {
    const before = (await store.commit([{ op: 'create', kind: 'services', object: service('w0') }])).revision;
    const mine = await store.commit([{ op: 'create', kind: 'services', object: service('w1') }]);
    // writes elsewhere move etcd's revision (every response's header) past the last event watched here
    const other = await Store.connect({
      endpoints: [etcd.endpoint],
      root: root.replace('/berth-test-', '/berth-other-'),
    });
    try {
      for (let i = 0; i < 3; i++)
        await other.commit([{ op: 'create', kind: 'services', object: service(`o${i}`) }]);
    } finally {
      other.close();
    }
    const seen: string[] = [];
    const watcher = await store.watch(
      before,
      (event) => seen.push(event.id),
      () => undefined,
    );
    try {
      for (let waited = 0; !seen.includes('w1') && waited < 5000; waited += 20)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(seen).toEqual(['w1']);
      // the stream, were it to break now, starts again right after w1: nothing in between is skipped
      expect(Number(watcher.request.start_revision)).toBe(mine.revision + 1);
    } finally {
      await watcher.cancel();
    }
  });

  it('should share one spec between the tasks of a service spec version, when it is the same', async () => {
    const cache = await StateCache.open(store);
    try {
      const other = { ...task('t2'), spec: { ...task('t2').spec, forceUpdate: 7 } };
      const created = await store.commit([
        { op: 'create', kind: 'tasks', object: task('t1') },
        { op: 'create', kind: 'tasks', object: { ...task('t3'), slot: 3 } },
        { op: 'create', kind: 'tasks', object: other },
      ]);
      await cache.waitFor(created.revision);
      const [t1, t2, t3] = ['t1', 't2', 't3'].map((id) => cache.get('tasks', id)!);
      expect(t3.spec).toBe(t1.spec);
      expect(t3.endpoint).toBe(t1.endpoint);
      // not the same content under the same version (not made by Berth): kept apart
      expect(t2.spec).not.toBe(t1.spec);
      expect(t2.spec.forceUpdate).toBe(7);
    } finally {
      await cache.close();
    }
  });

  it("should give a task's new versions its first spec objects, as long as its spec version stays", async () => {
    const cache = await StateCache.open(store);
    try {
      const created = await store.commit([{ op: 'create', kind: 'tasks', object: task('t9') }]);
      await cache.waitFor(created.revision);
      const first = cache.get('tasks', 't9')!;
      const running = { ...first, status: { ...first.status, state: 'running' as const } };
      await cache.waitFor((await store.commit([{ op: 'update', kind: 'tasks', object: running }])).revision);
      const second = cache.get('tasks', 't9')!;
      expect(second.status.state).toBe('running');
      expect(second).not.toBe(first);
      expect(second.spec).toBe(first.spec);
      expect(second.endpoint).toBe(first.endpoint);
      // another spec version is another spec: nothing is carried over
      const moved = { ...second, specVersion: 2, spec: { ...second.spec, forceUpdate: 1 } };
      await cache.waitFor((await store.commit([{ op: 'update', kind: 'tasks', object: moved }])).revision);
      const third = cache.get('tasks', 't9')!;
      expect(third.spec).not.toBe(first.spec);
      expect(third.spec.forceUpdate).toBe(1);
    } finally {
      await cache.close();
    }
  });

  it('should elect one leader and hand over when it resigns', async () => {
    const other = await Store.connect({ endpoints: [etcd.endpoint], root });
    const a = new LeaderElection(store, 'managers', 2);
    const b = new LeaderElection(other, 'managers', 2);
    try {
      await a.lead('manager-a', () => undefined);
      let bLeads = false;
      const bElected = b.lead('manager-b', () => undefined).then(() => (bLeads = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(bLeads).toBe(false);
      expect(await b.leader()).toBe('manager-a');
      await a.resign();
      await bElected;
      expect(await a.leader()).toBe('manager-b');
    } finally {
      await b.resign();
      other.close();
    }
  });

  it('should say how to fix it when etcd cannot be reached', async () => {
    const port = await freePort();
    await expect(Store.connect({ endpoints: [`127.0.0.1:${port}`] })).rejects.toThrow(StoreUnavailableError);
    await expect(Store.connect({ endpoints: [`127.0.0.1:${port}`] })).rejects.toThrow(
      /cannot reach etcd at 127\.0\.0\.1:\d+: .*Start etcd/,
    );
  });
});
