/**
 * OCI linux.seccomp → a classic BPF program for one host architecture. Pure.
 *
 * Layout of the program:
 *   load arch; one JEQ per architecture in the filter; else the bad-arch action
 *   per architecture: load nr; (x86_64: x32 numbers → bad-arch); one JEQ per syscall named;
 *                     else the default action
 *   per syscall: its rules in order, each an AND of argument checks ending in its action;
 *                when none matches, the default action
 *
 * Decisions (libseccomp's, unless said):
 * - The host's native architecture is always in the filter; others listed in
 *   `architectures` join it when this host runs them and Berth has their table
 *   (SCMP_ARCH_X86 on x86_64). Any other architecture — unlisted, x32 (Berth
 *   carries no x32 table; most kernels have x32 off), or listed without a
 *   table (SCMP_ARCH_ARM on aarch64) — gets the bad-arch action, KILL_PROCESS:
 *   a program of a foreign ABI must not slip past rules written in another
 *   architecture's numbers.
 * - Names unknown to an architecture are skipped (runc does the same).
 * - Rules whose action is the default action are dropped (runc does too: libseccomp refuses them).
 * - Several rules for one syscall: the first that matches decides.
 * - Argument values are unsigned 64-bit, compared as two 32-bit words; on a
 *   32-bit architecture (i386) only the low word exists.
 */
import { InvalidSpecError } from '../errors';
import type { OciSeccomp, OciSyscallArg, OciSyscallRule } from '../oci/spec';
import {
  assemble,
  asm,
  BPF,
  BPF_MAX_INSTRUCTIONS,
  NEXT,
  SECCOMP_DATA,
  type AsmItem,
  type BpfInstruction,
  type Label,
} from './bpf';
import { AARCH64_SYSCALLS, I386_SYSCALLS, X86_64_SYSCALLS, type SyscallTable } from './syscall-tables';
import { validateSeccomp } from './validate';

export type HostArch = 'x86_64' | 'aarch64';

interface ArchInfo {
  /** AUDIT_ARCH_* as seccomp_data.arch carries it. */
  audit: number;
  table: SyscallTable;
  is64: boolean;
}

const ARCHES: Record<string, ArchInfo> = {
  SCMP_ARCH_X86_64: { audit: 0xc000003e, table: X86_64_SYSCALLS, is64: true },
  SCMP_ARCH_X86: { audit: 0x40000003, table: I386_SYSCALLS, is64: false },
  SCMP_ARCH_AARCH64: { audit: 0xc00000b7, table: AARCH64_SYSCALLS, is64: true },
};

const NATIVE: Record<HostArch, string> = { x86_64: 'SCMP_ARCH_X86_64', aarch64: 'SCMP_ARCH_AARCH64' };
/** The other architectures a host of this kind runs, among those Berth has tables for. */
const COMPAT: Record<HostArch, string[]> = { x86_64: ['SCMP_ARCH_X86'], aarch64: [] };

const X32_SYSCALL_BIT = 0x40000000;

export const SECCOMP_RET = {
  KILL_PROCESS: 0x80000000,
  KILL_THREAD: 0x00000000,
  TRAP: 0x00030000,
  ERRNO: 0x00050000,
  TRACE: 0x7ff00000,
  LOG: 0x7ffc0000,
  ALLOW: 0x7fff0000,
} as const;

const BAD_ARCH_ACTION = SECCOMP_RET.KILL_PROCESS;
const EPERM = 1;

export const SECCOMP_FLAGS: Record<string, number> = {
  SECCOMP_FILTER_FLAG_TSYNC: 1,
  SECCOMP_FILTER_FLAG_LOG: 2,
  SECCOMP_FILTER_FLAG_SPEC_ALLOW: 4,
  SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV: 32,
};

export interface CompiledSeccomp {
  program: BpfInstruction[];
  /** seccomp(2) flags, from `flags`. */
  flags: number;
}

export function hostArch(nodeArch: string = process.arch): HostArch {
  if (nodeArch === 'x64') return 'x86_64';
  if (nodeArch === 'arm64') return 'aarch64';
  throw new Error(`seccomp: Berth has syscall tables for x86_64 and aarch64, not ${nodeArch}`);
}

/** The value seccomp returns for an OCI action; errnoRet only matters to ERRNO and TRACE. */
export function actionValue(action: string, errnoRet: number | undefined): number {
  const data = (errnoRet ?? EPERM) & 0xffff;
  switch (action) {
    case 'SCMP_ACT_ALLOW':
      return SECCOMP_RET.ALLOW;
    case 'SCMP_ACT_ERRNO':
      return (SECCOMP_RET.ERRNO | data) >>> 0;
    case 'SCMP_ACT_TRACE':
      return (SECCOMP_RET.TRACE | data) >>> 0;
    case 'SCMP_ACT_KILL':
    case 'SCMP_ACT_KILL_THREAD':
      return SECCOMP_RET.KILL_THREAD;
    case 'SCMP_ACT_KILL_PROCESS':
      return SECCOMP_RET.KILL_PROCESS;
    case 'SCMP_ACT_TRAP':
      return SECCOMP_RET.TRAP;
    case 'SCMP_ACT_LOG':
      return SECCOMP_RET.LOG;
    default:
      throw new Error(`seccomp: no return value for action ${action}`);
  }
}

export function compileSeccomp(seccomp: OciSeccomp, arch: HostArch): CompiledSeccomp {
  const problems = validateSeccomp(seccomp);
  if (problems.length) throw new InvalidSpecError(problems);
  const defaultValue = actionValue(seccomp.defaultAction, seccomp.defaultErrnoRet);
  const listed = new Set(seccomp.architectures ?? []);
  const arches = [NATIVE[arch], ...COMPAT[arch].filter((a) => listed.has(a))];

  const items: AsmItem[] = [asm.load(SECCOMP_DATA.arch)];
  for (const name of arches) items.push(asm.jump(BPF.JEQ_K, ARCHES[name].audit, `arch:${name}`, NEXT));
  items.push(asm.ret(BAD_ARCH_ACTION));
  for (const name of arches) items.push(...archSection(name, seccomp.syscalls ?? [], defaultValue));

  const program = assemble(items);
  if (program.length > BPF_MAX_INSTRUCTIONS)
    throw new InvalidSpecError([
      {
        path: 'linux.seccomp.syscalls',
        message: `the rules make a filter of ${program.length} BPF instructions; the kernel takes at most ${BPF_MAX_INSTRUCTIONS}: merge rules with the same action`,
      },
    ]);
  const flags = (seccomp.flags ?? []).reduce((all, flag) => all | SECCOMP_FLAGS[flag], 0);
  return { program, flags };
}

function archSection(archName: string, rules: readonly OciSyscallRule[], defaultValue: number): AsmItem[] {
  const { table, is64 } = ARCHES[archName];
  const byNumber = new Map<number, OciSyscallRule[]>();
  for (const rule of rules) {
    if (actionValue(rule.action, rule.errnoRet) === defaultValue) continue;
    for (const name of new Set(rule.names)) {
      if (!Object.hasOwn(table, name)) continue;
      const nr = table[name];
      byNumber.set(nr, [...(byNumber.get(nr) ?? []), rule]);
    }
  }

  const prefix = `${archName}:`;
  const returnLabel = (value: number) => `${prefix}ret:${value}`;
  // where each named number goes: straight to a shared return when its first rule has no arguments
  const outcome = (nr: number): Label => {
    const first = byNumber.get(nr)?.[0];
    if (!first) return returnLabel(defaultValue);
    return first.args?.length ? `${prefix}nr:${nr}` : returnLabel(actionValue(first.action, first.errnoRet));
  };
  const items: AsmItem[] = [asm.label(`arch:${archName}`), asm.load(SECCOMP_DATA.nr)];
  const x32 = archName === 'SCMP_ARCH_X86_64';
  if (x32) items.push(asm.jump(BPF.JGE_K, X32_SYSCALL_BIT, returnLabel(BAD_ARCH_ACTION), NEXT));
  items.push(...searchTree(intervals([...byNumber.keys()], outcome, returnLabel(defaultValue)), prefix));

  const values = new Set([defaultValue, ...(x32 ? [BAD_ARCH_ACTION] : [])]);
  for (const list of byNumber.values())
    if (!list[0].args?.length) values.add(actionValue(list[0].action, list[0].errnoRet));
  for (const value of values) items.push(asm.label(returnLabel(value)), asm.ret(value));

  for (const [nr, list] of byNumber) {
    if (!list[0].args?.length) continue;
    items.push(asm.label(`${prefix}nr:${nr}`));
    list.forEach((rule, i) => {
      const failed = `${prefix}nr:${nr}:rule:${i + 1}`;
      if (i > 0) items.push(asm.label(`${prefix}nr:${nr}:rule:${i}`));
      rule.args?.forEach((arg, j) => {
        const passed = `${prefix}nr:${nr}:rule:${i}:arg:${j}`;
        items.push(...compareArg(arg, is64, passed, failed), asm.label(passed));
      });
      items.push(asm.ret(actionValue(rule.action, rule.errnoRet)));
    });
    items.push(asm.label(`${prefix}nr:${nr}:rule:${list.length}`), asm.ret(defaultValue));
  }
  return items;
}

interface Interval {
  first: number;
  to: Label;
}

/** Every number from 0 to 2^32-1 in runs that go to the same place; the unnamed ones go to FALLBACK. */
function intervals(named: number[], outcome: (nr: number) => Label, fallback: Label): Interval[] {
  const runs: Interval[] = [];
  const add = (first: number, to: Label) => {
    if (runs.at(-1)?.first === first) runs.pop(); // the run of unnamed numbers between two named ones was empty
    if (runs.at(-1)?.to !== to) runs.push({ first, to });
  };
  add(0, fallback);
  for (const nr of [...named].sort((a, b) => a - b)) {
    add(nr, outcome(nr));
    add(nr + 1, fallback);
  }
  return runs;
}

/**
 * A binary search over the runs: log2(runs) comparisons find any syscall's
 * place, where a chain of JEQs costs one per named syscall before it.
 */
function searchTree(runs: Interval[], prefix: string): AsmItem[] {
  if (runs.length === 1) return [asm.ja(runs[0].to)];
  const middle = runs.length >> 1;
  const right = `${prefix}tree:${runs[middle].first}`; // each run starts one subtree at most
  return [
    asm.jump(BPF.JGE_K, runs[middle].first, right, NEXT),
    ...searchTree(runs.slice(0, middle), prefix),
    asm.label(right),
    ...searchTree(runs.slice(middle), prefix),
  ];
}

const TWO_32 = 2 ** 32;
const high = (v: number) => Math.floor(v / TWO_32) >>> 0;
const low = (v: number) => v >>> 0;

/**
 * One argument check: jumps to PASSED or FAILED. The high words decide
 * unless they are equal; then the low words do.
 */
export function compareArg(arg: OciSyscallArg, is64: boolean, passed: Label, failed: Label): AsmItem[] {
  const lo = SECCOMP_DATA.argLow(arg.index);
  const hi = SECCOMP_DATA.argHigh(arg.index);
  const v = arg.value;
  const items: AsmItem[] = [];
  // high words: decide or fall through to the low words
  const onHigh = (ifGreater: Label | null, ifLess: Label) => {
    if (!is64) return;
    items.push(asm.load(hi));
    if (ifGreater !== null) items.push(asm.jump(BPF.JGT_K, high(v), ifGreater, NEXT));
    items.push(asm.jump(BPF.JEQ_K, high(v), NEXT, ifLess));
  };
  switch (arg.op) {
    case 'SCMP_CMP_EQ':
      onHigh(null, failed);
      items.push(asm.load(lo), asm.jump(BPF.JEQ_K, low(v), passed, failed));
      break;
    case 'SCMP_CMP_NE':
      onHigh(null, passed);
      items.push(asm.load(lo), asm.jump(BPF.JEQ_K, low(v), failed, passed));
      break;
    case 'SCMP_CMP_GT':
      onHigh(passed, failed);
      items.push(asm.load(lo), asm.jump(BPF.JGT_K, low(v), passed, failed));
      break;
    case 'SCMP_CMP_GE':
      onHigh(passed, failed);
      items.push(asm.load(lo), asm.jump(BPF.JGE_K, low(v), passed, failed));
      break;
    case 'SCMP_CMP_LT':
      onHigh(failed, passed);
      items.push(asm.load(lo), asm.jump(BPF.JGE_K, low(v), failed, passed));
      break;
    case 'SCMP_CMP_LE':
      onHigh(failed, passed);
      items.push(asm.load(lo), asm.jump(BPF.JGT_K, low(v), failed, passed));
      break;
    case 'SCMP_CMP_MASKED_EQ': {
      // value is the mask, valueTwo the datum: (arg & value) == valueTwo
      const datum = arg.valueTwo ?? 0;
      if (is64) items.push(asm.load(hi), asm.and(high(v)), asm.jump(BPF.JEQ_K, high(datum), NEXT, failed));
      items.push(asm.load(lo), asm.and(low(v)), asm.jump(BPF.JEQ_K, low(datum), passed, failed));
      break;
    }
    default:
      throw new Error(`seccomp: unknown comparison ${arg.op}`);
  }
  return items;
}
