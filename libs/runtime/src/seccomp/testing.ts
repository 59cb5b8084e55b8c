/**
 * A classic BPF interpreter for the opcodes a seccomp filter uses, so tests
 * run compiled programs against seccomp_data inputs. Refuses what the kernel's
 * checker would: unknown opcodes, jumps out of the program, falling off its end.
 */
import { BPF, type BpfInstruction } from './bpf';

export interface SeccompData {
  nr: number;
  arch: number;
  args?: readonly bigint[];
}

export const AUDIT_ARCH = {
  X86_64: 0xc000003e,
  I386: 0x40000003,
  AARCH64: 0xc00000b7,
  ARM: 0x40000028,
} as const;

function word(data: SeccompData, offset: number): number {
  if (offset === 0) return data.nr >>> 0;
  if (offset === 4) return data.arch >>> 0;
  const index = (offset - 16) >> 3;
  if (offset < 16 || offset % 4 !== 0 || index > 5) throw new Error(`BPF: load from offset ${offset}`);
  const arg = BigInt.asUintN(64, data.args?.[index] ?? 0n);
  return Number(offset % 8 === 0 ? arg & 0xffffffffn : arg >> 32n);
}

/** The filter's return value for DATA. */
export function runFilter(program: readonly BpfInstruction[], data: SeccompData): number {
  let a = 0;
  for (let pc = 0, steps = 0; steps < 100000; steps++) {
    if (pc >= program.length) throw new Error(`BPF: pc ${pc} past the end (${program.length})`);
    const { code, jt, jf, k } = program[pc];
    const branch = (taken: boolean) => (pc += 1 + (taken ? jt : jf));
    switch (code) {
      case BPF.LD_W_ABS:
        a = word(data, k);
        pc++;
        break;
      case BPF.ALU_AND_K:
        a = (a & k) >>> 0;
        pc++;
        break;
      case BPF.JA:
        pc += 1 + k;
        break;
      case BPF.JEQ_K:
        branch(a === k >>> 0);
        break;
      case BPF.JGT_K:
        branch(a > k >>> 0);
        break;
      case BPF.JGE_K:
        branch(a >= k >>> 0);
        break;
      case BPF.RET_K:
        return k >>> 0;
      default:
        throw new Error(`BPF: unknown opcode 0x${code.toString(16)} at ${pc}`);
    }
  }
  throw new Error('BPF: loop');
}
