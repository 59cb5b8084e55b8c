/**
 * Small factories of cluster objects for tests (`import … from '@berth/cluster/testing'`).
 * Each takes the few fields a test cares about and fills the rest with Docker's defaults.
 */
import { defaultServiceSpec } from './defaults';
import type {
  Meta,
  Node,
  NodeAvailability,
  NodeRole,
  NodeState,
  PortConfig,
  Resources,
  RestartPolicy,
  Service,
  Task,
  TaskSpec,
  TaskState,
} from './objects';
import type { SchedulingRejection } from './rejections';
import type { ClusterSnapshot } from './snapshot';

export const CPU = 1e9;
export const GiB = 1024 ** 3;
export const MiB = 1024 ** 2;

const META: Meta = { version: 1, createdAt: 0, updatedAt: 0 };

export interface NodeOptions {
  id?: string;
  hostname?: string;
  role?: NodeRole;
  availability?: NodeAvailability;
  state?: NodeState;
  labels?: Record<string, string>;
  engineLabels?: Record<string, string>;
  nanoCpus?: number;
  memoryBytes?: number;
  os?: string;
  architecture?: string;
}

/** A ready, active worker with 4 CPUs and 8 GiB, `node-1` unless told. */
export function makeNode(options: NodeOptions = {}): Node {
  const id = options.id ?? 'node-1';
  return {
    id,
    meta: META,
    spec: {
      role: options.role ?? 'worker',
      availability: options.availability ?? 'active',
      labels: options.labels ?? {},
    },
    description: {
      hostname: options.hostname ?? id,
      platform: { os: options.os ?? 'linux', architecture: options.architecture ?? 'x86_64' },
      resources: { nanoCpus: options.nanoCpus ?? 4 * CPU, memoryBytes: options.memoryBytes ?? 8 * GiB },
      engineVersion: '0.1.0',
      engineLabels: options.engineLabels ?? {},
    },
    status: { state: options.state ?? 'ready', message: '', addr: '10.0.0.1' },
  };
}

/** `count` nodes `node-1`…`node-N` (zero-padded so that id order is number order). */
export function makeNodes(
  count: number,
  options: NodeOptions | ((index: number) => NodeOptions) = {},
): Node[] {
  const width = String(count).length;
  return Array.from({ length: count }, (_, index) => {
    const id = `node-${String(index + 1).padStart(width, '0')}`;
    return makeNode({ id, ...(typeof options === 'function' ? options(index) : options) });
  });
}

export interface ServiceOptions {
  id?: string;
  name?: string;
  image?: string;
  replicas?: number;
  global?: boolean;
  specVersion?: number;
  reservations?: Partial<Resources>;
  constraints?: string[];
  /** node attributes to spread over, outermost first: `['node.labels.zone']` */
  preferences?: string[];
  maxReplicasPerNode?: number;
  ports?: Partial<PortConfig>[];
  /** merged over swarm's default: restart on any exit, 5 s apart, forever */
  restart?: Partial<RestartPolicy>;
}

/** A replicated service `svc-1` of one replica unless told. */
export function makeService(options: ServiceOptions = {}): Service {
  const id = options.id ?? 'svc-1';
  const spec = defaultServiceSpec(options.name ?? id, options.image ?? 'busybox');
  const task: TaskSpec = {
    ...spec.task,
    restartPolicy: { ...spec.task.restartPolicy, ...options.restart },
    resources: {
      ...spec.task.resources,
      reservations: { nanoCpus: 0, memoryBytes: 0, ...options.reservations },
    },
    placement: {
      constraints: options.constraints ?? [],
      preferences: (options.preferences ?? []).map((spread) => ({ spread })),
      maxReplicasPerNode: options.maxReplicasPerNode ?? 0,
    },
  };
  return {
    id,
    meta: META,
    spec: {
      ...spec,
      task,
      mode: options.global ? { global: {} } : { replicated: { replicas: options.replicas ?? 1 } },
      endpoint: { mode: 'vip', ports: (options.ports ?? []).map(portConfig) },
    },
    specVersion: options.specVersion ?? 1,
    previousSpec: null,
  };
}

function portConfig(port: Partial<PortConfig>): PortConfig {
  return { protocol: 'tcp', targetPort: 80, publishedPort: 0, publishMode: 'ingress', ...port };
}

export interface TaskOptions {
  id?: string;
  /** the task takes its service's id, spec and spec version */
  service?: Service;
  serviceId?: string;
  slot?: number;
  nodeId?: string;
  state?: TaskState;
  desiredState?: TaskState;
  message?: string;
  /** why it is pending, as the scheduler wrote it */
  rejections?: SchedulingRejection[];
  specVersion?: number;
  spec?: TaskSpec;
  exitCode?: number | null;
  /** meta.createdAt (and updatedAt); also the status timestamp unless `endedAt` is given */
  createdAt?: number;
  /** the status timestamp: when the task reached its state */
  endedAt?: number;
  /** when the task's slot was restarted before, as the orchestrator counts them */
  restarts?: number[];
  /** held by a restart delay until then */
  notBefore?: number;
}

/**
 * A pending task of `service` (or of `svc-1`), wanted running, unplaced: slot 1, or slot 0 for a
 * global service; id `SERVICE.SLOT` or `SERVICE.NODE`.
 */
export function makeTask(options: TaskOptions = {}): Task {
  const service = options.service ?? makeService({ id: options.serviceId });
  const slot = options.slot ?? ('global' in service.spec.mode ? 0 : 1);
  const nodeId = options.nodeId ?? '';
  const createdAt = options.createdAt ?? 0;
  return {
    id: options.id ?? `${service.id}.${slot === 0 ? nodeId : slot}`,
    meta: { ...META, createdAt, updatedAt: createdAt },
    serviceId: service.id,
    serviceName: service.spec.name,
    endpoint: service.spec.endpoint,
    slot,
    nodeId,
    spec: options.spec ?? service.spec.task,
    specVersion: options.specVersion ?? service.specVersion,
    desiredState: options.desiredState ?? 'running',
    status: {
      state: options.state ?? 'pending',
      timestamp: options.endedAt ?? createdAt,
      message: options.message ?? '',
      err: '',
      containerId: '',
      exitCode: options.exitCode ?? null,
      ...(options.rejections && { rejections: options.rejections }),
    },
    restarts: options.restarts ?? [],
    notBefore: options.notBefore ?? 0,
  };
}

/** `count` pending tasks of the service, slots `firstSlot`…, zero-padded ids in slot order. */
export function pendingTasks(service: Service, count: number, firstSlot = 1): Task[] {
  const width = String(firstSlot + count - 1).length;
  return Array.from({ length: count }, (_, index) => {
    const slot = firstSlot + index;
    return makeTask({ service, slot, id: `${service.id}.${String(slot).padStart(width, '0')}` });
  });
}

/** A task of the service running on the node. */
export function runningTask(service: Service, nodeId: string, slot = 1, options: TaskOptions = {}): Task {
  return makeTask({
    service,
    slot,
    nodeId,
    state: 'running',
    id: `${service.id}.${slot}.${nodeId}`,
    ...options,
  });
}

export function makeSnapshot(parts: Partial<ClusterSnapshot> = {}): ClusterSnapshot {
  return { nodes: [], services: [], tasks: [], networks: [], now: 1_000, ...parts };
}
