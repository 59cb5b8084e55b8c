import type { Service, Task, TaskState } from '@berth/cluster';
import { makeNode, makeService, makeSnapshot, makeTask, type TaskOptions } from '@berth/cluster/testing';
import { reconcile } from './reconcile';
import { describeChanges, idSequence, NOW } from './testing';

/** A task of `service` placed on node-1 and running there, unless told otherwise. */
const placed = (id: string, service: Service, options: TaskOptions = {}): Task =>
  makeTask({ id, service, nodeId: 'node-1', state: 'running', ...options });

describe('tasks of removed services', () => {
  const gone = makeService({ id: 'gone' });
  const nodes = [makeNode({ id: 'node-1', state: 'down' })];
  const run = (...tasks: Task[]) =>
    describeChanges(reconcile(makeSnapshot({ nodes, tasks, now: NOW }), idSequence()).changes);

  it.each<TaskState>(['assigned', 'accepted', 'preparing', 'starting', 'running'])(
    'should ask the agent to remove a %s task',
    (state) => {
      expect(run(placed('t', gone, { state }))).toEqual(['update t remove']);
    },
  );

  it('should leave a task already asked to be removed', () => {
    expect(run(placed('t', gone, { desiredState: 'remove' }))).toEqual([]);
  });

  it.each<TaskState>(['complete', 'failed', 'shutdown', 'rejected', 'orphaned'])(
    'should delete a %s task',
    (state) => {
      expect(run(placed('t', gone, { state }))).toEqual(['delete t running']);
    },
  );

  it('should delete a task that never reached a node', () => {
    expect(run(makeTask({ id: 't', service: gone, state: 'pending', nodeId: '' }))).toEqual([
      'delete t running',
    ]);
    expect(run(placed('t', gone, { state: 'pending', nodeId: 'node-1' }))).toEqual(['delete t running']);
  });

  it('should delete a task whose node left the cluster', () => {
    expect(run(placed('t', gone, { nodeId: 'node-9' }))).toEqual(['delete t running']);
  });

  it('should delete a removed task once it has ended', () => {
    expect(run(placed('t', gone, { state: 'shutdown', desiredState: 'remove' }))).toEqual([
      'delete t remove',
    ]);
  });
});
