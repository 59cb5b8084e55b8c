/**
 * Docker's seccomp profile format → OCI linux.seccomp, as moby's setupSeccomp
 * (github.com/moby/profiles/seccomp) does it: `archMap` picks this host's
 * architecture and its sub-architectures; a rule's `includes`/`excludes` keep
 * or drop it by the container's bounding capabilities, the host's
 * architecture (Go's names: amd64, arm64, x86…) and kernel version. The same
 * function reads Docker's default (docker-default.json) and a user's
 * `--security-opt seccomp=FILE.json`. Pure, given the host facts.
 */
import * as os from 'node:os';
import { InvalidSpecError, type SpecProblem } from '../errors';
import type { OciSeccomp, OciSyscallArg, OciSyscallRule } from '../oci/spec';
import { hostArch, type HostArch } from './compile';
import DOCKER_DEFAULT_PROFILE from './docker-default.json';
import { validateSeccomp } from './validate';

export interface DockerSeccompFilter {
  caps?: string[];
  arches?: string[];
  minKernel?: string;
}

export interface DockerSyscallRule {
  names?: string[];
  /** Older profiles name one syscall per rule. */
  name?: string;
  action: string;
  errnoRet?: number;
  args?: OciSyscallArg[];
  comment?: string;
  includes?: DockerSeccompFilter;
  excludes?: DockerSeccompFilter;
}

export interface DockerSeccompProfile {
  defaultAction?: string;
  defaultErrnoRet?: number;
  architectures?: string[];
  archMap?: Array<{ architecture: string; subArchitectures?: string[] }>;
  flags?: string[];
  listenerPath?: string;
  listenerMetadata?: string;
  syscalls?: DockerSyscallRule[];
}

export interface DockerProfileContext {
  /** The container's bounding capabilities, as CAP_* names. */
  capabilities: readonly string[];
  arch?: HostArch;
  /** The host's kernel release, e.g. "6.1.0-18-amd64" (default: this machine's). */
  kernel?: string;
}

export { DOCKER_DEFAULT_PROFILE };

/** Go's architecture names, which `includes.arches` and `excludes.arches` use. */
const GO_ARCH: Record<HostArch, string> = { x86_64: 'amd64', aarch64: 'arm64' };
const NATIVE_SCMP: Record<HostArch, string> = { x86_64: 'SCMP_ARCH_X86_64', aarch64: 'SCMP_ARCH_AARCH64' };

const WHERE = 'seccomp profile';

/**
 * null when the profile asks for no filter (no default action and no rules), as moby does.
 * Throws InvalidSpecError naming every problem of the profile, by its place in the file.
 */
export function dockerProfileToOci(
  profile: DockerSeccompProfile,
  ctx: DockerProfileContext,
): OciSeccomp | null {
  const problems = profileProblems(profile);
  if (problems.length) throw new InvalidSpecError(problems);
  if (!profile.defaultAction && !profile.syscalls?.length) return null;

  const arch = ctx.arch ?? hostArch();
  const kernel = kernelVersion(ctx.kernel ?? os.release());
  const native = NATIVE_SCMP[arch];
  const mapped = (profile.archMap ?? []).find((a) => a.architecture === native);
  const architectures = profile.archMap
    ? mapped
      ? [mapped.architecture, ...(mapped.subArchitectures ?? [])]
      : []
    : profile.architectures;

  const applies = (rule: DockerSyscallRule) => {
    const has = (cap: string) => ctx.capabilities.includes(cap);
    const ex = rule.excludes;
    if (ex?.arches?.includes(GO_ARCH[arch])) return false;
    if (ex?.caps?.some(has)) return false;
    if (ex?.minKernel && atLeast(kernel, ex.minKernel)) return false;
    const inc = rule.includes;
    if (inc?.arches?.length && !inc.arches.includes(GO_ARCH[arch])) return false;
    if (inc?.caps?.length && !inc.caps.every(has)) return false;
    if (inc?.minKernel && !atLeast(kernel, inc.minKernel)) return false;
    return true;
  };

  const syscalls: OciSyscallRule[] = (profile.syscalls ?? []).filter(applies).map((rule) => ({
    names: rule.names?.length ? rule.names : [rule.name!],
    action: rule.action,
    ...(rule.errnoRet !== undefined && { errnoRet: rule.errnoRet }),
    ...(rule.args?.length && { args: rule.args }),
  }));
  return {
    defaultAction: profile.defaultAction ?? '',
    ...(profile.defaultErrnoRet !== undefined && { defaultErrnoRet: profile.defaultErrnoRet }),
    ...(architectures?.length && { architectures }),
    ...(profile.flags?.length && { flags: profile.flags }),
    ...(profile.listenerPath && { listenerPath: profile.listenerPath }),
    syscalls,
  };
}

/** Docker's profile read from FILE content (`--security-opt seccomp=…` sends the file's text). */
export function parseDockerProfile(text: string): DockerSeccompProfile {
  let profile: unknown;
  try {
    profile = JSON.parse(text);
  } catch (error) {
    throw new InvalidSpecError([{ path: WHERE, message: `is not JSON: ${(error as Error).message}` }]);
  }
  if (!profile || typeof profile !== 'object' || Array.isArray(profile))
    throw new InvalidSpecError([{ path: WHERE, message: 'must be a JSON object' }]);
  return profile as DockerSeccompProfile;
}

function profileProblems(profile: DockerSeccompProfile): SpecProblem[] {
  const problems: SpecProblem[] = [];
  if (profile.architectures?.length && profile.archMap?.length)
    problems.push({ path: WHERE, message: "has both 'architectures' and 'archMap'; use one" });
  if (profile.syscalls !== undefined && !Array.isArray(profile.syscalls))
    return [...problems, { path: `${WHERE}.syscalls`, message: 'must be a list of rules' }];
  (profile.syscalls ?? []).forEach((rule, i) => {
    if (rule?.name && rule.names?.length)
      problems.push({ path: `${WHERE}.syscalls[${i}]`, message: "has both 'name' and 'names'; use one" });
    for (const key of ['includes', 'excludes'] as const) {
      const minKernel = rule?.[key]?.minKernel;
      if (minKernel !== undefined && parseMinKernel(minKernel) === null)
        problems.push({
          path: `${WHERE}.syscalls[${i}].${key}.minKernel`,
          message: `${JSON.stringify(minKernel)} is not a kernel version "<kernel>.<major>" such as "4.8"`,
        });
    }
  });
  const asOci = {
    ...profile,
    defaultAction: profile.defaultAction ?? 'SCMP_ACT_ALLOW',
    architectures:
      profile.architectures ??
      profile.archMap?.flatMap((a) => [a.architecture, ...(a.subArchitectures ?? [])]),
    syscalls: (profile.syscalls ?? []).map((rule) => ({
      ...rule,
      names: rule?.name ? [rule.name] : rule?.names,
    })),
  } as OciSeccomp;
  return [...problems, ...validateSeccomp(asOci, WHERE)];
}

type Version = [number, number];

function parseMinKernel(text: string): Version | null {
  const match = /^(\d+)\.(\d+)$/.exec(text);
  if (!match) return null;
  const version: Version = [Number(match[1]), Number(match[2])];
  return version[0] === 0 && version[1] === 0 ? null : version;
}

/** "6.1.0-18-amd64" → [6, 1]; minor revisions and distribution suffixes do not count, as in moby. */
export function kernelVersion(release: string): Version {
  const match = /^(\d+)\.(\d+)/.exec(release);
  if (!match) throw new Error(`seccomp: cannot read a kernel version from "${release}"`);
  return [Number(match[1]), Number(match[2])];
}

function atLeast(kernel: Version, minKernel: string): boolean {
  const [major, minor] = parseMinKernel(minKernel)!;
  return kernel[0] > major || (kernel[0] === major && kernel[1] >= minor);
}
