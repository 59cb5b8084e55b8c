import type { Node, Service, Task } from '@berth/cluster';
import { makeNode, makeService, makeSnapshot, makeTask, type TaskOptions } from '@berth/cluster/testing';
import { reconcile } from './reconcile';
import { created, deleted, describeChanges, idSequence, NOW } from './testing';

/** A task of `service` placed on node-1 and running there, unless told otherwise. */
const placed = (id: string, service: Service, options: TaskOptions = {}): Task =>
  makeTask({ id, service, nodeId: 'node-1', state: 'running', ...options });

describe('moving replicated tasks off nodes', () => {
  const service = makeService({ id: 'web', replicas: 1, restart: { delayMs: 5000, maxAttempts: 1 } });
  const onNode1 = placed('old', service, { nodeId: 'node-1', restarts: [NOW - 10] });
  const run = (node1: Node | null, services = [service], tasks = [onNode1]) =>
    reconcile(
      makeSnapshot({
        nodes: [...(node1 ? [node1] : []), makeNode({ id: 'node-2' })],
        services,
        tasks,
        now: NOW,
      }),
      idSequence(),
    );

  it.each([
    ['down', makeNode({ id: 'node-1', state: 'down' })],
    ['disconnected', makeNode({ id: 'node-1', state: 'disconnected' })],
    ['drained', makeNode({ id: 'node-1', availability: 'drain' })],
  ])('should move a task off a %s node', (_, node) => {
    const { changes, wakeAt } = run(node);
    expect(describeChanges(changes)).toEqual(['update old shutdown', 'create new-1 running']);
    expect(wakeAt).toBeNull();
  });

  it('should not consume a restart attempt nor wait for the restart delay', () => {
    const [moved] = created(run(makeNode({ id: 'node-1', state: 'down' })).changes);
    expect(moved).toMatchObject({
      slot: 1,
      nodeId: '',
      desiredState: 'running',
      notBefore: 0,
      restarts: [NOW - 10],
    });
  });

  it('should replace a task whose node left the cluster and delete it, no agent being left to stop it', () => {
    const { changes } = run(null);
    expect(describeChanges(changes)).toEqual(['delete old shutdown', 'create new-1 running']);
  });

  it.each([
    ['paused', makeNode({ id: 'node-1', availability: 'pause' })],
    ['unknown', makeNode({ id: 'node-1', state: 'unknown' })],
  ])('should keep a task on a %s node', (_, node) => {
    expect(run(node).changes).toEqual([]);
  });

  it('should move a task off a node whose labels no longer match', () => {
    const constrained = makeService({ id: 'web', constraints: ['node.labels.zone==a'] });
    const task = placed('old', constrained, { nodeId: 'node-1' });
    const node = makeNode({ id: 'node-1', labels: { zone: 'b' } });
    expect(describeChanges(run(node, [constrained], [task]).changes)).toEqual([
      'update old shutdown',
      'create new-1 running',
    ]);
  });

  it("should move a task off a node the service's new constraints exclude, with the new spec", () => {
    const before = makeService({ id: 'web', constraints: ['node.labels.zone==a'] });
    const after = makeService({ id: 'web', constraints: ['node.labels.zone==b'], specVersion: 2 });
    const task = placed('old', before, { nodeId: 'node-1' });
    const { changes } = run(makeNode({ id: 'node-1', labels: { zone: 'a' } }), [after], [task]);
    expect(describeChanges(changes)).toEqual(['update old shutdown', 'create new-1 running']);
    expect(created(changes)[0]).toMatchObject({ specVersion: 2, spec: after.spec.task });
  });

  it('should keep tasks where they are when the constraints do not parse', () => {
    const broken = makeService({ id: 'web', constraints: ['zone=a'] });
    const task = placed('old', broken, { nodeId: 'node-1' });
    expect(run(makeNode({ id: 'node-1' }), [broken], [task]).changes).toEqual([]);
  });

  it('should leave tasks not yet placed to the scheduler', () => {
    const pending = makeTask({ id: 'p', service, nodeId: '', state: 'pending' });
    expect(run(makeNode({ id: 'node-1', state: 'down' }), [service], [pending]).changes).toEqual([]);
  });

  it('should keep a held task held until the same time', () => {
    const held = placed('held', service, {
      state: 'assigned',
      desiredState: 'ready',
      notBefore: NOW + 100,
    });
    const { changes, wakeAt } = run(makeNode({ id: 'node-1', state: 'down' }), [service], [held]);
    expect(created(changes)).toEqual([
      expect.objectContaining({ desiredState: 'ready', notBefore: NOW + 100 }),
    ]);
    expect(wakeAt).toBe(NOW + 100);
  });

  it('should restart, not move, a task that had ended on a node now down', () => {
    const ended = placed('old', service, { state: 'failed', restarts: [] });
    const { changes } = run(makeNode({ id: 'node-1', state: 'down' }), [service], [ended]);
    expect(describeChanges(changes)).toEqual(['update old shutdown', 'create new-1 ready']);
    expect(created(changes)[0].restarts).toEqual([NOW]);
    expect(deleted(changes)).toEqual([]);
  });
});
