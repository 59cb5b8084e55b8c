import type { ClusterSnapshot, Node, SchedulingRejection, Service, Task, TaskChange } from '@berth/cluster';
import { schedule } from './schedule';
import { ASSIGNED_MESSAGE } from './task-changes';
import {
  CPU,
  GiB,
  makeNode,
  makeNodes,
  makeService,
  makeSnapshot,
  makeTask,
  pendingTasks,
  runningTask,
  type ServiceOptions,
} from '@berth/cluster/testing';

const NOW = 5_000;
const NO_NODES: SchedulingRejection[] = [{ filter: 'nodes', rejected: 0, examined: 0 }];

function snapshotOf(nodes: Node[], services: Service[], tasks: Task[]): ClusterSnapshot {
  return makeSnapshot({ nodes, services, tasks, now: NOW });
}

/** How many of the placed tasks each node got. */
function perNode(changes: TaskChange[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { task } of changes)
    if (task.status.state === 'assigned') counts[task.nodeId] = (counts[task.nodeId] ?? 0) + 1;
  return counts;
}

/** The reasons the tasks left pending were given, by task id. */
function reasons(changes: TaskChange[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { task } of changes) if (task.status.state === 'pending') out[task.id] = task.status.message;
  return out;
}

/** Schedules `count` pending tasks of one service on the nodes; returns the changes. */
function scheduleService(
  nodes: Node[],
  options: ServiceOptions,
  count: number,
  existing: Task[] = [],
): TaskChange[] {
  const service = makeService({ id: 'web', ...options });
  return schedule(snapshotOf(nodes, [service], [...existing, ...pendingTasks(service, count)]));
}

/** The one reason every unplaced task of the pass was given. */
function reasonFor(nodes: Node[], options: ServiceOptions, count = 1, existing: Task[] = []): string {
  const given = new Set(Object.values(reasons(scheduleService(nodes, options, count, existing))));
  expect(given.size).toBe(1);
  return [...given][0];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

describe('schedule', () => {
  describe('which tasks it places', () => {
    const nodes = [makeNode()];

    it('should place a pending task wanted running, and one wanted ready', () => {
      const service = makeService();
      const tasks = [makeTask({ service, slot: 1 }), makeTask({ service, slot: 2, desiredState: 'ready' })];
      expect(perNode(schedule(snapshotOf(nodes, [service], tasks)))).toEqual({ 'node-1': 2 });
    });

    it.each(['shutdown', 'remove', 'complete'] as const)(
      'should ignore a pending task desired %s',
      (desiredState) => {
        expect(schedule(snapshotOf(nodes, [], [makeTask({ desiredState })]))).toEqual([]);
      },
    );

    it.each(['new', 'assigned', 'running', 'failed'] as const)('should leave alone a task %s', (state) => {
      expect(
        schedule(snapshotOf(nodes, [], [makeTask({ state, nodeId: state === 'new' ? '' : 'node-1' })])),
      ).toEqual([]);
    });

    it('should change nothing when nothing is pending', () => {
      expect(schedule(snapshotOf(nodes, [], []))).toEqual([]);
    });
  });

  describe('the change for a placed task', () => {
    it('should give the task its node and move it to assigned, stamped now, keeping the rest', () => {
      const task = makeTask({ message: 'no suitable node (no nodes in the cluster)' });
      const [change] = schedule(snapshotOf([makeNode({ id: 'n1' })], [], [task]));
      expect(change).toEqual({
        kind: 'update',
        task: {
          ...task,
          nodeId: 'n1',
          status: { ...task.status, state: 'assigned', message: ASSIGNED_MESSAGE, timestamp: NOW },
        },
      });
      expect(change.task.meta).toBe(task.meta);
      expect(change.task).not.toBe(task);
    });

    it('should drop the rejections the task carried while pending', () => {
      const task = makeTask({ message: 'no suitable node (no nodes in the cluster)', rejections: NO_NODES });
      const [change] = schedule(snapshotOf([makeNode({ id: 'n1' })], [], [task]));
      expect(change.task.status.state).toBe('assigned');
      expect(change.task.status).not.toHaveProperty('rejections');
    });

    it('should not mutate the snapshot', () => {
      const service = makeService({ reservations: { memoryBytes: GiB }, maxReplicasPerNode: 2 });
      const snapshot = snapshotOf(
        makeNodes(2),
        [service],
        [...pendingTasks(service, 5), runningTask(service, 'node-1', 9)],
      );
      const before = structuredClone(snapshot);
      deepFreeze(snapshot);
      expect(() => schedule(snapshot)).not.toThrow();
      expect(snapshot).toEqual(before);
    });

    it('should give the same plan for the same snapshot, in whatever order it lists things', () => {
      const service = makeService({ preferences: ['node.labels.zone'] });
      const nodes = makeNodes(5, (i) => ({ labels: { zone: 'ab'[i % 2] } }));
      const tasks = pendingTasks(service, 12);
      const first = schedule(snapshotOf(nodes, [service], tasks));
      expect(schedule(snapshotOf(nodes, [service], tasks))).toEqual(first);
      const shuffled = schedule(snapshotOf([...nodes].reverse(), [service], [...tasks].reverse()));
      expect(shuffled).toEqual(first);
    });
  });

  describe('spread', () => {
    it('should put 6 tasks on 3 nodes 2, 2 and 2', () => {
      expect(perNode(scheduleService(makeNodes(3), {}, 6))).toEqual({
        'node-1': 2,
        'node-2': 2,
        'node-3': 2,
      });
    });

    it('should respect the load already there', () => {
      const service = makeService({ id: 'web' });
      const existing = [
        runningTask(service, 'node-1', 1),
        runningTask(service, 'node-1', 2),
        runningTask(service, 'node-2', 3),
      ];
      const changes = schedule(
        snapshotOf(makeNodes(3), [service], [...existing, ...pendingTasks(service, 3, 4)]),
      );
      expect(perNode(changes)).toEqual({ 'node-2': 1, 'node-3': 2 });
    });

    it('should prefer the node with fewest of the service’s tasks over the one with fewest tasks overall', () => {
      const web = makeService({ id: 'web' });
      const db = makeService({ id: 'db' });
      const existing = [
        runningTask(web, 'node-1'),
        ...[1, 2, 3].map((slot) => runningTask(db, 'node-2', slot)),
      ];
      const changes = schedule(
        snapshotOf(makeNodes(2), [web, db], [...existing, makeTask({ service: web, slot: 2 })]),
      );
      expect(perNode(changes)).toEqual({ 'node-2': 1 });
    });

    it('should ignore tasks that no longer occupy a node', () => {
      const web = makeService({ id: 'web' });
      const finished = [makeTask({ service: web, nodeId: 'node-1', state: 'complete' })];
      expect(
        perNode(
          schedule(snapshotOf(makeNodes(2), [web], [...finished, makeTask({ service: web, slot: 2 })])),
        ),
      ).toEqual({ 'node-1': 1 });
    });

    it('should count what earlier groups of the pass placed', () => {
      const api = makeService({ id: 'api' });
      const web = makeService({ id: 'web' });
      const changes = schedule(
        snapshotOf(makeNodes(2), [api, web], [...pendingTasks(api, 1), ...pendingTasks(web, 1)]),
      );
      expect(changes.map(({ task }) => `${task.id}→${task.nodeId}`)).toEqual([
        'api.1→node-1',
        'web.1→node-2',
      ]);
    });

    it('should never place a task on a node that is not available', () => {
      const nodes = [
        makeNode({ id: 'down', state: 'down' }),
        makeNode({ id: 'drained', availability: 'drain' }),
        makeNode({ id: 'up' }),
      ];
      expect(perNode(scheduleService(nodes, {}, 3))).toEqual({ up: 3 });
    });
  });

  describe('placement preferences', () => {
    const zones = (...values: (string | undefined)[]) =>
      values.map((zone, i) => makeNode({ id: `n${i + 1}`, labels: zone ? { zone } : {} }));

    it('should split tasks evenly per zone, not per node (zones a, a, b)', () => {
      const changes = scheduleService(zones('a', 'a', 'b'), { preferences: ['node.labels.zone'] }, 4);
      expect(perNode(changes)).toEqual({ n1: 1, n2: 1, n3: 2 });
    });

    it('should put nodes without the label in a group of their own', () => {
      const changes = scheduleService(
        zones('a', undefined, undefined),
        { preferences: ['node.labels.zone'] },
        4,
      );
      expect(perNode(changes)).toEqual({ n1: 2, n2: 1, n3: 1 });
    });

    it('should count the tasks the service already has in each zone', () => {
      const service = makeService({ id: 'web', preferences: ['node.labels.zone'] });
      const existing = [runningTask(service, 'n1', 1), runningTask(service, 'n2', 2)];
      const changes = schedule(
        snapshotOf(zones('a', 'a', 'b'), [service], [...existing, ...pendingTasks(service, 4, 3)]),
      );
      expect(perNode(changes)).toEqual({ n1: 1, n3: 3 });
    });

    it('should spread over zones and then racks', () => {
      const nodes = [
        makeNode({ id: 'a-r1', labels: { zone: 'a', rack: 'r1' } }),
        makeNode({ id: 'a-r2', labels: { zone: 'a', rack: 'r2' } }),
        makeNode({ id: 'a-r2-bis', labels: { zone: 'a', rack: 'r2' } }),
        makeNode({ id: 'b-r1', labels: { zone: 'b', rack: 'r1' } }),
      ];
      const changes = scheduleService(nodes, { preferences: ['node.labels.zone', 'node.labels.rack'] }, 8);
      expect(perNode(changes)).toEqual({ 'a-r1': 2, 'a-r2': 1, 'a-r2-bis': 1, 'b-r1': 4 });
    });

    it('should spread within the nodes the constraints allow', () => {
      const nodes = [
        ...zones('a', 'a', 'b'),
        makeNode({ id: 'mgr', role: 'manager', labels: { zone: 'c' } }),
      ];
      const changes = scheduleService(
        nodes,
        { preferences: ['node.labels.zone'], constraints: ['node.role==worker'] },
        4,
      );
      expect(perNode(changes)).toEqual({ n1: 1, n2: 1, n3: 2 });
    });
  });

  describe('filters within one pass', () => {
    it('should add up the reservations of the tasks it places', () => {
      const changes = scheduleService(
        [makeNode({ memoryBytes: 2 * GiB })],
        { reservations: { memoryBytes: GiB } },
        3,
      );
      expect(perNode(changes)).toEqual({ 'node-1': 2 });
      expect(reasons(changes)).toEqual({ 'web.3': 'no suitable node (insufficient memory on 1 node)' });
    });

    it('should count the reservations of tasks already on the node, of any service', () => {
      const db = makeService({ id: 'db', reservations: { nanoCpus: 3 * CPU } });
      const web = makeService({ id: 'web', reservations: { nanoCpus: CPU } });
      const tasks = [runningTask(db, 'node-1'), ...pendingTasks(web, 3)];
      const changes = schedule(snapshotOf(makeNodes(2, { nanoCpus: 4 * CPU }), [db, web], tasks));
      expect(perNode(changes)).toEqual({ 'node-1': 1, 'node-2': 2 });
    });

    it('should not give a host port twice on a node within the pass', () => {
      const changes = scheduleService(
        makeNodes(2),
        { ports: [{ publishMode: 'host', publishedPort: 80 }] },
        3,
      );
      expect(perNode(changes)).toEqual({ 'node-1': 1, 'node-2': 1 });
      expect(reasons(changes)).toEqual({
        'web.3': 'no suitable node (host port 80/tcp already in use on 2 nodes)',
      });
    });

    it('should keep off a node where another service holds the host port', () => {
      const proxy = makeService({ id: 'proxy', ports: [{ publishMode: 'host', publishedPort: 80 }] });
      const web = makeService({ id: 'web', ports: [{ publishMode: 'host', publishedPort: 80 }] });
      const tasks = [runningTask(proxy, 'node-1'), makeTask({ service: web })];
      expect(perNode(schedule(snapshotOf(makeNodes(2), [proxy, web], tasks)))).toEqual({ 'node-2': 1 });
    });

    it('should let ingress ports and host ports without a number be taken many times', () => {
      const ports = [{ publishedPort: 80 }, { publishMode: 'host' as const, publishedPort: 0 }];
      expect(perNode(scheduleService([makeNode()], { ports }, 3))).toEqual({ 'node-1': 3 });
    });

    it('should stop at max replicas per node, counting what is there and what it places', () => {
      const service = makeService({ id: 'web', maxReplicasPerNode: 2 });
      const tasks = [runningTask(service, 'node-1', 1), ...pendingTasks(service, 4, 2)];
      const changes = schedule(snapshotOf(makeNodes(2), [service], tasks));
      expect(perNode(changes)).toEqual({ 'node-1': 1, 'node-2': 2 });
      expect(reasons(changes)).toEqual({
        'web.5': 'no suitable node (max replicas per node (2) reached on 2 nodes)',
      });
    });
  });

  describe('the reason a task stays pending', () => {
    it('should say there are no nodes', () => {
      expect(reasonFor([], {})).toBe('no suitable node (no nodes in the cluster)');
    });

    it('should name the constraint no node satisfies', () => {
      const nodes = makeNodes(3, { labels: { zone: 'a' } });
      expect(reasonFor(nodes, { constraints: ['node.labels.zone==b'] })).toBe(
        'no suitable node (constraint node.labels.zone==b: 0 of 3 nodes)',
      );
    });

    it('should say which resource is short', () => {
      expect(reasonFor(makeNodes(3), { reservations: { memoryBytes: 100 * GiB } })).toBe(
        'no suitable node (insufficient memory on 3 nodes)',
      );
      expect(reasonFor(makeNodes(1), { reservations: { nanoCpus: 100 * CPU } })).toBe(
        'no suitable node (insufficient CPU on 1 node)',
      );
    });

    it('should join the explanations of every filter that refused nodes, in order', () => {
      const service = makeService({ id: 'web', maxReplicasPerNode: 1 });
      const nodes = [
        makeNode({ id: 'n1' }),
        makeNode({ id: 'n2', state: 'down' }),
        makeNode({ id: 'n3', availability: 'pause' }),
      ];
      expect(reasonFor(nodes, { maxReplicasPerNode: 1 }, 1, [runningTask(service, 'n1')])).toBe(
        'no suitable node (2 nodes not available for new tasks; max replicas per node (1) reached on 1 node)',
      );
    });

    it('should explain every kind of refusal at once', () => {
      const proxy = makeService({ id: 'proxy', ports: [{ publishMode: 'host', publishedPort: 443 }] });
      const nodes = [
        makeNode({ id: 'down', state: 'down', labels: { zone: 'a' } }),
        makeNode({ id: 'small', memoryBytes: GiB, labels: { zone: 'a' } }),
        makeNode({ id: 'elsewhere', labels: { zone: 'b' } }),
        makeNode({ id: 'busy', labels: { zone: 'a' } }),
        makeNode({ id: 'full', labels: { zone: 'a' } }),
      ];
      const web = makeService({
        id: 'web',
        reservations: { memoryBytes: 2 * GiB },
        constraints: ['node.labels.zone==a'],
        ports: [{ publishMode: 'host', publishedPort: 443 }],
        maxReplicasPerNode: 1,
      });
      // `full` runs a web task, which holds port 443: the host-port filter refuses it before max replicas does
      const tasks = [
        runningTask(proxy, 'busy'),
        runningTask(web, 'full'),
        makeTask({ service: web, slot: 2 }),
      ];
      const changes = schedule(snapshotOf(nodes, [proxy, web], tasks));
      expect(reasons(changes)).toEqual({
        'web.2':
          'no suitable node (1 node not available for new tasks; insufficient memory on 1 node; ' +
          'constraint node.labels.zone==a: 2 of 3 nodes; host port 443/tcp already in use on 2 nodes)',
      });
      expect(changes[0].task.status.rejections).toEqual([
        { filter: 'ready', rejected: 1, examined: 5 },
        { filter: 'resources', rejected: 1, examined: 4, shortOfCpu: 0, shortOfMemory: 1 },
        {
          filter: 'constraints',
          rejected: 1,
          examined: 3,
          unsatisfied: [{ constraint: 'node.labels.zone==a', satisfiedBy: 2 }],
        },
        { filter: 'host-ports', rejected: 2, examined: 2, ports: ['443/tcp'] },
      ]);
    });

    it('should give the constraint’s own error when it does not parse, and no rejections: no node was looked at', () => {
      expect(reasonFor(makeNodes(2), { constraints: ['node.labels.zone=a'] }, 2)).toBe(
        'invalid constraint "node.labels.zone=a": expected KEY==VALUE or KEY!=VALUE',
      );
      const changes = scheduleService(makeNodes(2), { constraints: ['node.labels.zone=a'] }, 1);
      expect(changes[0].task.status).not.toHaveProperty('rejections');
    });

    it('should keep the task pending, unassigned, with the reason stamped now', () => {
      const task = makeTask();
      const [change] = schedule(snapshotOf([], [], [task]));
      expect(change).toEqual({
        kind: 'update',
        task: {
          ...task,
          status: {
            ...task.status,
            message: 'no suitable node (no nodes in the cluster)',
            rejections: NO_NODES,
            timestamp: NOW,
          },
        },
      });
    });

    it('should write nothing when the task already says so', () => {
      const task = makeTask({ message: 'no suitable node (no nodes in the cluster)', rejections: NO_NODES });
      expect(schedule(snapshotOf([], [], [task]))).toEqual([]);
    });

    it('should write the rejections when only they are new, the words being the same', () => {
      const task = makeTask({ message: 'no suitable node (no nodes in the cluster)' });
      const changes = schedule(snapshotOf([], [], [task]));
      expect(changes.map(({ task }) => task.status.rejections)).toEqual([NO_NODES]);
    });

    it('should write the rejections when their counts changed, though the words did not', () => {
      const service = makeService({ id: 'web', maxReplicasPerNode: 1 });
      const message =
        'no suitable node (1 node not available for new tasks; max replicas per node (1) reached on 1 node)';
      const before: SchedulingRejection[] = [
        { filter: 'ready', rejected: 1, examined: 3 },
        { filter: 'max-replicas', rejected: 1, examined: 2, max: 1 },
      ];
      const task = makeTask({ service, slot: 2, message, rejections: before });
      const nodes = [makeNode({ id: 'n1', state: 'down' }), makeNode({ id: 'n2' })];
      const changes = schedule(snapshotOf(nodes, [service], [task, runningTask(service, 'n2')]));
      expect(reasons(changes)).toEqual({ 'web.2': message });
      expect(changes[0].task.status.rejections).toEqual([
        { filter: 'ready', rejected: 1, examined: 2 },
        { filter: 'max-replicas', rejected: 1, examined: 1, max: 1 },
      ]);
    });

    it('should write the new reason when it changed', () => {
      const task = makeTask({ message: 'no suitable node (no nodes in the cluster)' });
      const changes = schedule(snapshotOf([makeNode({ state: 'down' })], [], [task]));
      expect(reasons(changes)).toEqual({
        'svc-1.1': 'no suitable node (1 node not available for new tasks)',
      });
    });

    it('should give every task left over the same reason, and place the lowest slots', () => {
      const changes = scheduleService([makeNode()], { maxReplicasPerNode: 1 }, 3);
      expect(
        changes.filter(({ task }) => task.status.state === 'assigned').map(({ task }) => task.slot),
      ).toEqual([1]);
      expect(reasons(changes)).toEqual({
        'web.2': 'no suitable node (max replicas per node (1) reached on 1 node)',
        'web.3': 'no suitable node (max replicas per node (1) reached on 1 node)',
      });
    });
  });

  describe('tasks that come with their node (global services)', () => {
    const global = makeService({ id: 'agent', global: true, reservations: { memoryBytes: 6 * GiB } });
    const pinned = (nodeId: string) => makeTask({ service: global, slot: 0, nodeId });

    it('should place a task only on its own node, even when another is emptier', () => {
      const web = makeService({ id: 'web' });
      const tasks = [runningTask(web, 'node-1'), pinned('node-1')];
      const changes = schedule(snapshotOf(makeNodes(2), [global, web], tasks));
      expect(changes.map(({ task }) => [task.id, task.nodeId, task.status.state])).toEqual([
        ['agent.node-1', 'node-1', 'assigned'],
      ]);
    });

    it('should explain why its node cannot take it', () => {
      const changes = schedule(
        snapshotOf([makeNode({ state: 'down' }), makeNode({ id: 'node-2' })], [global], [pinned('node-1')]),
      );
      expect(reasons(changes)).toEqual({
        'agent.node-1': 'no suitable node (1 node not available for new tasks)',
      });
    });

    it('should say when its node is gone', () => {
      const changes = schedule(snapshotOf(makeNodes(1), [global], [pinned('node-9')]));
      expect(reasons(changes)).toEqual({
        'agent.node-9': 'no suitable node (node node-9 is not in the cluster)',
      });
      expect(changes[0].task.status.rejections).toEqual([
        { filter: 'node', nodeId: 'node-9', rejected: 0, examined: 0 },
      ]);
    });

    it('should place pinned tasks before the others fill their node', () => {
      const web = makeService({ id: 'web', reservations: { memoryBytes: 6 * GiB } });
      const changes = schedule(
        snapshotOf(makeNodes(1), [global, web], [...pendingTasks(web, 1), pinned('node-1')]),
      );
      expect(changes.map(({ task }) => [task.id, task.status.state])).toEqual([
        ['agent.node-1', 'assigned'],
        ['web.1', 'pending'],
      ]);
    });
  });

  describe('many tasks', () => {
    it('should place 10,000 tasks on 1,000 nodes evenly', () => {
      const changes = scheduleService(makeNodes(1000), { reservations: { nanoCpus: CPU / 100 } }, 10_000);
      const counts = Object.values(perNode(changes));
      expect(counts).toHaveLength(1000);
      expect(new Set(counts)).toEqual(new Set([10]));
    });
  });
});
