import type {
  ContainerSpec,
  Dependency,
  EndpointSpec,
  FileReference,
  HealthCheck,
  Mount,
  NetworkAttachmentSpec,
  Placement,
  PortConfig,
  RestartPolicy,
  Service,
  ServiceMode,
  ServiceSpec,
  TaskSpec,
  UpdateConfig,
  UpdateStatus,
} from '../objects';
import {
  array,
  boolean,
  DecodeError,
  nullable,
  number,
  object,
  oneOf,
  optional,
  record,
  string,
  type Decoder,
} from './decoder';
import { entry } from './entry';
import { count, decodeMeta, decodeNetworkAddress, decodeResources, duration } from './common';
import { labels, LIMITS, message, name, strings, text } from './limits';

const argument = string(LIMITS.argument);
const port = number({ max: 65_535 });
/** a ulimit: -1 is unlimited */
const ulimitValue = number({ min: -1 });

const decodeMount = object<Mount>({
  type: oneOf(['volume', 'bind', 'tmpfs'] as const),
  source: text,
  target: text,
  readOnly: boolean,
});

const decodeHealthCheck = object<HealthCheck>({
  test: strings(argument),
  intervalMs: duration,
  timeoutMs: duration,
  retries: count,
  startPeriodMs: duration,
});

const decodeFileReference = object<FileReference>({
  source: name,
  target: text,
  uid: name,
  gid: name,
  mode: number({ max: 0o7777 }),
});

const decodeUlimit = object<NonNullable<ContainerSpec['ulimits']>[number]>({
  name,
  soft: ulimitValue,
  hard: ulimitValue,
});

const decodeSeccomp = object<NonNullable<ContainerSpec['seccomp']>>({
  mode: oneOf(['unconfined', 'custom'] as const),
  profile: argument,
});

export const decodeContainerSpec: Decoder<ContainerSpec> = object<ContainerSpec>({
  image: string(LIMITS.image),
  command: strings(argument),
  args: strings(argument),
  env: strings(argument),
  labels,
  user: name,
  workdir: text,
  hostname: name,
  mounts: array(decodeMount, LIMITS.listItems),
  stopSignal: name,
  stopGracePeriodMs: duration,
  healthcheck: nullable(decodeHealthCheck),
  readOnly: boolean,
  init: boolean,
  capAdd: optional(strings(name)),
  capDrop: optional(strings(name)),
  sysctls: optional(record(text, LIMITS.labelKeys, LIMITS.name)),
  ulimits: optional(array(decodeUlimit, LIMITS.listItems)),
  seccomp: optional(decodeSeccomp),
  secrets: optional(array(decodeFileReference, LIMITS.listItems)),
  configs: optional(array(decodeFileReference, LIMITS.listItems)),
});

const decodeRestartPolicy = object<RestartPolicy>({
  condition: oneOf(['none', 'on-failure', 'any'] as const),
  delayMs: duration,
  maxAttempts: count,
  windowMs: duration,
});

const decodePlacement = object<Placement>({
  constraints: strings(),
  preferences: array(object({ spread: text }), LIMITS.listItems),
  maxReplicasPerNode: count,
});

export const decodePortConfig: Decoder<PortConfig> = object<PortConfig>({
  protocol: oneOf(['tcp', 'udp'] as const),
  targetPort: port,
  publishedPort: port,
  publishMode: oneOf(['ingress', 'host'] as const),
});

export const decodeTaskSpec: Decoder<TaskSpec> = object<TaskSpec>({
  container: decodeContainerSpec,
  resources: object<TaskSpec['resources']>({
    limits: decodeResources,
    reservations: decodeResources,
  }),
  restartPolicy: decodeRestartPolicy,
  placement: decodePlacement,
  forceUpdate: count,
});

/** `{replicated: {replicas}}` or `{global: {}}`, exactly one of them. */
const decodeEitherMode = object<{ replicated?: { replicas: number }; global?: Record<string, never> }>({
  replicated: optional(object<{ replicas: number }>({ replicas: count })),
  global: optional(object<Record<string, never>>({})),
});

export const decodeServiceMode: Decoder<ServiceMode> = (value, path) => {
  const mode = decodeEitherMode(value, path);
  if (mode.replicated && !mode.global) return { replicated: mode.replicated };
  if (mode.global && !mode.replicated) return { global: {} };
  throw new DecodeError('value', path, 'expected either replicated or global');
};

export const decodeEndpointSpec: Decoder<EndpointSpec> = object<EndpointSpec>({
  mode: oneOf(['vip', 'dnsrr'] as const),
  ports: array(decodePortConfig, LIMITS.ports),
});

const decodeNetworkAttachment = object<NetworkAttachmentSpec>({ target: name, aliases: strings(name) });

const decodeUpdateConfig = object<UpdateConfig>({
  parallelism: count,
  delayMs: duration,
  failureAction: oneOf(['pause', 'continue', 'rollback'] as const),
  monitorMs: duration,
  maxFailureRatio: number({ max: 1, integer: false }),
  order: oneOf(['stop-first', 'start-first'] as const),
});

const decodeDependency = object<Dependency>({
  service: name,
  condition: oneOf(['service_started', 'service_healthy'] as const),
});

export const decodeServiceSpec = entry(
  'spec',
  object<ServiceSpec>({
    name,
    labels,
    task: decodeTaskSpec,
    mode: decodeServiceMode,
    endpoint: decodeEndpointSpec,
    networks: optional(array(decodeNetworkAttachment, LIMITS.listItems)),
    updateConfig: optional(decodeUpdateConfig),
    rollbackConfig: optional(decodeUpdateConfig),
    dependsOn: optional(array(decodeDependency, LIMITS.listItems)),
  }),
);

const decodeUpdateStatus = object<UpdateStatus>({
  state: oneOf([
    'updating',
    'paused',
    'completed',
    'rollback_started',
    'rollback_paused',
    'rollback_completed',
  ] as const),
  startedAt: count,
  completedAt: count,
  message,
});

export const decodeService = entry(
  'service',
  object<Service>({
    id: name,
    meta: decodeMeta,
    spec: decodeServiceSpec,
    specVersion: count,
    previousSpec: nullable(decodeServiceSpec),
    virtualIps: optional(array(decodeNetworkAddress, LIMITS.listItems)),
    updateStatus: optional(decodeUpdateStatus),
  }),
);
