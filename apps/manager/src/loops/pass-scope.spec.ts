import type { Service, Task } from '@berth/cluster';
import { makeNode, makeService, makeTask, runningTask } from '@berth/cluster/testing';
import type { StoreEvent } from '@berth/store';
import {
  emptyScope,
  firstSlots,
  progressOnly,
  sliceServices,
  scopedSnapshot,
  servicesInScope,
  widenScope,
  type ScopeLookups,
} from './pass-scope';
import { changesNeedAddresses, changesNeedPlacement } from './placement';

const web = makeService({ id: 'web', name: 'web' });
const api = makeService({ id: 'api', name: 'api' });
const agent = makeService({ id: 'agent', name: 'agent', global: true });

const lookups: ScopeLookups = {
  servicesOnNode: (nodeId) => (nodeId === 'n1' ? ['web'] : []),
  services: () => [web, api, agent],
};

function event(kind: StoreEvent['kind'], id: string, object: unknown): StoreEvent {
  return { type: object ? 'put' : 'delete', kind, id, object: object as StoreEvent['object'], revision: 1 };
}

function dependingOn(service: Service, on: string): Service {
  return {
    ...service,
    spec: { ...service.spec, dependsOn: [{ service: on, condition: 'service_started' }] },
  };
}

describe('widenScope', () => {
  it("should scope a task's change to its service, and to its old service when deleted", () => {
    const scope = emptyScope();
    const task = runningTask(web, 'n1');
    widenScope(scope, event('tasks', task.id, { ...task, desiredState: 'shutdown' }), task, lookups);
    expect([...scope.services]).toEqual(['web']);
    const gone = runningTask(api, 'n2');
    widenScope(scope, event('tasks', gone.id, null), gone, lookups);
    expect([...scope.services]).toEqual(['web', 'api']);
    const made = makeTask({ service: agent, state: 'pending' });
    widenScope(scope, event('tasks', made.id, made), undefined, lookups);
    expect([...scope.services]).toEqual(['web', 'api', 'agent']);
    expect(scope).toMatchObject({ all: false, addresses: false });
  });

  it("should note a task's progress on its machine apart: no pass for its own service", () => {
    const assigned = makeTask({ service: web, nodeId: 'n1', state: 'assigned' });
    const scope = emptyScope();
    widenScope(
      scope,
      event('tasks', assigned.id, { ...assigned, status: { ...assigned.status, state: 'running' } }),
      assigned,
      lookups,
    );
    expect(scope.services.size).toBe(0);
    expect([...scope.progressed]).toEqual(['web']);
    expect(scope.room).toBe(false);
  });

  it.each([
    ['ended', (t: Task): Task => ({ ...t, status: { ...t.status, state: 'failed' } })],
    ['wanted shut down', (t: Task): Task => ({ ...t, desiredState: 'shutdown' })],
    ['moved', (t: Task): Task => ({ ...t, nodeId: 'n2' })],
    ['of another spec', (t: Task): Task => ({ ...t, specVersion: t.specVersion + 1 })],
    ['held', (t: Task): Task => ({ ...t, waitingForDependencies: true })],
    ['delayed', (t: Task): Task => ({ ...t, notBefore: 99 })],
  ])('should not take a task %s for progress', (_, change) => {
    const running = runningTask(web, 'n1');
    expect(progressOnly(running, change(running))).toBe(false);
  });

  it('should say room was freed only when a task leaves its machine', () => {
    const running = runningTask(web, 'n1');
    const same = emptyScope();
    widenScope(
      same,
      event('tasks', running.id, { ...running, meta: { ...running.meta, version: 2 } }),
      running,
      lookups,
    );
    expect(same.room).toBe(false);
    const ended = emptyScope();
    widenScope(
      ended,
      event('tasks', running.id, { ...running, status: { ...running.status, state: 'failed' } }),
      running,
      lookups,
    );
    expect(ended.room).toBe(true);
    const deleted = emptyScope();
    widenScope(deleted, event('tasks', running.id, null), running, lookups);
    expect(deleted.room).toBe(true);
    const pending = makeTask({ service: web, state: 'pending' });
    const placed = emptyScope();
    widenScope(
      placed,
      event('tasks', pending.id, {
        ...pending,
        nodeId: 'n1',
        status: { ...pending.status, state: 'assigned' },
      }),
      pending,
      lookups,
    );
    expect(placed.room).toBe(false);
  });

  it("should scope a machine's change to the services on it and every global service, with placement", () => {
    const scope = emptyScope();
    widenScope(scope, event('nodes', 'n1', makeNode({ id: 'n1' })), undefined, lookups);
    expect([...scope.services].sort()).toEqual(['agent', 'web']);
    expect(scope).toMatchObject({ addresses: true, room: true, all: false });
  });

  it('should scope a service to itself with addresses, a network to addresses, the cluster to everything', () => {
    const service = emptyScope();
    widenScope(service, event('services', 'api', api), undefined, lookups);
    expect(service).toMatchObject({ services: new Set(['api']), addresses: true, all: false });
    const network = emptyScope();
    widenScope(network, event('networks', 'n', {}), undefined, lookups);
    expect(network).toMatchObject({ services: new Set(), addresses: true, room: false });
    const secret = emptyScope();
    widenScope(secret, event('secrets', 's', {}), undefined, lookups);
    expect(secret).toEqual(emptyScope());
    const cluster = emptyScope();
    widenScope(cluster, event('cluster', 'c', {}), undefined, lookups);
    expect(cluster.all).toBe(true);
  });
});

describe('servicesInScope', () => {
  it('should add the services that depend on one in scope, and those it depends on', () => {
    const front = dependingOn(makeService({ id: 'front', name: 'front' }), 'web');
    const worker = dependingOn(makeService({ id: 'worker', name: 'worker' }), 'api');
    const services = [web, api, front, worker];
    expect([...servicesInScope({ ...emptyScope(), services: new Set(['web']) }, services)].sort()).toEqual([
      'front',
      'web',
    ]);
    expect([...servicesInScope({ ...emptyScope(), services: new Set(['worker']) }, services)].sort()).toEqual(
      ['api', 'worker'],
    );
  });
});

describe('scopedSnapshot', () => {
  it("should hold the scope's services and their tasks, and the tasks of a service gone", () => {
    const tasks: Record<string, Task[]> = {
      web: [runningTask(web, 'n1')],
      api: [runningTask(api, 'n2')],
      gone: [makeTask({ serviceId: 'gone', id: 'orphan' })],
    };
    const snapshot = scopedSnapshot(
      new Set(['web', 'gone']),
      { nodes: [makeNode({ id: 'n1' })], services: [web, api], networks: [] },
      (id) => tasks[id] ?? [],
      42,
    );
    expect(snapshot.services.map((s) => s.id)).toEqual(['web']);
    expect(snapshot.tasks.map((t) => t.serviceId)).toEqual(['web', 'gone']);
    expect(snapshot.now).toBe(42);
  });
});

describe('changesNeedPlacement', () => {
  const pending = makeTask({ service: web, state: 'pending' });
  it('should need placement for a task waiting for a machine or for addresses', () => {
    expect(changesNeedPlacement([{ kind: 'create', task: pending }])).toBe(true);
    expect(
      changesNeedPlacement([
        { kind: 'create', task: { ...pending, status: { ...pending.status, state: 'new' } } },
      ]),
    ).toBe(true);
  });
  it('should need the allocator only for a task waiting for addresses', () => {
    const unaddressed = { ...pending, status: { ...pending.status, state: 'new' as const } };
    expect(changesNeedAddresses([{ kind: 'create', task: unaddressed }])).toBe(true);
    expect(changesNeedAddresses([{ kind: 'create', task: pending }])).toBe(false);
    expect(changesNeedAddresses([{ kind: 'update', task: { ...unaddressed, desiredState: 'remove' } }])).toBe(
      false,
    );
  });

  it('should not for tasks placed, ended, being removed or deleted', () => {
    const running = runningTask(web, 'n1');
    expect(changesNeedPlacement([{ kind: 'update', task: running }])).toBe(false);
    expect(changesNeedPlacement([{ kind: 'delete', task: pending }])).toBe(false);
    expect(
      changesNeedPlacement([
        { kind: 'update', task: { ...pending, desiredState: 'shutdown' } },
        {
          kind: 'update',
          task: { ...pending, desiredState: 'remove', status: { ...pending.status, state: 'new' } },
        },
      ]),
    ).toBe(false);
  });
});

describe('firstSlots', () => {
  const slotted = (id: string, slot: number): Task => makeTask({ service: web, id, slot });
  it('should keep whole slots up to the limit, in order, and defer the rest', () => {
    const changes = [
      { kind: 'update' as const, task: slotted('old-1', 1) },
      { kind: 'create' as const, task: slotted('new-2', 2) },
      { kind: 'create' as const, task: slotted('new-1', 1) },
      { kind: 'create' as const, task: slotted('new-3', 3) },
    ];
    const { kept, deferred } = firstSlots(changes, 2);
    expect(kept.map((c) => c.task.id)).toEqual(['old-1', 'new-2', 'new-1']);
    expect(deferred.map((c) => c.task.id)).toEqual(['new-3']);
    expect(firstSlots(changes, 10)).toEqual({ kept: changes, deferred: [] });
  });
});

describe('sliceServices', () => {
  const sizes: Record<string, number> = { a: 5, b: 10, c: 1, d: 30 };
  it('should take services in order up to the limit, at least one, and leave the rest', () => {
    expect(sliceServices(['a', 'b', 'c', 'd'], (id) => sizes[id], 12)).toEqual({
      now: new Set(['a', 'b']),
      later: ['c', 'd'],
    });
    expect(sliceServices(['d', 'a'], (id) => sizes[id], 12)).toEqual({ now: new Set(['d']), later: ['a'] });
    expect(sliceServices(['a', 'c'], (id) => sizes[id], 100)).toEqual({
      now: new Set(['a', 'c']),
      later: [],
    });
  });
});
