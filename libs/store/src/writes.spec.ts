import { defaultServiceSpec, type Service } from '@berth/cluster';
import { KeyLayout, prefixEnd } from './keys';
import { packUnits } from './store';
import { buildTxn, committedEarlier, committedObjects, lostWrites, slotUnit, type Write } from './writes';

const layout = new KeyLayout('/t/v1/');
const service = (id: string, version: number): Service => ({
  id,
  meta: { version, createdAt: 5, updatedAt: 5 },
  spec: defaultServiceSpec(id, 'busybox'),
  specVersion: 1,
  previousSpec: null,
});

describe(KeyLayout.name, () => {
  it('should put each object under /root/kind/id and read it back', () => {
    expect(layout.objectKey('tasks', 'abc')).toBe('/t/v1/tasks/abc');
    expect(layout.parse('/t/v1/tasks/abc')).toEqual({ kind: 'tasks', id: 'abc' });
  });

  it('should not take election keys, other roots or ids with slashes for objects', () => {
    expect(layout.parse('/t/v1/election/managers/123')).toBeNull();
    expect(layout.parse('/other/v1/tasks/abc')).toBeNull();
    expect(layout.parse('/t/v1/tasks/a/b')).toBeNull();
    expect(() => layout.objectKey('tasks', 'a/b')).toThrow('invalid tasks id "a/b"');
    expect(() => new KeyLayout('berth')).toThrow("store root must start and end with '/'");
  });

  it('should end a prefix range at the next key after every key with that prefix', () => {
    expect(prefixEnd('/a/').toString()).toBe('/a0');
    expect([...prefixEnd('a\u00ff')]).toEqual([0x61, 0xc3, 0xc0]); // 'ÿ' is c3 bf in UTF-8
  });
});

describe('buildTxn', () => {
  const writes: Write[] = [
    { op: 'create', kind: 'services', object: service('new', 0) },
    { op: 'update', kind: 'services', object: service('old', 42) },
    { op: 'delete', kind: 'services', object: service('gone', 7) },
  ];

  it('should compare absence for creates and the read version for updates and deletes', () => {
    const txn = buildTxn(layout, writes, 1000);
    expect(txn.compare.map((c) => [c.key.toString(), c.target, c.create_revision ?? c.mod_revision])).toEqual(
      [
        ['/t/v1/services/new', 'Create', 0],
        ['/t/v1/services/old', 'Mod', 42],
        ['/t/v1/services/gone', 'Mod', 7],
      ],
    );
    expect(txn.success.map((op) => Object.keys(op)[0])).toEqual([
      'request_put',
      'request_put',
      'request_delete_range',
    ]);
    expect(txn.failure).toHaveLength(3);
  });

  it('should take a transaction whose retry found its own writes for committed, at their revision', () => {
    const txn = buildTxn(layout, writes, 1000);
    const put = (i: number, value: Buffer) => ({ key: txn.compare[i].key, value, mod_revision: '77' });
    const own = (i: number) =>
      put(i, (txn.success[i] as { request_put: { value: Buffer } }).request_put.value);
    expect(committedEarlier(txn, [own(0), own(1), undefined])).toBe(77);
    // another writer's value, or the deleted key back: lost, as the compares said
    expect(committedEarlier(txn, [own(0), put(1, Buffer.from('{}')), undefined])).toBeNull();
    expect(committedEarlier(txn, [own(0), own(1), own(1)])).toBeNull();
    expect(committedEarlier(txn, [undefined, own(1), undefined])).toBeNull();
  });

  it('should store times but never the version, and stamp updatedAt', () => {
    const txn = buildTxn(layout, writes, 1000);
    const stored = JSON.parse(
      (txn.success[1] as { request_put: { value: Buffer } }).request_put.value.toString(),
    );
    expect(stored.meta).toEqual({ createdAt: 5, updatedAt: 1000 });
    const created = JSON.parse(
      (txn.success[0] as { request_put: { value: Buffer } }).request_put.value.toString(),
    );
    expect(created.meta).toEqual({ createdAt: 5, updatedAt: 1000 });
  });

  it('should find the writes that lost from what the failed transaction read back', () => {
    const kv = (rev: number) => ({
      key: Buffer.from('k'),
      value: Buffer.from('{}'),
      mod_revision: String(rev),
    });
    expect(lostWrites(writes, [kv(3), kv(42), kv(7)]).map((w) => w.object.id)).toEqual(['new']);
    expect(lostWrites(writes, [undefined, kv(43), undefined]).map((w) => w.object.id)).toEqual([
      'old',
      'gone',
    ]);
  });

  it('should give committed objects the commit revision as version', () => {
    expect(committedObjects(writes, 99, 1000).map((o) => [o.id, o.meta.version])).toEqual([
      ['new', 99],
      ['old', 99],
    ]);
  });
});

describe('commit units', () => {
  const task = (id: string, slot: number, nodeId = '') =>
    ({ id, serviceId: 's1', slot, nodeId, meta: { version: 1, createdAt: 0, updatedAt: 0 } }) as never;
  const write = (object: never, op: Write['op'] = 'update'): Write => ({ op, kind: 'tasks', object });

  it("should put a task's writes with the others of its slot, a global task's with its node's, and anything else alone", () => {
    expect(slotUnit(write(task('a', 3)))).toBe(slotUnit(write(task('b', 3), 'create')));
    expect(slotUnit(write(task('a', 3)))).not.toBe(slotUnit(write(task('c', 4))));
    expect(slotUnit(write(task('g1', 0, 'n1')))).toBe(slotUnit(write(task('g2', 0, 'n1'))));
    expect(slotUnit(write(task('g1', 0, 'n1')))).not.toBe(slotUnit(write(task('g3', 0, 'n2'))));
    expect(slotUnit({ op: 'update', kind: 'services', object: service('s1', 1) })).toBe('services/s1');
  });

  it('should pack units whole into chunks of at most MAX, in the order they first appear', () => {
    const writes = [
      write(task('a', 1)),
      write(task('b', 2)),
      write(task('a2', 1), 'create'),
      write(task('c', 3)),
      write(task('c2', 3), 'create'),
    ];
    const ids = (chunks: Write[][]) => chunks.map((c) => c.map((w) => w.object.id));
    expect(ids(packUnits(writes, slotUnit, 3))).toEqual([
      ['a', 'a2', 'b'],
      ['c', 'c2'],
    ]);
    expect(ids(packUnits(writes, slotUnit, 2))).toEqual([['a', 'a2'], ['b'], ['c', 'c2']]);
    expect(() => packUnits(writes, slotUnit, 1)).toThrow(/2 writes of tasks\/s1\/1/);
    // without units: consecutive chunks, in the writes' order
    expect(ids(packUnits(writes, undefined, 2))).toEqual([['a', 'b'], ['a2', 'c'], ['c2']]);
  });
});
