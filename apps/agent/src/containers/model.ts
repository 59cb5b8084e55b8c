/**
 * A container as the engine keeps it, and the pure rules about it: names,
 * ids, what `ps` shows, filters, and when a restart policy restarts.
 */
import * as crypto from 'node:crypto';
import type { PortMapping } from '@berth/network';
import type { OciIdMapping } from '@berth/runtime';
import type { NetworkAttachment } from '../networks/attachment';

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'exited' | 'dead' | 'removing';

export interface RestartPolicy {
  name: 'no' | 'always' | 'unless-stopped' | 'on-failure';
  maximumRetryCount: number;
}

export interface HealthConfig {
  test: string[];
  intervalMs: number;
  timeoutMs: number;
  startPeriodMs: number;
  retries: number;
}

export interface HealthState {
  status: 'starting' | 'healthy' | 'unhealthy';
  failingStreak: number;
  log: { start: string; end: string; exitCode: number; output: string }[];
}

export interface MountRecord {
  type: 'bind' | 'volume' | 'tmpfs';
  /** Host path (bind), volume name, or '' (tmpfs). */
  source: string;
  destination: string;
  readOnly: boolean;
  /** For volumes: the host directory holding its data. */
  hostPath?: string;
  /** A volume made for this container alone (from the image's VOLUME): removed with `rm -v`. */
  anonymous?: boolean;
  options?: string[];
  /** A bind whose missing source is made (`-v`); without it a missing source is an error (`--mount`). */
  createHostPath?: boolean;
}

export interface ContainerRecord {
  id: string;
  name: string;
  created: string;
  /** The image as the user named it, and what it resolved to. */
  image: string;
  imageId: string;
  imageManifest: string;
  /** The process: entrypoint and cmd resolved against the image. */
  path: string;
  args: string[];
  config: {
    env: string[];
    workingDir: string;
    user: string;
    hostname: string;
    labels: Record<string, string>;
    tty: boolean;
    openStdin: boolean;
    stopSignal: string;
    /** how long a stop waits after the stop signal before SIGKILL */
    stopTimeoutMs: number;
    exposedPorts: string[];
    healthcheck: HealthConfig | null;
    entrypoint: string[];
    cmd: string[];
  };
  hostConfig: {
    network: string;
    networkAliases: string[];
    ports: PortMapping[];
    publishAll: boolean;
    restart: RestartPolicy;
    autoRemove: boolean;
    readOnly: boolean;
    memoryBytes: number;
    memorySwapBytes: number;
    cpus: number;
    cpuShares: number;
    pidsLimit: number;
    capAdd: string[];
    capDrop: string[];
    sysctls: Record<string, string>;
    ulimits: { name: string; soft: number; hard: number }[];
    extraHosts: string[];
    dns: string[];
    privileged: boolean;
    /** As given (Docker's HostConfig.SecurityOpt); absent in records made before it was kept */
    securityOpt?: string[];
    /** Docker's --userns: '' or 'host' (absent in records written before it). */
    usernsMode?: string;
  };
  /**
   * The user namespace it runs in, fixed when it is made (berthd --userns-remap then): its
   * directories were made for that root, so a later flag does not change it.
   */
  userns?: ContainerUserns;
  mounts: MountRecord[];
  state: {
    status: ContainerState;
    pid: number;
    exitCode: number;
    oomKilled: boolean;
    error: string;
    startedAt: string;
    finishedAt: string;
    health: HealthState | null;
  };
  restartCount: number;
  /** Stopped or killed by a person: no restart policy brings it back (unless-stopped remembers across agent restarts). */
  manuallyStopped: boolean;
  /** Published ports as bound when it last started (host ports chosen for -P). */
  boundPorts: PortMapping[];
  networks: NetworkAttachment[];
}

export interface ContainerUserns {
  uidMappings: OciIdMapping[];
  gidMappings: OciIdMapping[];
}

export function newContainerId(): string {
  return crypto.randomBytes(32).toString('hex');
}

const NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export function isValidName(name: string): boolean {
  return NAME.test(name);
}

const ADJECTIVES = [
  'admiring',
  'brave',
  'calm',
  'clever',
  'dazzling',
  'eager',
  'focused',
  'gallant',
  'happy',
  'jolly',
  'keen',
  'lucid',
  'modest',
  'nifty',
  'quirky',
  'serene',
  'tender',
  'vibrant',
  'wizardly',
  'zealous',
];
const NAMES = [
  'albattani',
  'bardeen',
  'curie',
  'darwin',
  'euler',
  'fermi',
  'galileo',
  'hopper',
  'knuth',
  'lovelace',
  'meitner',
  'noether',
  'pascal',
  'ritchie',
  'shannon',
  'tesla',
  'turing',
  'volta',
  'wozniak',
  'yonath',
];

/** Docker-style names ("brave_turing"), avoiding TAKEN. RANDOM picks in [0, 1). */
export function generateName(taken: ReadonlySet<string>, random: () => number = Math.random): string {
  for (let attempt = 0; ; attempt++) {
    const name = `${ADJECTIVES[Math.floor(random() * ADJECTIVES.length)]}_${NAMES[Math.floor(random() * NAMES.length)]}${attempt > 10 ? attempt : ''}`;
    if (!taken.has(name)) return name;
  }
}

function ago(fromIso: string, now: number): string {
  const ms = Math.max(0, now - Date.parse(fromIso));
  const s = Math.floor(ms / 1000);
  if (s < 1) return 'Less than a second';
  if (s < 60) return `${s} second${s === 1 ? '' : 's'}`;
  const m = Math.floor(s / 60);
  if (m === 1) return 'About a minute';
  if (m < 60) return `${m} minutes`;
  const h = Math.floor(ms / 3600000 + 0.5);
  if (h === 1) return 'About an hour';
  if (h < 48) return `${h} hours`;
  return `${Math.floor(h / 24)} days`;
}

/** The STATUS column of `docker ps`. */
export function statusText(c: ContainerRecord, now = Date.now()): string {
  const health = c.state.health
    ? ` (${c.state.health.status === 'starting' ? 'health: starting' : c.state.health.status})`
    : '';
  switch (c.state.status) {
    case 'created':
      return 'Created';
    case 'running':
      return `Up ${ago(c.state.startedAt, now)}${health}`;
    case 'paused':
      return `Up ${ago(c.state.startedAt, now)} (Paused)`;
    case 'restarting':
      return `Restarting (${c.state.exitCode}) ${ago(c.state.finishedAt, now)} ago`;
    case 'removing':
      return 'Removal In Progress';
    case 'dead':
      return 'Dead';
    default:
      return `Exited (${c.state.exitCode}) ${ago(c.state.finishedAt, now)} ago`;
  }
}

/** `ps --filter`: name=, id=, status=, label=k[=v], ancestor=, exited=N (each key ORs its values, keys AND). */
export function matchesFilters(c: ContainerRecord, filters: readonly string[]): boolean {
  const by = new Map<string, string[]>();
  for (const f of filters) {
    const eq = f.indexOf('=');
    const key = eq < 0 ? f : f.slice(0, eq);
    by.set(key, [...(by.get(key) ?? []), eq < 0 ? '' : f.slice(eq + 1)]);
  }
  const any = (key: string, test: (v: string) => boolean) => !by.has(key) || by.get(key)!.some(test);
  return (
    any('name', (v) => c.name.includes(v.replace(/^\//, ''))) &&
    any('id', (v) => c.id.startsWith(v)) &&
    any('status', (v) => c.state.status === v) &&
    any('ancestor', (v) => c.image === v || c.imageId.includes(v)) &&
    any('exited', (v) => c.state.status === 'exited' && c.state.exitCode === Number(v)) &&
    any('health', (v) => (c.state.health?.status ?? 'none') === v) &&
    any('label', (v) => {
      const eq = v.indexOf('=');
      return eq < 0 ? v in c.config.labels : c.config.labels[v.slice(0, eq)] === v.slice(eq + 1);
    })
  );
}

/** Whether the policy restarts a container that exited with EXIT_CODE after RESTARTS restarts. */
export function shouldRestart(
  policy: RestartPolicy,
  exitCode: number,
  restarts: number,
  manuallyStopped: boolean,
): boolean {
  if (manuallyStopped) return false;
  switch (policy.name) {
    case 'always':
    case 'unless-stopped':
      return true;
    case 'on-failure':
      return exitCode !== 0 && (policy.maximumRetryCount === 0 || restarts < policy.maximumRetryCount);
    default:
      return false;
  }
}

/**
 * Docker's growing back-off: 100 ms, doubling at each restart, at most a
 * minute; a container that ran 10 s or more starts again from 100 ms.
 */
export function restartDelayMs(previousDelayMs: number, ranForMs: number): number {
  if (ranForMs >= 10000 || previousDelayMs === 0) return 100;
  return Math.min(previousDelayMs * 2, 60000);
}

/** "on-failure:3" → policy; refuses what Docker refuses. */
export function parseRestartPolicy(text: string): RestartPolicy {
  const [name, count] = text.split(':');
  if (name === 'on-failure') {
    const n = count === undefined ? 0 : Number(count);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`invalid restart policy "${text}": the retry count must be a whole number`);
    return { name, maximumRetryCount: n };
  }
  if (name === 'no' || name === 'always' || name === 'unless-stopped') {
    if (count !== undefined)
      throw new Error(
        `invalid restart policy "${text}": maximum retry count cannot be used with restart policy '${name}'`,
      );
    return { name, maximumRetryCount: 0 };
  }
  throw new Error(
    `invalid restart policy "${text}": use no, always, unless-stopped or on-failure[:max-retries]`,
  );
}

/** Running, as far as its processes go: a paused container still holds its network and names. */
export function isRunning(c: Pick<ContainerRecord, 'state'>): boolean {
  return c.state.status === 'running' || c.state.status === 'paused';
}

/** A record written by an older agent, in today's shape (live restore reads what an upgrade left). */
export function upgradeRecord(saved: ContainerRecord): ContainerRecord {
  const config = saved.config as ContainerRecord['config'] & { stopTimeoutS?: number };
  if (config.stopTimeoutMs === undefined && config.stopTimeoutS !== undefined) {
    const { stopTimeoutS, ...rest } = config;
    return { ...saved, config: { ...rest, stopTimeoutMs: stopTimeoutS * 1000 } };
  }
  return saved;
}
