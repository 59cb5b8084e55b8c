/**
 * Classic BPF as seccomp runs it: the few opcodes a filter needs, and an
 * assembler that resolves labels. Conditional jumps reach at most 255
 * instructions ahead (8-bit jt/jf); a jump that cannot is rewritten to jump
 * onto unconditional JAs, whose offset is 32-bit. Pure.
 */

export interface BpfInstruction {
  code: number;
  jt: number;
  jf: number;
  k: number;
}

export const BPF = {
  LD_W_ABS: 0x20, // A = *(u32 *)(seccomp_data + k)
  ALU_AND_K: 0x54, // A &= k
  JA: 0x05, // pc += k
  JEQ_K: 0x15,
  JGT_K: 0x25,
  JGE_K: 0x35,
  RET_K: 0x06,
} as const;

/** Offsets into struct seccomp_data (little-endian hosts: an argument's low word comes first). */
export const SECCOMP_DATA = {
  nr: 0,
  arch: 4,
  argLow: (index: number) => 16 + 8 * index,
  argHigh: (index: number) => 16 + 8 * index + 4,
} as const;

/** The kernel refuses longer programs (BPF_MAXINSNS). */
export const BPF_MAX_INSTRUCTIONS = 4096;

export type Label = string;
/** The instruction right after this one: where a conditional jump falls through. */
export const NEXT: Label = '';

/** Assembly: instructions whose jumps name labels, and the labels themselves. */
export type AsmItem =
  | { kind: 'label'; name: Label }
  | { kind: 'op'; code: number; k: number }
  | { kind: 'jump'; code: number; k: number; jt: Label; jf: Label }
  | { kind: 'ja'; to: Label };

export const asm = {
  label: (name: Label): AsmItem => ({ kind: 'label', name }),
  load: (offset: number): AsmItem => ({ kind: 'op', code: BPF.LD_W_ABS, k: offset }),
  and: (mask: number): AsmItem => ({ kind: 'op', code: BPF.ALU_AND_K, k: mask >>> 0 }),
  ret: (value: number): AsmItem => ({ kind: 'op', code: BPF.RET_K, k: value >>> 0 }),
  jump: (code: number, k: number, jt: Label, jf: Label): AsmItem => ({
    kind: 'jump',
    code,
    k: k >>> 0,
    jt,
    jf,
  }),
  ja: (to: Label): AsmItem => ({ kind: 'ja', to }),
};

const MAX_SHORT_JUMP = 255;

/**
 * Lays the items out and resolves labels. A conditional jump with a target out
 * of reach becomes `jcond jt=0 jf=1; ja TRUE; ja FALSE`; since that moves
 * later code, layout repeats until no further jump needs widening.
 */
export function assemble(items: readonly AsmItem[]): BpfInstruction[] {
  const wide = new Set<number>();
  for (;;) {
    const { labels, starts } = layout(items, wide);
    const distance = (label: Label, from: number) => {
      if (label === NEXT) return 0;
      const at = labels.get(label);
      if (at === undefined) throw new Error(`BPF assembly: no label "${label}"`);
      if (at <= from) throw new Error(`BPF assembly: backward jump to "${label}"`);
      return at - from - 1;
    };
    const tooFar = items.flatMap((item, i) =>
      item.kind === 'jump' &&
      !wide.has(i) &&
      (distance(item.jt, starts[i]) > MAX_SHORT_JUMP || distance(item.jf, starts[i]) > MAX_SHORT_JUMP)
        ? [i]
        : [],
    );
    if (tooFar.length) {
      for (const i of tooFar) wide.add(i);
      continue;
    }

    const out: BpfInstruction[] = [];
    items.forEach((item, i) => {
      const at = starts[i];
      if (item.kind === 'op') out.push({ code: item.code, jt: 0, jf: 0, k: item.k });
      else if (item.kind === 'ja') out.push({ code: BPF.JA, jt: 0, jf: 0, k: distance(item.to, at) });
      else if (item.kind === 'jump' && !wide.has(i))
        out.push({ code: item.code, jt: distance(item.jt, at), jf: distance(item.jf, at), k: item.k });
      else if (item.kind === 'jump') {
        // NEXT of the wide form is the instruction after both JAs
        const far = (label: Label, from: number) =>
          label === NEXT ? 2 - (from - at) : distance(label, from);
        out.push({ code: item.code, jt: 0, jf: 1, k: item.k });
        out.push({ code: BPF.JA, jt: 0, jf: 0, k: far(item.jt, at + 1) });
        out.push({ code: BPF.JA, jt: 0, jf: 0, k: far(item.jf, at + 2) });
      }
    });
    return out;
  }
}

function layout(items: readonly AsmItem[], wide: Set<number>) {
  const labels = new Map<Label, number>();
  const starts: number[] = [];
  let pc = 0;
  items.forEach((item, i) => {
    starts.push(pc);
    if (item.kind === 'label') {
      if (labels.has(item.name)) throw new Error(`BPF assembly: label "${item.name}" defined twice`);
      labels.set(item.name, pc);
    } else pc += item.kind === 'jump' && wide.has(i) ? 3 : 1;
  });
  return { labels, starts };
}

/** struct sock_filter[] as the kernel reads it (host byte order: little-endian), in hex. */
export function encodeProgram(program: readonly BpfInstruction[]): string {
  const buffer = Buffer.alloc(program.length * 8);
  program.forEach((ins, i) => {
    buffer.writeUInt16LE(ins.code, i * 8);
    buffer.writeUInt8(ins.jt, i * 8 + 2);
    buffer.writeUInt8(ins.jf, i * 8 + 3);
    buffer.writeUInt32LE(ins.k >>> 0, i * 8 + 4);
  });
  return buffer.toString('hex');
}
