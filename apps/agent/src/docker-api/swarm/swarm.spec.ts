import { dockerNode, dockerService, dockerTask, type ClusterView, type Service } from '@berth/cluster';
import { makeNode, makeService, makeTask } from '@berth/cluster/testing';
import { DockerFilters } from '../docker-filters';
import { FilterError } from '../docker-views';
import { demux } from '../stream-frames';
import { NO_SWARM, NOT_MANAGER, swarmRefusal } from './not-a-manager';
import { logFrames, rfc3339Nano, tailOf } from './service-logs';
import {
  FILE_FILTERS,
  fileMatches,
  NODE_FILTERS,
  nodeMatches,
  SERVICE_FILTERS,
  serviceMatches,
  TASK_FILTERS,
  taskMatches,
} from './swarm-filters';
import { swarmInfo } from './swarm-info';

const filters = (json: object, accepted: readonly string[]) =>
  DockerFilters.parse(JSON.stringify(json), accepted);

describe(swarmRefusal.name, () => {
  it("should refuse as dockerd does on an engine in no swarm, and on a worker's", () => {
    expect(swarmRefusal(null, true, '/run/berth/manager.sock')).toBe(NO_SWARM);
    expect(swarmRefusal('worker', true, '/run/berth/manager.sock')).toBe(NOT_MANAGER);
    expect(NO_SWARM).toContain('Use "docker swarm init" or "docker swarm join"');
    expect(NOT_MANAGER).toContain("Worker nodes can't be used to view or modify cluster state.");
  });

  it('should forward on a manager whose manager answers, and name the socket when it does not', () => {
    expect(swarmRefusal('manager', true, '/m.sock')).toBeNull();
    expect(swarmRefusal('manager', false, '/m.sock')).toContain('/m.sock');
    // what the membership says decides first: a worker is refused whether or not a manager answers
    expect(swarmRefusal('worker', false, '/m.sock')).toBe(NOT_MANAGER);
  });
});

describe('swarm filters', () => {
  const w1 = dockerNode(
    makeNode({ id: 'abc1', hostname: 'w1', labels: { zone: 'a' }, engineLabels: { disk: 'ssd' } }),
  );
  const m1 = dockerNode(makeNode({ id: 'def2', hostname: 'm1', role: 'manager' }));

  it("should match nodes by id and name prefix, role, and node or engine labels, as swarmkit's", () => {
    const names = (f: object) =>
      [w1, m1].filter((n) => nodeMatches(n, filters(f, NODE_FILTERS))).map((n) => n.Description.Hostname);
    expect(names({})).toEqual(['w1', 'm1']);
    expect(names({ id: ['ab'] })).toEqual(['w1']);
    expect(names({ name: ['m'] })).toEqual(['m1']);
    expect(names({ role: ['manager'] })).toEqual(['m1']);
    expect(names({ 'node.label': ['zone=a'] })).toEqual(['w1']);
    expect(names({ label: ['disk'] })).toEqual(['w1']);
    expect(names({ membership: ['pending'] })).toEqual([]);
    expect(() => names({ role: ['boss'] })).toThrow(FilterError);
    expect(() => names({ colour: ['red'] })).toThrow("invalid filter 'colour'");
  });

  const labelled = (name: string, labels: Record<string, string>, global = false): Service => {
    const s = makeService({ id: `id-${name}`, name, global });
    return { ...s, spec: { ...s.spec, labels } };
  };
  const web = labelled('vote_web', { 'com.docker.stack.namespace': 'vote' });
  const agent = labelled('agent', {}, true);

  it('should match services by name prefix, mode and the labels a stack puts on them', () => {
    const names = (f: object) =>
      [web, agent]
        .map((s) => dockerService(s))
        .filter((s) => serviceMatches(s, filters(f, SERVICE_FILTERS)))
        .map((s) => s.Spec.Name);
    expect(names({ label: { 'com.docker.stack.namespace=vote': true } })).toEqual(['vote_web']);
    expect(names({ label: { 'com.docker.stack.namespace': true } })).toEqual(['vote_web']);
    expect(names({ mode: ['global'] })).toEqual(['agent']);
    expect(names({ name: ['vote'] })).toEqual(['vote_web']);
    expect(names({ id: ['id-a'] })).toEqual(['agent']);
  });

  it("should match tasks by their service's labels (what `stack ps` asks), service and node by id or name, desired state", () => {
    const nodes = new Map([
      ['abc1', w1],
      ['def2', m1],
    ]);
    const services = new Map([
      [web.id, dockerService(web)],
      [agent.id, dockerService(agent)],
    ]);
    const t1 = dockerTask(makeTask({ id: 't1', service: web, slot: 1, nodeId: 'abc1' }));
    const t2 = dockerTask(
      makeTask({ id: 't2', service: agent, nodeId: 'def2', state: 'shutdown', desiredState: 'shutdown' }),
    );
    const ids = (f: object) =>
      [t1, t2].filter((t) => taskMatches(t, filters(f, TASK_FILTERS), { nodes, services })).map((t) => t.ID);
    expect(ids({ label: { 'com.docker.stack.namespace=vote': true } })).toEqual(['t1']);
    expect(ids({ service: ['vote_web'] })).toEqual(['t1']);
    expect(ids({ service: ['id-agent'] })).toEqual(['t2']);
    expect(ids({ node: ['m1'] })).toEqual(['t2']);
    expect(ids({ node: ['abc1'] })).toEqual(['t1']);
    expect(ids({ 'desired-state': ['running'] })).toEqual(['t1']);
    expect(ids({ name: ['vote_web.1'] })).toEqual(['t1']);
  });

  it('should match secrets and configs by name prefix, exact names, id and label', () => {
    const o = {
      ID: 'sec1',
      Version: { Index: 1 },
      CreatedAt: '',
      UpdatedAt: '',
      Spec: { Name: 'vote_db', Labels: { 'com.docker.stack.namespace': 'vote' } },
    };
    const matches = (f: object) => fileMatches(o, filters(f, FILE_FILTERS));
    expect(matches({ name: ['vote'] })).toBe(true);
    expect(matches({ names: ['vote'] })).toBe(false);
    expect(matches({ names: ['vote_db'] })).toBe(true);
    expect(matches({ label: ['com.docker.stack.namespace=other'] })).toBe(false);
    expect(matches({ id: ['sec'] })).toBe(true);
  });
});

describe(swarmInfo.name, () => {
  const cluster: ClusterView = {
    id: 'cluster1',
    meta: { version: 2, createdAt: 0, updatedAt: 0 },
    settings: { heartbeatGraceMs: 3000, taskHistoryLimit: 5 },
    ca: { certPem: 'PEM' },
    joinTokens: { worker: 'w', manager: 'm' },
  };
  const manager = {
    ...makeNode({ id: 'n1', role: 'manager' }),
    managerStatus: { leader: true, reachability: 'reachable' as const, addr: '10.0.0.1:7380' },
  };
  const worker = makeNode({ id: 'n2' });

  it('should say inactive outside a cluster', () => {
    expect(swarmInfo(null, null)).toMatchObject({
      LocalNodeState: 'inactive',
      ControlAvailable: false,
      NodeID: '',
    });
  });

  it('should give control on a manager whose manager answered, with the cluster, its nodes and managers', () => {
    const info = swarmInfo(
      { nodeId: 'n1', role: 'manager', clusterId: cluster.id, managerAddr: '10.0.0.1:7380' },
      { cluster, nodes: [manager, worker] },
    );
    expect(info).toMatchObject({
      NodeID: 'n1',
      NodeAddr: manager.status.addr,
      LocalNodeState: 'active',
      ControlAvailable: true,
      Nodes: 2,
      Managers: 1,
      RemoteManagers: [{ NodeID: 'n1', Addr: '10.0.0.1:7380' }],
      Cluster: { ID: cluster.id },
    });
    expect((info as { Cluster?: object }).Cluster).not.toHaveProperty('JoinTokens');
  });

  it('should give no control on a worker, nor on a manager whose manager did not answer', () => {
    const membership = {
      nodeId: 'n2',
      clusterId: 'c',
      managerAddr: '10.0.0.1:7380',
      managers: ['10.0.0.1:7380'],
    };
    expect(swarmInfo({ ...membership, role: 'worker' }, null)).toMatchObject({
      LocalNodeState: 'active',
      ControlAvailable: false,
      RemoteManagers: [{ NodeID: '', Addr: '10.0.0.1:7380' }],
    });
    expect(swarmInfo({ ...membership, role: 'manager' }, { error: 'no answer' })).toMatchObject({
      ControlAvailable: false,
      Error: 'no answer',
    });
  });
});

describe(logFrames.name, () => {
  const record = {
    taskId: 't1',
    nodeId: 'n1',
    serviceId: 's1',
    stream: 2,
    timeUnixNano: 1_700_000_000_123_456_789n,
    data: Buffer.from('one\ntwo'),
  };

  it("should frame each line after the details `docker service logs` reads a task's name from", () => {
    const { frames, rest } = demux(Buffer.concat(logFrames(record, { timestamps: false, details: true })));
    expect(rest.length).toBe(0);
    expect(frames.map((f) => [f.stream, f.data.toString()])).toEqual([
      [2, 'com.docker.swarm.node.id=n1,com.docker.swarm.service.id=s1,com.docker.swarm.task.id=t1 one\n'],
      [2, 'com.docker.swarm.node.id=n1,com.docker.swarm.service.id=s1,com.docker.swarm.task.id=t1 two\n'],
    ]);
  });

  it('should put the time first with timestamps, as Go writes RFC3339Nano', () => {
    const [frame] = demux(
      Buffer.concat(logFrames({ ...record, data: Buffer.from('x\n') }, { timestamps: true, details: true })),
    ).frames;
    expect(frame.data.toString()).toMatch(
      /^2023-11-14T22:13:20\.123456789Z com\.docker\.swarm\.node\.id=n1,/,
    );
    expect(rfc3339Nano(1_700_000_000_000_000_000n)).toBe('2023-11-14T22:13:20Z');
    expect(rfc3339Nano(1_700_000_000_100_000_000n)).toBe('2023-11-14T22:13:20.1Z');
  });

  it('should send the bare line without details (`docker service logs --raw`)', () => {
    const [frame] = demux(Buffer.concat(logFrames(record, { timestamps: false, details: false }))).frames;
    expect(frame.data.toString()).toBe('one\n');
  });

  it("should read Docker's tail", () => {
    expect([tailOf(undefined), tailOf('all'), tailOf('10'), tailOf('x')]).toEqual([-1, -1, 10, -1]);
  });
});
