/**
 * `--security-opt` (Docker's HostConfig.SecurityOpt) → what Berth does with it. Pure.
 * seccomp: `unconfined`, `builtin` (Docker's default, as without the option), or the
 * profile's JSON, which Docker's client reads from `seccomp=FILE` and sends in the option.
 * no-new-privileges: alone or `=true`/`=false`. AppArmor and SELinux are not on Berth's
 * machines, so only the options that ask for neither are accepted.
 */
import {
  dockerProfileToOci,
  parseDockerProfile,
  type ContainerOptions,
  type DockerSeccompProfile,
} from '@berth/runtime';
import { InvalidArgumentError } from '../errors';

export type SeccompChoice = 'default' | 'unconfined' | { profile: DockerSeccompProfile };

export interface SecurityChoices {
  seccomp: SeccompChoice;
  noNewPrivileges: boolean;
}

/** Options that ask for what Berth does anyway. */
const NO_OPS = new Set(['apparmor=unconfined', 'label=disable']);

/** KEY=VALUE, or the old KEY:VALUE Docker still reads; a lone KEY has no value. */
function split(opt: string): { key: string; value: string | null } {
  const sep = /[=:]/.exec(opt)?.index;
  return sep === undefined
    ? { key: opt, value: null }
    : { key: opt.slice(0, sep), value: opt.slice(sep + 1) };
}

/** Whether Berth acts on OPT or does what it asks anyway (its value is checked by parseSecurityOpts). */
export function isSupportedSecurityOpt(opt: string): boolean {
  const { key, value } = split(opt);
  return key === 'seccomp' || key === 'no-new-privileges' || NO_OPS.has(`${key}=${value}`);
}

export function parseSecurityOpts(opts: readonly string[]): SecurityChoices {
  const choices: SecurityChoices = { seccomp: 'default', noNewPrivileges: false };
  for (const opt of opts) {
    const { key, value } = split(opt);
    if (key === 'seccomp') choices.seccomp = seccompChoice(value ?? '');
    else if (key === 'no-new-privileges') choices.noNewPrivileges = booleanOption(opt, value ?? 'true');
    else if (!NO_OPS.has(`${key}=${value}`))
      throw new InvalidArgumentError(
        `invalid --security-opt "${shown(opt)}": Berth takes seccomp=unconfined|builtin|PROFILE.json, no-new-privileges, ` +
          'apparmor=unconfined and label=disable (it applies no AppArmor or SELinux)',
      );
  }
  return choices;
}

function seccompChoice(value: string): SeccompChoice {
  if (value === 'unconfined') return 'unconfined';
  if (value === 'builtin' || value === '') return 'default';
  if (!value.trimStart().startsWith('{'))
    throw new InvalidArgumentError(
      `--security-opt seccomp=${shown(value)}: give the profile's JSON (the berth and docker clients read seccomp=FILE for you), unconfined or builtin`,
    );
  return { profile: parseDockerProfile(value) };
}

function booleanOption(opt: string, value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InvalidArgumentError(`invalid --security-opt "${shown(opt)}": the value must be true or false`);
}

/** A profile is checked when the container is made, so a bad one fails `create`, not `start`. */
export function checkSeccompProfile(choice: SeccompChoice): void {
  if (typeof choice === 'object') dockerProfileToOci(choice.profile, { capabilities: [] });
}

/** The runtime's option: --privileged means no filter, whatever --security-opt says (as dockerd). */
export function seccompOption(privileged: boolean, choice: SeccompChoice): Pick<ContainerOptions, 'seccomp'> {
  if (privileged) return { seccomp: 'unconfined' };
  return choice === 'default' ? {} : { seccomp: choice };
}

/** A profile's JSON is long: messages show its start. */
function shown(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
