/**
 * What a caller asks for when it makes a container. The engine API's create and run translate
 * their wire message into it (request-proto.ts), and a task compiles into it
 * (cluster/task-container.ts); the engine's core sees nothing else. Plain data: durations in
 * milliseconds, sizes in bytes, and "the image's" spelled as an empty value.
 */
import type { PortMapping } from '@berth/network';
import type { RestartPolicy } from './model';

export interface MountRequest {
  type: string;
  /** host path (bind), volume name ('' for a new anonymous volume), '' for tmpfs */
  source: string;
  target: string;
  readOnly: boolean;
  options: string[];
  /** `-v`: a missing bind source is made; `--mount` refuses it */
  createHostPath: boolean;
}

/** A health check; an empty test and zero durations or retries take the image's, then Docker's defaults. */
export interface HealthcheckRequest {
  test: string[];
  intervalMs: number;
  timeoutMs: number;
  startPeriodMs: number;
  retries: number;
}

/** A network joined from the start, beside the first. */
export interface EndpointRequest {
  network: string;
  /** CIDR; on overlay networks, the address the cluster's manager gave */
  address: string;
  aliases: string[];
}

export interface ContainerRequest {
  image: string;
  /** '' lets the engine choose one */
  name: string;
  /** null takes the image's ENTRYPOINT; [] clears it (and then the image's CMD too) */
  entrypoint: string[] | null;
  /** [] takes the image's CMD */
  cmd: string[];
  env: string[];
  workingDir: string;
  user: string;
  hostname: string;
  labels: Record<string, string>;
  tty: boolean;
  openStdin: boolean;
  /** bridge (''), none, host, or a network's name */
  network: string;
  networkAliases: string[];
  endpoints: EndpointRequest[];
  ports: PortMapping[];
  publishAll: boolean;
  mounts: MountRequest[];
  memoryBytes: number;
  memorySwapBytes: number;
  cpus: number;
  cpuShares: number;
  pidsLimit: number;
  restart: { name: string; maximumRetryCount: number };
  autoRemove: boolean;
  readOnly: boolean;
  /** null takes the image's */
  healthcheck: HealthcheckRequest | null;
  /** `--no-healthcheck`: none, whatever the image says */
  noHealthcheck: boolean;
  capAdd: string[];
  capDrop: string[];
  stopSignal: string;
  /** null: Docker's 10 s */
  stopTimeoutMs: number | null;
  /** host:ip */
  extraHosts: string[];
  dns: string[];
  privileged: boolean;
  /** Docker's HostConfig.SecurityOpt (security-opt.ts) */
  securityOpt: string[];
  /** Docker's --userns: '' (the daemon's remapping, if any) or 'host' (none for this container). */
  usernsMode: string;
  sysctls: Record<string, string>;
  ulimits: { name: string; soft: number; hard: number }[];
  /** pull the image when it is not here, with these credentials */
  pull: { missing: boolean; auth: { username: string; password: string } | null };
}

/** A request for IMAGE with every other field at its default, then FIELDS. */
export function containerRequest(image: string, fields: Partial<ContainerRequest> = {}): ContainerRequest {
  return {
    image,
    name: '',
    entrypoint: null,
    cmd: [],
    env: [],
    workingDir: '',
    user: '',
    hostname: '',
    labels: {},
    tty: false,
    openStdin: false,
    network: '',
    networkAliases: [],
    endpoints: [],
    ports: [],
    publishAll: false,
    mounts: [],
    memoryBytes: 0,
    memorySwapBytes: 0,
    cpus: 0,
    cpuShares: 0,
    pidsLimit: 0,
    restart: { name: 'no', maximumRetryCount: 0 },
    autoRemove: false,
    readOnly: false,
    healthcheck: null,
    noHealthcheck: false,
    capAdd: [],
    capDrop: [],
    stopSignal: '',
    stopTimeoutMs: null,
    extraHosts: [],
    dns: [],
    privileged: false,
    securityOpt: [],
    usernsMode: '',
    sysctls: {},
    ulimits: [],
    pull: { missing: false, auth: null },
    ...fields,
  };
}

/** RestartPolicy['name'] values, for the edges that check a caller's text. */
export const RESTART_POLICIES: readonly RestartPolicy['name'][] = [
  'no',
  'always',
  'unless-stopped',
  'on-failure',
];

/** A process to run in a running container (`exec`): the engine API's ExecStart, as plain data. */
export interface ExecRequest {
  cmd: string[];
  env: string[];
  /** '' : the container's */
  workingDir: string;
  /** '' : the container's */
  user: string;
  /** a terminal of this size, or pipes */
  terminal: { rows: number; cols: number } | null;
}
