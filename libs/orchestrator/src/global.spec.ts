import type { ClusterSnapshot, Service, Task } from '@berth/cluster';
import { makeNode, makeService, makeSnapshot, makeTask, type TaskOptions } from '@berth/cluster/testing';
import { reconcile } from './reconcile';
import { applyChanges, created, describeChanges, idSequence } from './testing';

/** A task of `service` placed on node-1 and running there, unless told otherwise. */
const placed = (id: string, service: Service, options: TaskOptions = {}): Task =>
  makeTask({ id, service, nodeId: 'node-1', state: 'running', ...options });

describe('global services', () => {
  // restarting at once, so that a restarted task is replaced by one wanted running
  const service = makeService({ id: 'agent', global: true, restart: { delayMs: 0 } });
  const run = (parts: Partial<ClusterSnapshot>) => reconcile(makeSnapshot(parts), idSequence());

  it('should create one pending task per eligible node, with the node preset and slot 0', () => {
    const nodes = [
      makeNode({ id: 'n2' }),
      makeNode({ id: 'n1' }),
      makeNode({ id: 'n3', availability: 'pause' }),
    ];
    const more = [
      makeNode({ id: 'n4', state: 'down' }),
      makeNode({ id: 'n5', availability: 'drain' }),
      makeNode({ id: 'n6', state: 'unknown' }),
    ];
    const tasks = created(run({ nodes: [...nodes, ...more], services: [service] }).changes);
    expect(tasks.map((task) => [task.id, task.nodeId, task.slot])).toEqual([
      ['new-1', 'n1', 0],
      ['new-2', 'n2', 0],
    ]);
    expect(tasks[0]).toMatchObject({ desiredState: 'running', status: { state: 'pending' }, specVersion: 1 });
  });

  it('should change nothing once every node has its task', () => {
    const snapshot = makeSnapshot({
      nodes: [makeNode({ id: 'n1' }), makeNode({ id: 'n2' })],
      services: [service],
    });
    const first = reconcile(snapshot, idSequence());
    expect(reconcile(applyChanges(snapshot, first.changes), idSequence('again')).changes).toEqual([]);
  });

  it('should give a new node its task', () => {
    const tasks = [placed('a', service, { nodeId: 'n1' })];
    const { changes } = run({
      nodes: [makeNode({ id: 'n1' }), makeNode({ id: 'n2' })],
      services: [service],
      tasks,
    });
    expect(created(changes).map((task) => task.nodeId)).toEqual(['n2']);
  });

  it('should shut down the task of a drained node without replacing it', () => {
    const tasks = [placed('a', service, { nodeId: 'n1' }), placed('b', service, { nodeId: 'n2' })];
    const nodes = [makeNode({ id: 'n1', availability: 'drain' }), makeNode({ id: 'n2' })];
    expect(describeChanges(run({ nodes, services: [service], tasks }).changes)).toEqual([
      'update a shutdown',
    ]);
  });

  it('should shut down the task of a removed node and delete it', () => {
    const tasks = [placed('a', service, { nodeId: 'gone' }), placed('b', service, { nodeId: 'n2' })];
    expect(
      describeChanges(run({ nodes: [makeNode({ id: 'n2' })], services: [service], tasks }).changes),
    ).toEqual(['delete a shutdown']);
  });

  it('should keep the tasks of down and paused nodes', () => {
    const tasks = [placed('a', service, { nodeId: 'n1' }), placed('b', service, { nodeId: 'n2' })];
    const nodes = [makeNode({ id: 'n1', state: 'down' }), makeNode({ id: 'n2', availability: 'pause' })];
    expect(run({ nodes, services: [service], tasks }).changes).toEqual([]);
  });

  it('should follow the constraints: shut down where unsatisfied, create where satisfied', () => {
    const constrained = makeService({ id: 'agent', global: true, constraints: ['node.labels.gpu==yes'] });
    const tasks = [placed('a', constrained, { nodeId: 'n1' })];
    const nodes = [makeNode({ id: 'n1' }), makeNode({ id: 'n2', labels: { gpu: 'yes' } })];
    const { changes } = run({ nodes, services: [constrained], tasks });
    expect(describeChanges(changes)).toEqual(['update a shutdown', 'create new-1 running']);
    expect(created(changes)[0].nodeId).toBe('n2');
  });

  it('should neither create nor shut down when the constraints do not parse', () => {
    const broken = makeService({ id: 'agent', global: true, constraints: ['gpu'] });
    const tasks = [placed('a', broken, { nodeId: 'n1' })];
    expect(
      run({ nodes: [makeNode({ id: 'n1' }), makeNode({ id: 'n2' })], services: [broken], tasks }).changes,
    ).toEqual([]);
  });

  it('should restart a failed task on its own node', () => {
    const tasks = [placed('a', service, { nodeId: 'n1', state: 'failed' })];
    const { changes } = run({ nodes: [makeNode({ id: 'n1' })], services: [service], tasks });
    expect(describeChanges(changes)).toEqual(['update a shutdown', 'create new-1 running']);
    expect(created(changes)[0]).toMatchObject({ nodeId: 'n1', slot: 0, restarts: [] });
  });

  it('should restart on a down node but not on a drained one', () => {
    const tasks = [
      placed('a', service, { nodeId: 'n1', state: 'failed' }),
      placed('b', service, { nodeId: 'n2', state: 'failed' }),
    ];
    const nodes = [makeNode({ id: 'n1', state: 'down' }), makeNode({ id: 'n2', availability: 'drain' })];
    const { changes } = run({ nodes, services: [service], tasks });
    expect(describeChanges(changes)).toEqual([
      'update a shutdown',
      'create new-1 running',
      'update b shutdown',
    ]);
    expect(created(changes)[0].nodeId).toBe('n1');
  });

  it('should leave a node whose task ended for good without a new one until the service changes', () => {
    const once = makeService({ id: 'agent', global: true, restart: { condition: 'none' } });
    const ended = placed('a', once, { nodeId: 'n1', state: 'complete', exitCode: 0 });
    const snapshot = makeSnapshot({ nodes: [makeNode({ id: 'n1' })], services: [once], tasks: [ended] });
    const first = reconcile(snapshot, idSequence());
    expect(describeChanges(first.changes)).toEqual(['update a shutdown']);
    const after = applyChanges(snapshot, first.changes);
    expect(reconcile(after, idSequence()).changes).toEqual([]);
    const changed = { ...after, services: [{ ...once, specVersion: 2 }] };
    expect(created(reconcile(changed, idSequence()).changes).map((task) => task.nodeId)).toEqual(['n1']);
  });
});
