/**
 * How a task becomes a container on this machine, and what a container's state says about its
 * task. Pure: the worker and the task runner act on these answers.
 */
import type { Task, TaskStatus } from '@berth/cluster';
import { containerRequest, type ContainerRequest } from '../containers/request';
import type { ContainerRecord } from '../containers/model';
import {
  NODE_ID_LABEL,
  SERVICE_ID_LABEL,
  SERVICE_NAME_LABEL,
  TASK_ID_LABEL,
  TASK_NAME_LABEL,
} from './task-labels';

export { TASK_ID_LABEL } from './task-labels';

/** `web.2.<task id>` for a replica, `agent.<node id>.<task id>` for a global task, as Swarm names them. */
export function taskName(task: Task): string {
  return `${task.serviceName}.${task.slot || task.nodeId}`;
}

export function containerName(task: Task): string {
  return `${taskName(task)}.${task.id}`;
}

/** TASK as a container request: its image, command, environment, limits, networks and labels. */
export function containerRequestOf(task: Task): ContainerRequest {
  const c = task.spec.container;
  const { limits } = task.spec.resources;
  return containerRequest(c.image, {
    name: containerName(task),
    entrypoint: c.command.length ? c.command : null,
    cmd: c.args,
    env: c.env,
    workingDir: c.workdir,
    user: c.user,
    hostname: c.hostname,
    labels: {
      ...c.labels,
      [TASK_ID_LABEL]: task.id,
      [TASK_NAME_LABEL]: taskName(task),
      [SERVICE_ID_LABEL]: task.serviceId,
      [SERVICE_NAME_LABEL]: task.serviceName,
      [NODE_ID_LABEL]: task.nodeId,
    },
    // the machine's bridge for the way out (and host-mode ports); the overlay networks beside it
    network: 'bridge',
    endpoints: (task.networks ?? []).map((a) => ({ network: a.networkId, address: a.address, aliases: [] })),
    // host-mode ports bind on this machine; ingress ones are the routing mesh's (issue 6)
    ports: task.endpoint.ports
      .filter((p) => p.publishMode === 'host')
      .map((p) => ({
        hostIp: '',
        hostPort: p.publishedPort,
        containerPort: p.targetPort,
        protocol: p.protocol,
      })),
    mounts: c.mounts.map((m) => ({
      type: m.type,
      source: m.source,
      target: m.target,
      readOnly: m.readOnly,
      options: [],
      createHostPath: false,
    })),
    memoryBytes: limits.memoryBytes,
    cpus: limits.nanoCpus / 1e9,
    readOnly: c.readOnly,
    stopSignal: c.stopSignal,
    stopTimeoutMs: c.stopGracePeriodMs,
    healthcheck: c.healthcheck
      ? {
          test: c.healthcheck.test,
          intervalMs: c.healthcheck.intervalMs,
          timeoutMs: c.healthcheck.timeoutMs,
          startPeriodMs: c.healthcheck.startPeriodMs,
          retries: c.healthcheck.retries,
        }
      : null,
    // as `--security-opt seccomp=…` would: the node checks a custom profile when it makes the container
    ...(c.seccomp && {
      securityOpt: [`seccomp=${c.seccomp.mode === 'unconfined' ? 'unconfined' : c.seccomp.profile}`],
    }),
    pull: { missing: true, auth: null },
  });
}

/**
 * Whether TASK's container is readied when it is prepared (its network plumbed and its process
 * made, held before the program), so that starting it is only letting it go: not when it
 * publishes host ports, which the task it replaces in a stop-first rollout may still hold.
 */
export function readiesWhenPrepared(task: Pick<Task, 'endpoint'>): boolean {
  return !task.endpoint.ports.some((p) => p.publishMode === 'host');
}

/** A status for the task at TIME. */
export function status(
  state: TaskStatus['state'],
  time: number,
  fields: Partial<Omit<TaskStatus, 'state' | 'timestamp'>> = {},
): TaskStatus {
  return { state, timestamp: time, message: '', err: '', containerId: '', exitCode: null, ...fields };
}

/** What the task's container says about it: running, or how it ended. Null while it is only created. */
export function statusOfContainer(
  container: Pick<ContainerRecord, 'id' | 'state'>,
  time: number,
): TaskStatus | null {
  const { state } = container;
  const base = { containerId: container.id };
  if (state.status === 'running' || state.status === 'paused' || state.status === 'restarting')
    return status('running', time, { ...base, message: 'started' });
  if (state.status !== 'exited' && state.status !== 'dead') return null;
  if (state.exitCode === 0) return status('complete', time, { ...base, message: 'finished', exitCode: 0 });
  const err =
    state.error ||
    (state.oomKilled ? 'task: killed for lack of memory (OOM)' : `task: non-zero exit (${state.exitCode})`);
  return status('failed', time, { ...base, message: 'started', err, exitCode: state.exitCode });
}
