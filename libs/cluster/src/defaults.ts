import type { ContainerSpec, ServiceSpec, TaskSpec, UpdateConfig } from './objects';

/** Docker's defaults for a service's container: what `berth service create IMAGE` means. */
export function defaultContainerSpec(image: string): ContainerSpec {
  return {
    image,
    command: [],
    args: [],
    env: [],
    labels: {},
    user: '',
    workdir: '',
    hostname: '',
    mounts: [],
    stopSignal: '',
    stopGracePeriodMs: 10_000,
    healthcheck: null,
    readOnly: false,
    init: false,
  };
}

export function defaultTaskSpec(image: string): TaskSpec {
  return {
    container: defaultContainerSpec(image),
    resources: { limits: { nanoCpus: 0, memoryBytes: 0 }, reservations: { nanoCpus: 0, memoryBytes: 0 } },
    // swarm's defaults: restart on any exit, 5 s apart, forever
    restartPolicy: { condition: 'any', delayMs: 5_000, maxAttempts: 0, windowMs: 0 },
    placement: { constraints: [], preferences: [], maxReplicasPerNode: 0 },
    forceUpdate: 0,
  };
}

export function defaultServiceSpec(name: string, image: string): ServiceSpec {
  return {
    name,
    labels: {},
    task: defaultTaskSpec(image),
    mode: { replicated: { replicas: 1 } },
    endpoint: { mode: 'vip', ports: [] },
    networks: [],
    updateConfig: { ...DEFAULT_UPDATE_CONFIG },
    rollbackConfig: { ...DEFAULT_ROLLBACK_CONFIG },
  };
}

/** swarm's update defaults: one task at a time, no delay, pause on failure, 5 s monitor, stop first. */
export const DEFAULT_UPDATE_CONFIG: UpdateConfig = {
  parallelism: 1,
  delayMs: 0,
  failureAction: 'pause',
  monitorMs: 5_000,
  maxFailureRatio: 0,
  order: 'stop-first',
};

/** swarm's rollback defaults: the same. */
export const DEFAULT_ROLLBACK_CONFIG: UpdateConfig = { ...DEFAULT_UPDATE_CONFIG };

/**
 * The longest an agent waits between tries to reach a manager (its back-off's cap). A leader
 * gives every node its grace period plus twice this when it starts, so the agents of a cluster
 * whose managers were all away find one before any of them can be marked down.
 */
export const AGENT_RECONNECT_MAX_MS = 1000;

/**
 * How often an agent sends a heartbeat, for a cluster that marks a node down after GRACE_MS
 * without one: a third of it (three beats may go missing), at least every 100 ms.
 */
export function heartbeatPeriodMs(graceMs: number): number {
  return Math.max(100, Math.floor(graceMs / 3));
}
