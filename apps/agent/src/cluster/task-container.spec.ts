import type { Task, TaskSpec } from '@berth/cluster';
import { makeService, makeTask } from '@berth/cluster/testing';
import type { ContainerRecord } from '../containers/model';
import { containerName, containerRequestOf, status, statusOfContainer, taskName } from './task-container';
import {
  NODE_ID_LABEL,
  SERVICE_ID_LABEL,
  SERVICE_NAME_LABEL,
  TASK_ID_LABEL,
  TASK_NAME_LABEL,
} from './task-labels';

const web = makeService({ id: 'svc-web', name: 'web', image: 'nginx:1' });
const agent = makeService({ id: 'svc-agent', name: 'agent', image: 'agent:2', global: true });

/** Task `t1` of `web`, slot 2, on node-7, its task spec changed by CHANGE. */
function task(change: (spec: TaskSpec) => void = () => undefined, fields: Partial<Task> = {}): Task {
  const spec = structuredClone(web.spec.task);
  change(spec);
  return { ...makeTask({ id: 't1', service: web, slot: 2, nodeId: 'node-7', spec }), ...fields };
}

function container(
  state: Partial<ContainerRecord['state']>,
  id = 'c1',
): Pick<ContainerRecord, 'id' | 'state'> {
  return {
    id,
    state: {
      status: 'running',
      pid: 0,
      exitCode: 0,
      oomKilled: false,
      error: '',
      startedAt: '',
      finishedAt: '',
      health: null,
      ...state,
    },
  };
}

describe('task-container', () => {
  describe(taskName.name, () => {
    it('should name a replica by its service and slot', () => {
      expect(taskName(task())).toBe('web.2');
    });

    it('should name a global task by its service and node', () => {
      expect(taskName(makeTask({ id: 't9', service: agent, slot: 0, nodeId: 'node-3' }))).toBe(
        'agent.node-3',
      );
    });
  });

  describe(containerName.name, () => {
    it('should add the task id to the task name, as Swarm names containers', () => {
      expect(containerName(task())).toBe('web.2.t1');
      expect(containerName(makeTask({ id: 't9', service: agent, slot: 0, nodeId: 'node-3' }))).toBe(
        'agent.node-3.t9',
      );
    });
  });

  describe(containerRequestOf.name, () => {
    it("should ask for the task's image under the task's container name, pulling it if missing", () => {
      expect(containerRequestOf(task())).toMatchObject({
        image: 'nginx:1',
        name: 'web.2.t1',
        network: 'bridge',
        pull: { missing: true, auth: null },
      });
    });

    it('should join the overlay networks beside the bridge, with the addresses the manager gave', () => {
      const networks = [
        { networkId: 'net-1', address: '10.0.1.5/24' },
        { networkId: 'ingress', address: '10.255.0.9/16' },
      ];
      expect(containerRequestOf(task(undefined, { networks }))).toMatchObject({
        network: 'bridge',
        endpoints: [
          { network: 'net-1', address: '10.0.1.5/24', aliases: [] },
          { network: 'ingress', address: '10.255.0.9/16', aliases: [] },
        ],
      });
      expect(containerRequestOf(task()).endpoints).toEqual([]);
    });

    it("should keep the image's entrypoint and command when the task names none", () => {
      expect(containerRequestOf(task())).toMatchObject({ entrypoint: null, cmd: [] });
    });

    it("should map the task's command to the entrypoint and its arguments to the command", () => {
      const spec = containerRequestOf(
        task((s) => {
          s.container.command = ['/bin/sh', '-c'];
          s.container.args = ['echo hi'];
        }),
      );
      expect(spec).toMatchObject({ entrypoint: ['/bin/sh', '-c'], cmd: ['echo hi'] });
    });

    it('should pass the arguments alone as the command, keeping the image entrypoint', () => {
      const spec = containerRequestOf(task((s) => (s.container.args = ['-g', 'daemon off;'])));
      expect(spec).toMatchObject({ entrypoint: null, cmd: ['-g', 'daemon off;'] });
    });

    it('should pass the environment, working directory, user, hostname and switches', () => {
      const spec = containerRequestOf(
        task((s) => {
          s.container.env = ['A=1', 'B=2'];
          s.container.workdir = '/app';
          s.container.user = 'nobody';
          s.container.hostname = 'box';
          s.container.readOnly = true;
          s.container.stopSignal = 'SIGQUIT';
        }),
      );
      expect(spec).toMatchObject({
        env: ['A=1', 'B=2'],
        workingDir: '/app',
        user: 'nobody',
        hostname: 'box',
        readOnly: true,
        stopSignal: 'SIGQUIT',
      });
    });

    it("should ask for the service's seccomp choice as --security-opt does, Docker's default when none", () => {
      expect(containerRequestOf(task()).securityOpt).toEqual([]);
      const unconfined = task((s) => (s.container.seccomp = { mode: 'unconfined', profile: '' }));
      expect(containerRequestOf(unconfined).securityOpt).toEqual(['seccomp=unconfined']);
      const profile = '{"defaultAction":"SCMP_ACT_ALLOW"}';
      const custom = task((s) => (s.container.seccomp = { mode: 'custom', profile }));
      expect(containerRequestOf(custom).securityOpt).toEqual([`seccomp=${profile}`]);
    });

    it("should label the container with Swarm's task, service and node labels over the task's own", () => {
      const spec = containerRequestOf(
        task(
          (s) => (s.container.labels = { team: 'a', [TASK_ID_LABEL]: 'forged', [NODE_ID_LABEL]: 'forged' }),
        ),
      );
      expect(spec.labels).toEqual({
        team: 'a',
        [TASK_ID_LABEL]: 't1',
        [TASK_NAME_LABEL]: 'web.2',
        [SERVICE_ID_LABEL]: 'svc-web',
        [SERVICE_NAME_LABEL]: 'web',
        [NODE_ID_LABEL]: 'node-7',
      });
      expect(TASK_ID_LABEL).toBe('com.docker.swarm.task.id');
      expect(SERVICE_ID_LABEL).toBe('com.docker.swarm.service.id');
    });

    it('should apply the limits, not the reservations', () => {
      const spec = containerRequestOf(
        task((s) => {
          s.resources.limits = { nanoCpus: 1_500_000_000, memoryBytes: 64 * 2 ** 20 };
          s.resources.reservations = { nanoCpus: 4e9, memoryBytes: 2 ** 30 };
        }),
      );
      expect(spec).toMatchObject({ cpus: 1.5, memoryBytes: 64 * 2 ** 20 });
    });

    it('should leave CPUs and memory unlimited without limits', () => {
      expect(containerRequestOf(task())).toMatchObject({ cpus: 0, memoryBytes: 0 });
    });

    it.each([10_000, 1_500, 1, 0])('should keep a stop grace period of %i ms to the millisecond', (ms) => {
      const spec = containerRequestOf(task((s) => (s.container.stopGracePeriodMs = ms)));
      expect(spec.stopTimeoutMs).toBe(ms);
    });

    it('should map mounts to the engine, readonly kept', () => {
      const spec = containerRequestOf(
        task(
          (s) =>
            (s.container.mounts = [
              { type: 'bind', source: '/srv', target: '/data', readOnly: true },
              { type: 'tmpfs', source: '', target: '/tmp', readOnly: false },
            ]),
        ),
      );
      expect(spec.mounts).toEqual([
        { type: 'bind', source: '/srv', target: '/data', readOnly: true, options: [], createHostPath: false },
        { type: 'tmpfs', source: '', target: '/tmp', readOnly: false, options: [], createHostPath: false },
      ]);
    });

    it('should keep health check times in milliseconds', () => {
      const spec = containerRequestOf(
        task(
          (s) =>
            (s.container.healthcheck = {
              test: ['CMD-SHELL', 'true'],
              intervalMs: 5000,
              timeoutMs: 1500,
              retries: 4,
              startPeriodMs: 250,
            }),
        ),
      );
      expect(spec.healthcheck).toEqual({
        test: ['CMD-SHELL', 'true'],
        intervalMs: 5000,
        timeoutMs: 1500,
        retries: 4,
        startPeriodMs: 250,
      });
    });

    it('should leave the health check to the image when the task has none', () => {
      expect(containerRequestOf(task()).healthcheck).toBeNull();
    });

    it('should publish host-mode ports on this machine and leave ingress ports alone', () => {
      const t = task(undefined, {
        endpoint: {
          mode: 'vip',
          ports: [
            { protocol: 'tcp', targetPort: 80, publishedPort: 8080, publishMode: 'host' },
            { protocol: 'tcp', targetPort: 443, publishedPort: 8443, publishMode: 'ingress' },
            { protocol: 'udp', targetPort: 53, publishedPort: 0, publishMode: 'host' },
          ],
        },
      });
      expect(containerRequestOf(t).ports).toEqual([
        { hostIp: '', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
        { hostIp: '', hostPort: 0, containerPort: 53, protocol: 'udp' },
      ]);
    });
  });

  describe(status.name, () => {
    it('should make an empty status of the state at the time', () => {
      expect(status('preparing', 42)).toEqual({
        state: 'preparing',
        timestamp: 42,
        message: '',
        err: '',
        containerId: '',
        exitCode: null,
      });
    });

    it('should take the fields given', () => {
      expect(status('failed', 7, { err: 'boom', exitCode: 3, containerId: 'c' })).toEqual({
        state: 'failed',
        timestamp: 7,
        message: '',
        err: 'boom',
        containerId: 'c',
        exitCode: 3,
      });
    });
  });

  describe(statusOfContainer.name, () => {
    it.each(['running', 'paused', 'restarting'] as const)(
      'should take a %s container for a running task',
      (s) => {
        expect(statusOfContainer(container({ status: s }), 99)).toEqual({
          state: 'running',
          timestamp: 99,
          message: 'started',
          err: '',
          containerId: 'c1',
          exitCode: null,
        });
      },
    );

    it.each(['created', 'removing'] as const)('should say nothing of a %s container', (s) => {
      expect(statusOfContainer(container({ status: s }), 99)).toBeNull();
    });

    it('should take a container that exited with 0 for a complete task', () => {
      expect(statusOfContainer(container({ status: 'exited', exitCode: 0 }), 5)).toEqual({
        state: 'complete',
        timestamp: 5,
        message: 'finished',
        err: '',
        containerId: 'c1',
        exitCode: 0,
      });
    });

    it('should take a non-zero exit for a failed task, naming the code', () => {
      expect(statusOfContainer(container({ status: 'exited', exitCode: 2 }), 5)).toEqual({
        state: 'failed',
        timestamp: 5,
        message: 'started',
        err: 'task: non-zero exit (2)',
        containerId: 'c1',
        exitCode: 2,
      });
    });

    it('should say a container killed for memory was OOM-killed', () => {
      const ended = statusOfContainer(container({ status: 'exited', exitCode: 137, oomKilled: true }), 5);
      expect(ended).toMatchObject({
        state: 'failed',
        err: 'task: killed for lack of memory (OOM)',
        exitCode: 137,
      });
    });

    it("should prefer the engine's own error", () => {
      const ended = statusOfContainer(
        container({ status: 'exited', exitCode: 127, oomKilled: true, error: 'exec: "nope": not found' }),
        5,
      );
      expect(ended).toMatchObject({ state: 'failed', err: 'exec: "nope": not found', exitCode: 127 });
    });

    it('should judge a dead container by its exit code', () => {
      expect(statusOfContainer(container({ status: 'dead', exitCode: 1 }), 5)?.state).toBe('failed');
      expect(statusOfContainer(container({ status: 'dead', exitCode: 0 }), 5)?.state).toBe('complete');
    });
  });
});
