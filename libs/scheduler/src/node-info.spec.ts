import { NodeInfo } from './node-info';
import { NodeSet } from './node-set';
import { CPU, GiB, makeNode, makeService, makeSnapshot, makeTask, runningTask } from '@berth/cluster/testing';

describe(NodeInfo.name, () => {
  const web = makeService({ id: 'web', reservations: { nanoCpus: CPU, memoryBytes: GiB } });

  it('should start with all the node has and no tasks', () => {
    const info = new NodeInfo(makeNode({ id: 'n1', nanoCpus: 2 * CPU, memoryBytes: 4 * GiB }));
    expect(info.id).toBe('n1');
    expect(info.available).toEqual({ nanoCpus: 2 * CPU, memoryBytes: 4 * GiB });
    expect(info.liveTasks).toBe(0);
    expect(info.liveTasksOf('web')).toBe(0);
  });

  it('should take a task’s reservations, host ports and count', () => {
    const info = new NodeInfo(makeNode({ nanoCpus: 2 * CPU, memoryBytes: 4 * GiB }));
    info.add(runningTask(web, 'node-1'), ['80/tcp']);
    expect(info.available).toEqual({ nanoCpus: CPU, memoryBytes: 3 * GiB });
    expect(info.usesHostPort('80/tcp')).toBe(true);
    expect(info.usesHostPort('80/udp')).toBe(false);
    expect(info.liveTasks).toBe(1);
    expect(info.liveTasksOf('web')).toBe(1);
    expect(info.liveTasksOf('db')).toBe(0);
  });

  it('should hold the resources of a task being shut down but not count it for spread', () => {
    const info = new NodeInfo(makeNode({ nanoCpus: 2 * CPU, memoryBytes: 4 * GiB }));
    info.add(runningTask(web, 'node-1', 1, { desiredState: 'shutdown' }), []);
    expect(info.available).toEqual({ nanoCpus: CPU, memoryBytes: 3 * GiB });
    expect(info.liveTasks).toBe(0);
    expect(info.liveTasksOf('web')).toBe(0);
  });

  it('should not change the node it describes', () => {
    const node = makeNode();
    const before = structuredClone(node);
    new NodeInfo(node).add(runningTask(web, 'node-1'), []);
    expect(node).toEqual(before);
  });
});

describe(NodeSet.name, () => {
  const web = makeService({
    id: 'web',
    reservations: { memoryBytes: GiB },
    ports: [{ publishMode: 'host', publishedPort: 80 }],
  });

  function nodeSet(tasks = [runningTask(web, 'b')]) {
    const snapshot = makeSnapshot({
      nodes: [makeNode({ id: 'b' }), makeNode({ id: 'a' })],
      services: [web],
      tasks,
    });
    return NodeSet.from(snapshot);
  }

  it('should take the host ports a running task was made with, not the newer ones of its service', () => {
    const old = {
      ...runningTask(web, 'b'),
      endpoint: {
        mode: 'vip' as const,
        ports: [
          { protocol: 'tcp' as const, targetPort: 80, publishedPort: 8080, publishMode: 'host' as const },
        ],
      },
    };
    const set = nodeSet([old]);
    expect(set.get('b')?.usesHostPort('8080/tcp')).toBe(true);
    expect(set.get('b')?.usesHostPort('80/tcp')).toBe(false);
  });

  it('should hold every node in id order', () => {
    expect(nodeSet().all.map((info) => info.id)).toEqual(['a', 'b']);
    expect(nodeSet().get('a')?.id).toBe('a');
    expect(nodeSet().get('zz')).toBeUndefined();
  });

  it('should load each node with the tasks that occupy it, host ports included', () => {
    const set = nodeSet();
    expect(set.get('b')?.liveTasksOf('web')).toBe(1);
    expect(set.get('b')?.available.memoryBytes).toBe(7 * GiB);
    expect(set.get('b')?.usesHostPort('80/tcp')).toBe(true);
    expect(set.get('a')?.liveTasks).toBe(0);
  });

  it.each([
    ['pending on its node (not yet assigned)', makeTask({ service: web, nodeId: 'b', state: 'pending' })],
    ['finished', makeTask({ service: web, nodeId: 'b', state: 'complete' })],
    ['failed', makeTask({ service: web, nodeId: 'b', state: 'failed' })],
    ['on a node not in the snapshot', runningTask(web, 'gone')],
  ])('should not count a task %s', (_, task) => {
    const set = nodeSet([task]);
    expect(set.all.map((info) => info.liveTasks)).toEqual([0, 0]);
    expect(set.get('b')?.available.memoryBytes).toBe(8 * GiB);
  });

  it.each(['assigned', 'accepted', 'preparing', 'starting', 'running'] as const)(
    'should count a task %s on the node',
    (state) => {
      expect(nodeSet([makeTask({ service: web, nodeId: 'b', state })]).get('b')?.liveTasks).toBe(1);
    },
  );
});
