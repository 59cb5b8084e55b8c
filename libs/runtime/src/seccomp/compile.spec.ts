import { InvalidSpecError } from '../errors';
import type { OciSeccomp, OciSyscallArg } from '../oci/spec';
import { assemble, asm, BPF, encodeProgram, NEXT } from './bpf';
import { compileSeccomp, hostArch, SECCOMP_RET } from './compile';
import { AARCH64_SYSCALLS, I386_SYSCALLS, X86_64_SYSCALLS } from './syscall-tables';
import { AUDIT_ARCH, runFilter, type SeccompData } from './testing';
import { validateSeccomp } from './validate';

const X = X86_64_SYSCALLS;
const ERRNO = (e: number) => (SECCOMP_RET.ERRNO | e) >>> 0;
const x86 = (name: string, args: bigint[] = []): SeccompData => ({
  nr: X[name],
  arch: AUDIT_ARCH.X86_64,
  args,
});

function run(seccomp: OciSeccomp, data: SeccompData, arch: 'x86_64' | 'aarch64' = 'x86_64'): number {
  return runFilter(compileSeccomp(seccomp, arch).program, data);
}

const allowList = (syscalls: OciSeccomp['syscalls'], extra: Partial<OciSeccomp> = {}): OciSeccomp => ({
  defaultAction: 'SCMP_ACT_ERRNO',
  syscalls,
  ...extra,
});

describe('compileSeccomp', () => {
  describe('actions', () => {
    it('should allow a listed syscall and return EPERM for the rest by default', () => {
      const spec = allowList([{ names: ['read', 'write'], action: 'SCMP_ACT_ALLOW' }]);
      expect(run(spec, x86('read'))).toBe(SECCOMP_RET.ALLOW);
      expect(run(spec, x86('write'))).toBe(SECCOMP_RET.ALLOW);
      expect(run(spec, x86('mount'))).toBe(ERRNO(1));
    });

    it('should return defaultErrnoRet for the default action and errnoRet for a rule', () => {
      const spec = allowList([{ names: ['keyctl'], action: 'SCMP_ACT_ERRNO', errnoRet: 38 }], {
        defaultErrnoRet: 13,
      });
      expect(run(spec, x86('keyctl'))).toBe(ERRNO(38));
      expect(run(spec, x86('bpf'))).toBe(ERRNO(13));
    });

    it('should give an ERRNO rule without errnoRet EPERM', () => {
      const spec: OciSeccomp = {
        defaultAction: 'SCMP_ACT_ALLOW',
        syscalls: [{ names: ['bpf'], action: 'SCMP_ACT_ERRNO' }],
      };
      expect(run(spec, x86('bpf'))).toBe(ERRNO(1));
      expect(run(spec, x86('read'))).toBe(SECCOMP_RET.ALLOW);
    });

    it.each([
      ['SCMP_ACT_KILL', SECCOMP_RET.KILL_THREAD],
      ['SCMP_ACT_KILL_THREAD', SECCOMP_RET.KILL_THREAD],
      ['SCMP_ACT_KILL_PROCESS', SECCOMP_RET.KILL_PROCESS],
      ['SCMP_ACT_TRAP', SECCOMP_RET.TRAP],
      ['SCMP_ACT_TRACE', (SECCOMP_RET.TRACE | 1) >>> 0],
      ['SCMP_ACT_LOG', SECCOMP_RET.LOG],
      ['SCMP_ACT_ALLOW', SECCOMP_RET.ALLOW],
    ])('should compile %s as a rule and as the default', (action, value) => {
      const other = action === 'SCMP_ACT_ALLOW' ? 'SCMP_ACT_LOG' : 'SCMP_ACT_ALLOW';
      expect(run({ defaultAction: other, syscalls: [{ names: ['ptrace'], action }] }, x86('ptrace'))).toBe(
        value,
      );
      expect(
        run({ defaultAction: action, syscalls: [{ names: ['read'], action: other }] }, x86('ptrace')),
      ).toBe(value);
    });

    it('should carry errnoRet into TRACE as runc does', () => {
      const spec: OciSeccomp = {
        defaultAction: 'SCMP_ACT_ALLOW',
        syscalls: [{ names: ['ptrace'], action: 'SCMP_ACT_TRACE', errnoRet: 7 }],
      };
      expect(run(spec, x86('ptrace'))).toBe((SECCOMP_RET.TRACE | 7) >>> 0);
    });

    it('should drop rules whose action is the default action, as runc does', () => {
      const spec = allowList([
        { names: ['read'], action: 'SCMP_ACT_ERRNO' },
        { names: ['read'], action: 'SCMP_ACT_ALLOW' },
      ]);
      expect(run(spec, x86('read'))).toBe(SECCOMP_RET.ALLOW);
    });

    it('should translate the flags for seccomp(2)', () => {
      const flags = [
        'SECCOMP_FILTER_FLAG_TSYNC',
        'SECCOMP_FILTER_FLAG_LOG',
        'SECCOMP_FILTER_FLAG_SPEC_ALLOW',
      ];
      expect(compileSeccomp({ defaultAction: 'SCMP_ACT_ALLOW', flags }, 'x86_64').flags).toBe(7);
      expect(compileSeccomp({ defaultAction: 'SCMP_ACT_ALLOW' }, 'x86_64').flags).toBe(0);
    });
  });

  describe('arguments', () => {
    const big = 0x1_0000_0005;
    const cases: Array<[string, number, Array<[bigint, boolean]>]> = [
      [
        'SCMP_CMP_EQ',
        5,
        [
          [5n, true],
          [6n, false],
          [0x1_0000_0005n, false],
          [4n, false],
        ],
      ],
      [
        'SCMP_CMP_EQ',
        big,
        [
          [0x1_0000_0005n, true],
          [5n, false],
          [0x2_0000_0005n, false],
        ],
      ],
      [
        'SCMP_CMP_NE',
        big,
        [
          [0x1_0000_0005n, false],
          [5n, true],
          [0x1_0000_0006n, true],
        ],
      ],
      [
        'SCMP_CMP_GT',
        big,
        [
          [0x1_0000_0006n, true],
          [0x2_0000_0000n, true],
          [big_n(big), false],
          [0x1_0000_0004n, false],
          [0xffff_ffffn, false],
        ],
      ],
      [
        'SCMP_CMP_GE',
        big,
        [
          [0x1_0000_0006n, true],
          [big_n(big), true],
          [0x1_0000_0004n, false],
          [0x0_ffff_ffffn, false],
          [0x2_0000_0000n, true],
        ],
      ],
      [
        'SCMP_CMP_LT',
        big,
        [
          [0x1_0000_0004n, true],
          [0xffff_ffffn, true],
          [big_n(big), false],
          [0x1_0000_0006n, false],
          [0x2_0000_0000n, false],
        ],
      ],
      [
        'SCMP_CMP_LE',
        big,
        [
          [0x1_0000_0004n, true],
          [big_n(big), true],
          [0x1_0000_0006n, false],
          [0x2_0000_0000n, false],
          [0n, true],
        ],
      ],
      [
        'SCMP_CMP_LT',
        38,
        [
          [0n, true],
          [37n, true],
          [38n, false],
          [39n, false],
          [0x1_0000_0000n, false],
        ],
      ],
      [
        'SCMP_CMP_GT',
        40,
        [
          [41n, true],
          [40n, false],
          [0x1_0000_0000n, true],
          [0xffff_ffff_ffff_ffffn, true],
        ],
      ],
    ];
    it.each(cases)('should decide %s %d on all 64 bits', (op, value, inputs) => {
      const spec = allowList([
        { names: ['socket'], action: 'SCMP_ACT_ALLOW', args: [{ index: 2, value, op }] },
      ]);
      for (const [arg, allowed] of inputs)
        expect([arg, run(spec, x86('socket', [0n, 0n, arg]))]).toEqual([
          arg,
          allowed ? SECCOMP_RET.ALLOW : ERRNO(1),
        ]);
    });

    it('should compare (arg & value) == valueTwo for MASKED_EQ, on both words', () => {
      const args: OciSyscallArg[] = [
        { index: 0, value: 0x1_7e02_0000, valueTwo: 0x1_0000_0000, op: 'SCMP_CMP_MASKED_EQ' },
      ];
      const spec = allowList([{ names: ['clone'], action: 'SCMP_ACT_ALLOW', args }]);
      expect(run(spec, x86('clone', [0x1_0000_0011n]))).toBe(SECCOMP_RET.ALLOW);
      expect(run(spec, x86('clone', [0x1_1000_0000n]))).toBe(ERRNO(1)); // CLONE_NEWUSER
      expect(run(spec, x86('clone', [0x11n]))).toBe(ERRNO(1)); // high bit of the mask unset
    });

    it('should treat MASKED_EQ without valueTwo as datum 0 (Docker: clone without namespace flags)', () => {
      const spec = allowList([
        {
          names: ['clone'],
          action: 'SCMP_ACT_ALLOW',
          args: [{ index: 0, value: 2114060288, op: 'SCMP_CMP_MASKED_EQ' }],
        },
      ]);
      expect(run(spec, x86('clone', [0x01200011n]))).toBe(SECCOMP_RET.ALLOW); // fork's flags
      expect(run(spec, x86('clone', [0x10000000n]))).toBe(ERRNO(1));
    });

    it('should AND the arguments of one rule', () => {
      const spec = allowList([
        {
          names: ['ioctl'],
          action: 'SCMP_ACT_ALLOW',
          args: [
            { index: 0, value: 1, op: 'SCMP_CMP_EQ' },
            { index: 1, value: 0x5401, op: 'SCMP_CMP_EQ' },
          ],
        },
      ]);
      expect(run(spec, x86('ioctl', [1n, 0x5401n]))).toBe(SECCOMP_RET.ALLOW);
      expect(run(spec, x86('ioctl', [1n, 0x5402n]))).toBe(ERRNO(1));
      expect(run(spec, x86('ioctl', [2n, 0x5401n]))).toBe(ERRNO(1));
    });

    it('should OR the rules of one syscall, the first match deciding', () => {
      const spec = allowList([
        {
          names: ['personality'],
          action: 'SCMP_ACT_ALLOW',
          args: [{ index: 0, value: 0, op: 'SCMP_CMP_EQ' }],
        },
        {
          names: ['personality'],
          action: 'SCMP_ACT_ERRNO',
          errnoRet: 22,
          args: [{ index: 0, value: 8, op: 'SCMP_CMP_LE' }],
        },
        {
          names: ['personality'],
          action: 'SCMP_ACT_ALLOW',
          args: [{ index: 0, value: 8, op: 'SCMP_CMP_EQ' }],
        },
        {
          names: ['personality'],
          action: 'SCMP_ACT_LOG',
          args: [{ index: 0, value: 0xffffffff, op: 'SCMP_CMP_EQ' }],
        },
      ]);
      expect(run(spec, x86('personality', [0n]))).toBe(SECCOMP_RET.ALLOW);
      expect(run(spec, x86('personality', [8n]))).toBe(ERRNO(22));
      expect(run(spec, x86('personality', [0xffffffffn]))).toBe(SECCOMP_RET.LOG);
      expect(run(spec, x86('personality', [9n]))).toBe(ERRNO(1));
    });

    it('should compare only the low word on a 32-bit architecture', () => {
      const spec = allowList(
        [{ names: ['socket'], action: 'SCMP_ACT_ALLOW', args: [{ index: 0, value: 38, op: 'SCMP_CMP_LT' }] }],
        {
          architectures: ['SCMP_ARCH_X86_64', 'SCMP_ARCH_X86'],
        },
      );
      const i386 = (a: bigint) => ({ nr: I386_SYSCALLS.socket, arch: AUDIT_ARCH.I386, args: [a] });
      expect(run(spec, i386(2n))).toBe(SECCOMP_RET.ALLOW);
      expect(run(spec, i386(38n))).toBe(ERRNO(1));
      // a high word, which i386 has not, does not count there; on x86_64 it does
      expect(run(spec, i386(0x1_0000_0002n))).toBe(SECCOMP_RET.ALLOW);
      expect(run(spec, x86('socket', [0x1_0000_0002n]))).toBe(ERRNO(1));
    });
  });

  describe('architectures', () => {
    const spec = allowList([{ names: ['read', 'socket'], action: 'SCMP_ACT_ALLOW' }], {
      architectures: ['SCMP_ARCH_X86_64', 'SCMP_ARCH_X86', 'SCMP_ARCH_X32'],
    });

    it('should use the i386 numbers for i386 syscalls on x86_64 when SCMP_ARCH_X86 is listed', () => {
      expect(I386_SYSCALLS.read).not.toBe(X.read);
      expect(run(spec, { nr: I386_SYSCALLS.read, arch: AUDIT_ARCH.I386 })).toBe(SECCOMP_RET.ALLOW);
      // 0, x86_64's read, is restart_syscall on i386, which no rule names
      expect(run(spec, { nr: X.read, arch: AUDIT_ARCH.I386 })).toBe(ERRNO(1));
    });

    it('should kill the process for an architecture not in the filter', () => {
      const nativeOnly = allowList([{ names: ['read'], action: 'SCMP_ACT_ALLOW' }]);
      expect(run(nativeOnly, { nr: I386_SYSCALLS.read, arch: AUDIT_ARCH.I386 })).toBe(
        SECCOMP_RET.KILL_PROCESS,
      );
      expect(run(spec, { nr: 0, arch: AUDIT_ARCH.AARCH64 })).toBe(SECCOMP_RET.KILL_PROCESS);
    });

    it('should kill x32 syscalls on x86_64, listed or not (no x32 table)', () => {
      expect(run(spec, { nr: 0x40000000 + X.read, arch: AUDIT_ARCH.X86_64 })).toBe(SECCOMP_RET.KILL_PROCESS);
      expect(run(allowList([]), { nr: 0x40000000, arch: AUDIT_ARCH.X86_64 })).toBe(SECCOMP_RET.KILL_PROCESS);
    });

    it('should include the native architecture even when the list leaves it out', () => {
      const armOnly = allowList([{ names: ['read'], action: 'SCMP_ACT_ALLOW' }], {
        architectures: ['SCMP_ARCH_ARM'],
      });
      expect(run(armOnly, { nr: AARCH64_SYSCALLS.read, arch: AUDIT_ARCH.AARCH64 }, 'aarch64')).toBe(
        SECCOMP_RET.ALLOW,
      );
      expect(run(armOnly, { nr: 3, arch: AUDIT_ARCH.ARM }, 'aarch64')).toBe(SECCOMP_RET.KILL_PROCESS);
    });

    it('should use aarch64 numbers on aarch64 and skip names aarch64 lacks', () => {
      const s = allowList([{ names: ['open', 'openat', 'arch_prctl'], action: 'SCMP_ACT_ALLOW' }]);
      expect(run(s, { nr: AARCH64_SYSCALLS.openat, arch: AUDIT_ARCH.AARCH64 }, 'aarch64')).toBe(
        SECCOMP_RET.ALLOW,
      );
      expect(run(s, { nr: X.open, arch: AUDIT_ARCH.AARCH64 }, 'aarch64')).toBe(ERRNO(1)); // 2 is io_cancel there
    });

    it('should name the host architecture from node', () => {
      expect(hostArch('x64')).toBe('x86_64');
      expect(hostArch('arm64')).toBe('aarch64');
      expect(() => hostArch('s390x')).toThrow(/x86_64 and aarch64, not s390x/);
    });
  });

  describe('names', () => {
    it('should skip names unknown to the architecture', () => {
      const spec = allowList([{ names: ['no_such_call', 'toString', 'read'], action: 'SCMP_ACT_ALLOW' }]);
      expect(run(spec, x86('read'))).toBe(SECCOMP_RET.ALLOW);
      expect(run(spec, x86('write'))).toBe(ERRNO(1));
    });

    it('should answer the default for numbers no rule names, up to the top of the table', () => {
      const spec = allowList([{ names: ['read'], action: 'SCMP_ACT_ALLOW' }]);
      for (const nr of [1, 334, 467, 468, 1000, 0x3fffffff])
        expect(run(spec, { nr, arch: AUDIT_ARCH.X86_64 })).toBe(ERRNO(1));
    });
  });

  describe('long programs', () => {
    it('should reach every syscall of a filter longer than 255 instructions', () => {
      const names = Object.keys(X);
      const spec = allowList(
        names.map((name, i) => ({ names: [name], action: 'SCMP_ACT_ERRNO', errnoRet: (i % 4000) + 2 })),
      );
      const { program } = compileSeccomp(spec, 'x86_64');
      expect(program.length).toBeGreaterThan(3 * 255);
      expect(program.every((i) => i.jt <= 255 && i.jf <= 255)).toBe(true);
      names.forEach((name, i) => expect([name, run(spec, x86(name))]).toEqual([name, ERRNO((i % 4000) + 2)]));
      expect(run(spec, { nr: 999, arch: AUDIT_ARCH.X86_64 })).toBe(ERRNO(1));
    });

    it('should reach argument rules placed after hundreds of instructions', () => {
      const rules = Object.keys(X).map((name) => ({
        names: [name],
        action: 'SCMP_ACT_ALLOW',
        args: [{ index: 1, value: 7, op: 'SCMP_CMP_EQ' }],
      }));
      const spec = allowList(rules);
      for (const name of ['read', 'mount', 'set_mempolicy_home_node']) {
        expect(run(spec, x86(name, [0n, 7n]))).toBe(SECCOMP_RET.ALLOW);
        expect(run(spec, x86(name, [0n, 8n]))).toBe(ERRNO(1));
      }
    });
  });

  it('should refuse rules that make more instructions than the kernel takes (4096)', () => {
    const rules = Array.from({ length: 1000 }, (_, i) => ({
      names: ['ioctl'],
      action: 'SCMP_ACT_ALLOW',
      args: [{ index: 1, value: i, op: 'SCMP_CMP_EQ' }],
    }));
    expect(() => compileSeccomp(allowList(rules), 'x86_64')).toThrow(
      /linux.seccomp.syscalls: the rules make a filter of \d+ BPF instructions; the kernel takes at most 4096/,
    );
    expect(compileSeccomp(allowList(rules.slice(0, 500)), 'x86_64').program.length).toBeLessThanOrEqual(4096);
  });

  describe('validation', () => {
    it('should refuse SCMP_ACT_NOTIFY and the listener flag, naming where', () => {
      const spec: OciSeccomp = {
        defaultAction: 'SCMP_ACT_ALLOW',
        flags: ['SECCOMP_FILTER_FLAG_NEW_LISTENER'],
        syscalls: [{ names: ['mount'], action: 'SCMP_ACT_NOTIFY' }],
      };
      expect(() => compileSeccomp(spec, 'x86_64')).toThrow(InvalidSpecError);
      expect(validateSeccomp(spec).map((p) => p.path)).toEqual([
        'linux.seccomp.flags[0]',
        'linux.seccomp.syscalls[0].action',
      ]);
      expect(validateSeccomp(spec)[1].message).toMatch(/notify listener/);
    });

    it('should name every malformed field', () => {
      const spec = {
        defaultAction: 'SCMP_ACT_MAYBE',
        defaultErrnoRet: -1,
        architectures: ['SCMP_ARCH_Z80'],
        flags: ['SECCOMP_FILTER_FLAG_FAST'],
        syscalls: [
          { names: [], action: 'SCMP_ACT_ALLOW' },
          {
            names: ['read'],
            action: 'SCMP_ACT_ERRNO',
            errnoRet: 70000,
            args: [{ index: 6, value: -1, valueTwo: 2 ** 60, op: 'SCMP_CMP_ABOUT' }],
          },
        ],
      } as unknown as OciSeccomp;
      expect(validateSeccomp(spec).map((p) => p.path)).toEqual([
        'linux.seccomp.defaultAction',
        'linux.seccomp.defaultErrnoRet',
        'linux.seccomp.architectures[0]',
        'linux.seccomp.flags[0]',
        'linux.seccomp.syscalls[0].names',
        'linux.seccomp.syscalls[1].errnoRet',
        'linux.seccomp.syscalls[1].args[0].index',
        'linux.seccomp.syscalls[1].args[0].value',
        'linux.seccomp.syscalls[1].args[0].valueTwo',
        'linux.seccomp.syscalls[1].args[0].op',
      ]);
    });

    it('should accept a well-formed spec and no spec', () => {
      expect(validateSeccomp(undefined)).toEqual([]);
      expect(
        validateSeccomp(
          allowList([
            { names: ['read'], action: 'SCMP_ACT_ALLOW', args: [{ index: 0, value: 1, op: 'SCMP_CMP_EQ' }] },
          ]),
        ),
      ).toEqual([]);
    });
  });
});

describe('assemble', () => {
  it('should widen a conditional jump that cannot reach its target into JAs', () => {
    const filler = Array.from({ length: 300 }, () => asm.load(0));
    const program = assemble([
      asm.load(0),
      asm.jump(BPF.JEQ_K, 1, 'far', NEXT),
      asm.ret(1),
      ...filler,
      asm.label('far'),
      asm.ret(2),
    ]);
    expect(program.slice(1, 4).map((i) => [i.code, i.jt, i.jf])).toEqual([
      [BPF.JEQ_K, 0, 1],
      [BPF.JA, 0, 0],
      [BPF.JA, 0, 0],
    ]);
    expect(runFilter(program, { nr: 1, arch: 0 })).toBe(2);
    expect(runFilter(program, { nr: 0, arch: 0 })).toBe(1);
  });

  it('should refuse a label defined twice, a missing one and a backward jump', () => {
    expect(() => assemble([asm.label('a'), asm.label('a')])).toThrow(/defined twice/);
    expect(() => assemble([asm.ja('nowhere')])).toThrow(/no label/);
    expect(() => assemble([asm.label('a'), asm.ja('a')])).toThrow(/backward/);
  });

  it('should encode struct sock_filter little-endian', () => {
    expect(encodeProgram([{ code: 0x15, jt: 1, jf: 2, k: 0xc000003e }])).toBe('150001023e0000c0');
  });
});

function big_n(v: number): bigint {
  return BigInt(v);
}
