import { makeNode, makeService, makeTask, runningTask } from '@berth/cluster/testing';
import type { Service } from '@berth/cluster';
import { dashboardView, serviceView, type ViewInput } from './view';

const manager = { addr: '10.0.0.1:7380', leader: true, leaderAddr: '10.0.0.1:7380' };

function input(parts: Partial<ViewInput>): ViewInput {
  return { revision: 7, manager, nodes: [], services: [], tasks: [], ...parts };
}

function updating(
  service: Service,
  state: NonNullable<Service['updateStatus']>['state'] = 'updating',
): Service {
  return {
    ...service,
    updateStatus: { state, startedAt: 100, completedAt: 0, message: 'update in progress' },
  };
}

describe('dashboard view', () => {
  describe(dashboardView.name, () => {
    it('should put each live task on its machine, by name in number order', () => {
      const web = makeService({ id: 'w', name: 'web', replicas: 11 });
      const tasks = [runningTask(web, 'n1', 10), runningTask(web, 'n1', 2), runningTask(web, 'n2', 1)];
      const view = dashboardView(
        input({
          nodes: [makeNode({ id: 'n2', hostname: 'm2' }), makeNode({ id: 'n1', hostname: 'm1' })],
          services: [web],
          tasks,
        }),
      );
      expect(view.machines.map((m) => [m.hostname, m.tasks.map((t) => t.name)])).toEqual([
        ['m1', ['web.2', 'web.10']],
        ['m2', ['web.1']],
      ]);
      expect(view.unplaced).toEqual([]);
      expect(view.revision).toBe(7);
      expect(view.manager).toBe(manager);
    });

    it('should leave out ended tasks and tasks no longer wanted, but show a running one being stopped', () => {
      const web = makeService({ id: 'w', name: 'web', replicas: 3 });
      const tasks = [
        runningTask(web, 'n1', 1, { id: 'ended', state: 'failed', desiredState: 'running' }),
        runningTask(web, 'n1', 2, { id: 'removed', state: 'assigned', desiredState: 'remove' }),
        runningTask(web, 'n1', 3, { id: 'stopping', state: 'running', desiredState: 'shutdown' }),
      ];
      const view = dashboardView(input({ nodes: [makeNode({ id: 'n1' })], services: [web], tasks }));
      expect(view.machines[0].tasks.map((t) => t.id)).toEqual(['stopping']);
    });

    it('should list tasks with no machine, or an unknown one, as not placed', () => {
      const web = makeService({ id: 'w', name: 'web', replicas: 2 });
      const tasks = [
        makeTask({ service: web, slot: 1, id: 'p', message: 'no suitable node' }),
        makeTask({ service: web, slot: 2, id: 'gone-node', nodeId: 'n9', state: 'assigned' }),
      ];
      const view = dashboardView(input({ nodes: [makeNode({ id: 'n1' })], services: [web], tasks }));
      expect(view.unplaced.map((t) => [t.id, t.state, t.message])).toEqual([
        ['p', 'pending', 'no suitable node'],
        ['gone-node', 'assigned', ''],
      ]);
      expect(view.machines[0].tasks).toEqual([]);
    });

    it("should name a global service's tasks after their machine", () => {
      const agent = makeService({ id: 'g', name: 'agent', global: true });
      const view = dashboardView(
        input({
          nodes: [makeNode({ id: 'n1', hostname: 'm1' })],
          services: [agent],
          tasks: [runningTask(agent, 'n1', 0)],
        }),
      );
      expect(view.machines[0].tasks[0].name).toBe('agent.m1');
      expect(view.services[0]).toMatchObject({ mode: 'global', desired: 1, running: 1 });
    });

    it('should mark tasks of an older spec than the service has', () => {
      const web = makeService({ id: 'w', name: 'web', specVersion: 3 });
      const tasks = [
        runningTask(web, 'n1', 1, { id: 'old', specVersion: 2 }),
        runningTask(web, 'n1', 2, { id: 'new' }),
      ];
      const view = dashboardView(input({ nodes: [makeNode({ id: 'n1' })], services: [web], tasks }));
      expect(view.machines[0].tasks.map((t) => [t.id, t.current])).toEqual([
        ['old', false],
        ['new', true],
      ]);
    });

    it('should tell the state, role and availability of each machine', () => {
      const view = dashboardView(
        input({
          nodes: [
            makeNode({ id: 'n1', hostname: 'm1', role: 'manager', availability: 'drain', state: 'down' }),
          ],
        }),
      );
      expect(view.machines[0]).toMatchObject({
        role: 'manager',
        availability: 'drain',
        state: 'down',
        addr: '10.0.0.1',
      });
    });

    it("should show a failed task's error rather than its message", () => {
      const web = makeService({ id: 'w', name: 'web' });
      const task = runningTask(web, 'n1', 1, { state: 'starting' });
      task.status = { ...task.status, message: 'starting', err: 'exec: no such file' };
      const view = dashboardView(input({ nodes: [makeNode({ id: 'n1' })], services: [web], tasks: [task] }));
      expect(view.machines[0].tasks[0].message).toBe('exec: no such file');
    });
  });

  describe(serviceView.name, () => {
    it('should count running tasks still wanted against the replicas asked for', () => {
      const web = makeService({ id: 'w', name: 'web', replicas: 3 });
      const tasks = [
        runningTask(web, 'n1', 1),
        runningTask(web, 'n1', 2, { id: 'starting', state: 'starting' }),
        runningTask(web, 'n1', 3, { id: 'stopping', desiredState: 'shutdown' }),
        runningTask(makeService({ id: 'other' }), 'n1', 1),
      ];
      expect(serviceView(web, tasks)).toEqual({
        id: 'w',
        name: 'web',
        image: 'busybox',
        mode: 'replicated',
        desired: 3,
        running: 1,
      });
    });

    it('should follow a rollout: tasks running from the current spec of those asked for', () => {
      const web = updating(makeService({ id: 'w', name: 'web', replicas: 3, specVersion: 2 }));
      const tasks = [
        runningTask(web, 'n1', 1, { specVersion: 1 }),
        runningTask(web, 'n1', 2),
        runningTask(web, 'n1', 3, { id: 'new-not-yet', state: 'preparing' }),
      ];
      expect(serviceView(web, tasks).rollout).toEqual({
        state: 'updating',
        message: 'update in progress',
        startedAt: 100,
        completedAt: 0,
        updated: 1,
        desired: 3,
      });
    });

    it('should have no rollout before the first update', () => {
      expect(serviceView(makeService(), [])).not.toHaveProperty('rollout');
    });
  });
});
