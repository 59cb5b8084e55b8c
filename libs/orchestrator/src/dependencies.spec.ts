import type { Service, TaskState } from '@berth/cluster';
import { makeNode, makeService, makeSnapshot, makeTask } from '@berth/cluster/testing';
import { awaitsPlacement } from '@berth/scheduler';
import { dependenciesMet, dependencyWait } from './dependencies';
import { reconcile } from './reconcile';

function dependent(condition: 'service_started' | 'service_healthy'): Service {
  const s = makeService({ id: 'web', replicas: 2 });
  return { ...s, spec: { ...s.spec, dependsOn: [{ service: 'db', condition }] } };
}
const db = makeService({ id: 'db' });
const dbTask = (state: TaskState) => makeTask({ service: db, state, nodeId: 'n1' });

describe('dependenciesMet', () => {
  it('should hold a service until what it depends on has started', () => {
    const web = dependent('service_started');
    expect(dependenciesMet(web, { services: [web], tasks: [] })).toBe(false);
    expect(dependenciesMet(web, { services: [web, db], tasks: [dbTask('pending')] })).toBe(false);
    expect(dependenciesMet(web, { services: [web, db], tasks: [dbTask('starting')] })).toBe(true);
  });

  it('should wait for a running (so healthy) task with service_healthy', () => {
    const web = dependent('service_healthy');
    expect(dependenciesMet(web, { services: [web, db], tasks: [dbTask('starting')] })).toBe(false);
    expect(dependenciesMet(web, { services: [web, db], tasks: [dbTask('running')] })).toBe(true);
  });

  it('should make held tasks for a held service, saying what they wait for, and release them once it is free', () => {
    const web = dependent('service_started');
    let n = 0;
    const newId = () => `t${++n}`;
    const held = reconcile(makeSnapshot({ services: [web, db], tasks: [dbTask('pending')] }), newId);
    const made = held.changes.filter((c) => c.task.serviceId === 'web');
    expect(
      made.map((c) => [c.kind, c.task.status.state, c.task.waitingForDependencies, c.task.status.err]),
    ).toEqual([
      ['create', 'pending', true, 'waiting for db: 0 of 1 running'],
      ['create', 'pending', true, 'waiting for db: 0 of 1 running'],
    ]);
    expect(made.every((c) => !awaitsPlacement(c.task))).toBe(true);
    // the next pass, with db running: the same two tasks, released, and no others
    const webTasks = made.map((c) => c.task);
    const free = reconcile(
      makeSnapshot({ services: [web, db], tasks: [dbTask('running'), ...webTasks] }),
      newId,
    );
    const released = free.changes.filter((c) => c.task.serviceId === 'web');
    expect(
      released.map((c) => [c.kind, c.task.id, c.task.waitingForDependencies, c.task.status.err]),
    ).toEqual([
      ['update', webTasks[0].id, undefined, ''],
      ['update', webTasks[1].id, undefined, ''],
    ]);
    expect(released.every((c) => awaitsPlacement(c.task))).toBe(true);
  });

  it('should leave held tasks alone while the reason stands, and rewrite it when it changes', () => {
    const web = dependent('service_started');
    const first = reconcile(makeSnapshot({ services: [web, db], tasks: [] }), () => 'w1');
    const [task] = first.changes.filter((c) => c.task.serviceId === 'web').map((c) => c.task);
    const again = reconcile(
      makeSnapshot({ services: [web, db], tasks: [dbTask('pending'), task] }),
      () => 'x',
    );
    expect(again.changes.filter((c) => c.task.serviceId === 'web').map((c) => c.task.id)).toEqual(['x']); // slot 2 only
    const gone = reconcile(makeSnapshot({ services: [web], tasks: [task] }), () => 'y');
    expect(gone.changes.find((c) => c.task.id === 'w1')?.task.status.err).toBe(
      'waiting for db: no such service',
    );
  });
});

describe('holding unplaced tasks', () => {
  it('should hold any unplaced task of a held service (a rollout made it, say), and leave placed ones running', () => {
    const web = dependent('service_started');
    const fromRollout = makeTask({ service: web, id: 'r1', state: 'pending', slot: 1 });
    const placed = makeTask({ service: web, id: 'p2', state: 'running', nodeId: 'n1', slot: 2 });
    const snapshot = makeSnapshot({
      nodes: [makeNode({ id: 'n1' })],
      services: [web, db],
      tasks: [fromRollout, placed],
    });
    const result = reconcile(snapshot, () => 'x');
    const web2 = result.changes.filter((c) => c.task.serviceId === 'web');
    expect(web2.map((c) => [c.task.id, c.task.waitingForDependencies, c.task.status.err])).toEqual([
      ['r1', true, 'waiting for db: 0 of 1 running'],
    ]);
  });
});

describe('dependencyWait', () => {
  it('should name every dependency that holds the service, with how many of its tasks run', () => {
    const cache = makeService({ id: 'cache', replicas: 3 });
    const web = makeService({ id: 'web' });
    web.spec.dependsOn = [
      { service: 'db', condition: 'service_healthy' },
      { service: 'cache', condition: 'service_started' },
      { service: 'queue', condition: 'service_started' },
    ];
    const snapshot = { services: [web, db, cache], tasks: [dbTask('starting')] };
    expect(dependencyWait(web, snapshot)).toBe(
      'waiting for db: 0 of 1 healthy; waiting for cache: 0 of 3 running; waiting for queue: no such service',
    );
    expect(dependencyWait(makeService({ id: 'free' }), snapshot)).toBeNull();
  });
});
