/** Small factories for the orchestrator's tests: plain objects with readable defaults. */
import {
  defaultServiceSpec,
  type ClusterSnapshot,
  type Node,
  type NodeAvailability,
  type NodeState,
  type RestartPolicy,
  type Service,
  type Task,
  type TaskChange,
  type TaskState,
} from '@berth/cluster';

/** The time every test runs at unless it says otherwise. */
export const NOW = 1_000_000;

export interface NodeOptions {
  state?: NodeState;
  availability?: NodeAvailability;
  labels?: Record<string, string>;
  role?: 'manager' | 'worker';
}

export function makeNode(id: string, options: NodeOptions = {}): Node {
  return {
    id,
    meta: { version: 1, createdAt: 0, updatedAt: 0 },
    spec: {
      role: options.role ?? 'worker',
      availability: options.availability ?? 'active',
      labels: options.labels ?? {},
    },
    description: {
      hostname: `host-${id}`,
      platform: { os: 'linux', architecture: 'x86_64' },
      resources: { nanoCpus: 4e9, memoryBytes: 8 * 2 ** 30 },
      engineVersion: '0.1.0',
      engineLabels: {},
    },
    status: { state: options.state ?? 'ready', message: '', addr: '10.0.0.1' },
  };
}

export interface ServiceOptions {
  replicas?: number;
  global?: boolean;
  specVersion?: number;
  /** merged over: condition any, no delay, no attempt limit, no window */
  restart?: Partial<RestartPolicy>;
  constraints?: string[];
}

export function makeService(id: string, options: ServiceOptions = {}): Service {
  const spec = defaultServiceSpec(`svc-${id}`, 'nginx:1');
  const restartPolicy: RestartPolicy = {
    condition: 'any',
    delayMs: 0,
    maxAttempts: 0,
    windowMs: 0,
    ...options.restart,
  };
  return {
    id,
    meta: { version: 1, createdAt: 0, updatedAt: 0 },
    spec: {
      ...spec,
      task: {
        ...spec.task,
        restartPolicy,
        placement: { ...spec.task.placement, constraints: options.constraints ?? [] },
      },
      mode: options.global ? { global: {} } : { replicated: { replicas: options.replicas ?? 1 } },
    },
    specVersion: options.specVersion ?? 1,
    previousSpec: null,
  };
}

export interface TaskOptions {
  slot?: number;
  nodeId?: string;
  state?: TaskState;
  desiredState?: TaskState;
  exitCode?: number | null;
  /** meta.createdAt; also the status timestamp unless `endedAt` is given */
  createdAt?: number;
  endedAt?: number;
  restarts?: number[];
  notBefore?: number;
  specVersion?: number;
}

/** A task of `service` made from its spec; running on `node-1` in slot 1 unless told otherwise. */
export function makeTask(id: string, service: Service, options: TaskOptions = {}): Task {
  const createdAt = options.createdAt ?? 0;
  return {
    id,
    meta: { version: 3, createdAt, updatedAt: createdAt },
    serviceId: service.id,
    serviceName: service.spec.name,
    endpoint: service.spec.endpoint,
    slot: options.slot ?? ('global' in service.spec.mode ? 0 : 1),
    nodeId: options.nodeId ?? 'node-1',
    spec: service.spec.task,
    specVersion: options.specVersion ?? service.specVersion,
    desiredState: options.desiredState ?? 'running',
    status: {
      state: options.state ?? 'running',
      timestamp: options.endedAt ?? createdAt,
      message: '',
      err: '',
      containerId: `c-${id}`,
      exitCode: options.exitCode === undefined ? null : options.exitCode,
    },
    restarts: options.restarts ?? [],
    notBefore: options.notBefore ?? 0,
  };
}

export function makeSnapshot(parts: Partial<ClusterSnapshot> = {}): ClusterSnapshot {
  return {
    nodes: parts.nodes ?? [],
    services: parts.services ?? [],
    tasks: parts.tasks ?? [],
    networks: parts.networks ?? [],
    now: parts.now ?? NOW,
  };
}

/** new-1, new-2, …: what `newId` hands out in tests. */
export function idSequence(prefix = 'new'): () => string {
  let next = 0;
  return () => `${prefix}-${++next}`;
}

/** Freezes an object graph so that any write to an input throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Changes as `kind id desiredState` lines, for assertions that read like a plan. */
export function describeChanges(changes: readonly TaskChange[]): string[] {
  return changes.map(({ kind, task }) => `${kind} ${task.id} ${task.desiredState}`);
}

export function created(changes: readonly TaskChange[]): Task[] {
  return changes.filter((change) => change.kind === 'create').map((change) => change.task);
}

export function updated(changes: readonly TaskChange[]): Task[] {
  return changes.filter((change) => change.kind === 'update').map((change) => change.task);
}

export function deleted(changes: readonly TaskChange[]): Task[] {
  return changes.filter((change) => change.kind === 'delete').map((change) => change.task);
}

/** The snapshot as the store would hold it once `changes` are written (versions not bumped). */
export function applyChanges(
  snapshot: ClusterSnapshot,
  changes: readonly TaskChange[],
  now = snapshot.now,
): ClusterSnapshot {
  const tasks = new Map(snapshot.tasks.map((task) => [task.id, task]));
  for (const { kind, task } of changes) {
    if (kind === 'delete') tasks.delete(task.id);
    else tasks.set(task.id, task);
  }
  return { ...snapshot, tasks: [...tasks.values()], now };
}
