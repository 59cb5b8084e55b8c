/**
 * OCI spec + host facts → the shim's instructions. This is where every
 * runtime decision is made (what to mount, in which order, which device
 * nodes, which capabilities); the shim only carries the list out. Pure.
 */
import * as path from 'node:path';
import { parseMountInfo, type CgroupLayout } from '../cgroups/layout';
import { InvalidSpecError } from '../errors';
import { ANNOTATION, overlayFromAnnotations, type OverlayRoot } from '../oci/annotations';
import { DEFAULT_DEVICE_LINKS, DEFAULT_DEVICE_NODES, DEFAULT_DEVICE_RULES } from '../oci/docker-defaults';
import type { OciDevice, OciDeviceRule, OciMount, OciNamespaceType, OciProcess, OciSpec } from '../oci/spec';
import { capabilityMask } from './capabilities';
import { hasCreateContainerHooks, shimHookInstructions, type HookStateBase } from './hooks';
import type { Instruction } from './instructions';
import { MS, isBindMount, parseMountOptions } from './mount-options';
import { RLIMIT_NUMBERS, rlimitValue } from './rlimits';
import { seccompInstructions } from '../seccomp/instruction';
import {
  boundDevice,
  hasNewUserNamespace,
  idMapInstructions,
  joinsEarly,
  limitsFromOutside,
  premountRoot,
  sysfsMount,
} from './userns';

export interface LogTarget {
  path: string;
  /** Rotate when the file would pass this many bytes; 0 never. */
  maxSize: number;
  maxFiles: number;
}

export interface CreateContext {
  stateDir: string;
  /** The bundle directory; relative paths in the spec are relative to it. */
  bundle: string;
  /** null: the container's stdio is the shim's own (the CLI's `run`). */
  log: LogTarget | null;
  autostart: boolean;
  /** A fifo in the state dir feeds the container's stdin (else /dev/null). */
  openStdin?: boolean;
  cgroupPath: string;
  cgroupLayout: CgroupLayout;
  cgroupProcsFiles: string[];
  /** Whether this kernel has cgroup namespaces (/proc/self/ns/cgroup). */
  cgroupNamespaces: boolean;
  /** Where the terminal's master end goes (runc's --console-socket), else the monitor keeps it. */
  consoleSocket?: string;
  /** The container's state as hooks read it (all but status and pid). */
  hookState: HookStateBase;
}

const NS_FILE: Record<OciNamespaceType, string> = {
  pid: 'pid',
  network: 'net',
  mount: 'mnt',
  ipc: 'ipc',
  uts: 'uts',
  user: 'user',
  cgroup: 'cgroup',
  time: 'time',
};

/** The kernel takes at most a page of mount data; longer overlay options go relative to a common directory. */
const MOUNT_DATA_LIMIT = 4000;

export function rootfsPath(spec: OciSpec, bundle: string): string {
  return path.resolve(bundle, spec.root!.path);
}

export function compileCreate(spec: OciSpec, ctx: CreateContext): Instruction[] {
  const out: Instruction[] = [
    ['state-dir', ctx.stateDir],
    ['rootfs', rootfsPath(spec, ctx.bundle)],
  ];
  if (ctx.log) out.push(['log', ctx.log.path, String(ctx.log.maxSize), String(ctx.log.maxFiles)]);
  for (const file of ctx.cgroupProcsFiles) out.push(['cgroup', file]);
  if (ctx.autostart) out.push(['autostart']);
  if (ctx.openStdin) out.push(['open-stdin']);
  if (ctx.consoleSocket && spec.process?.terminal) out.push(['console-socket', ctx.consoleSocket]);
  const userNs = hasNewUserNamespace(spec);
  for (const ns of spec.linux?.namespaces ?? []) {
    if (ns.type === 'cgroup' && !ctx.cgroupNamespaces) continue;
    out.push([joinsEarly(spec, ns.type, ns.path) ? 'ns-early' : 'ns', ns.type, ns.path ?? '']);
  }
  out.push(...shimHookInstructions(spec, ctx.hookState));
  out.push(...idMapInstructions(spec));

  const network = spec.linux?.namespaces?.find((ns) => ns.type === 'network');
  // the init may not touch a network namespace its user namespace does not own: the monitor does it then
  const loopback: Instruction[] =
    network && spec.annotations?.[ANNOTATION.loopbackUp] === 'true'
      ? [joinsEarly(spec, network.type, network.path) ? ['early-loopback-up'] : ['loopback-up']]
      : [];
  if (!spec.linux?.namespaces?.some((ns) => ns.type === 'mount')) {
    out.push(...sharedMountSteps(spec, ctx, loopback));
    out.push(...limitsFromOutside(spec, processInstructions(spec.process!)));
    out.push(...seccompInstructions(spec.linux?.seccomp));
    return out;
  }
  // our mounts must not reach the host, nor the host's reach us uninvited
  out.push(['rslave-root'], ...loopback);
  const overlay = overlayFromAnnotations(spec.annotations);
  if (userNs && overlay) {
    const { monitor, step } = premountRoot(spec, overlay, rootMount(overlay));
    out.push(...monitor, step);
  } else out.push(rootMount(overlay));
  const { steps, afterPivot } = specMounts(spec, ctx, userNs);
  out.push(...steps);
  if (hasCreateContainerHooks(spec)) out.push(['run-hooks', 'container']);
  out.push(['pivot']);

  for (const [key, value] of Object.entries(spec.linux?.sysctl ?? {}))
    out.push(['sysctl', key.replace(/\./g, '/'), value]);
  out.push(...afterPivot);
  for (const p of spec.linux?.maskedPaths ?? []) out.push(['mask', p]);
  for (const p of spec.linux?.readonlyPaths ?? []) out.push(['readonly', p]);
  if (spec.root?.readonly) out.push(['readonly-root']);
  if (spec.hostname) out.push(['hostname', spec.hostname]);

  out.push(...limitsFromOutside(spec, processInstructions(spec.process!)));
  out.push(...seccompInstructions(spec.linux?.seccomp));
  return out;
}

/**
 * No mount namespace: the host's mount table is the container's. The spec's mounts go under the
 * rootfs (paths resolved inside it, as always), where only the container looks, and the runtime
 * takes them off again when the container is deleted (`mountsUnder`); the root is a chroot, as
 * runc and crun do. What would change the host beyond the rootfs was refused by the validator.
 */
function sharedMountSteps(spec: OciSpec, ctx: CreateContext, loopback: Instruction[]): Instruction[] {
  const out: Instruction[] = [...loopback];
  const { steps, afterPivot } = specMounts(spec, ctx, false);
  if (steps.length) out.push(['root-dir'], ...steps);
  if (hasCreateContainerHooks(spec)) out.push(['run-hooks', 'container']);
  out.push(['chroot'], ...afterPivot);
  if (spec.hostname) out.push(['hostname', spec.hostname]);
  return out;
}

/** The spec's mounts as setup steps (device nodes on a /dev tmpfs), and what waits until the root is in place. */
function specMounts(
  spec: OciSpec,
  ctx: CreateContext,
  userNs: boolean,
): { steps: Instruction[]; afterPivot: Instruction[] } {
  const steps: Instruction[] = [];
  const afterPivot: Instruction[] = [];
  let devIsTmpfs = false;
  for (const specMount of spec.mounts ?? []) {
    const mount = sysfsMount(spec, specMount);
    if (mount.type === 'cgroup') {
      const { before, after } = cgroupMounts(mount, spec, ctx);
      steps.push(...before);
      afterPivot.push(...after);
      continue;
    }
    if (mount.destination === '/dev') devIsTmpfs = mount.type === 'tmpfs';
    steps.push(mountInstruction(mount, ctx.bundle));
  }
  if (devIsTmpfs) steps.push(...deviceNodes(spec.linux?.devices ?? [], userNs));
  return { steps, afterPivot };
}

/**
 * The mount points at or under ROOTFS in MOUNTINFO (/proc/self/mountinfo), deepest first: what a
 * container without a mount namespace left in the host's table, in the order they come off.
 */
export function mountsUnder(mountinfo: string, rootfs: string): string[] {
  const root = rootfs.replace(/\/+$/, '');
  return parseMountInfo(mountinfo)
    .map((m) => m.mountPoint)
    .filter((p) => p === root || p.startsWith(`${root}/`))
    .reverse();
}

function rootMount(overlay: OverlayRoot | null): Instruction {
  if (!overlay) return ['mount-root', '', '', '0', '', ''];
  const data = (lower: string[], upper: string, work: string) =>
    `lowerdir=${lower.join(':')},upperdir=${upper},workdir=${work}`;
  const full = data(overlay.lowerDirs, overlay.upperDir, overlay.workDir);
  if (full.length < MOUNT_DATA_LIMIT) return ['mount-root', 'overlay', 'overlay', '0', full, ''];
  const base = commonDirectory([...overlay.lowerDirs, overlay.upperDir, overlay.workDir]);
  const rel = (p: string) => path.relative(base, p);
  const short = data(overlay.lowerDirs.map(rel), rel(overlay.upperDir), rel(overlay.workDir));
  if (short.length >= MOUNT_DATA_LIMIT)
    throw new InvalidSpecError([
      {
        path: `annotations.${ANNOTATION.overlayLowerDirs}`,
        message: `${overlay.lowerDirs.length} layers make ${short.length} bytes of overlay options even as relative paths; the kernel takes one page (4096)`,
      },
    ]);
  return ['mount-root', 'overlay', 'overlay', '0', short, base];
}

export function commonDirectory(paths: string[]): string {
  const split = paths.map((p) => path.resolve(p).split('/'));
  const common: string[] = [];
  for (let i = 0; split.every((parts) => i < parts.length - 1 && parts[i] === split[0][i]); i++)
    common.push(split[0][i]);
  return common.join('/') || '/';
}

function mountInstruction(mount: OciMount, bundle: string): Instruction {
  const { flags, propagation, data } = parseMountOptions(mount.options);
  if (isBindMount(mount.type, mount.options)) {
    const source = path.resolve(bundle, mount.source ?? '');
    return ['mount', source, mount.destination, '', String(flags | MS.BIND), String(propagation), ''];
  }
  const type = mount.type ?? 'none';
  return ['mount', mount.source ?? type, mount.destination, type, String(flags), String(propagation), data];
}

/**
 * `type: cgroup` means "the container's own cgroups, at DESTINATION". With a
 * cgroup namespace the hierarchies are mounted afresh and show the container's
 * cgroup as their root; without one, its directories are bound from the host.
 */
function cgroupMounts(
  mount: OciMount,
  spec: OciSpec,
  ctx: CreateContext,
): { before: Instruction[]; after: Instruction[] } {
  const { flags } = parseMountOptions(mount.options);
  const dest = mount.destination;
  const layout = ctx.cgroupLayout;
  const ownNamespace =
    ctx.cgroupNamespaces && (spec.linux?.namespaces ?? []).some((n) => n.type === 'cgroup' && !n.path);
  const readonly = (flags & MS.RDONLY) !== 0;
  const fsFlags = String(flags);
  const bindFlags = String(flags | MS.BIND | MS.REC);

  if (layout.mode === 'none') return { before: [], after: [] };
  if (layout.mode === 'v2') {
    const m: Instruction = ownNamespace
      ? ['mount', 'cgroup2', dest, 'cgroup2', fsFlags, '0', '']
      : ['mount', `${layout.mountPoint}/${ctx.cgroupPath}`, dest, '', bindFlags, '0', ''];
    return { before: [m], after: [] };
  }

  const tmpfsFlags = String(MS.NOSUID | MS.NODEV | MS.NOEXEC);
  const before: Instruction[] = [['mount', 'tmpfs', dest, 'tmpfs', tmpfsFlags, '0', 'mode=755']];
  for (const h of layout.hierarchies) {
    const dirName = path.basename(h.mountPoint);
    const target = `${dest}/${dirName}`;
    const data = h.name ? `none,name=${h.name}` : h.controllers.join(',');
    before.push(
      ownNamespace
        ? ['mount', 'cgroup', target, 'cgroup', fsFlags, '0', data]
        : ['mount', `${h.mountPoint}/${ctx.cgroupPath}`, target, '', bindFlags, '0', ''],
    );
    for (const controller of h.controllers)
      if (controller !== dirName) before.push(['symlink', dirName, `${dest}/${controller}`]);
  }
  // the tmpfs must stay writable until its mount points exist: made read-only after pivot_root
  return { before, after: readonly ? [['readonly', dest]] : [] };
}

function deviceNodes(extra: readonly OciDevice[], bindFromHost: boolean): Instruction[] {
  const byPath = new Map<string, OciDevice>();
  for (const d of [...DEFAULT_DEVICE_NODES, ...extra]) byPath.set(d.path, d);
  const out: Instruction[] = [...byPath.values()].map((d): Instruction =>
    bindFromHost
      ? boundDevice(d)
      : [
          'mkdev',
          d.path,
          d.type === 'u' ? 'c' : d.type,
          String(d.major ?? 0),
          String(d.minor ?? 0),
          (d.fileMode ?? 0o666).toString(8),
          String(d.uid ?? 0),
          String(d.gid ?? 0),
        ],
  );
  for (const link of DEFAULT_DEVICE_LINKS) out.push(['symlink', link.target, link.path]);
  // procfs shows /proc/kcore only in the host's user namespace (runc checks the same way)
  if (!byPath.has('/dev/core') && !bindFromHost) out.push(['symlink', '/proc/kcore', '/dev/core']);
  return out;
}

export function processInstructions(proc: OciProcess): Instruction[] {
  const out: Instruction[] = [];
  if (proc.terminal)
    out.push(['terminal', String(proc.consoleSize?.height ?? 0), String(proc.consoleSize?.width ?? 0)]);
  for (const arg of proc.args ?? []) out.push(['arg', arg]);
  for (const env of proc.env ?? []) out.push(['env', env]);
  out.push(['cwd', proc.cwd]);
  out.push(['user', String(proc.user.uid), String(proc.user.gid)]);
  for (const gid of proc.user.additionalGids ?? []) out.push(['group', String(gid)]);
  if (proc.user.umask !== undefined) out.push(['umask', proc.user.umask.toString(8)]);
  const caps = proc.capabilities;
  if (caps) {
    // the kernel raises an ambient capability only if it is permitted and inheritable; like runc, drop the rest
    const ambient = (caps.ambient ?? []).filter(
      (c) => caps.permitted?.includes(c) && caps.inheritable?.includes(c),
    );
    out.push([
      'caps',
      capabilityMask(caps.bounding),
      capabilityMask(caps.effective),
      capabilityMask(caps.permitted),
      capabilityMask(caps.inheritable),
      capabilityMask(ambient),
    ]);
  }
  if (proc.noNewPrivileges) out.push(['no-new-privs']);
  for (const r of proc.rlimits ?? [])
    out.push(['rlimit', String(RLIMIT_NUMBERS[r.type]), rlimitValue(r.soft), rlimitValue(r.hard)]);
  if (proc.oomScoreAdj !== undefined) out.push(['oom-score-adj', String(proc.oomScoreAdj)]);
  return out;
}

/**
 * The device cgroup rules: the spec's own, then Docker's default allow list,
 * then the devices the spec asks to create (runc allows those implicitly).
 */
export function deviceRules(spec: OciSpec): OciDeviceRule[] {
  const created: OciDeviceRule[] = (spec.linux?.devices ?? [])
    .filter((d) => d.type === 'c' || d.type === 'b' || d.type === 'u')
    .map((d) => ({
      allow: true,
      type: d.type === 'b' ? 'b' : 'c',
      major: d.major,
      minor: d.minor,
      access: 'rwm',
    }));
  return [...(spec.linux?.resources?.devices ?? []), ...DEFAULT_DEVICE_RULES, ...created];
}

export interface ExecContext {
  /** The container's init, whose namespaces the process joins. */
  pid: number;
  cgroupProcsFiles: string[];
  cgroupNamespaces: boolean;
}

/** A process to run in a running container: the container's process settings, overridden by the exec's. */
export function compileExec(spec: OciSpec, process: OciProcess, ctx: ExecContext): Instruction[] {
  const out: Instruction[] = [];
  for (const file of ctx.cgroupProcsFiles) out.push(['cgroup', file]);
  // the user namespace last: host root may join the others, but nothing owned by the host's once inside it
  const namespaces = [...(spec.linux?.namespaces ?? [])].sort(
    (a, b) => Number(a.type === 'user') - Number(b.type === 'user'),
  );
  for (const ns of namespaces) {
    if (ns.type === 'cgroup' && !ctx.cgroupNamespaces) continue;
    out.push(['ns', ns.type, `/proc/${ctx.pid}/ns/${NS_FILE[ns.type]}`]);
  }
  out.push(...limitsFromOutside(spec, processInstructions(process)));
  out.push(...seccompInstructions(spec.linux?.seccomp));
  return out;
}
