/**
 * Berth's own container options → an OCI spec with Docker's defaults. The
 * engine builds every container through this; the executor never sees
 * anything but the spec.
 */
import { ANNOTATION, overlayAnnotations, type OverlayRoot } from './annotations';
import {
  DEFAULT_PATH,
  DOCKER_DEFAULT_CAPABILITIES,
  DOCKER_DEFAULT_MOUNTS,
  DOCKER_MASKED_PATHS,
  DOCKER_READONLY_PATHS,
} from './docker-defaults';
import { CAPABILITY_NUMBERS, canonicalCapability } from '../plan/capabilities';
import { InvalidSpecError } from '../errors';
import { cpusToQuota } from '../cgroups/resources';
import type { OciIdMapping, OciMount, OciNamespace, OciRlimit, OciSeccomp, OciSpec } from './spec';
import {
  DOCKER_DEFAULT_PROFILE,
  dockerProfileToOci,
  type DockerSeccompProfile,
} from '../seccomp/docker-profile';

export interface BindMount {
  source: string;
  destination: string;
  readOnly?: boolean;
}

export interface ContainerOptions {
  args: string[];
  /** A terminal for stdio (`docker run -t`), of this size when given. */
  terminal?: { rows: number; cols: number } | true;
  env?: string[];
  cwd?: string;
  user?: { uid: number; gid: number; additionalGids?: number[] };
  /** Docker leaves the kernel's default (0022) unless told. */
  umask?: number;
  hostname?: string;
  /** A plain directory, or an overlay of image layers (merged at `path`). */
  rootfs: { path: string; overlay?: OverlayRoot };
  readOnlyRootfs?: boolean;
  /** 'none' (own namespace, loopback only; the default), 'host', or the path of a namespace made for it (e.g. /run/netns/x). */
  network?: 'none' | 'host' | { path: string };
  /** /etc/hosts, /etc/hostname and /etc/resolv.conf, bound from the container's directory. */
  etcFiles?: { hosts?: string; hostname?: string; resolvConf?: string };
  mounts?: BindMount[];
  tmpfs?: { destination: string; options?: string[] }[];
  memoryBytes?: number;
  /** Memory plus swap; Docker's default when only memory is set is twice the memory (swap equal to it). */
  memorySwapBytes?: number;
  cpus?: number;
  cpuShares?: number;
  pidsLimit?: number;
  capAdd?: string[];
  capDrop?: string[];
  noNewPrivileges?: boolean;
  /**
   * Docker's default profile when absent; 'unconfined' for none (`--security-opt seccomp=unconfined`,
   * `--privileged`); or a profile in Docker's format (`--security-opt seccomp=FILE.json`).
   * Either profile is computed for the container's final capability set, as dockerd does.
   */
  seccomp?: 'unconfined' | { profile: DockerSeccompProfile };
  rlimits?: OciRlimit[];
  oomScoreAdj?: number;
  sysctls?: Record<string, string>;
  annotations?: Record<string, string>;
  cgroupsPath?: string;
  /**
   * A user namespace of its own with these mappings (`dockerd --userns-remap`);
   * `idmapLayers`: the overlay's layers are seen through idmapped mounts with them.
   */
  userNamespace?: { uidMappings: OciIdMapping[]; gidMappings: OciIdMapping[]; idmapLayers?: boolean };
}

export function buildSpec(o: ContainerOptions): OciSpec {
  const env = o.env ?? [];
  const caps = capabilitySet(o.capAdd ?? [], o.capDrop ?? []);
  const namespaces: OciNamespace[] = [
    { type: 'pid' },
    { type: 'ipc' },
    { type: 'uts' },
    { type: 'mount' },
    { type: 'cgroup' },
  ];
  if (o.network === undefined || o.network === 'none') namespaces.push({ type: 'network' });
  else if (o.network !== 'host') namespaces.push({ type: 'network', path: o.network.path });
  if (o.userNamespace) namespaces.push({ type: 'user' });

  const mounts: OciMount[] = DOCKER_DEFAULT_MOUNTS.map((m) => ({ ...m, options: [...(m.options ?? [])] }));
  // host networking shows the host's /sys; it cannot be a new sysfs mount without a network namespace of our own
  if (o.network === 'host') {
    const sys = mounts.find((m) => m.destination === '/sys')!;
    Object.assign(sys, {
      type: 'bind',
      source: '/sys',
      options: ['rbind', 'nosuid', 'noexec', 'nodev', 'ro'],
    });
  }
  const etc: [string | undefined, string][] = [
    [o.etcFiles?.resolvConf, '/etc/resolv.conf'],
    [o.etcFiles?.hostname, '/etc/hostname'],
    [o.etcFiles?.hosts, '/etc/hosts'],
  ];
  for (const [source, destination] of etc)
    if (source) mounts.push({ destination, type: 'bind', source, options: ['rbind', 'rprivate'] });
  for (const t of o.tmpfs ?? [])
    mounts.push({
      destination: t.destination,
      type: 'tmpfs',
      source: 'tmpfs',
      options: t.options ?? ['nosuid', 'nodev', 'noexec'],
    });
  for (const m of o.mounts ?? [])
    mounts.push({
      destination: m.destination,
      type: 'bind',
      source: m.source,
      options: ['rbind', m.readOnly ? 'ro' : 'rw', 'rprivate'],
    });

  // deny every device, then the runtime allows Docker's list (DEFAULT_DEVICE_RULES)
  const resources: NonNullable<OciSpec['linux']>['resources'] = {
    devices: [{ allow: false, access: 'rwm' }],
  };
  if (o.memoryBytes !== undefined)
    resources.memory = { limit: o.memoryBytes, swap: o.memorySwapBytes ?? o.memoryBytes * 2 };
  if (o.cpus !== undefined || o.cpuShares !== undefined)
    resources.cpu = {
      ...(o.cpus !== undefined ? cpusToQuota(o.cpus) : {}),
      ...(o.cpuShares ? { shares: o.cpuShares } : {}),
    };
  if (o.pidsLimit !== undefined) resources.pids = { limit: o.pidsLimit };
  const seccomp = seccompFor(o.seccomp, caps);

  return {
    ociVersion: '1.0.2',
    process: {
      terminal: o.terminal !== undefined,
      ...(o.terminal && o.terminal !== true
        ? { consoleSize: { height: o.terminal.rows, width: o.terminal.cols } }
        : {}),
      user: { ...(o.user ?? { uid: 0, gid: 0 }), ...(o.umask !== undefined ? { umask: o.umask } : {}) },
      args: o.args,
      env: env.some((e) => e.startsWith('PATH=')) ? env : [`PATH=${DEFAULT_PATH}`, ...env],
      cwd: o.cwd ?? '/',
      capabilities: { bounding: caps, effective: caps, permitted: caps, inheritable: [], ambient: [] },
      rlimits: o.rlimits ?? [],
      noNewPrivileges: o.noNewPrivileges ?? false,
      ...(o.oomScoreAdj !== undefined ? { oomScoreAdj: o.oomScoreAdj } : {}),
    },
    root: { path: o.rootfs.path, readonly: o.readOnlyRootfs ?? false },
    hostname: o.hostname,
    mounts,
    annotations: {
      ...(o.rootfs.overlay ? overlayAnnotations(o.rootfs.overlay) : {}),
      // a namespace of its own (new, or made for it): loopback up, as Docker has it
      ...(o.network !== 'host' ? { [ANNOTATION.loopbackUp]: 'true' } : {}),
      ...(o.userNamespace?.idmapLayers ? { [ANNOTATION.overlayIdmap]: 'true' } : {}),
      ...o.annotations,
    },
    linux: {
      namespaces,
      ...(o.userNamespace
        ? { uidMappings: o.userNamespace.uidMappings, gidMappings: o.userNamespace.gidMappings }
        : {}),
      resources,
      ...(o.cgroupsPath ? { cgroupsPath: o.cgroupsPath } : {}),
      sysctl: o.sysctls ?? {},
      maskedPaths: [...DOCKER_MASKED_PATHS],
      readonlyPaths: [...DOCKER_READONLY_PATHS],
      ...(seccomp ? { seccomp } : {}),
    },
  };
}

function seccompFor(option: ContainerOptions['seccomp'], capabilities: string[]): OciSeccomp | null {
  if (option === 'unconfined') return null;
  const profile = option?.profile ?? (DOCKER_DEFAULT_PROFILE as DockerSeccompProfile);
  return dockerProfileToOci(profile, { capabilities });
}

/** Docker's default set with --cap-add/--cap-drop applied (`ALL` works in both, as in Docker). */
export function capabilitySet(add: string[], drop: string[]): string[] {
  const isAll = (c: string) => c.toUpperCase() === 'ALL';
  const unknown = [...add, ...drop].filter((c) => !isAll(c) && canonicalCapability(c) === null);
  if (unknown.length)
    throw new InvalidSpecError(
      unknown.map((c) => ({ path: 'capabilities', message: `unknown capability ${c}` })),
    );
  if (add.some(isAll)) return Object.keys(CAPABILITY_NUMBERS);
  const set = new Set<string>(drop.some(isAll) ? [] : DOCKER_DEFAULT_CAPABILITIES);
  for (const c of drop) if (!isAll(c)) set.delete(canonicalCapability(c)!);
  for (const c of add) set.add(canonicalCapability(c)!);
  return [...set];
}
