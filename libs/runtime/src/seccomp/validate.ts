/** Checks linux.seccomp before anything is compiled or made; every problem is named with its path. Pure. */
import type { SpecProblem } from '../errors';
import type { OciSeccomp } from '../oci/spec';

export const SECCOMP_ACTIONS = new Set([
  'SCMP_ACT_KILL',
  'SCMP_ACT_KILL_THREAD',
  'SCMP_ACT_KILL_PROCESS',
  'SCMP_ACT_TRAP',
  'SCMP_ACT_ERRNO',
  'SCMP_ACT_TRACE',
  'SCMP_ACT_ALLOW',
  'SCMP_ACT_LOG',
]);

const KNOWN_ARCHES = new Set([
  'SCMP_ARCH_X86',
  'SCMP_ARCH_X86_64',
  'SCMP_ARCH_X32',
  'SCMP_ARCH_ARM',
  'SCMP_ARCH_AARCH64',
  'SCMP_ARCH_MIPS',
  'SCMP_ARCH_MIPS64',
  'SCMP_ARCH_MIPS64N32',
  'SCMP_ARCH_MIPSEL',
  'SCMP_ARCH_MIPSEL64',
  'SCMP_ARCH_MIPSEL64N32',
  'SCMP_ARCH_PPC',
  'SCMP_ARCH_PPC64',
  'SCMP_ARCH_PPC64LE',
  'SCMP_ARCH_S390',
  'SCMP_ARCH_S390X',
  'SCMP_ARCH_PARISC',
  'SCMP_ARCH_PARISC64',
  'SCMP_ARCH_RISCV64',
  'SCMP_ARCH_LOONGARCH64',
  'SCMP_ARCH_M68K',
  'SCMP_ARCH_SH',
  'SCMP_ARCH_SHEB',
]);

const OPS = new Set([
  'SCMP_CMP_NE',
  'SCMP_CMP_LT',
  'SCMP_CMP_LE',
  'SCMP_CMP_EQ',
  'SCMP_CMP_GE',
  'SCMP_CMP_GT',
  'SCMP_CMP_MASKED_EQ',
]);

const FLAGS = new Set([
  'SECCOMP_FILTER_FLAG_TSYNC',
  'SECCOMP_FILTER_FLAG_LOG',
  'SECCOMP_FILTER_FLAG_SPEC_ALLOW',
  'SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV',
]);

/** The kernel keeps 16 bits of an errno action's data and returns at most MAX_ERRNO. */
const MAX_ERRNO = 4095;

const isUint = (v: unknown, max: number): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= max;

export function validateSeccomp(seccomp: OciSeccomp | undefined, base = 'linux.seccomp'): SpecProblem[] {
  if (seccomp === undefined) return [];
  const problems: SpecProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path: `${base}${path}`, message });
  if (!seccomp || typeof seccomp !== 'object') return [{ path: base, message: 'must be an object' }];

  checkAction(seccomp.defaultAction, '.defaultAction', problem);
  if (seccomp.defaultErrnoRet !== undefined && !isUint(seccomp.defaultErrnoRet, MAX_ERRNO))
    problem(
      '.defaultErrnoRet',
      `must be an errno from 0 to ${MAX_ERRNO}, got ${JSON.stringify(seccomp.defaultErrnoRet)}`,
    );
  if (seccomp.listenerPath)
    problem('.listenerPath', 'seccomp notify listeners are not supported by berth-runtime');
  listOf(seccomp.architectures, '.architectures', problem).forEach((arch, i) => {
    if (!KNOWN_ARCHES.has(arch))
      problem(`.architectures[${i}]`, `unknown architecture ${JSON.stringify(arch)}`);
  });
  listOf(seccomp.flags, '.flags', problem).forEach((flag, i) => {
    if (flag === 'SECCOMP_FILTER_FLAG_NEW_LISTENER')
      problem(
        `.flags[${i}]`,
        'SECCOMP_FILTER_FLAG_NEW_LISTENER needs a notify listener, which berth-runtime does not provide',
      );
    else if (!FLAGS.has(flag))
      problem(`.flags[${i}]`, `unknown flag ${JSON.stringify(flag)}; known: ${[...FLAGS].join(', ')}`);
  });
  if (seccomp.syscalls !== undefined && !Array.isArray(seccomp.syscalls))
    problem('.syscalls', 'must be a list of rules');
  (Array.isArray(seccomp.syscalls) ? seccomp.syscalls : []).forEach((rule, i) => {
    const at = `.syscalls[${i}]`;
    if (!rule || typeof rule !== 'object') {
      problem(at, 'must be an object');
      return;
    }
    const names = listOf(rule.names, `${at}.names`, problem);
    if (Array.isArray(rule.names) && names.length === 0)
      problem(`${at}.names`, 'must name at least one syscall');
    checkAction(rule.action, `${at}.action`, problem);
    if (rule.errnoRet !== undefined && !isUint(rule.errnoRet, MAX_ERRNO))
      problem(
        `${at}.errnoRet`,
        `must be an errno from 0 to ${MAX_ERRNO}, got ${JSON.stringify(rule.errnoRet)}`,
      );
    if (rule.args !== undefined && !Array.isArray(rule.args)) {
      problem(`${at}.args`, 'must be a list');
      return;
    }
    (rule.args ?? []).forEach((arg, j) => {
      const argAt = `${at}.args[${j}]`;
      if (!isUint(arg?.index, 5)) problem(`${argAt}.index`, 'must be an argument index from 0 to 5');
      if (!isUint(arg?.value, Number.MAX_SAFE_INTEGER))
        problem(
          `${argAt}.value`,
          'must be a non-negative integer below 2^53 (larger ones lose digits in JSON)',
        );
      if (arg?.valueTwo !== undefined && !isUint(arg.valueTwo, Number.MAX_SAFE_INTEGER))
        problem(
          `${argAt}.valueTwo`,
          'must be a non-negative integer below 2^53 (larger ones lose digits in JSON)',
        );
      if (!OPS.has(arg?.op))
        problem(
          `${argAt}.op`,
          `unknown comparison ${JSON.stringify(arg?.op)}; known: ${[...OPS].join(', ')}`,
        );
    });
  });
  return problems;
}

function checkAction(action: unknown, path: string, problem: (path: string, message: string) => void): void {
  if (action === 'SCMP_ACT_NOTIFY')
    problem(
      path,
      'SCMP_ACT_NOTIFY needs a notify listener (listenerPath), which berth-runtime does not provide',
    );
  else if (typeof action !== 'string' || !SECCOMP_ACTIONS.has(action))
    problem(path, `unknown action ${JSON.stringify(action)}; known: ${[...SECCOMP_ACTIONS].join(', ')}`);
}

function listOf(value: unknown, path: string, problem: (path: string, message: string) => void): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    problem(path, 'must be a list of strings');
    return [];
  }
  return value as string[];
}
