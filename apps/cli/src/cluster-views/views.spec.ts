import type { Node, SchedulingRejection, Service, Task, TaskState } from '@berth/cluster';
import { makeNode, makeService, makeTask } from '@berth/cluster/testing';
import {
  nodeRow,
  portsColumn,
  replicasColumn,
  sameRunningTasks,
  serviceRow,
  stateWord,
  taskRows,
} from './views';

const NOW = 1_700_000_000_000;

interface TaskFields {
  service?: Service;
  slot?: number;
  nodeId?: string;
  state?: TaskState;
  desiredState?: TaskState;
  createdAt?: number;
  /** the status timestamp */
  at?: number;
  message?: string;
  rejections?: SchedulingRejection[];
  err?: string;
}

function task(id: string, fields: TaskFields = {}): Task {
  const made = makeTask({
    id,
    service: fields.service ?? web,
    slot: fields.slot ?? 1,
    nodeId: fields.nodeId ?? 'node-1',
    state: fields.state ?? 'running',
    desiredState: fields.desiredState ?? 'running',
    message: fields.message ?? '',
    rejections: fields.rejections,
  });
  return {
    ...made,
    meta: { ...made.meta, createdAt: fields.createdAt ?? 0 },
    status: { ...made.status, timestamp: fields.at ?? NOW, err: fields.err ?? '' },
  };
}

const web = makeService({ id: 'svc-web-0123456789abcdef', name: 'web', image: 'nginx:1', replicas: 3 });
const agent = makeService({ id: 'svc-agent', name: 'agent', image: 'agent:2', global: true });
const nodes = new Map<string, Node>([
  ['node-1', makeNode({ id: 'node-1', hostname: 'alpha' })],
  ['node-2', makeNode({ id: 'node-2', hostname: 'beta' })],
]);

describe('views', () => {
  describe(stateWord.name, () => {
    it('should capitalise every task state as Docker prints it', () => {
      expect(stateWord('running')).toBe('Running');
      expect(stateWord('pending')).toBe('Pending');
      expect(stateWord('orphaned')).toBe('Orphaned');
    });
  });

  describe(replicasColumn.name, () => {
    it('should count running tasks that are still wanted against the replicas asked for', () => {
      const tasks = [
        task('a', { slot: 1 }),
        task('b', { slot: 2, state: 'starting' }),
        task('c', { slot: 3, state: 'running', desiredState: 'shutdown' }),
      ];
      expect(replicasColumn(web, tasks)).toBe('1/3');
    });

    it("should ignore other services' tasks", () => {
      expect(replicasColumn(web, [task('a', { service: agent, slot: 0 }), task('b')])).toBe('1/3');
    });

    it('should count a global service against the tasks it wants running', () => {
      const tasks = [
        task('a', { service: agent, slot: 0, nodeId: 'node-1' }),
        task('b', { service: agent, slot: 0, nodeId: 'node-2', state: 'preparing' }),
        task('c', { service: agent, slot: 0, nodeId: 'node-3', state: 'failed', desiredState: 'shutdown' }),
      ];
      expect(replicasColumn(agent, tasks)).toBe('1/2');
    });

    it('should show 0/N for a service without tasks', () => {
      expect(replicasColumn(web, [])).toBe('0/3');
      expect(replicasColumn(agent, [])).toBe('0/0');
    });
  });

  describe(portsColumn.name, () => {
    it('should list published ports as *:PUBLISHED->TARGET/PROTOCOL', () => {
      const service = makeService({
        ports: [
          { publishedPort: 8080, targetPort: 80 },
          { publishedPort: 5353, targetPort: 53, protocol: 'udp', publishMode: 'host' },
        ],
      });
      expect(portsColumn(service)).toBe('*:8080->80/tcp, *:5353->53/udp');
    });

    it('should be empty without ports', () => {
      expect(portsColumn(web)).toBe('');
    });

    it('should leave the published port out when none was chosen', () => {
      expect(portsColumn(makeService({ ports: [{ publishedPort: 0, targetPort: 80 }] }))).toBe('*:->80/tcp');
    });
  });

  describe(serviceRow.name, () => {
    it("should show a replicated service's short id, name, mode, replicas, image and ports", () => {
      expect(serviceRow(web, { RunningTasks: 1, DesiredTasks: 3 })).toEqual({
        ID: 'svc-web-0123',
        Name: 'web',
        Mode: 'replicated',
        Replicas: '1/3',
        Image: 'nginx:1',
        Ports: '',
      });
    });

    it('should show a global service as global', () => {
      expect(serviceRow(agent, { RunningTasks: 0, DesiredTasks: 0 })).toMatchObject({
        ID: 'svc-agent',
        Mode: 'global',
        Replicas: '0/0',
      });
    });
  });

  describe(taskRows.name, () => {
    it("should show a task's id, slot name, image, node, desired and current state", () => {
      const rows = taskRows([task('0123456789abcdefghij', { at: NOW - 5_000 })], nodes, NOW);
      expect(rows).toEqual([
        {
          ID: '0123456789ab',
          Name: 'web.1',
          Image: 'nginx:1',
          Node: 'alpha',
          DesiredState: 'Running',
          CurrentState: 'Running 5 seconds ago',
          Error: '',
          Addresses: '',
        },
      ]);
    });

    it('should word the current state with its age', () => {
      const ages = [
        [NOW, 'Less than a second ago'],
        [NOW - 1_000, '1 second ago'],
        [NOW - 90_000, 'About a minute ago'],
        [NOW - 3 * 3600_000, '3 hours ago'],
        [NOW + 60_000, 'Less than a second ago'],
      ] as const;
      for (const [at, words] of ages)
        expect(taskRows([task('a', { state: 'preparing', at })], nodes, NOW)[0].CurrentState).toBe(
          `Preparing ${words}`,
        );
    });

    it('should order by service name, then slot, then newest first, marking older tasks of a slot', () => {
      const tasks = [
        task('w2-old', { slot: 2, createdAt: 100, state: 'failed', desiredState: 'shutdown' }),
        task('w1', { slot: 1, createdAt: 300 }),
        task('w2-new', { slot: 2, createdAt: 500 }),
        task('w2-mid', { slot: 2, createdAt: 300, state: 'shutdown', desiredState: 'shutdown' }),
        task('w10', { slot: 10, createdAt: 0 }),
        task('ag-2', { service: agent, slot: 0, nodeId: 'node-2', createdAt: 300 }),
        task('ag-1', { service: agent, slot: 0, nodeId: 'node-1', createdAt: 200 }),
        task('ag-1-old', { service: agent, slot: 0, nodeId: 'node-1', createdAt: 100, state: 'failed' }),
      ];
      expect(taskRows(tasks, nodes, NOW).map((r) => [r.ID, r.Name])).toEqual([
        ['ag-1', 'agent.node-1'],
        ['ag-1-old', ' \\_ agent.node-1'],
        ['ag-2', 'agent.node-2'],
        ['w1', 'web.1'],
        ['w2-new', 'web.2'],
        ['w2-mid', ' \\_ web.2'],
        ['w2-old', ' \\_ web.2'],
        ['w10', 'web.10'],
      ]);
    });

    it('should not change the order of the tasks it was given', () => {
      const tasks = [task('b', { slot: 2 }), task('a', { slot: 1 })];
      taskRows(tasks, nodes, NOW);
      expect(tasks.map((t) => t.id)).toEqual(['b', 'a']);
    });

    it('should leave the node empty for a task not placed or on a node it does not know', () => {
      const rows = taskRows(
        [task('a', { nodeId: '', state: 'pending' }), task('b', { slot: 2, nodeId: 'gone' })],
        nodes,
        NOW,
      );
      expect(rows.map((r) => r.Node)).toEqual(['', '']);
    });

    it('should show why a task failed in the Error column', () => {
      const rows = taskRows([task('a', { state: 'failed', err: 'task: non-zero exit (1)' })], nodes, NOW);
      expect(rows[0]).toMatchObject({
        CurrentState: 'Failed Less than a second ago',
        Error: 'task: non-zero exit (1)',
      });
    });

    it('should show why a pending task has no node, in words made from the scheduler’s rejections', () => {
      const rejections: SchedulingRejection[] = [{ filter: 'ready', rejected: 1, examined: 2 }];
      const rows = taskRows([task('a', { nodeId: '', state: 'pending', rejections })], nodes, NOW);
      expect(rows[0].Error).toBe('no suitable node (1 node not available for new tasks)');
    });

    it('should not show other messages as errors, nor rejections of a task no longer pending', () => {
      const rows = taskRows(
        [
          task('a', { state: 'pending', nodeId: '', message: 'waiting' }),
          task('b', {
            slot: 2,
            state: 'running',
            rejections: [{ filter: 'nodes', rejected: 0, examined: 0 }],
          }),
          task('c', { slot: 3, state: 'pending', nodeId: '', message: 'no suitable node (words alone)' }),
        ],
        nodes,
        NOW,
      );
      expect(rows.map((r) => r.Error)).toEqual(['', '', '']);
    });

    it('should cut errors longer than 60 characters to 57 and an ellipsis', () => {
      const long = 'x'.repeat(61);
      const exact = 'y'.repeat(60);
      const rows = taskRows(
        [task('a', { state: 'failed', err: long }), task('b', { slot: 2, state: 'failed', err: exact })],
        nodes,
        NOW,
      );
      expect(rows.map((r) => r.Error)).toEqual([`${'x'.repeat(57)}...`, exact]);
    });

    it('should show full ids and errors with noTrunc', () => {
      const id = 'f'.repeat(25);
      const err = 'e'.repeat(80);
      const [row] = taskRows([task(id, { state: 'failed', err })], nodes, NOW, { noTrunc: true });
      expect(row).toMatchObject({ ID: id, Error: err });
    });
  });

  describe(nodeRow.name, () => {
    it("should show a worker's id, hostname, status, availability and engine version", () => {
      expect(nodeRow(makeNode({ id: 'n1', hostname: 'alpha', availability: 'drain' }))).toEqual({
        ID: 'n1',
        Hostname: 'alpha',
        Status: 'Ready',
        Availability: 'Drain',
        ManagerStatus: '',
        EngineVersion: '0.1.0',
      });
    });

    it.each([
      ['ready', 'Ready'],
      ['down', 'Down'],
      ['disconnected', 'Disconnected'],
      ['unknown', 'Unknown'],
    ] as const)('should word the node state %s as %s', (state, word) => {
      expect(nodeRow(makeNode({ state })).Status).toBe(word);
    });

    it.each([
      ['active', 'Active'],
      ['pause', 'Pause'],
      ['drain', 'Drain'],
    ] as const)('should word the availability %s as %s', (availability, word) => {
      expect(nodeRow(makeNode({ availability })).Availability).toBe(word);
    });

    it('should say Leader, Reachable or Unreachable for a manager as the managers report it', () => {
      const manager = (managerStatus?: Node['managerStatus']) => ({
        ...makeNode({ role: 'manager' }),
        managerStatus,
      });
      expect(nodeRow(manager({ leader: true, reachability: 'reachable', addr: 'a:1' })).ManagerStatus).toBe(
        'Leader',
      );
      expect(nodeRow(manager({ leader: false, reachability: 'reachable', addr: 'a:1' })).ManagerStatus).toBe(
        'Reachable',
      );
      expect(nodeRow(manager({ leader: false, reachability: 'unreachable', addr: '' })).ManagerStatus).toBe(
        'Unreachable',
      );
      expect(nodeRow(manager(undefined)).ManagerStatus).toBe('Unreachable');
      expect(nodeRow(makeNode({ role: 'worker' })).ManagerStatus).toBe('');
    });
  });
});

describe(sameRunningTasks.name, () => {
  const running = (id: string) => makeTask({ id, state: 'running' });
  const ended = (id: string) => ({
    ...makeTask({ id, state: 'complete' }),
    desiredState: 'shutdown' as const,
  });

  it('should hold when the same tasks run at both looks, whatever else ended before', () => {
    expect(sameRunningTasks([running('a'), running('b')], [running('b'), running('a'), ended('x')])).toBe(
      true,
    );
  });

  it('should not hold when a task ended meanwhile, or was replaced by another that runs', () => {
    expect(sameRunningTasks([running('a')], [ended('a')])).toBe(false);
    expect(sameRunningTasks([running('a')], [ended('a'), running('b')])).toBe(false);
  });
});
