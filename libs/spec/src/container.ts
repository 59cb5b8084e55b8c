import type { ContainerSpec, HealthCheck } from '@berth/cluster';
import { type CompileContext, report, resolveHostPath, warn } from './context';
import { parseEnvFile, resolveEnvFile } from './env-file';
import {
  isPlainMap,
  mapOf,
  readBoolean,
  readDuration,
  readInteger,
  readKeyValues,
  readString,
  readStringList,
} from './read';
import { splitShellWords } from './shell-words';
import type { Path } from './tree';

/** `command` and `entrypoint`: a list as it is, a string split as a shell would. */
export function readCommand(ctx: CompileContext, value: unknown, path: Path): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return readStringList(ctx, value, path);
  const text = readString(ctx, value, path);
  if (text === undefined) return undefined;
  const split = splitShellWords(text);
  if (!split.ok) {
    report(ctx, path, `${split.message} in '${text}'`);
    return undefined;
  }
  return split.words;
}

/**
 * The container's environment as `KEY=VALUE`, sorted: the `env_file`s in order, then
 * `environment`, each later one winning. A bare `KEY` takes the variable's value from the
 * caller's environment (or `.env`) and is left out when it has none.
 */
export function compileEnvironment(
  ctx: CompileContext,
  service: Record<string, unknown>,
  path: Path,
): string[] {
  const values = new Map<string, string>();
  for (const [key, value] of readEnvFiles(ctx, service.env_file, [...path, 'env_file']))
    values.set(key, value);
  for (const [key, value] of readKeyValues(ctx, service.environment, [...path, 'environment'])) {
    const resolved = value ?? ctx.lookup(key);
    if (resolved === undefined) values.delete(key);
    else values.set(key, resolved);
  }
  return [...values]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`);
}

function readEnvFiles(ctx: CompileContext, value: unknown, path: Path): Map<string, string> {
  const values = new Map<string, string>();
  if (value === undefined || value === null) return values;
  const items = Array.isArray(value) ? value : [value];
  items.forEach((item, i) => {
    const itemPath = Array.isArray(value) ? [...path, i] : path;
    const long = isPlainMap(item) ? item : undefined;
    const file = readString(ctx, long ? long.path : item, long ? [...itemPath, 'path'] : itemPath);
    const required = long ? (readBoolean(ctx, long.required, [...itemPath, 'required']) ?? true) : true;
    if (file === undefined) return;
    const resolved = resolveHostPath(ctx, file, itemPath);
    const content =
      resolved === undefined ? undefined : readEnvFileContent(ctx, resolved, required, itemPath);
    if (content === undefined || resolved === undefined) return;
    const read = resolveEnvFile(parseEnvFile(content, resolved), resolved, ctx.lookup);
    ctx.problems.push(...read.problems);
    for (const [k, v] of read.values) values.set(k, v);
  });
  return values;
}

function readEnvFileContent(
  ctx: CompileContext,
  file: string,
  required: boolean,
  path: Path,
): string | undefined {
  if (!ctx.readFile) {
    report(ctx, path, `cannot read env file '${file}': no way to read files was given`);
    return undefined;
  }
  try {
    return ctx.readFile(file);
  } catch (error) {
    if (required) report(ctx, path, `cannot read env file '${file}': ${(error as Error).message}`);
    return undefined;
  }
}

/** What `healthcheck: {disable: true}` and `test: [NONE]` mean: switch off the image's check too. */
const DISABLED_HEALTHCHECK: HealthCheck = {
  test: ['NONE'],
  intervalMs: 0,
  timeoutMs: 0,
  retries: 0,
  startPeriodMs: 0,
};

/**
 * `healthcheck:`. A string test runs in a shell (`CMD-SHELL`); a list starts with CMD, CMD-SHELL
 * or NONE. Durations left out are 0: the image's, or the engine's default. No test at all keeps
 * the image's test with the durations given.
 */
export function compileHealthcheck(ctx: CompileContext, value: unknown, path: Path): HealthCheck | null {
  if (value === undefined || value === null) return null;
  const h = mapOf(value);
  const disabled = readBoolean(ctx, h.disable, [...path, 'disable']) ?? false;
  if (disabled && h.test !== undefined) {
    report(ctx, path, 'test and disable cannot both be set');
    return null;
  }
  const test = disabled ? ['NONE'] : readTest(ctx, h.test, [...path, 'test']);
  if (test === undefined) return null;
  if (test[0] === 'NONE') return DISABLED_HEALTHCHECK;
  return {
    test,
    intervalMs: readDuration(ctx, h.interval, [...path, 'interval']) ?? 0,
    timeoutMs: readDuration(ctx, h.timeout, [...path, 'timeout']) ?? 0,
    retries: readInteger(ctx, h.retries, [...path, 'retries'], { min: 0 }) ?? 0,
    startPeriodMs: readDuration(ctx, h.start_period, [...path, 'start_period']) ?? 0,
  };
}

function readTest(ctx: CompileContext, value: unknown, path: Path): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    const text = readString(ctx, value, path);
    return text === undefined ? undefined : ['CMD-SHELL', text];
  }
  const words = readStringList(ctx, value, path);
  if (words.length === 0) return [];
  if (!['CMD', 'CMD-SHELL', 'NONE'].includes(words[0])) {
    report(ctx, path, `a test list starts with CMD, CMD-SHELL or NONE, got '${words[0]}'`);
    return undefined;
  }
  return words;
}

/** `ulimits: {nproc: 65535, nofile: {soft: 20000, hard: 40000}}`, sorted by name. */
export function compileUlimits(
  ctx: CompileContext,
  value: unknown,
  path: Path,
): NonNullable<ContainerSpec['ulimits']> {
  return Object.entries(mapOf(value))
    .flatMap(([name, limit]) => {
      const at = [...path, name];
      if (!isPlainMap(limit)) {
        const both = readInteger(ctx, limit, at, { min: -1 });
        return both === undefined ? [] : [{ name, soft: both, hard: both }];
      }
      const soft = readInteger(ctx, limit.soft, [...at, 'soft'], { min: -1 });
      const hard = readInteger(ctx, limit.hard, [...at, 'hard'], { min: -1 });
      if (soft === undefined || hard === undefined) {
        if (limit.soft === undefined || limit.hard === undefined)
          report(ctx, at, 'expected both soft and hard');
        return [];
      }
      if (hard !== -1 && (soft === -1 || soft > hard)) {
        report(ctx, at, `the soft limit (${soft}) is above the hard limit (${hard})`);
        return [];
      }
      return [{ name, soft, hard }];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `sysctls:` as a mapping or `KEY=VALUE` list; every key needs a value. */
export function compileSysctls(ctx: CompileContext, value: unknown, path: Path): Record<string, string> {
  const sysctls: Record<string, string> = {};
  for (const [key, v] of readKeyValues(ctx, value, path)) {
    if (v === null) report(ctx, [...path, key], `sysctl '${key}' needs a value`);
    else sysctls[key] = v;
  }
  return sysctls;
}

/**
 * `security_opt`: `seccomp:unconfined` (or `=`), or `seccomp:FILE`, the profile read now (relative
 * to the stack file) so the service carries it as swarm's Privileges.Seccomp does. `docker stack
 * deploy` ignores security_opt; Berth honours the seccomp choice and warns about the rest.
 */
export function compileSecurityOpt(
  ctx: CompileContext,
  value: unknown,
  path: Path,
): ContainerSpec['seccomp'] | undefined {
  let seccomp: ContainerSpec['seccomp'] | undefined;
  readStringList(ctx, value, path).forEach((opt, i) => {
    const match = /^seccomp[:=](.*)$/s.exec(opt);
    if (!match) return warn(ctx, `Ignoring unsupported security_opt: ${opt}`);
    if (match[1] === 'unconfined') seccomp = { mode: 'unconfined', profile: '' };
    else if (match[1] === 'builtin') seccomp = undefined;
    else {
      const file = resolveHostPath(ctx, match[1], [...path, i]);
      const profile = file === undefined ? undefined : readSeccompProfile(ctx, file, [...path, i]);
      if (profile !== undefined) seccomp = { mode: 'custom', profile };
    }
  });
  return seccomp;
}

function readSeccompProfile(ctx: CompileContext, file: string, path: Path): string | undefined {
  if (!ctx.readFile) {
    report(ctx, path, `cannot read seccomp profile '${file}': no way to read files was given`);
    return undefined;
  }
  let text: string;
  try {
    text = ctx.readFile(file);
  } catch (error) {
    report(ctx, path, `cannot read seccomp profile '${file}': ${(error as Error).message}`);
    return undefined;
  }
  try {
    return JSON.stringify(JSON.parse(text));
  } catch (error) {
    report(ctx, path, `seccomp profile '${file}' is not JSON: ${(error as Error).message}`);
    return undefined;
  }
}
