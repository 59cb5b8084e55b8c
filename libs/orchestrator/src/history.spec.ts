import type { Service, Task } from '@berth/cluster';
import { makeNode, makeService, makeSnapshot, makeTask, type TaskOptions } from '@berth/cluster/testing';
import { isDead, neverReachedNode } from './history';
import { reconcile } from './reconcile';
import { deleted, idSequence, NOW } from './testing';

/** A task of `service` placed on node-1 and running there, unless told otherwise. */
const placed = (id: string, service: Service, options: TaskOptions = {}): Task =>
  makeTask({ id, service, nodeId: 'node-1', state: 'running', ...options });

describe('task history', () => {
  const nodes = [makeNode({ id: 'node-1' }), makeNode({ id: 'node-2' })];
  const service = makeService({ id: 'web', replicas: 2 });
  const dead = (id: string, slot: number, createdAt: number) =>
    placed(id, service, { slot, createdAt, state: 'failed', desiredState: 'shutdown' });
  const history = (slot: number, count: number) =>
    Array.from({ length: count }, (_, i) => dead(`s${slot}-${i}`, slot, i * 10));
  const reaped = (tasks: Task[], taskHistoryLimit?: number, services = [service]) =>
    deleted(
      reconcile(makeSnapshot({ nodes, services, tasks, now: NOW }), idSequence(), { taskHistoryLimit })
        .changes,
    )
      .map((task) => task.id)
      .sort();

  it('should keep the 5 newest dead tasks of each slot by default', () => {
    const tasks = [...history(1, 7), placed('live1', service, { slot: 1, createdAt: 100 })];
    tasks.push(...history(2, 5), placed('live2', service, { slot: 2, createdAt: 100 }));
    expect(reaped(tasks)).toEqual(['s1-0', 's1-1']);
  });

  it('should honour another limit, 0 included', () => {
    const tasks = [...history(1, 3), placed('live', service, { slot: 1, createdAt: 100 })];
    expect(reaped(tasks, 1)).toEqual(['s1-0', 's1-1']);
    expect(reaped(tasks, 0)).toEqual(['s1-0', 's1-1', 's1-2']);
    expect(reaped(tasks, Infinity)).toEqual([]);
  });

  it('should break creation-time ties by id', () => {
    const tasks = [
      dead('b', 1, 0),
      dead('a', 1, 0),
      dead('c', 1, 0),
      placed('live', service, { createdAt: 100 }),
    ];
    expect(reaped(tasks, 1)).toEqual(['a', 'b']);
  });

  it('should never delete a task still running on a node, even one given up', () => {
    const stopping = placed('stopping', service, { slot: 1, desiredState: 'shutdown' });
    const tasks = [stopping, placed('live', service, { slot: 1, createdAt: 100 })];
    expect(reaped(tasks, 0)).toEqual([]);
  });

  it('should delete at once a given-up task that never reached a node', () => {
    const never = makeTask({
      id: 'never',
      service,
      slot: 1,
      nodeId: '',
      state: 'pending',
      desiredState: 'shutdown',
    });
    const tasks = [never, placed('live', service, { slot: 1, createdAt: 100 })];
    expect(reaped(tasks, Infinity)).toEqual(['never']);
  });

  it('should keep the newest task of a done slot whatever the limit', () => {
    const once = makeService({ id: 'web', replicas: 1, restart: { condition: 'none' } });
    const tasks = [0, 1].map((i) =>
      placed(`t${i}`, once, { createdAt: i, state: 'complete', exitCode: 0, desiredState: 'shutdown' }),
    );
    expect(reaped(tasks, 0, [once])).toEqual(['t0']);
  });

  it('should count per node for global services', () => {
    const global = makeService({ id: 'g', global: true });
    const ended = (id: string, nodeId: string, createdAt: number) =>
      placed(id, global, { nodeId, createdAt, state: 'failed', desiredState: 'shutdown' });
    const tasks = [ended('a1', 'node-1', 0), ended('a2', 'node-1', 1), ended('b1', 'node-2', 0)];
    tasks.push(
      placed('la', global, { nodeId: 'node-1', createdAt: 5 }),
      placed('lb', global, { nodeId: 'node-2', createdAt: 5 }),
    );
    expect(reaped(tasks, 1, [global])).toEqual(['a1']);
  });

  describe(isDead.name, () => {
    it('should need both an ended task and a manager that gave up on it', () => {
      expect(isDead(placed('t', service, { state: 'failed', desiredState: 'shutdown' }))).toBe(true);
      expect(isDead(placed('t', service, { state: 'failed' }))).toBe(false);
      expect(isDead(placed('t', service, { desiredState: 'shutdown' }))).toBe(false);
    });
  });

  describe(neverReachedNode.name, () => {
    it('should hold for tasks without a node or not past pending', () => {
      expect(neverReachedNode(makeTask({ id: 't', service, nodeId: '', state: 'pending' }))).toBe(true);
      expect(neverReachedNode(placed('t', service, { nodeId: 'node-1', state: 'pending' }))).toBe(true);
      expect(neverReachedNode(placed('t', service, { nodeId: 'node-1', state: 'assigned' }))).toBe(false);
    });
  });
});
