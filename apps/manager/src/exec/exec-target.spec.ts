import { makeNode, makeService, makeTask, runningTask } from '@berth/cluster/testing';
import { ExecTargetError, resolveExecTarget, type ExecObjects } from './exec-target';

const web = makeService({ id: 'svc-web-1', name: 'web', replicas: 3 });
const db = makeService({ id: 'svc-db-1', name: 'db' });
const m1 = makeNode({ id: 'node-1', hostname: 'm1' });
const m2 = makeNode({ id: 'node-2', hostname: 'm2' });
const down = makeNode({ id: 'node-3', hostname: 'm3', state: 'down' });

const web1 = runningTask(web, 'node-2', 1, { id: 'task-aa1' });
const web2 = runningTask(web, 'node-1', 2, { id: 'task-ab2' });
const web3ended = makeTask({
  service: web,
  slot: 3,
  nodeId: 'node-1',
  id: 'task-b03',
  state: 'failed',
  desiredState: 'shutdown',
  createdAt: 1,
});
const web3 = runningTask(web, 'node-3', 3, { id: 'task-c03', createdAt: 2 });
const dbEnded = makeTask({ service: db, slot: 1, nodeId: 'node-1', id: 'dbtask-1', state: 'complete' });

const objects: ExecObjects = {
  services: [web, db],
  tasks: [web3, web2, web1, web3ended, dbEnded],
  nodes: [m1, m2, down],
};

function resolved(target: string, slot = 0, within = objects): string {
  const { task, node, name } = resolveExecTarget({ target, slot }, within);
  return `${name} ${task.id} ${node.description.hostname}`;
}

function problem(target: string, slot = 0, within = objects): [string, string] {
  try {
    resolveExecTarget({ target, slot }, within);
  } catch (error) {
    if (error instanceof ExecTargetError) return [error.problem, error.message];
    throw error;
  }
  throw new Error(`${target} resolved`);
}

describe(resolveExecTarget.name, () => {
  describe('a service', () => {
    it('should pick the running task of the lowest slot, by name, id or id prefix', () => {
      expect(resolved('web')).toBe('web.1 task-aa1 m2');
      expect(resolved('svc-web-1')).toBe('web.1 task-aa1 m2');
      expect(resolved('svc-w')).toBe('web.1 task-aa1 m2');
    });

    it("should pick --slot N's running task", () => {
      expect(resolved('web', 2)).toBe('web.2 task-ab2 m1');
    });

    it('should pass over tasks on nodes that are down when another runs', () => {
      const onlyUpLater = { ...objects, tasks: [web3, web2] };
      expect(resolved('web', 0, { ...onlyUpLater, nodes: [m1, down] })).toBe('web.2 task-ab2 m1');
    });

    it('should say the node is down when every running task is on one that is', () => {
      expect(problem('web', 3)).toEqual(['node-down', expect.stringContaining('m3 (node-3), which is down')]);
    });

    it('should say there is no running task, and where to look', () => {
      expect(problem('db')).toEqual([
        'not-running',
        'service db has no running task: see `berth service ps db` and wait for one to start',
      ]);
      expect(problem('web', 7)).toEqual([
        'not-running',
        'slot 7 of service web has no running task: see `berth service ps web`',
      ]);
    });
  });

  describe('a task', () => {
    it('should take a full id, a unique id prefix or the name `service ps` shows', () => {
      expect(resolved('task-ab2')).toBe('web.2 task-ab2 m1');
      expect(resolved('task-aa')).toBe('web.1 task-aa1 m2');
      expect(resolved('web.2')).toBe('web.2 task-ab2 m1');
      expect(resolved('web.1.task-aa1')).toBe('web.1 task-aa1 m2');
    });

    it("should take a global service's task by its node", () => {
      const agent = makeService({ id: 'svc-agent', name: 'agent', global: true });
      const onM2 = runningTask(agent, 'node-2', 0, { id: 'task-g2' });
      expect(resolved('agent.node-2', 0, { ...objects, services: [agent], tasks: [onM2] })).toBe(
        'agent.node-2 task-g2 m2',
      );
    });

    it('should refuse a prefix of several ids, naming them', () => {
      expect(problem('task-a')).toEqual([
        'ambiguous',
        'task-a is the start of 2 ids (task web.2 task-ab2, task web.1 task-aa1): give more of the id',
      ]);
      expect(problem('svc-')).toEqual([
        'ambiguous',
        'svc- is the start of 2 ids (service web svc-web-1, service db svc-db-1): give more of the id',
      ]);
      const many = Array.from({ length: 6 }, (_, i) => runningTask(web, 'node-1', i + 1, { id: `t-${i}` }));
      expect(problem('t-', 0, { ...objects, tasks: many })[1]).toMatch(
        /^t- is the start of 6 ids \((task web\.\d t-\d, ){3}task web\.4 t-3, …\)/,
      );
    });

    it('should refuse a task that is not running, saying its state', () => {
      expect(problem('task-b03')).toEqual([
        'not-running',
        'task web.3 (task-b03) is not running (it is failed, wanted shutdown): exec into a running task, see `berth service ps web`',
      ]);
      expect(problem('db.1')[0]).toBe('not-running');
    });

    it("should pick a slot's running task over its ended ones by name", () => {
      const upAgain = {
        ...objects,
        nodes: [m1, m2, { ...down, status: { ...down.status, state: 'ready' as const } }],
      };
      expect(resolved('web.3', 0, upAgain)).toBe('web.3 task-c03 m3');
    });

    it('should say when the task is on a node that is down or gone', () => {
      expect(problem('task-c03')[0]).toBe('node-down');
      expect(problem('task-c03', 0, { ...objects, nodes: [m1, m2] })).toEqual([
        'node-down',
        'task web.3 runs on node node-3, which is no longer in the cluster: wait for its replacement (`berth service ps web`)',
      ]);
    });

    it('should say a task is being stopped, and that a disconnected node is out of reach too', () => {
      const stopping = { ...web2, desiredState: 'shutdown' as const };
      expect(problem('task-ab2', 0, { ...objects, tasks: [stopping] })).toEqual([
        'not-running',
        'task web.2 (task-ab2) is being stopped (wanted shutdown): exec into a running task, see `berth service ps web`',
      ]);
      const left = { ...m1, status: { ...m1.status, state: 'disconnected' as const } };
      expect(problem('task-ab2', 0, { ...objects, nodes: [left, m2] })).toEqual([
        'node-down',
        'task web.2 runs on node m1 (node-1), which is disconnected: exec into a task on another node (`berth service ps web`), or wait for the node to come back',
      ]);
      expect(problem('task-ab2', 0, { ...objects, tasks: [stopping], nodes: [left, m2] })[0]).toBe(
        'node-down',
      );
      expect(resolved('web', 0, { ...objects, nodes: [left, m2, down] })).toBe('web.1 task-aa1 m2');
      expect(problem('web', 2, { ...objects, nodes: [left, m2, down] })[0]).toBe('node-down');
    });

    it('should refuse --slot with a task', () => {
      expect(problem('task-ab2', 2)[0]).toBe('invalid');
    });
  });

  it('should refuse nothing to name, a bad slot, and a name nothing has', () => {
    expect(problem('')[0]).toBe('invalid');
    expect(problem('web', -1)[0]).toBe('invalid');
    expect(problem('web', 1.5)[0]).toBe('invalid');
    expect(problem('nginx')).toEqual([
      'not-found',
      'no service or task nginx: see `berth service ls` and `berth service ps SERVICE`',
    ]);
  });
});
