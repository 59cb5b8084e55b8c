/**
 * Checks a config.json before anything is made, so a bad spec is refused
 * with every problem named and nothing left behind. Pure: host facts (does
 * the rootfs exist?) are checked by the runtime, not here.
 */
import type { SpecProblem } from '../errors';
import { canonicalCapability } from '../plan/capabilities';
import { RLIMIT_NUMBERS } from '../plan/rlimits';
import type { OciSpec } from './spec';
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
  if (spec.linux && !types.has('mount')) problem('linux.namespaces', 'a mount namespace is required');
  if (spec.hostname && !types.has('uts')) problem('hostname', 'setting a hostname needs a uts namespace');

  (spec.mounts ?? []).forEach((m, i) => {
    if (typeof m.destination !== 'string' || !m.destination.startsWith('/'))
      problem(`mounts[${i}].destination`, 'must be an absolute path inside the container');
  });

  validateUserNamespace(spec, problem);
  validateResources(spec, problem);
  return problems;
}

function validateResources(spec: OciSpec, problem: (path: string, message: string) => void): void {
  const r = spec.linux?.resources;
  if (!r) return;
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
  if (r.pids?.limit !== undefined && (!isInt(r.pids.limit) || r.pids.limit < -1))
    problem(
      'linux.resources.pids.limit',
      `must be a positive integer (or -1 for unlimited), got ${r.pids.limit}`,
    );
}
