import type { Node, SchedulingRejection, Task } from '@berth/cluster';
import { ConstraintError, describeRejection } from '@berth/cluster';
import {
  ConstraintFilter,
  defaultFilters,
  HostPortFilter,
  MaxReplicasFilter,
  ReadyFilter,
  ResourceFilter,
  type Filter,
} from './filters';
import { HostPortIndex } from './host-ports';
import { NodeInfo } from './node-info';
import {
  CPU,
  GiB,
  makeNode,
  makeService,
  makeTask,
  runningTask,
  type ServiceOptions,
} from '@berth/cluster/testing';

/** The filter's verdict on each node, then its explanation, as the pipeline would ask for it. */
function run(
  filter: Filter,
  task: Task,
  infos: NodeInfo[],
): { passed: boolean[]; explanation: string; rejection: SchedulingRejection } {
  filter.setTask(task);
  const passed = infos.map((info) => filter.check(info));
  const rejected = passed.filter((ok) => !ok).length;
  const rejection = filter.explain(rejected, infos.length);
  return { passed, explanation: describeRejection(rejection), rejection };
}

function infos(...nodes: Node[]): NodeInfo[] {
  return nodes.map((node) => new NodeInfo(node));
}

function taskOf(options: ServiceOptions): Task {
  return makeTask({ service: makeService(options) });
}

describe(ReadyFilter.name, () => {
  const filter = new ReadyFilter();

  it('should apply to every task and not depend on load', () => {
    expect(filter.setTask()).toBe(true);
    expect(filter.dependsOnLoad).toBe(false);
  });

  it('should pass a ready, active node', () => {
    expect(run(filter, makeTask(), infos(makeNode())).passed).toEqual([true]);
  });

  it.each([
    ['down', makeNode({ state: 'down' })],
    ['disconnected', makeNode({ state: 'disconnected' })],
    ['unknown', makeNode({ state: 'unknown' })],
    ['paused', makeNode({ availability: 'pause' })],
    ['drained', makeNode({ availability: 'drain' })],
  ])('should refuse a node %s', (_, node) => {
    expect(run(filter, makeTask(), infos(node)).passed).toEqual([false]);
  });

  it.each([
    [1, '1 node not available for new tasks'],
    [2, '2 nodes not available for new tasks'],
  ])('should explain %p refused nodes', (rejected, text) => {
    expect(filter.explain(rejected, 3)).toEqual({ filter: 'ready', rejected, examined: 3 });
    expect(describeRejection(filter.explain(rejected, 3))).toBe(text);
  });
});

describe(ResourceFilter.name, () => {
  const filter = new ResourceFilter();
  const small = () => makeNode({ nanoCpus: 2 * CPU, memoryBytes: 2 * GiB });

  it('should apply only to a task that reserves something', () => {
    expect(filter.setTask(makeTask())).toBe(false);
    expect(filter.setTask(taskOf({ reservations: { memoryBytes: 1 } }))).toBe(true);
    expect(filter.setTask(taskOf({ reservations: { nanoCpus: 1 } }))).toBe(true);
    expect(filter.dependsOnLoad).toBe(true);
  });

  it('should pass a reservation that fits exactly', () => {
    const task = taskOf({ reservations: { nanoCpus: 2 * CPU, memoryBytes: 2 * GiB } });
    expect(run(filter, task, infos(small())).passed).toEqual([true]);
  });

  it('should subtract what the node’s tasks reserved', () => {
    const web = makeService({ id: 'web', reservations: { memoryBytes: 1.5 * GiB } });
    const [info] = infos(small());
    info.add(runningTask(web, info.id), []);
    const task = taskOf({ reservations: { memoryBytes: GiB } });
    expect(run(filter, task, [info])).toMatchObject({
      passed: [false],
      explanation: 'insufficient memory on 1 node',
    });
  });

  it('should always fit a task that reserves nothing, even on an overcommitted node', () => {
    const web = makeService({ id: 'web', reservations: { memoryBytes: 3 * GiB } });
    const [info] = infos(small());
    info.add(runningTask(web, info.id), []);
    expect(run(filter, taskOf({ reservations: { nanoCpus: CPU } }), [info]).passed).toEqual([true]);
  });

  it.each([
    [{ memoryBytes: 3 * GiB }, 'insufficient memory on 3 nodes'],
    [{ nanoCpus: 3 * CPU }, 'insufficient CPU on 3 nodes'],
    [{ nanoCpus: 3 * CPU, memoryBytes: 3 * GiB }, 'insufficient CPU and memory on 3 nodes'],
  ])('should name what is short (%p)', (reservations, text) => {
    const result = run(filter, taskOf({ reservations }), infos(small(), small(), small()));
    expect(result).toMatchObject({ passed: [false, false, false], explanation: text });
  });

  it('should count each resource apart when nodes are short of different ones', () => {
    const nodes = infos(
      makeNode({ nanoCpus: CPU, memoryBytes: 8 * GiB }),
      makeNode({ nanoCpus: 8 * CPU, memoryBytes: GiB }),
      makeNode({ nanoCpus: CPU, memoryBytes: GiB }),
    );
    const result = run(filter, taskOf({ reservations: { nanoCpus: 2 * CPU, memoryBytes: 2 * GiB } }), nodes);
    expect(result.rejection).toEqual({
      filter: 'resources',
      rejected: 3,
      examined: 3,
      shortOfCpu: 2,
      shortOfMemory: 2,
    });
    expect(result.explanation).toBe('insufficient CPU on 2 nodes, memory on 2 nodes');
  });

  it('should say node, not nodes, for one', () => {
    const result = run(filter, taskOf({ reservations: { nanoCpus: 3 * CPU } }), infos(small()));
    expect(result.explanation).toBe('insufficient CPU on 1 node');
  });

  it('should forget the previous task’s shortfalls', () => {
    run(filter, taskOf({ reservations: { nanoCpus: 3 * CPU } }), infos(small()));
    const result = run(filter, taskOf({ reservations: { memoryBytes: 3 * GiB } }), infos(small()));
    expect(result.explanation).toBe('insufficient memory on 1 node');
  });
});

describe(ConstraintFilter.name, () => {
  const filter = new ConstraintFilter();
  const zones = () =>
    infos(
      makeNode({ id: 'a1', labels: { zone: 'a' } }),
      makeNode({ id: 'a2', labels: { zone: 'a' }, role: 'manager' }),
      makeNode({ id: 'b1', labels: { zone: 'b' } }),
    );

  it('should apply only to a task with constraints', () => {
    expect(filter.setTask(makeTask())).toBe(false);
    expect(filter.setTask(taskOf({ constraints: ['node.role==worker'] }))).toBe(true);
    expect(filter.dependsOnLoad).toBe(false);
  });

  it('should pass the nodes that satisfy every constraint', () => {
    const task = taskOf({ constraints: ['node.labels.zone==a', 'node.role==worker'] });
    expect(run(filter, task, zones()).passed).toEqual([true, false, false]);
  });

  it('should name the failing constraint and how many nodes satisfy it', () => {
    const result = run(filter, taskOf({ constraints: ['node.labels.zone==c'] }), zones());
    expect(result.explanation).toBe('constraint node.labels.zone==c: 0 of 3 nodes');
  });

  it('should name only the constraints some node failed', () => {
    const task = taskOf({
      constraints: ['node.labels.zone!=c', 'node.labels.zone==b', 'node.role==manager'],
    });
    expect(run(filter, task, zones())).toEqual({
      passed: [false, false, false],
      explanation:
        'constraint node.labels.zone==b: 1 of 3 nodes, constraint node.role==manager: 1 of 3 nodes',
      rejection: {
        filter: 'constraints',
        rejected: 3,
        examined: 3,
        unsatisfied: [
          { constraint: 'node.labels.zone==b', satisfiedBy: 1 },
          { constraint: 'node.role==manager', satisfiedBy: 1 },
        ],
      },
    });
  });

  it('should say node, not nodes, for one', () => {
    const result = run(filter, taskOf({ constraints: ['node.labels.zone==c'] }), infos(makeNode()));
    expect(result.explanation).toBe('constraint node.labels.zone==c: 0 of 1 node');
  });

  it('should refuse a task whose constraint does not parse', () => {
    expect(() => filter.setTask(taskOf({ constraints: ['zone=a'] }))).toThrow(ConstraintError);
  });
});

describe(HostPortFilter.name, () => {
  const web = makeService({
    id: 'web',
    ports: [
      { publishMode: 'host', publishedPort: 80 },
      { publishMode: 'host', publishedPort: 443 },
    ],
  });
  const dns = makeService({
    id: 'dns',
    ports: [{ publishMode: 'host', publishedPort: 53, protocol: 'udp' }],
  });
  const proxy = makeService({ id: 'proxy', ports: [{ publishMode: 'host', publishedPort: 80 }] });
  const filter = new HostPortFilter(new HostPortIndex([web, dns, proxy]));

  function nodeRunning(...services: (typeof web)[]): NodeInfo {
    const info = new NodeInfo(makeNode());
    for (const service of services)
      info.add(runningTask(service, info.id), new HostPortIndex([service]).of(service.id));
    return info;
  }

  it('should apply only to a task with host-mode published ports', () => {
    expect(filter.setTask(makeTask({ service: web }))).toBe(true);
    expect(filter.setTask(makeTask({ service: makeService({ id: 'plain' }) }))).toBe(false);
    expect(filter.dependsOnLoad).toBe(true);
  });

  it('should pass a node where the ports are free, whatever other ports are used', () => {
    expect(run(filter, makeTask({ service: web }), [nodeRunning(), nodeRunning(dns)]).passed).toEqual([
      true,
      true,
    ]);
  });

  it('should refuse a node where another task holds the same port and protocol', () => {
    const result = run(filter, makeTask({ service: web }), [nodeRunning(proxy), nodeRunning()]);
    expect(result).toEqual({
      passed: [false, true],
      explanation: 'host port 80/tcp already in use on 1 node',
      rejection: { filter: 'host-ports', rejected: 1, examined: 2, ports: ['80/tcp'] },
    });
  });

  it('should name every port in use, in the service’s order', () => {
    const result = run(filter, makeTask({ service: web }), [nodeRunning(proxy), nodeRunning(web)]);
    expect(result.explanation).toBe('host ports 80/tcp, 443/tcp already in use on 2 nodes');
  });

  it('should not confuse protocols', () => {
    const udp = makeService({
      id: 'udp80',
      ports: [{ publishMode: 'host', publishedPort: 80, protocol: 'udp' }],
    });
    const filterWithUdp = new HostPortFilter(new HostPortIndex([udp]));
    expect(run(filterWithUdp, makeTask({ service: udp }), [nodeRunning(proxy)]).passed).toEqual([true]);
  });
});

describe(MaxReplicasFilter.name, () => {
  const filter = new MaxReplicasFilter();
  const limited = makeService({ id: 'web', maxReplicasPerNode: 2 });

  function nodeWith(count: number, service = limited): NodeInfo {
    const info = new NodeInfo(makeNode());
    for (let slot = 1; slot <= count; slot++) info.add(runningTask(service, info.id, slot), []);
    return info;
  }

  it('should apply only to a service with a limit', () => {
    expect(filter.setTask(makeTask({ service: limited }))).toBe(true);
    expect(filter.setTask(makeTask())).toBe(false);
    expect(filter.dependsOnLoad).toBe(true);
  });

  it('should refuse a node that has the maximum of the service’s live tasks', () => {
    const result = run(filter, makeTask({ service: limited }), [nodeWith(1), nodeWith(2), nodeWith(3)]);
    expect(result).toEqual({
      passed: [true, false, false],
      explanation: 'max replicas per node (2) reached on 2 nodes',
      rejection: { filter: 'max-replicas', rejected: 2, examined: 3, max: 2 },
    });
  });

  it('should count only the service’s own tasks', () => {
    const other = makeService({ id: 'other' });
    expect(run(filter, makeTask({ service: limited }), [nodeWith(5, other)]).passed).toEqual([true]);
  });

  it('should say node, not nodes, for one', () => {
    expect(run(filter, makeTask({ service: limited }), [nodeWith(2)]).explanation).toBe(
      'max replicas per node (2) reached on 1 node',
    );
  });
});

describe('defaultFilters', () => {
  it('should run in swarmkit’s order', () => {
    expect(defaultFilters(new HostPortIndex([])).map((filter) => filter.constructor.name)).toEqual([
      'ReadyFilter',
      'ResourceFilter',
      'ConstraintFilter',
      'HostPortFilter',
      'MaxReplicasFilter',
    ]);
  });
});
