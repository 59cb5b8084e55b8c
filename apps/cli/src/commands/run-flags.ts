/**
 * `docker run`/`docker create` flags → the engine's ContainerSpec. Pure but
 * for what the flags point at: env files (READ_FILE) and `-e NAME` taking a
 * value from the environment (ENV).
 */
import * as path from 'node:path';
import { keyValues, UsageError, type Values } from '@berth/cli-support/args';
import { parseBytes } from '@berth/cluster/units';
import { parsePortSpec } from '@berth/network/ports';
import type { berth } from '@berth/proto';

export const CONTAINER_FLAGS = {
  detach: { type: 'boolean', short: 'd' },
  rm: { type: 'boolean' },
  env: { type: 'string', short: 'e', multiple: true },
  'env-file': { type: 'string', multiple: true },
  publish: { type: 'string', short: 'p', multiple: true },
  'publish-all': { type: 'boolean', short: 'P' },
  volume: { type: 'string', short: 'v', multiple: true },
  tmpfs: { type: 'string', multiple: true },
  mount: { type: 'string', multiple: true },
  name: { type: 'string' },
  network: { type: 'string' },
  net: { type: 'string' },
  'network-alias': { type: 'string', multiple: true },
  workdir: { type: 'string', short: 'w' },
  user: { type: 'string', short: 'u' },
  entrypoint: { type: 'string' },
  memory: { type: 'string', short: 'm' },
  'memory-swap': { type: 'string' },
  cpus: { type: 'string' },
  'cpu-shares': { type: 'string', short: 'c' },
  'pids-limit': { type: 'string' },
  restart: { type: 'string' },
  'health-cmd': { type: 'string' },
  'health-interval': { type: 'string' },
  'health-timeout': { type: 'string' },
  'health-retries': { type: 'string' },
  'health-start-period': { type: 'string' },
  'no-healthcheck': { type: 'boolean' },
  'read-only': { type: 'boolean' },
  interactive: { type: 'boolean', short: 'i' },
  tty: { type: 'boolean', short: 't' },
  hostname: { type: 'string', short: 'h' },
  label: { type: 'string', short: 'l', multiple: true },
  'cap-add': { type: 'string', multiple: true },
  'cap-drop': { type: 'string', multiple: true },
  'stop-signal': { type: 'string' },
  'stop-timeout': { type: 'string' },
  'add-host': { type: 'string', multiple: true },
  dns: { type: 'string', multiple: true },
  init: { type: 'boolean' },
  privileged: { type: 'boolean' },
  'security-opt': { type: 'string', multiple: true },
  userns: { type: 'string' },
  sysctl: { type: 'string', multiple: true },
  ulimit: { type: 'string', multiple: true },
  pull: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

type Spec = berth.engine.v1.IContainerSpec;
type Mount = berth.engine.v1.IMount;

export interface FlagContext {
  env: Record<string, string | undefined>;
  readFile: (file: string) => string;
  cwd: string;
  /** Go durations ("30s", "1m30s") → nanoseconds. */
  durationNs: (text: string, flag: string) => number;
}

const list = (v: unknown) => (v as string[] | undefined) ?? [];

/** KEY=value lines of an env file; `KEY` alone takes the value from ENV; # starts a comment. */
export function parseEnvFile(text: string, env: FlagContext['env']): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '').trimStart();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq === 0) throw new UsageError(`invalid env file line "${line}": the variable name is missing`);
    if (eq > 0) out.push(line);
    else if (env[line.trim()] !== undefined) out.push(`${line.trim()}=${env[line.trim()]}`);
  }
  return out;
}

/** `-v SOURCE:TARGET[:ro|rw]`, `-v TARGET` (anonymous). */
export function parseVolumeFlag(spec: string, cwd: string): Mount {
  const parts = spec.split(':');
  if (parts.length === 1) return { type: 'volume', source: '', target: parts[0], readOnly: false };
  if (parts.length > 3) throw new UsageError(`invalid volume specification: '${spec}'`);
  const [source, target, mode = ''] = parts;
  const options = mode ? mode.split(',') : [];
  for (const o of options)
    if (!['ro', 'rw', 'z', 'Z', 'nocopy'].includes(o))
      throw new UsageError(`invalid mode: ${o} in volume specification '${spec}'`);
  if (!target.startsWith('/'))
    throw new UsageError(`invalid volume specification: '${spec}': the mount point must be an absolute path`);
  const readOnly = options.includes('ro');
  if (source.startsWith('/') || source.startsWith('./') || source.startsWith('../') || source === '.')
    return { type: 'bind', source: path.resolve(cwd, source), target, readOnly, createHostPath: true };
  return { type: 'volume', source, target, readOnly };
}

/** `--mount type=bind,source=/a,target=/b,readonly` */
export function parseMountFlag(spec: string, cwd: string): Mount {
  const m: Mount = { type: 'volume', source: '', target: '', readOnly: false, options: [] };
  for (const field of spec.split(',')) {
    const [key, value = ''] = field.split(/=(.*)/s, 2);
    switch (key) {
      case 'type':
        if (!['bind', 'volume', 'tmpfs'].includes(value))
          throw new UsageError(`--mount ${spec}: type must be bind, volume or tmpfs`);
        m.type = value;
        break;
      case 'source':
      case 'src':
        m.source = value;
        break;
      case 'target':
      case 'destination':
      case 'dst':
        m.target = value;
        break;
      case 'readonly':
      case 'ro':
        m.readOnly = value === '' || value === 'true' || value === '1';
        break;
      case 'tmpfs-size':
        m.options!.push(`size=${value}`);
        break;
      case 'tmpfs-mode':
        m.options!.push(`mode=${value}`);
        break;
      default:
        throw new UsageError(`--mount ${spec}: unknown field "${key}"`);
    }
  }
  if (!m.target) throw new UsageError(`--mount ${spec}: a target is required`);
  if (m.type === 'bind') m.source = path.resolve(cwd, m.source ?? '');
  return m;
}

export function parseRestart(text: string): berth.engine.v1.IRestartPolicy {
  const [name, count] = text.split(':');
  if (!['no', 'always', 'unless-stopped', 'on-failure'].includes(name))
    throw new UsageError(
      `invalid restart policy "${text}": use no, always, unless-stopped or on-failure[:max-retries]`,
    );
  if (count !== undefined && (name !== 'on-failure' || !/^\d+$/.test(count)))
    throw new UsageError(`invalid restart policy "${text}": only on-failure takes a maximum retry count`);
  return { name, maximumRetryCount: count ? Number(count) : 0 };
}

function bytesFlag(values: Values, flag: string): number {
  const v = values[flag] as string | undefined;
  if (v === undefined) return 0;
  if (v === '-1') return -1;
  const n = parseBytes(v);
  if (n === undefined)
    throw new UsageError(`invalid argument "${v}" for "--${flag}" flag: use a size like 64m or 1g`);
  return n;
}

function numberFlag(values: Values, flag: string, integer = true): number {
  const v = values[flag] as string | undefined;
  if (v === undefined) return 0;
  const n = Number(v);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n)))
    throw new UsageError(
      `invalid argument "${v}" for "--${flag}" flag: not a${integer ? 'n integer' : ' number'}`,
    );
  return n;
}

/**
 * --security-opt as Docker's client sends it: `seccomp=FILE` becomes `seccomp=` and the file's
 * JSON, compacted (the engine may be on another machine); `unconfined` and `builtin` stay words.
 */
export function securityOpts(values: Values, ctx: FlagContext): string[] {
  return list(values['security-opt']).map((opt) => {
    const match = /^seccomp[=:](.*)$/s.exec(opt);
    if (!match || ['unconfined', 'builtin'].includes(match[1])) return opt;
    let text: string;
    try {
      text = ctx.readFile(match[1]);
    } catch (error) {
      throw new UsageError(`opening seccomp profile (${match[1]}) failed: ${(error as Error).message}`);
    }
    try {
      return `seccomp=${JSON.stringify(JSON.parse(text))}`;
    } catch (error) {
      throw new UsageError(
        `compacting json for seccomp profile (${match[1]}) failed: ${(error as Error).message}`,
      );
    }
  });
}

/** The ContainerSpec for `run`/`create` VALUES and POSITIONALS (image, then the command). */
/** --env-file files, then -e flags; `-e NAME` takes NAME's value from ENV, or nothing when it is unset. */
export function environment(values: Values, ctx: FlagContext): string[] {
  return [
    ...list(values['env-file']).flatMap((f) => {
      let text: string;
      try {
        text = ctx.readFile(f);
      } catch (error) {
        throw new UsageError(
          `open ${f}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (error as Error).message}`,
        );
      }
      return parseEnvFile(text, ctx.env);
    }),
    ...list(values.env).flatMap((e) =>
      e.includes('=') ? [e] : ctx.env[e] !== undefined ? [`${e}=${ctx.env[e]}`] : [],
    ),
  ];
}

export function containerSpec(values: Values, positionals: string[], ctx: FlagContext): Spec {
  const [image, ...cmd] = positionals;
  const env = environment(values, ctx);
  const mounts: Mount[] = [
    ...list(values.volume).map((v) => parseVolumeFlag(v, ctx.cwd)),
    ...list(values.mount).map((m) => parseMountFlag(m, ctx.cwd)),
    ...list(values.tmpfs).map((t) => {
      const [target, opts] = t.split(/:(.*)/s, 2);
      return { type: 'tmpfs', source: '', target, readOnly: false, options: opts ? opts.split(',') : [] };
    }),
  ];
  const ports = list(values.publish).flatMap((p) => {
    try {
      return parsePortSpec(p);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  });
  const labels = keyValues(values.label);
  const health = {
    cmd: values['health-cmd'] as string | undefined,
    interval: values['health-interval'] as string | undefined,
    timeout: values['health-timeout'] as string | undefined,
    startPeriod: values['health-start-period'] as string | undefined,
    retries: values['health-retries'] as string | undefined,
  };
  const anyHealth = Object.values(health).some((v) => v !== undefined);
  if (anyHealth && values['no-healthcheck'])
    throw new UsageError('--no-healthcheck conflicts with --health-* options');
  const cpus = numberFlag(values, 'cpus', false);
  if (cpus < 0)
    throw new UsageError(`invalid argument "${String(values.cpus)}" for "--cpus" flag: must be positive`);
  const pull = (values.pull as string | undefined) ?? 'missing';
  if (!['missing', 'never', 'always'].includes(pull))
    throw new UsageError(`invalid pull option: '${pull}': must be one of "always", "missing" or "never"`);
  const network = (values.network as string | undefined) ?? (values.net as string | undefined) ?? '';
  if (values.rm && values.restart && values.restart !== 'no')
    throw new UsageError('conflicting options: --restart and --rm');
  return {
    image,
    name: (values.name as string | undefined) ?? '',
    cmd,
    entrypoint:
      values.entrypoint === undefined ? [] : values.entrypoint === '' ? [] : [values.entrypoint as string],
    entrypointSet: values.entrypoint !== undefined,
    env,
    workingDir: (values.workdir as string | undefined) ?? '',
    user: (values.user as string | undefined) ?? '',
    hostname: (values.hostname as string | undefined) ?? '',
    labels,
    tty: values.tty === true,
    openStdin: values.interactive === true,
    network,
    networkAliases: list(values['network-alias']),
    ports,
    publishAll: values['publish-all'] === true,
    mounts,
    memoryBytes: bytesFlag(values, 'memory'),
    memorySwapBytes: bytesFlag(values, 'memory-swap'),
    cpus,
    cpuShares: numberFlag(values, 'cpu-shares'),
    pidsLimit: numberFlag(values, 'pids-limit'),
    restart: values.restart ? parseRestart(values.restart as string) : { name: 'no', maximumRetryCount: 0 },
    autoRemove: values.rm === true,
    readOnly: values['read-only'] === true,
    ...(anyHealth
      ? {
          healthcheck: {
            test: health.cmd ? ['CMD-SHELL', health.cmd] : [],
            intervalNs: health.interval ? ctx.durationNs(health.interval, 'health-interval') : 0,
            timeoutNs: health.timeout ? ctx.durationNs(health.timeout, 'health-timeout') : 0,
            startPeriodNs: health.startPeriod ? ctx.durationNs(health.startPeriod, 'health-start-period') : 0,
            retries: health.retries ? numberFlag(values, 'health-retries') : 0,
          },
        }
      : {}),
    noHealthcheck: values['no-healthcheck'] === true,
    capAdd: list(values['cap-add']),
    capDrop: list(values['cap-drop']),
    stopSignal: (values['stop-signal'] as string | undefined) ?? '',
    stopTimeoutS: numberFlag(values, 'stop-timeout'),
    stopTimeoutSet: values['stop-timeout'] !== undefined,
    extraHosts: list(values['add-host']),
    dns: list(values.dns),
    init: values.init === true,
    privileged: values.privileged === true,
    securityOpt: securityOpts(values, ctx),
    userns: (values.userns as string | undefined) ?? '',
    sysctls: list(values.sysctl),
    ulimits: list(values.ulimit),
    pullMissing: pull !== 'never',
  };
}
