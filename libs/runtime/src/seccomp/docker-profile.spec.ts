import { InvalidSpecError } from '../errors';
import { DOCKER_DEFAULT_CAPABILITIES } from '../oci/docker-defaults';
import { compileSeccomp, SECCOMP_RET } from './compile';
import {
  DOCKER_DEFAULT_PROFILE,
  dockerProfileToOci,
  kernelVersion,
  parseDockerProfile,
  type DockerSeccompProfile,
} from './docker-profile';
import { AARCH64_SYSCALLS, I386_SYSCALLS, X86_64_SYSCALLS } from './syscall-tables';
import { AUDIT_ARCH, runFilter } from './testing';

const EPERM = (SECCOMP_RET.ERRNO | 1) >>> 0;
const DEFAULT_CAPS = [...DOCKER_DEFAULT_CAPABILITIES];
const host = { arch: 'x86_64' as const, kernel: '6.1.0-18-amd64' };

function verdict(profile: DockerSeccompProfile, caps: string[], name: string, args: bigint[] = [], h = host) {
  const oci = dockerProfileToOci(profile, { capabilities: caps, ...h })!;
  const table = h.arch === 'x86_64' ? X86_64_SYSCALLS : AARCH64_SYSCALLS;
  const arch = h.arch === 'x86_64' ? AUDIT_ARCH.X86_64 : AUDIT_ARCH.AARCH64;
  return runFilter(compileSeccomp(oci, h.arch).program, { nr: table[name], arch, args });
}

describe('dockerProfileToOci', () => {
  describe("Docker's default profile", () => {
    const profile = DOCKER_DEFAULT_PROFILE as DockerSeccompProfile;

    it('should load unchanged and compile for x86_64 and aarch64', () => {
      for (const arch of ['x86_64', 'aarch64'] as const) {
        const oci = dockerProfileToOci(profile, { capabilities: DEFAULT_CAPS, arch, kernel: '6.1.0' })!;
        expect(oci.defaultAction).toBe('SCMP_ACT_ERRNO');
        expect(oci.defaultErrnoRet).toBe(1);
        const { program } = compileSeccomp(oci, arch);
        // a search tree over runs of syscalls, not a JEQ per name: a few hundred instructions at most
        expect(program.length).toBeGreaterThan(50);
        expect(program.length).toBeLessThan(600);
      }
    });

    it('should map this host to its architecture and sub-architectures', () => {
      expect(dockerProfileToOci(profile, { capabilities: [], ...host })!.architectures).toEqual([
        'SCMP_ARCH_X86_64',
        'SCMP_ARCH_X86',
        'SCMP_ARCH_X32',
      ]);
      expect(dockerProfileToOci(profile, { capabilities: [], arch: 'aarch64' })!.architectures).toEqual([
        'SCMP_ARCH_AARCH64',
        'SCMP_ARCH_ARM',
      ]);
    });

    it.each([
      'unshare',
      'mount',
      'keyctl',
      'add_key',
      'bpf',
      'perf_event_open',
      'userfaultfd',
      'setns',
      'kexec_load',
      'init_module',
      'io_uring_setup',
      'clone3',
    ])('should refuse %s to a container with the default capabilities', (name) => {
      expect(verdict(profile, DEFAULT_CAPS, name)).toBe(
        name === 'clone3' ? (SECCOMP_RET.ERRNO | 38) >>> 0 : EPERM,
      );
    });

    it.each([
      'read',
      'openat',
      'execve',
      'capset',
      'setresuid',
      'close_range',
      'sendto',
      'futex_waitv',
      'arch_prctl',
    ])('should allow %s to a container with the default capabilities', (name) => {
      expect(verdict(profile, DEFAULT_CAPS, name)).toBe(SECCOMP_RET.ALLOW);
    });

    it('should allow clone without namespace flags and refuse it with CLONE_NEWUSER, unless CAP_SYS_ADMIN', () => {
      expect(verdict(profile, DEFAULT_CAPS, 'clone', [0x01200011n])).toBe(SECCOMP_RET.ALLOW);
      expect(verdict(profile, DEFAULT_CAPS, 'clone', [0x10000000n])).toBe(EPERM);
      expect(verdict(profile, [...DEFAULT_CAPS, 'CAP_SYS_ADMIN'], 'clone', [0x10000000n])).toBe(
        SECCOMP_RET.ALLOW,
      );
    });

    it('should allow what a capability unlocks only when the container has it', () => {
      for (const [cap, name] of [
        ['CAP_SYS_ADMIN', 'mount'],
        ['CAP_SYS_ADMIN', 'unshare'],
        ['CAP_SYS_PTRACE', 'kcmp'],
        ['CAP_SYS_TIME', 'settimeofday'],
        ['CAP_SYS_MODULE', 'init_module'],
        ['CAP_BPF', 'bpf'],
        ['CAP_PERFMON', 'perf_event_open'],
      ]) {
        expect([name, verdict(profile, DEFAULT_CAPS, name)]).toEqual([name, EPERM]);
        expect([name, verdict(profile, [...DEFAULT_CAPS, cap], name)]).toEqual([name, SECCOMP_RET.ALLOW]);
      }
      // with CAP_SYS_ADMIN, clone3 is allowed rather than answered ENOSYS
      expect(verdict(profile, [...DEFAULT_CAPS, 'CAP_SYS_ADMIN'], 'clone3')).toBe(SECCOMP_RET.ALLOW);
    });

    it('should allow socket families except AF_VSOCK (40)', () => {
      expect(verdict(profile, DEFAULT_CAPS, 'socket', [2n])).toBe(SECCOMP_RET.ALLOW);
      expect(verdict(profile, DEFAULT_CAPS, 'socket', [40n])).toBe(EPERM);
      expect(verdict(profile, DEFAULT_CAPS, 'socket', [41n])).toBe(SECCOMP_RET.ALLOW);
    });

    it('should let i386 programs run by their own numbers on x86_64', () => {
      const oci = dockerProfileToOci(profile, { capabilities: DEFAULT_CAPS, ...host })!;
      const { program } = compileSeccomp(oci, 'x86_64');
      expect(runFilter(program, { nr: I386_SYSCALLS.read, arch: AUDIT_ARCH.I386 })).toBe(SECCOMP_RET.ALLOW);
      expect(runFilter(program, { nr: I386_SYSCALLS.unshare, arch: AUDIT_ARCH.I386 })).toBe(EPERM);
    });
  });

  describe('conditions', () => {
    const rule = (extra: object) => ({
      defaultAction: 'SCMP_ACT_ERRNO',
      syscalls: [{ names: ['ptrace'], action: 'SCMP_ACT_ALLOW', ...extra }],
    });
    const kept = (
      profile: DockerSeccompProfile,
      caps: string[] = [],
      h: { arch: 'x86_64' | 'aarch64'; kernel: string } = host,
    ) => dockerProfileToOci(profile, { capabilities: caps, ...h })!.syscalls!.length === 1;

    it('should keep a rule by minimum kernel, ignoring minor revisions and suffixes', () => {
      expect(
        kept(rule({ includes: { minKernel: '4.8' } }), [], { arch: 'x86_64', kernel: '4.8.0-rc5' }),
      ).toBe(true);
      expect(kept(rule({ includes: { minKernel: '4.8' } }), [], { arch: 'x86_64', kernel: '4.7.99' })).toBe(
        false,
      );
      expect(kept(rule({ includes: { minKernel: '4.8' } }), [], { arch: 'x86_64', kernel: '5.0' })).toBe(
        true,
      );
      expect(kept(rule({ excludes: { minKernel: '4.8' } }), [], { arch: 'x86_64', kernel: '4.9' })).toBe(
        false,
      );
      expect(
        kept(rule({ excludes: { minKernel: '4.8' } }), [], { arch: 'x86_64', kernel: '3.10.0-1160.el7' }),
      ).toBe(true);
    });

    it('should keep a rule by Go architecture name', () => {
      expect(kept(rule({ includes: { arches: ['amd64', 'x32'] } }))).toBe(true);
      expect(kept(rule({ includes: { arches: ['arm64'] } }))).toBe(false);
      expect(kept(rule({ includes: { arches: ['arm64'] } }), [], { arch: 'aarch64', kernel: '6.1' })).toBe(
        true,
      );
      expect(kept(rule({ excludes: { arches: ['amd64'] } }))).toBe(false);
    });

    it('should need every included capability and none of the excluded', () => {
      const inc = rule({ includes: { caps: ['CAP_A', 'CAP_B'] } });
      expect(kept(inc, ['CAP_A'])).toBe(false);
      expect(kept(inc, ['CAP_A', 'CAP_B'])).toBe(true);
      const exc = rule({ excludes: { caps: ['CAP_A', 'CAP_B'] } });
      expect(kept(exc, ['CAP_B'])).toBe(false);
      expect(kept(exc, ['CAP_C'])).toBe(true);
    });

    it("should read an old profile's single 'name' and its 'architectures'", () => {
      const old = {
        defaultAction: 'SCMP_ACT_ERRNO',
        architectures: ['SCMP_ARCH_X86_64'],
        syscalls: [{ name: 'read', action: 'SCMP_ACT_ALLOW' }],
      };
      expect(dockerProfileToOci(old, { capabilities: [], ...host })).toEqual({
        defaultAction: 'SCMP_ACT_ERRNO',
        architectures: ['SCMP_ARCH_X86_64'],
        syscalls: [{ names: ['read'], action: 'SCMP_ACT_ALLOW' }],
      });
    });

    it('should give no filter for a profile with neither default action nor rules, as moby', () => {
      expect(dockerProfileToOci({}, { capabilities: [], ...host })).toBeNull();
    });
  });

  describe('refusals', () => {
    it('should name every problem of a user profile by its place in the file', () => {
      const bad = {
        defaultAction: 'SCMP_ACT_NOTIFY',
        architectures: ['SCMP_ARCH_X86_64'],
        archMap: [{ architecture: 'SCMP_ARCH_X86_64' }],
        syscalls: [
          { name: 'read', names: ['write'], action: 'SCMP_ACT_ALLOW' },
          { names: ['ptrace'], action: 'SCMP_ACT_ALLOW', includes: { minKernel: '4' } },
          { names: ['ptrace'], action: 'SCMP_ACT_SOMETIMES' },
        ],
      };
      let error: unknown;
      try {
        dockerProfileToOci(bad, { capabilities: [], ...host });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidSpecError);
      expect((error as InvalidSpecError).problems.map((p) => p.path)).toEqual([
        'seccomp profile',
        'seccomp profile.syscalls[0]',
        'seccomp profile.syscalls[1].includes.minKernel',
        'seccomp profile.defaultAction',
        'seccomp profile.syscalls[2].action',
      ]);
    });

    it('should refuse text that is not a JSON object', () => {
      expect(() => parseDockerProfile('{')).toThrow(/seccomp profile: is not JSON/);
      expect(() => parseDockerProfile('[]')).toThrow(/must be a JSON object/);
      expect(parseDockerProfile('{"defaultAction":"SCMP_ACT_ALLOW"}')).toEqual({
        defaultAction: 'SCMP_ACT_ALLOW',
      });
    });
  });

  it('should read kernel versions as moby does', () => {
    expect(kernelVersion('6.18.44-fc-v1300')).toEqual([6, 18]);
    expect(() => kernelVersion('linux')).toThrow(/kernel version/);
  });
});
