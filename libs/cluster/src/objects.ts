/**
 * The cluster's objects as plain data: what etcd stores (one JSON value per object), what the
 * scheduler and orchestrators reason about, and what the manager's API returns. Durations are
 * milliseconds, sizes bytes, CPUs nano-CPUs (1e9 = one CPU), times epoch milliseconds.
 */
import { posix } from 'node:path';

/** Set by the store from etcd: `version` is the key's mod_revision, compared on every update. */
export interface Meta {
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface Resources {
  nanoCpus: number;
  memoryBytes: number;
}

// ---- nodes -------------------------------------------------------------------------------

export type NodeRole = 'manager' | 'worker';
export type NodeAvailability = 'active' | 'pause' | 'drain';
/** `down`: missed its heartbeats for the grace period; `disconnected`: left the cluster. */
export type NodeState = 'unknown' | 'ready' | 'down' | 'disconnected';

/** What the operator decides about a node (`berth node update`). */
export interface NodeSpec {
  role: NodeRole;
  availability: NodeAvailability;
  labels: Record<string, string>;
}

/** What the node says about itself when its agent connects. */
export interface NodeDescription {
  hostname: string;
  platform: { os: string; architecture: string };
  resources: Resources;
  engineVersion: string;
  engineLabels: Record<string, string>;
}

export interface NodeStatus {
  state: NodeState;
  message: string;
  /** the address the node's session came from */
  addr: string;
}

/** Docker's ManagerStatus, for manager nodes: worked out when asked (from presence), never stored. */
export interface ManagerStatus {
  leader: boolean;
  reachability: 'reachable' | 'unreachable';
  /** where its manager serves; empty while it is unreachable */
  addr: string;
}

export interface Node {
  id: string;
  meta: Meta;
  spec: NodeSpec;
  description: NodeDescription;
  status: NodeStatus;
  /** set in the API's answers about manager nodes */
  managerStatus?: ManagerStatus;
}

// ---- services ----------------------------------------------------------------------------

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
  /** secrets and configs the tasks get as files (delivery: see docs/architecture.md) */
  secrets?: FileReference[];
  configs?: FileReference[];
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

/** An address on a network: a service's virtual IP, or a task's own address (CIDR, e.g. 10.0.1.5/24). */
export interface NetworkAddress {
  networkId: string;
  address: string;
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

// ---- tasks -------------------------------------------------------------------------------

/**
 * swarmkit's task states, in the only order a task may move through them (DESIGN.md, decision 4).
 * The manager moves a task up to ASSIGNED; the agent reports the rest.
 */
export const TASK_STATES = [
  'new',
  'pending',
  'assigned',
  'accepted',
  'preparing',
  'ready',
  'starting',
  'running',
  'complete',
  'shutdown',
  'failed',
  'rejected',
  'remove',
  'orphaned',
] as const;
export type TaskState = (typeof TASK_STATES)[number];

export interface TaskStatus {
  state: TaskState;
  timestamp: number;
  /** what happened, for people: "started", "no suitable node (…)" */
  message: string;
  /** why it failed, when it failed */
  err: string;
  containerId: string;
  exitCode: number | null;
  /** when its agent first reported it running (the manager notes it); absent if it never ran */
  startedAt?: number;
  /** the last lines its container wrote, when it ended on its own: kept with the task, as its container may not be */
  logTail?: string[];
}

export interface Task {
  id: string;
  meta: Meta;
  serviceId: string;
  /** the service's name when the task was made: names its container (`web.1.<task id>`) */
  serviceName: string;
  /** replicated services: 1..replicas; global services: 0 (the node is the slot) */
  slot: number;
  /** '' until the scheduler assigns it; set at creation for global services */
  nodeId: string;
  spec: TaskSpec;
  /** the service's specVersion this task was made from */
  specVersion: number;
  /** the service's ports when the task was made: host-mode ones are bound on its node */
  endpoint: EndpointSpec;
  /** what the manager wants: running, ready (placed but held, e.g. restart delay), shutdown, remove */
  desiredState: TaskState;
  status: TaskStatus;
  /** times this slot restarted before this task was made (restart policy window and attempts) */
  restarts: number[];
  /** a restart delay holds the task in `ready` until this time */
  notBefore: number;
  /** its address on each of its service's networks, from the allocator (a task waits in `new` for them) */
  networks?: NetworkAddress[];
  /**
   * made while a service it depends_on had not started: not placed until released; the reason
   * ("waiting for db: 0 of 1 running") is its status.err, so `service ps` shows it
   */
  waitingForDependencies?: boolean;
}

// ---- networks ----------------------------------------------------------------------------

/** What `berth network create -d overlay` asks for. */
export interface NetworkSpec {
  name: string;
  driver: 'overlay';
  labels: Record<string, string>;
  /** plain containers (`berth run --network NAME`) may join, not only services' tasks */
  attachable: boolean;
  /** the routing mesh's network, made by the manager */
  ingress: boolean;
  /** '' for the manager to choose one from its pool */
  subnet: string;
}

/** An overlay network: one VXLAN segment across the machines that run its tasks. */
export interface Network {
  id: string;
  meta: Meta;
  spec: NetworkSpec;
  subnet: string;
  gateway: string;
  vni: number;
  /** the ingress network only: each machine's own address on it, the routing mesh's source (allocator) */
  nodeAddresses?: NodeNetworkAddress[];
  /** attachable networks: plain containers on it (`berth run --network NAME`), with their addresses */
  attachments?: ContainerAttachment[];
}

export interface ContainerAttachment {
  id: string;
  nodeId: string;
  containerId: string;
  /** CIDR */
  address: string;
}

export interface NodeNetworkAddress {
  nodeId: string;
  address: string;
}

/** The routing mesh's network: Swarm's name and VXLAN id. */
export const INGRESS_NETWORK_NAME = 'ingress';
export const INGRESS_VNI = 4096;
export const INGRESS_SUBNET = '10.255.0.0/16';

// ---- the cluster itself ------------------------------------------------------------------

export interface ClusterSettings {
  /** a node that sends no heartbeat for this long is down (swarm's dispatcher heartbeat period × grace) */
  heartbeatGraceMs: number;
  /** dead tasks kept per slot (`docker swarm update --task-history-limit`) */
  taskHistoryLimit: number;
}

/** The one cluster object, made by `berth cluster init`. */
export interface Cluster {
  id: string;
  meta: Meta;
  settings: ClusterSettings;
  /** the cluster CA: certificate in clear, key sealed with the managers' unlock key */
  ca: { certPem: string; sealedKey: string };
  joinTokens: { worker: string; manager: string };
  /**
   * the key secrets are sealed with in etcd (32 random bytes, base64), itself sealed with the
   * managers' unlock key; made with the first secret
   */
  sealedDataKey?: string;
}

// ---- secrets and configs -----------------------------------------------------------------

/** `berth secret create`, `berth config create`, or a stack's `secrets:` and `configs:`. */
export type FileObjectKind = 'secrets' | 'configs';

/** "secret" or "config", for messages. */
export const FILE_OBJECT_WORD: Record<FileObjectKind, string> = { secrets: 'secret', configs: 'config' };

/**
 * Where a reference's file goes in the container, as swarm places it: a secret under
 * /run/secrets unless its target is absolute, a config at the root.
 */
export function fileTarget(kind: FileObjectKind, target: string): string {
  return posix.resolve(kind === 'secrets' ? '/run/secrets' : '/', target);
}

/** The label on everything a stack makes: `stack rm` and `stack ls` find them by it (Docker's name). */
export const STACK_LABEL = 'com.docker.stack.namespace';

/** What a stack deploy did (or would do, with --dry-run), and what `stack rm` removed. */
export interface StackSummary {
  networks: string[];
  created: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
  removedNetworks?: string[];
  /** "secret app_db_password", "config app_nginx" */
  files?: string[];
  removedFiles?: string[];
  /** stack rm: what other stacks' services still use, left in place */
  kept?: string[];
}

export interface FileObjectSpec {
  /** unique among objects of its kind; services refer to it by this name */
  name: string;
  labels: Record<string, string>;
}

/**
 * A secret or a config: content a service's tasks receive as files. Immutable once made, as in
 * swarm: a new content is a new object under a new name.
 */
export interface FileObject {
  id: string;
  meta: Meta;
  spec: FileObjectSpec;
  /** secrets: the content sealed with the cluster's data key; configs: the content, base64 */
  data: string;
  /** sha256 of the content, hex: tells whether a stack's file changed without opening the secret */
  digest: string;
}

/**
 * The content of each secret and config a task uses, as the dispatcher hands it to the task's
 * machine (never stored: a secret is in clear only in a manager's memory, the wire's TLS, and the
 * machine's tmpfs).
 */
export interface FileContent {
  kind: FileObjectKind;
  name: string;
  /** base64 */
  data: string;
}

/**
 * What a machine must know of one overlay network to carry it (sent by the dispatcher): the
 * network, the other machines on it, every live task's address there, and its services' names
 * and virtual IPs for DNS and load balancing.
 */
export interface NetworkView {
  network: Network;
  /** addresses of the other machines with live tasks on this network */
  peers: string[];
  endpoints: NetworkEndpoint[];
  services: NetworkServiceView[];
}

/**
 * A live task's address on a network; on the ingress network also each machine's own (taskId
 * ''), on attachable ones each plain container's (taskId `attachment:<id>`, no service).
 */
export interface NetworkEndpoint {
  taskId: string;
  serviceId: string;
  address: string;
  nodeId: string;
  nodeAddr: string;
  /** the task runs and is wanted running: DNS and load balancing send traffic to it */
  ready: boolean;
}

export interface NetworkServiceView {
  id: string;
  name: string;
  aliases: string[];
  virtualIp: string;
  mode: 'vip' | 'dnsrr';
  /** ingress-mode published ports (ingress network only): every machine answers on them */
  ports?: PortConfig[];
}

/**
 * The networks a service's tasks join: those of its spec, and the ingress network when it
 * publishes a port in ingress mode (the routing mesh reaches its tasks there).
 */
export function serviceNetworks(spec: ServiceSpec, ingress: Network | undefined): NetworkAttachmentSpec[] {
  const own = spec.networks ?? [];
  if (!ingress || !publishesThroughMesh(spec) || own.some((n) => n.target === ingress.id)) return own;
  return [...own, { target: ingress.id, aliases: [] }];
}

/** The service publishes a port in ingress mode: every machine answers on it. */
export function publishesThroughMesh(spec: ServiceSpec): boolean {
  return spec.endpoint.ports.some((p) => p.publishMode === 'ingress' && p.publishedPort > 0);
}

/** Its tasks need addresses from the allocator before they can be placed. */
export function needsAddresses(spec: ServiceSpec): boolean {
  return (spec.networks?.length ?? 0) > 0 || publishesThroughMesh(spec);
}

export function ingressNetworkOf(networks: readonly Network[]): Network | undefined {
  return networks.find((n) => n.spec.ingress);
}
