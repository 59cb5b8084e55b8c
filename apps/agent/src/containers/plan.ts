/**
 * A container request and the image's config → the container the engine will
 * keep; then that container and what the machine resolved for it → the
 * options libs/runtime turns into an OCI spec. Pure: every rule of how
 * `docker run` flags meet an image lives here.
 */
import type { ContainerOptions } from '@berth/runtime';
import type { ContainerConfig } from '@berth/image';
import { publishAll } from '@berth/network';
import { ConflictError, InvalidArgumentError } from '../errors';
import type { ContainerRecord, HealthConfig, MountRecord, RestartPolicy } from './model';
import { RESTART_POLICIES, type ContainerRequest } from './request';
import { checkSeccompProfile, parseSecurityOpts, seccompOption } from './security-opt';
import type { RemapIdentity } from '../system/userns-remap';
import { usernsFor } from './userns-plan';

const SECOND = 1000;
/** Docker's stop timeout when none is given */
const DEFAULT_STOP_TIMEOUT_MS = 10 * SECOND;
const DEFAULT_HEALTH = { intervalMs: 30 * SECOND, timeoutMs: 30 * SECOND, startPeriodMs: 0, retries: 3 };

/** KEY=value lists merged: later names override earlier ones, order kept. */
export function mergeEnv(...lists: (readonly string[] | undefined)[]): string[] {
  const map = new Map<string, string>();
  for (const list of lists)
    for (const e of list ?? []) {
      const eq = e.indexOf('=');
      map.set(eq < 0 ? e : e.slice(0, eq), e);
    }
  return [...map.values()];
}

function healthFrom(request: ContainerRequest, image: ContainerConfig): HealthConfig | null {
  if (request.noHealthcheck) return null;
  const given = request.healthcheck;
  const fromImage = image.Healthcheck;
  const test = given?.test.length ? given.test : fromImage?.Test;
  if (!test?.length || test[0] === 'NONE') return null;
  // the image's durations are Docker's nanoseconds
  const ms = (own: number | undefined, imageNs: number | undefined, fallback: number) =>
    own || (imageNs ? Math.round(imageNs / 1e6) : fallback);
  return {
    test: test[0] === 'CMD' || test[0] === 'CMD-SHELL' ? test : ['CMD-SHELL', test.join(' ')],
    intervalMs: ms(given?.intervalMs, fromImage?.Interval, DEFAULT_HEALTH.intervalMs),
    timeoutMs: ms(given?.timeoutMs, fromImage?.Timeout, DEFAULT_HEALTH.timeoutMs),
    startPeriodMs: ms(given?.startPeriodMs, fromImage?.StartPeriod, DEFAULT_HEALTH.startPeriodMs),
    retries: given?.retries || fromImage?.Retries || DEFAULT_HEALTH.retries,
  };
}

function restartFrom(request: ContainerRequest): RestartPolicy {
  const { name, maximumRetryCount } = request.restart;
  if (!(RESTART_POLICIES as readonly string[]).includes(name))
    throw new InvalidArgumentError(
      `invalid restart policy "${name}": use no, always, unless-stopped or on-failure[:max-retries]`,
    );
  return { name: name as RestartPolicy['name'], maximumRetryCount };
}

function mountsFrom(request: ContainerRequest, image: ContainerConfig): MountRecord[] {
  const mounts: MountRecord[] = request.mounts.map((m) => {
    const type = (m.type || 'volume') as MountRecord['type'];
    if (!['bind', 'volume', 'tmpfs'].includes(type))
      throw new InvalidArgumentError(`mount type "${m.type}" is not supported (bind, volume, tmpfs)`);
    const destination = m.target;
    if (!destination.startsWith('/'))
      throw new InvalidArgumentError(`invalid mount target "${destination}": it must be an absolute path`);
    if (type === 'bind' && !m.source.startsWith('/'))
      throw new InvalidArgumentError(`invalid bind source "${m.source}": it must be an absolute path`);
    return {
      type,
      source: m.source,
      destination,
      readOnly: m.readOnly,
      anonymous: type === 'volume' && !m.source,
      ...(m.options.length ? { options: m.options } : {}),
      ...(type === 'bind' && m.createHostPath ? { createHostPath: true } : {}),
    };
  });
  const seen = new Set<string>();
  for (const m of mounts) {
    if (seen.has(m.destination)) throw new InvalidArgumentError(`Duplicate mount point: ${m.destination}`);
    seen.add(m.destination);
  }
  // the image's VOLUMEs not covered by a mount get an anonymous volume each
  for (const destination of Object.keys(image.Volumes ?? {}))
    if (!seen.has(destination))
      mounts.push({ type: 'volume', source: '', destination, readOnly: false, anonymous: true });
  return mounts;
}

export interface ImageFacts {
  reference: string;
  configDigest: string;
  manifestDigest: string;
  config: ContainerConfig;
}

export function planContainer(
  request: ContainerRequest,
  image: ImageFacts,
  id: string,
  name: string,
  now: Date,
  /** berthd --userns-remap's mappings, or null */
  remap: RemapIdentity | null = null,
): ContainerRecord {
  const ic = image.config;
  const entrypoint = request.entrypoint ?? ic.Entrypoint ?? [];
  const cmd = request.cmd.length ? request.cmd : request.entrypoint ? [] : (ic.Cmd ?? []);
  const argv = [...entrypoint, ...cmd];
  if (!argv.length)
    throw new InvalidArgumentError('No command specified: the image has no CMD or ENTRYPOINT, so give one');
  const workingDir = request.workingDir || ic.WorkingDir || '/';
  if (!workingDir.startsWith('/'))
    throw new InvalidArgumentError(
      `the working directory '${workingDir}' is invalid, it needs to be an absolute path`,
    );
  const restart = restartFrom(request);
  if (request.autoRemove && restart.name !== 'no')
    throw new ConflictError('Conflicting options: --restart and --rm');
  const ports = request.ports;
  const exposed = [
    ...new Set([
      ...Object.keys(ic.ExposedPorts ?? {}),
      ...ports.map((p) => `${p.containerPort}/${p.protocol}`),
    ]),
  ];
  checkSeccompProfile(parseSecurityOpts(request.securityOpt).seccomp);
  const network = request.network || 'bridge';
  const userns = usernsFor({ ...request, network }, remap);
  if (network === 'host' && ports.length)
    throw new InvalidArgumentError(
      'published ports are discarded when using host network mode: drop -p, or use a bridge network',
    );
  return {
    id,
    name,
    created: now.toISOString(),
    image: image.reference,
    imageId: image.configDigest,
    imageManifest: image.manifestDigest,
    path: argv[0],
    args: argv.slice(1),
    config: {
      env: mergeEnv(ic.Env, request.tty ? ['TERM=xterm'] : [], request.env),
      workingDir,
      user: request.user || ic.User || '',
      hostname: request.hostname || id.slice(0, 12),
      labels: { ...ic.Labels, ...request.labels },
      tty: request.tty,
      openStdin: request.openStdin,
      stopSignal: request.stopSignal || ic.StopSignal || 'SIGTERM',
      stopTimeoutMs: request.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS,
      exposedPorts: exposed,
      healthcheck: healthFrom(request, ic),
      entrypoint,
      cmd,
    },
    hostConfig: {
      network,
      networkAliases: request.networkAliases,
      ports: request.publishAll ? [...ports, ...publishAll(exposed, ports)] : ports,
      publishAll: request.publishAll,
      restart,
      autoRemove: request.autoRemove,
      readOnly: request.readOnly,
      memoryBytes: request.memoryBytes,
      memorySwapBytes: request.memorySwapBytes,
      cpus: request.cpus,
      cpuShares: request.cpuShares,
      pidsLimit: request.pidsLimit,
      capAdd: request.capAdd,
      capDrop: request.capDrop,
      sysctls: request.sysctls,
      ulimits: request.ulimits,
      extraHosts: request.extraHosts,
      dns: request.dns,
      privileged: request.privileged,
      ...(request.securityOpt.length ? { securityOpt: request.securityOpt } : {}),
      usernsMode: request.usernsMode,
    },
    ...(userns ? { userns } : {}),
    mounts: mountsFrom(request, ic),
    state: {
      status: 'created',
      pid: 0,
      exitCode: 0,
      oomKilled: false,
      error: '',
      startedAt: '',
      finishedAt: '',
      health: null,
    },
    restartCount: 0,
    manuallyStopped: false,
    boundPorts: [],
    // more networks from the start (a task's overlay networks, with the addresses the cluster gave)
    networks: request.endpoints
      .filter((e) => e.network && e.network !== network)
      .map((e) => ({
        network: e.network,
        ip: '',
        prefixLength: 0,
        gateway: '',
        mac: '',
        aliases: e.aliases,
        ...(e.address ? { requestedAddress: e.address } : {}),
      })),
  };
}

const ULIMITS: Record<string, string> = {
  core: 'RLIMIT_CORE',
  cpu: 'RLIMIT_CPU',
  data: 'RLIMIT_DATA',
  fsize: 'RLIMIT_FSIZE',
  locks: 'RLIMIT_LOCKS',
  memlock: 'RLIMIT_MEMLOCK',
  msgqueue: 'RLIMIT_MSGQUEUE',
  nice: 'RLIMIT_NICE',
  nofile: 'RLIMIT_NOFILE',
  nproc: 'RLIMIT_NPROC',
  rss: 'RLIMIT_RSS',
  rtprio: 'RLIMIT_RTPRIO',
  rttime: 'RLIMIT_RTTIME',
  sigpending: 'RLIMIT_SIGPENDING',
  stack: 'RLIMIT_STACK',
};

/** "nofile=1024:2048" → soft and hard limit. */
export function parseUlimit(text: string): { name: string; soft: number; hard: number } {
  const m = /^([a-z]+)=(-?\d+)(?::(-?\d+))?$/.exec(text);
  if (!m || !ULIMITS[m[1]])
    throw new InvalidArgumentError(
      `invalid ulimit "${text}": use NAME=SOFT[:HARD] with NAME one of ${Object.keys(ULIMITS).join(', ')}`,
    );
  const soft = Number(m[2]);
  const hard = m[3] === undefined ? soft : Number(m[3]);
  if (hard !== -1 && soft > hard)
    throw new InvalidArgumentError(`invalid ulimit "${text}": the soft limit is above the hard one`);
  return { name: m[1], soft, hard };
}

export interface Resolved {
  /** The overlay: image layers (topmost first, the init layer above them) and this container's dirs. */
  lowerDirs: string[];
  upperDir: string;
  workDir: string;
  mergedDir: string;
  user: { uid: number; gid: number; additionalGids: number[] };
  /** For bridge and user networks; none and host need none. */
  netnsPath: string | null;
  etcFiles: { hosts: string; hostname: string; resolvConf: string };
  /** Host directory of each volume mount, by destination. */
  volumeDirs: Record<string, string>;
  /** The terminal's first size (with -t), from the client that attaches. */
  consoleSize?: { rows: number; cols: number };
}

/** The container and what was resolved for it → libs/runtime's options. */
export function runtimeOptions(c: ContainerRecord, r: Resolved): ContainerOptions {
  const h = c.hostConfig;
  const security = parseSecurityOpts(h.securityOpt ?? []);
  const binds = c.mounts
    .filter((m) => m.type !== 'tmpfs')
    .map((m) => ({
      source: m.type === 'bind' ? m.source : r.volumeDirs[m.destination],
      destination: m.destination,
      readOnly: m.readOnly,
    }));
  const tmpfs = c.mounts
    .filter((m) => m.type === 'tmpfs')
    .map((m) => ({
      destination: m.destination,
      options: ['nosuid', 'nodev', 'noexec', ...(m.options ?? [])],
    }));
  return {
    args: [c.path, ...c.args],
    env: mergeEnv([`HOSTNAME=${c.config.hostname}`], c.config.tty ? ['TERM=xterm'] : [], c.config.env),
    ...(c.config.tty ? { terminal: r.consoleSize ?? true } : {}),
    cwd: c.config.workingDir,
    user: r.user,
    hostname: c.config.hostname,
    rootfs: {
      path: r.mergedDir,
      overlay: { lowerDirs: r.lowerDirs, upperDir: r.upperDir, workDir: r.workDir },
    },
    readOnlyRootfs: h.readOnly,
    network:
      h.network === 'host' ? 'host' : h.network === 'none' || !r.netnsPath ? 'none' : { path: r.netnsPath },
    etcFiles: h.network === 'host' ? { hostname: r.etcFiles.hostname } : r.etcFiles,
    mounts: binds,
    tmpfs,
    ...(h.memoryBytes ? { memoryBytes: h.memoryBytes } : {}),
    ...(h.memorySwapBytes ? { memorySwapBytes: h.memorySwapBytes } : {}),
    ...(h.cpus ? { cpus: h.cpus } : {}),
    ...(h.cpuShares ? { cpuShares: h.cpuShares } : {}),
    ...(h.pidsLimit ? { pidsLimit: h.pidsLimit } : {}),
    capAdd: h.privileged ? ['ALL'] : h.capAdd,
    capDrop: h.privileged ? [] : h.capDrop,
    ...seccompOption(h.privileged, security.seccomp),
    ...(security.noNewPrivileges ? { noNewPrivileges: true } : {}),
    sysctls: h.sysctls,
    // the layers stay as pulled, root's: an idmapped mount shows them as the container root's
    ...(c.userns ? { userNamespace: { ...c.userns, idmapLayers: true } } : {}),
    rlimits: h.ulimits.map((u) => ({ type: ULIMITS[u.name], soft: u.soft, hard: u.hard })),
  };
}

/** /etc/hosts as Docker writes it: localhost lines, the container's own address, then --add-host entries. */
export function hostsFile(c: ContainerRecord): string {
  const lines = [
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'ff00::0\tip6-mcastprefix',
    'ff02::1\tip6-allnodes',
    'ff02::2\tip6-allrouters',
  ];
  for (const n of c.networks) lines.push(`${n.ip}\t${c.config.hostname}`);
  for (const extra of c.hostConfig.extraHosts) {
    const colon = extra.indexOf(':');
    lines.push(`${extra.slice(colon + 1)}\t${extra.slice(0, colon)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** resolv.conf: the agent's DNS on user networks; otherwise the host's, without loopback servers a container cannot reach. */
export function resolvConf(
  hostResolv: string,
  opts: { nameservers?: string[]; embeddedDns?: string },
): string {
  if (opts.embeddedDns) return `nameserver ${opts.embeddedDns}\noptions ndots:0\n`;
  const lines = hostResolv.split('\n').filter((l) => !/^\s*nameserver\s+(127\.|::1)/.test(l) && l.trim());
  if (opts.nameservers?.length)
    return `${[...lines.filter((l) => !/^\s*nameserver/.test(l)), ...opts.nameservers.map((n) => `nameserver ${n}`)].join('\n')}\n`;
  if (!lines.some((l) => /^\s*nameserver/.test(l))) lines.push('nameserver 8.8.8.8', 'nameserver 8.8.4.4');
  return `${lines.join('\n')}\n`;
}
