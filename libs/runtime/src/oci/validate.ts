/**
 * Checks a config.json before anything is made, so a bad spec is refused
 * with every problem named and nothing left behind. Pure: host facts (does
 * the rootfs exist?) are checked by the runtime, not here.
 */
import type { SpecProblem } from '../errors';
import { canonicalCapability } from '../plan/capabilities';
import { ANNOTATION, overlayFromAnnotations } from './annotations';
import { RLIMIT_NUMBERS } from '../plan/rlimits';
import { validateSeccomp } from '../seccomp/validate';
import { HOOK_POINTS, type OciHook, type OciResources, type OciSpec } from './spec';
import { validateUserNamespace } from './validate-userns';

const NAMESPACE_TYPES = new Set(['pid', 'network', 'mount', 'ipc', 'uts', 'user', 'cgroup', 'time']);
const UNSUPPORTED_NAMESPACES = new Set(['time']);
/** Docker refuses less: "Minimum memory limit allowed is 6MB". */
export const MIN_MEMORY_BYTES = 6 * 1024 * 1024;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export function validateSpec(spec: OciSpec): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });

  if (!spec || typeof spec !== 'object')
    return [{ path: '(root)', message: 'config.json must hold a JSON object' }];
  if (typeof spec.ociVersion !== 'string') problem('ociVersion', 'missing; runc spec writes e.g. "1.0.2"');
  if (!spec.root?.path) problem('root.path', 'missing: the container needs a root filesystem');

  const proc = spec.process;
  if (!proc) problem('process', 'missing: nothing to run');
  else {
    if (!Array.isArray(proc.args) || proc.args.length === 0 || proc.args.some((a) => typeof a !== 'string'))
      problem('process.args', 'must be a non-empty list of strings (the command to run)');
    if (typeof proc.cwd !== 'string' || !proc.cwd.startsWith('/'))
      problem('process.cwd', 'must be an absolute path');
    if (
      !proc.user ||
      !isInt(proc.user.uid) ||
      !isInt(proc.user.gid) ||
      proc.user.uid < 0 ||
      proc.user.gid < 0
    )
      problem('process.user', 'needs non-negative integer uid and gid');
    if (proc.env?.some((e) => typeof e !== 'string' || !e.includes('=')))
      problem('process.env', 'entries must be strings of the form NAME=value');
    if (
      proc.user?.umask !== undefined &&
      (!isInt(proc.user.umask) || proc.user.umask < 0 || proc.user.umask > 0o777)
    )
      problem('process.user.umask', 'must be an integer from 0 to 0777');
    if (proc.oomScoreAdj !== undefined && (!isInt(proc.oomScoreAdj) || Math.abs(proc.oomScoreAdj) > 1000))
      problem('process.oomScoreAdj', 'must be an integer from -1000 to 1000');
    for (const [set, names] of Object.entries(proc.capabilities ?? {}))
      for (const name of (names as string[] | undefined) ?? [])
        if (canonicalCapability(name) === null)
          problem(`process.capabilities.${set}`, `unknown capability ${name}`);
    (proc.rlimits ?? []).forEach((r, i) => {
      if (!(r.type in RLIMIT_NUMBERS)) problem(`process.rlimits[${i}].type`, `unknown rlimit ${r.type}`);
      if (!isInt(r.soft) || !isInt(r.hard) || r.soft > r.hard)
        problem(`process.rlimits[${i}]`, 'soft and hard must be integers with soft <= hard');
    });
  }

  const types = new Set<string>();
  (spec.linux?.namespaces ?? []).forEach((ns, i) => {
    if (!NAMESPACE_TYPES.has(ns.type))
      problem(`linux.namespaces[${i}].type`, `unknown namespace type "${ns.type}"`);
    else if (UNSUPPORTED_NAMESPACES.has(ns.type))
      problem(`linux.namespaces[${i}].type`, `${ns.type} namespaces are not supported by berth-runtime yet`);
    if (types.has(ns.type)) problem(`linux.namespaces[${i}]`, `namespace "${ns.type}" is listed twice`);
    types.add(ns.type);
  });
  if (spec.linux && !types.has('mount')) sharedMountProblems(spec, problem);
  if (spec.hostname && !types.has('uts')) problem('hostname', 'setting a hostname needs a uts namespace');

  (spec.mounts ?? []).forEach((m, i) => {
    if (typeof m.destination !== 'string' || !m.destination.startsWith('/'))
      problem(`mounts[${i}].destination`, 'must be an absolute path inside the container');
  });

  validateUserNamespace(spec, problem);
  validateResources(spec, problem);
  problems.push(...validateSeccomp(spec.linux?.seccomp));
  validateHooks(spec, problem);
  lsmProblems(spec, problem);
  return problems;
}

const WEIGHT_RANGE = 'must be an integer from 10 to 1000';

function validateIoResources(r: OciResources, problem: (path: string, message: string) => void): void {
  const R = 'linux.resources';
  const weight = (v: unknown) => v === undefined || (isInt(v) && v >= 10 && v <= 1000);
  const device = (d: { major?: unknown; minor?: unknown }) =>
    isInt(d?.major) && isInt(d?.minor) && d.major >= 0 && d.minor >= 0;
  if (r.memory?.disableOOMKiller !== undefined && typeof r.memory.disableOOMKiller !== 'boolean')
    problem(`${R}.memory.disableOOMKiller`, 'must be true or false');
  const io = r.blockIO;
  if (!weight(io?.weight)) problem(`${R}.blockIO.weight`, `${WEIGHT_RANGE}, got ${io?.weight}`);
  if (!weight(io?.leafWeight)) problem(`${R}.blockIO.leafWeight`, `${WEIGHT_RANGE}, got ${io?.leafWeight}`);
  (io?.weightDevice ?? []).forEach((d, i) => {
    if (!device(d)) problem(`${R}.blockIO.weightDevice[${i}]`, 'needs the device’s major and minor numbers');
    if (!weight(d?.weight) || !weight(d?.leafWeight))
      problem(`${R}.blockIO.weightDevice[${i}]`, `weight and leafWeight ${WEIGHT_RANGE}`);
  });
  for (const field of THROTTLE_FIELDS)
    (io?.[field] ?? []).forEach((d, i) => {
      if (!device(d) || !isInt(d?.rate) || d.rate < 0)
        problem(
          `${R}.blockIO.${field}[${i}]`,
          'needs major, minor and a rate that is a non-negative integer',
        );
    });
  const net = r.network;
  if (net?.classID !== undefined && (!isInt(net.classID) || net.classID < 0 || net.classID > 0xffffffff))
    problem(
      `${R}.network.classID`,
      `must be a 32-bit unsigned integer (0xAAAABBBB: class AAAA:BBBB), got ${net.classID}`,
    );
  (net?.priorities ?? []).forEach((p, i) => {
    if (typeof p?.name !== 'string' || !p.name || !isInt(p?.priority) || p.priority < 0)
      problem(`${R}.network.priorities[${i}]`, 'needs an interface name and a non-negative integer priority');
  });
}

const THROTTLE_FIELDS = [
  'throttleReadBpsDevice',
  'throttleWriteBpsDevice',
  'throttleReadIOPSDevice',
  'throttleWriteIOPSDevice',
] as const;

function validateHooks(spec: OciSpec, problem: (path: string, message: string) => void): void {
  for (const [point, hooks] of Object.entries(spec.hooks ?? {})) {
    if (!(HOOK_POINTS as readonly string[]).includes(point)) {
      problem(`hooks.${point}`, `unknown hook point; the spec has ${HOOK_POINTS.join(', ')}`);
      continue;
    }
    if (!Array.isArray(hooks)) {
      problem(`hooks.${point}`, 'must be a list of hooks');
      continue;
    }
    hooks.forEach((hook: OciHook, i) => {
      const at = `hooks.${point}[${i}]`;
      if (typeof hook?.path !== 'string' || !hook.path.startsWith('/'))
        problem(`${at}.path`, 'must be an absolute path to the program to run');
      if (
        hook?.args !== undefined &&
        (!Array.isArray(hook.args) || hook.args.some((a) => typeof a !== 'string'))
      )
        problem(`${at}.args`, 'must be a list of strings (args[0] is the program name, as execv)');
      if (hook?.env?.some((e) => typeof e !== 'string' || !e.includes('=')))
        problem(`${at}.env`, 'entries must be strings of the form NAME=value');
      if (hook?.timeout !== undefined && (!isInt(hook.timeout) || hook.timeout <= 0))
        problem(`${at}.timeout`, `must be a positive number of seconds, got ${hook.timeout}`);
    });
  }
}

/**
 * Without a mount namespace the container shares the host's mount table: berth-runtime then
 * chroots into root.path (as runc and crun do) and makes the spec's mounts under it, taking them
 * off at delete; whatever would reach beyond the rootfs, or needs a mount namespace of its own
 * (masked and read-only paths, as runc says too), is refused.
 */
function sharedMountProblems(spec: OciSpec, problem: (path: string, message: string) => void): void {
  const why = (what: string) =>
    `${what} without a mount namespace would change the host's mount table (linux.namespaces has no "mount", so berth-runtime chroots into root.path and mounts only under it); add a mount namespace or remove it`;
  if (spec.linux?.maskedPaths?.length) problem('linux.maskedPaths', why('masking paths'));
  if (spec.linux?.readonlyPaths?.length) problem('linux.readonlyPaths', why('making paths read-only'));
  if (spec.root?.readonly) problem('root.readonly', why('remounting the root read-only'));
  if (spec.linux?.devices?.length) problem('linux.devices', why('creating device nodes (on a /dev tmpfs)'));
  if (Object.keys(spec.linux?.sysctl ?? {}).length)
    problem('linux.sysctl', why('writing sysctls (through a /proc mounted for the container)'));
  if (spec.linux?.rootfsPropagation)
    problem('linux.rootfsPropagation', why('setting the root’s propagation'));
  if (overlayFromAnnotations(spec.annotations))
    problem(`annotations.${ANNOTATION.overlayLowerDirs}`, why('mounting an overlay root'));
}

function validateResources(spec: OciSpec, problem: (path: string, message: string) => void): void {
  const r = spec.linux?.resources;
  if (!r) return;
  (r.hugepageLimits ?? []).forEach((h, i) => {
    if (typeof h.pageSize !== 'string' || !/^[1-9][0-9]*[KMG]B$/.test(h.pageSize))
      problem(
        `linux.resources.hugepageLimits[${i}].pageSize`,
        `must be a size such as "2MB" or "1GB", got ${JSON.stringify(h.pageSize)}`,
      );
    if (!isInt(h.limit) || h.limit < 0)
      problem(`linux.resources.hugepageLimits[${i}].limit`, `must be a number of bytes, got ${h.limit}`);
  });
  const mem = r.memory;
  if (mem?.limit !== undefined) {
    if (!isInt(mem.limit) || (mem.limit >= 0 && mem.limit < MIN_MEMORY_BYTES))
      problem(
        'linux.resources.memory.limit',
        `must be at least ${MIN_MEMORY_BYTES} bytes (6 MiB), got ${mem.limit}`,
      );
  }
  if (mem?.swap !== undefined) {
    if (
      !isInt(mem.swap) ||
      (mem.swap >= 0 && mem.limit !== undefined && mem.limit >= 0 && mem.swap < mem.limit)
    )
      problem(
        'linux.resources.memory.swap',
        'is memory+swap and must be at least the memory limit (or -1 for unlimited)',
      );
  }
  if (mem?.swappiness !== undefined && (!isInt(mem.swappiness) || mem.swappiness < 0 || mem.swappiness > 100))
    problem('linux.resources.memory.swappiness', 'must be from 0 to 100');
  const cpu = r.cpu;
  if (
    cpu?.shares !== undefined &&
    (!isInt(cpu.shares) || (cpu.shares !== 0 && (cpu.shares < 2 || cpu.shares > 262144)))
  )
    problem('linux.resources.cpu.shares', `must be from 2 to 262144, got ${cpu.shares}`);
  if (
    cpu?.period !== undefined &&
    (!isInt(cpu.period) || (cpu.period !== 0 && (cpu.period < 1000 || cpu.period > 1000000)))
  )
    problem('linux.resources.cpu.period', `must be from 1000 to 1000000 microseconds, got ${cpu.period}`);
  if (
    cpu?.quota !== undefined &&
    (!isInt(cpu.quota) || (cpu.quota > 0 && cpu.quota < 1000) || cpu.quota < -1)
  )
    problem(
      'linux.resources.cpu.quota',
      `must be at least 1000 microseconds (or -1 for unlimited), got ${cpu.quota}`,
    );
  validateIoResources(r, problem);
  if (r.pids?.limit !== undefined && (!isInt(r.pids.limit) || r.pids.limit < -1))
    problem(
      'linux.resources.pids.limit',
      `must be a positive integer (or -1 for unlimited), got ${r.pids.limit}`,
    );
}

/** AppArmor and SELinux are not applied: a profile or label asked for is refused, never silently dropped. */
function lsmProblems(spec: OciSpec, problem: (path: string, message: string) => void): void {
  const lsm = spec as {
    process?: { apparmorProfile?: string; selinuxLabel?: string };
    linux?: { mountLabel?: string };
  };
  const refuse = (path: string, what: string) =>
    problem(
      path,
      `berth-runtime applies no ${what}, so it would not confine the container; remove the field`,
    );
  if (lsm.process?.apparmorProfile) refuse('process.apparmorProfile', 'AppArmor profiles');
  if (lsm.process?.selinuxLabel) refuse('process.selinuxLabel', 'SELinux labels');
  if (lsm.linux?.mountLabel) refuse('linux.mountLabel', 'SELinux mount labels');
}
