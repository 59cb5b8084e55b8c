import { makeService, makeTask, runningTask } from '@berth/cluster/testing';
import { clusterGauges, pendingReason } from './cluster-gauges';

describe('clusterGauges', () => {
  const web = makeService({ id: 's-web', name: 'web', replicas: 3, specVersion: 2 });
  const agent = makeService({ id: 's-agent', name: 'agent', global: true });

  describe('tasks', () => {
    it('should count tasks by service name and state, history included', () => {
      const tasks = [
        runningTask(web, 'n1', 1),
        runningTask(web, 'n2', 2),
        makeTask({ service: web, slot: 3, id: 'w3' }),
        makeTask({ service: web, slot: 1, id: 'old', state: 'failed', desiredState: 'shutdown' }),
      ];
      expect(clusterGauges([web], tasks).tasks).toEqual([
        { service: 'web', state: 'running', count: 2 },
        { service: 'web', state: 'pending', count: 1 },
        { service: 'web', state: 'failed', count: 1 },
      ]);
    });

    it('should count the tasks of a removed service under the name they were made with', () => {
      expect(clusterGauges([], [runningTask(web, 'n1')]).tasks).toEqual([
        { service: 'web', state: 'running', count: 1 },
      ]);
    });
  });

  describe('replicas', () => {
    it('should give a replicated service its replica count as desired and count running tasks wanted running', () => {
      const tasks = [
        runningTask(web, 'n1', 1),
        runningTask(web, 'n2', 2, { desiredState: 'shutdown' }),
        makeTask({ service: web, slot: 3, id: 'w3' }),
      ];
      expect(clusterGauges([web], tasks).replicas).toEqual([{ service: 'web', desired: 3, running: 1 }]);
    });

    it('should give a global service the tasks wanted running as desired', () => {
      const tasks = [
        runningTask(agent, 'n1', 0, { id: 'a1' }),
        makeTask({ service: agent, nodeId: 'n2', id: 'a2' }),
        runningTask(agent, 'n3', 0, { id: 'a3', desiredState: 'shutdown' }),
      ];
      expect(clusterGauges([agent], tasks).replicas).toEqual([{ service: 'agent', desired: 2, running: 1 }]);
    });

    it('should list a service without tasks', () => {
      expect(clusterGauges([web], []).replicas).toEqual([{ service: 'web', desired: 3, running: 0 }]);
    });
  });

  describe('pending', () => {
    it('should count pending tasks wanted running by the filter that refused the most nodes', () => {
      const tasks = [
        makeTask({
          service: web,
          id: 'p1',
          rejections: [
            { filter: 'ready', rejected: 1, examined: 3 },
            { filter: 'resources', rejected: 2, examined: 2, shortOfCpu: 2, shortOfMemory: 0 },
          ],
        }),
        makeTask({ service: web, id: 'p2', rejections: [{ filter: 'nodes', rejected: 0, examined: 0 }] }),
        makeTask({
          service: web,
          id: 'p3',
          rejections: [{ filter: 'max-replicas', rejected: 2, examined: 2, max: 1 }],
        }),
        makeTask({
          service: web,
          id: 'p4',
          rejections: [{ filter: 'max-replicas', rejected: 2, examined: 2, max: 1 }],
        }),
        makeTask({ service: web, id: 'gone', desiredState: 'shutdown' }),
      ];
      expect(clusterGauges([web], tasks).pending).toEqual([
        { reason: 'resources', count: 1 },
        { reason: 'nodes', count: 1 },
        { reason: 'max-replicas', count: 2 },
      ]);
    });
  });

  describe(pendingReason.name, () => {
    it('should name dependencies for a task waiting on depends_on, and unexplained without rejections', () => {
      expect(pendingReason({ ...makeTask(), waitingForDependencies: true })).toBe('dependencies');
      expect(pendingReason(makeTask())).toBe('unexplained');
    });
  });

  describe('rollouts', () => {
    const updating = { state: 'updating' as const, startedAt: 1, completedAt: 0, message: '' };

    it('should count the tasks at the service spec version against the desired count while a rollout is under way', () => {
      const service = { ...web, updateStatus: updating };
      const tasks = [
        runningTask(service, 'n1', 1),
        runningTask(service, 'n2', 2, { specVersion: 1 }),
        runningTask(service, 'n3', 3, { specVersion: 1 }),
        runningTask(service, 'n3', 3, { id: 'old', specVersion: 2, desiredState: 'shutdown' }),
      ];
      expect(clusterGauges([service], tasks).rollouts).toEqual([
        { service: 'web', state: 'updating', updated: 1, desired: 3 },
      ]);
    });

    it('should leave out services with no rollout or a finished one', () => {
      const done = { ...web, id: 's-done', updateStatus: { ...updating, state: 'completed' as const } };
      expect(clusterGauges([web, done], []).rollouts).toEqual([]);
    });
  });
});
