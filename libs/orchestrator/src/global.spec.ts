import { reconcile } from './reconcile';
import {
  applyChanges,
  created,
  describeChanges,
  idSequence,
  makeNode,
  makeService,
  makeSnapshot,
  makeTask,
} from './testing';

describe('global services', () => {
  const service = makeService('agent', { global: true });
  const run = (...args: Parameters<typeof makeSnapshot>) => reconcile(makeSnapshot(...args), idSequence());

  it('should create one pending task per eligible node, with the node preset and slot 0', () => {
    const nodes = [makeNode('n2'), makeNode('n1'), makeNode('n3', { availability: 'pause' })];
    const more = [
      makeNode('n4', { state: 'down' }),
      makeNode('n5', { availability: 'drain' }),
      makeNode('n6', { state: 'unknown' }),
    ];
    const tasks = created(run({ nodes: [...nodes, ...more], services: [service] }).changes);
    expect(tasks.map((task) => [task.id, task.nodeId, task.slot])).toEqual([
      ['new-1', 'n1', 0],
      ['new-2', 'n2', 0],
    ]);
    expect(tasks[0]).toMatchObject({ desiredState: 'running', status: { state: 'pending' }, specVersion: 1 });
  });

  it('should change nothing once every node has its task', () => {
    const snapshot = makeSnapshot({ nodes: [makeNode('n1'), makeNode('n2')], services: [service] });
    const first = reconcile(snapshot, idSequence());
    expect(reconcile(applyChanges(snapshot, first.changes), idSequence('again')).changes).toEqual([]);
  });

  it('should give a new node its task', () => {
    const tasks = [makeTask('a', service, { nodeId: 'n1' })];
    const { changes } = run({ nodes: [makeNode('n1'), makeNode('n2')], services: [service], tasks });
    expect(created(changes).map((task) => task.nodeId)).toEqual(['n2']);
  });

  it('should shut down the task of a drained node without replacing it', () => {
    const tasks = [makeTask('a', service, { nodeId: 'n1' }), makeTask('b', service, { nodeId: 'n2' })];
    const nodes = [makeNode('n1', { availability: 'drain' }), makeNode('n2')];
    expect(describeChanges(run({ nodes, services: [service], tasks }).changes)).toEqual([
      'update a shutdown',
    ]);
  });

  it('should shut down the task of a removed node and delete it', () => {
    const tasks = [makeTask('a', service, { nodeId: 'gone' }), makeTask('b', service, { nodeId: 'n2' })];
    expect(describeChanges(run({ nodes: [makeNode('n2')], services: [service], tasks }).changes)).toEqual([
      'delete a shutdown',
    ]);
  });

  it('should keep the tasks of down and paused nodes', () => {
    const tasks = [makeTask('a', service, { nodeId: 'n1' }), makeTask('b', service, { nodeId: 'n2' })];
    const nodes = [makeNode('n1', { state: 'down' }), makeNode('n2', { availability: 'pause' })];
    expect(run({ nodes, services: [service], tasks }).changes).toEqual([]);
  });

  it('should follow the constraints: shut down where unsatisfied, create where satisfied', () => {
    const constrained = makeService('agent', { global: true, constraints: ['node.labels.gpu==yes'] });
    const tasks = [makeTask('a', constrained, { nodeId: 'n1' })];
    const nodes = [makeNode('n1'), makeNode('n2', { labels: { gpu: 'yes' } })];
    const { changes } = run({ nodes, services: [constrained], tasks });
    expect(describeChanges(changes)).toEqual(['update a shutdown', 'create new-1 running']);
    expect(created(changes)[0].nodeId).toBe('n2');
  });

  it('should neither create nor shut down when the constraints do not parse', () => {
    const broken = makeService('agent', { global: true, constraints: ['gpu'] });
    const tasks = [makeTask('a', broken, { nodeId: 'n1' })];
    expect(run({ nodes: [makeNode('n1'), makeNode('n2')], services: [broken], tasks }).changes).toEqual([]);
  });

  it('should restart a failed task on its own node', () => {
    const tasks = [makeTask('a', service, { nodeId: 'n1', state: 'failed' })];
    const { changes } = run({ nodes: [makeNode('n1')], services: [service], tasks });
    expect(describeChanges(changes)).toEqual(['update a shutdown', 'create new-1 running']);
    expect(created(changes)[0]).toMatchObject({ nodeId: 'n1', slot: 0, restarts: [] });
  });

  it('should restart on a down node but not on a drained one', () => {
    const tasks = [
      makeTask('a', service, { nodeId: 'n1', state: 'failed' }),
      makeTask('b', service, { nodeId: 'n2', state: 'failed' }),
    ];
    const nodes = [makeNode('n1', { state: 'down' }), makeNode('n2', { availability: 'drain' })];
    const { changes } = run({ nodes, services: [service], tasks });
    expect(describeChanges(changes)).toEqual([
      'update a shutdown',
      'create new-1 running',
      'update b shutdown',
    ]);
    expect(created(changes)[0].nodeId).toBe('n1');
  });

  it('should leave a node whose task ended for good without a new one until the service changes', () => {
    const once = makeService('agent', { global: true, restart: { condition: 'none' } });
    const ended = makeTask('a', once, { nodeId: 'n1', state: 'complete', exitCode: 0 });
    const snapshot = makeSnapshot({ nodes: [makeNode('n1')], services: [once], tasks: [ended] });
    const first = reconcile(snapshot, idSequence());
    expect(describeChanges(first.changes)).toEqual(['update a shutdown']);
    const after = applyChanges(snapshot, first.changes);
    expect(reconcile(after, idSequence()).changes).toEqual([]);
    const changed = { ...after, services: [{ ...once, specVersion: 2 }] };
    expect(created(reconcile(changed, idSequence()).changes).map((task) => task.nodeId)).toEqual(['n1']);
  });
});
