/**
 * What each metadata instruction does to the image config, as pure
 * functions: ENV, LABEL, EXPOSE, VOLUME, WORKDIR, USER, STOPSIGNAL, CMD,
 * ENTRYPOINT, SHELL, HEALTHCHECK, ONBUILD, MAINTAINER.
 */
import { requireDurationNs } from '@berth/cluster/units';
import * as path from 'node:path';
import type { ContainerConfig, HealthcheckConfig } from '../oci/types';
import type { Command } from './dockerfile/parser';
import { keyValuePairs, processWord, processWords, type Lookup } from './dockerfile/words';

export const DEFAULT_SHELL = ['/bin/sh', '-c'];

export function envMap(env: readonly string[] | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of env ?? []) {
    const eq = e.indexOf('=');
    map.set(eq < 0 ? e : e.slice(0, eq), eq < 0 ? '' : e.slice(eq + 1));
  }
  return map;
}

export function setEnv(config: ContainerConfig, pairs: [string, string][]): ContainerConfig {
  const env = envMap(config.Env);
  for (const [k, v] of pairs) env.set(k, v);
  return { ...config, Env: [...env].map(([k, v]) => `${k}=${v}`) };
}

/** A command as the image records it: exec form as is, shell form through SHELL. */
export function commandArgs(command: Command, shell: readonly string[] | undefined): string[] {
  return command.form === 'exec' ? command.args : [...(shell?.length ? shell : DEFAULT_SHELL), command.text];
}

export function healthcheck(command: Command | null, flags: Record<string, string>): HealthcheckConfig {
  if (!command) return { Test: ['NONE'] };
  const test = command.form === 'exec' ? command.args : ['CMD-SHELL', command.text];
  const check: HealthcheckConfig = { Test: test };
  if (flags.interval) check.Interval = requireDurationNs(flags.interval);
  if (flags.timeout) check.Timeout = requireDurationNs(flags.timeout);
  if (flags['start-period']) check.StartPeriod = requireDurationNs(flags['start-period']);
  if (flags['start-interval']) check.StartInterval = requireDurationNs(flags['start-interval']);
  if (flags.retries) {
    const retries = Number(flags.retries);
    if (!Number.isInteger(retries) || retries < 0)
      throw new Error(`--retries must be a whole number, not "${flags.retries}"`);
    check.Retries = retries;
  }
  return check;
}

/** EXPOSE 80 8080/udp 9000-9002 → {"80/tcp":{}, "8080/udp":{}, "9000/tcp":{}, …} */
export function exposedPorts(words: string[]): Record<string, object> {
  const out: Record<string, object> = {};
  for (const word of words) {
    const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(word);
    if (!m) throw new Error(`invalid port "${word}" (use PORT, PORT/PROTO or a range FROM-TO)`);
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    if (from < 1 || to > 65535 || to < from) throw new Error(`invalid port range "${word}"`);
    for (let p = from; p <= to; p++) out[`${p}/${(m[3] ?? 'tcp').toLowerCase()}`] = {};
  }
  return out;
}

/** Applies one metadata instruction; returns the new config. */
export function applyMetadata(
  config: ContainerConfig,
  kind: string,
  text: string,
  lookup: Lookup,
  escape: string,
): ContainerConfig {
  switch (kind) {
    case 'ENV':
      return setEnv(config, keyValuePairs(text, lookup, escape));
    case 'LABEL':
      return {
        ...config,
        Labels: { ...config.Labels, ...Object.fromEntries(keyValuePairs(text, lookup, escape, false)) },
      };
    case 'EXPOSE':
      return {
        ...config,
        ExposedPorts: { ...config.ExposedPorts, ...exposedPorts(processWords(text, lookup, escape)) },
      };
    case 'VOLUME': {
      const trimmed = text.trim();
      let paths: string[];
      try {
        paths = trimmed.startsWith('[')
          ? (JSON.parse(trimmed) as string[])
          : processWords(text, lookup, escape);
      } catch {
        paths = processWords(text, lookup, escape);
      }
      if (!paths.length || paths.some((p) => !p)) throw new Error('VOLUME needs at least one non-empty path');
      return { ...config, Volumes: { ...config.Volumes, ...Object.fromEntries(paths.map((p) => [p, {}])) } };
    }
    case 'WORKDIR':
      return {
        ...config,
        WorkingDir: path.posix.resolve(config.WorkingDir || '/', processWord(text.trim(), lookup, escape)),
      };
    case 'USER': {
      const user = processWord(text.trim(), lookup, escape);
      if (!user) throw new Error('USER needs a user name or id');
      return { ...config, User: user };
    }
    case 'STOPSIGNAL':
      return { ...config, StopSignal: processWord(text.trim(), lookup, escape) };
    default:
      throw new Error(`${kind} is not a metadata instruction`);
  }
}

export class ConfigChangeError extends Error {}

/**
 * One `--change` of `docker commit`/`docker import`: a Dockerfile metadata
 * instruction (CMD, ENTRYPOINT, ENV, LABEL, EXPOSE, VOLUME, WORKDIR, USER,
 * STOPSIGNAL) applied to CONFIG, with no variables to substitute.
 */
export function applyConfigChange(config: ContainerConfig, change: string): ContainerConfig {
  const m = /^\s*(\w+)\s+(.*)$/s.exec(change);
  if (!m) throw new ConfigChangeError(`--change "${change}": expected INSTRUCTION VALUE`);
  const kind = m[1].toUpperCase();
  const value = m[2];
  const noVariables: Lookup = () => undefined;
  if (kind === 'CMD' || kind === 'ENTRYPOINT') {
    let args: string[];
    try {
      const parsed = JSON.parse(value) as unknown;
      args = Array.isArray(parsed) ? parsed.map(String) : [...DEFAULT_SHELL, value];
    } catch {
      args = [...DEFAULT_SHELL, value];
    }
    return kind === 'CMD' ? { ...config, Cmd: args } : { ...config, Entrypoint: args };
  }
  try {
    return applyMetadata(config, kind, value, noVariables, '\\');
  } catch (error) {
    throw new ConfigChangeError(
      `--change "${change}": ${(error as Error).message}; CMD, ENTRYPOINT, ENV, LABEL, EXPOSE, VOLUME, WORKDIR, USER and STOPSIGNAL can be changed`,
    );
  }
}
