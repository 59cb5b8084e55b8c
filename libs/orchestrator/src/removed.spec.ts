import type { TaskState } from '@berth/cluster';
import { reconcile } from './reconcile';
import { describeChanges, idSequence, makeNode, makeService, makeSnapshot, makeTask } from './testing';

describe('tasks of removed services', () => {
  const gone = makeService('gone');
  const nodes = [makeNode('node-1', { state: 'down' })];
  const run = (...tasks: ReturnType<typeof makeTask>[]) =>
    describeChanges(reconcile(makeSnapshot({ nodes, tasks }), idSequence()).changes);

  it.each<TaskState>(['assigned', 'accepted', 'preparing', 'starting', 'running'])(
    'should ask the agent to remove a %s task',
    (state) => {
      expect(run(makeTask('t', gone, { state }))).toEqual(['update t remove']);
    },
  );

  it('should leave a task already asked to be removed', () => {
    expect(run(makeTask('t', gone, { desiredState: 'remove' }))).toEqual([]);
  });

  it.each<TaskState>(['complete', 'failed', 'shutdown', 'rejected', 'orphaned'])(
    'should delete a %s task',
    (state) => {
      expect(run(makeTask('t', gone, { state }))).toEqual(['delete t running']);
    },
  );

  it('should delete a task that never reached a node', () => {
    expect(run(makeTask('t', gone, { state: 'pending', nodeId: '' }))).toEqual(['delete t running']);
    expect(run(makeTask('t', gone, { state: 'pending', nodeId: 'node-1' }))).toEqual(['delete t running']);
  });

  it('should delete a task whose node left the cluster', () => {
    expect(run(makeTask('t', gone, { nodeId: 'node-9' }))).toEqual(['delete t running']);
  });

  it('should delete a removed task once it has ended', () => {
    expect(run(makeTask('t', gone, { state: 'shutdown', desiredState: 'remove' }))).toEqual([
      'delete t remove',
    ]);
  });
});
