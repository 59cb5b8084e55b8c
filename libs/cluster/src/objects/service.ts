import type { Meta, NetworkAddress, Resources } from './common';

export interface Mount {
  type: 'volume' | 'bind' | 'tmpfs';
  source: string;
  target: string;
  readOnly: boolean;
}

export interface HealthCheck {
  test: string[];
  intervalMs: number;
  timeoutMs: number;
  retries: number;
  startPeriodMs: number;
}

export interface ContainerSpec {
  image: string;
  /** replaces the image's ENTRYPOINT when set */
  command: string[];
  /** replaces the image's CMD when set */
  args: string[];
  env: string[];
  labels: Record<string, string>;
  user: string;
  workdir: string;
  hostname: string;
  mounts: Mount[];
  stopSignal: string;
  stopGracePeriodMs: number;
  healthcheck: HealthCheck | null;
  readOnly: boolean;
  init: boolean;
  /** compose's cap_add / cap_drop, sysctls, ulimits (absent: none) */
  capAdd?: string[];
  capDrop?: string[];
  sysctls?: Record<string, string>;
  ulimits?: { name: string; soft: number; hard: number }[];
  /** swarm's Privileges.Seccomp; absent: Docker's default profile. A custom profile is its JSON text, in Docker's format */
  seccomp?: SeccompChoice;
  /** secrets and configs the tasks get as files (delivery: see docs/architecture.md) */
  secrets?: FileReference[];
  configs?: FileReference[];
}

export interface SeccompChoice {
  mode: 'unconfined' | 'custom';
  /** '' when unconfined */
  profile: string;
}

/** A secret or config a task reads as a file: which one, where, owned by whom. */
export interface FileReference {
  /** the secret's or config's name in the cluster */
  source: string;
  /** path in the container (secrets: relative names go under /run/secrets) */
  target: string;
  uid: string;
  gid: string;
  mode: number;
}

export type RestartCondition = 'none' | 'on-failure' | 'any';

export interface RestartPolicy {
  condition: RestartCondition;
  delayMs: number;
  /** 0: no limit */
  maxAttempts: number;
  /** restarts older than this do not count against maxAttempts; 0: all count */
  windowMs: number;
}

export interface PlacementPreference {
  /** a node attribute to spread over, e.g. `node.labels.zone` */
  spread: string;
}

export interface Placement {
  /** `node.labels.zone==a`, `node.role!=manager`, … */
  constraints: string[];
  preferences: PlacementPreference[];
  /** 0: no limit */
  maxReplicasPerNode: number;
}

export type PublishMode = 'ingress' | 'host';

export interface PortConfig {
  protocol: 'tcp' | 'udp';
  targetPort: number;
  /** 0: none chosen (host mode picks at random) */
  publishedPort: number;
  publishMode: PublishMode;
}

export interface TaskSpec {
  container: ContainerSpec;
  resources: { limits: Resources; reservations: Resources };
  restartPolicy: RestartPolicy;
  placement: Placement;
  /** changing it replaces every task even if nothing else changed (`service update --force`) */
  forceUpdate: number;
}

export type ServiceMode = { replicated: { replicas: number } } | { global: Record<string, never> };

export interface EndpointSpec {
  mode: 'vip' | 'dnsrr';
  ports: PortConfig[];
}

/** A network a service's tasks join (`--network NAME`, with aliases for its DNS name). */
export interface NetworkAttachmentSpec {
  /** the network's id (the manager resolves names to ids) */
  target: string;
  aliases: string[];
}

/** How tasks are replaced when the spec changes (swarmkit's UpdateConfig; also used for rollbacks). */
export interface UpdateConfig {
  /** tasks replaced at once; 0: all */
  parallelism: number;
  /** pause between batches */
  delayMs: number;
  failureAction: 'pause' | 'continue' | 'rollback';
  /** how long a new task is watched after it runs before it counts as updated */
  monitorMs: number;
  /** failures tolerated, as a fraction of the tasks updated (0..1) */
  maxFailureRatio: number;
  /** stop-first: old task stops before the new one starts; start-first: the other way round */
  order: 'stop-first' | 'start-first';
}

/** A service that starts only once another is running (or healthy): compose's depends_on. */
export interface Dependency {
  /** the other service's full name */
  service: string;
  condition: 'service_started' | 'service_healthy';
}

export interface ServiceSpec {
  name: string;
  labels: Record<string, string>;
  task: TaskSpec;
  mode: ServiceMode;
  endpoint: EndpointSpec;
  /** overlay networks the tasks join; absent in specs written before networks existed */
  networks?: NetworkAttachmentSpec[];
  /** absent: swarm's defaults (DEFAULT_UPDATE_CONFIG, DEFAULT_ROLLBACK_CONFIG) */
  updateConfig?: UpdateConfig;
  rollbackConfig?: UpdateConfig;
  dependsOn?: Dependency[];
}

/** Where a service's rollout stands (`service inspect` → UpdateStatus). */
export interface UpdateStatus {
  state: 'updating' | 'paused' | 'completed' | 'rollback_started' | 'rollback_paused' | 'rollback_completed';
  startedAt: number;
  completedAt: number;
  message: string;
}

export interface Service {
  id: string;
  meta: Meta;
  spec: ServiceSpec;
  /** increases with every change of `spec`; a task made from an older one is out of date */
  specVersion: number;
  previousSpec: ServiceSpec | null;
  /** one virtual IP per network the service is on (endpoint mode vip), from the allocator */
  virtualIps?: NetworkAddress[];
  /** the last or current rollout; absent before the first update */
  updateStatus?: UpdateStatus;
}
