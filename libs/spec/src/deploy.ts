import {
  DEFAULT_ROLLBACK_CONFIG,
  DEFAULT_UPDATE_CONFIG,
  defaultTaskSpec,
  ConstraintError,
  parseConstraint,
  parseNanoCpus,
  type Placement,
  type Resources,
  type RestartPolicy,
  type ServiceMode,
  type UpdateConfig,
} from '@berth/cluster';
import { type CompileContext, report } from './context';
import {
  mapOf,
  readBytes,
  readChoice,
  readDuration,
  readInteger,
  readNumber,
  readString,
  readStringList,
} from './read';
import type { Path } from './tree';
import { describeValue } from './words';

/** `deploy.mode` and `deploy.replicas`: replicated (1 unless said) or global. */
export function compileMode(ctx: CompileContext, deploy: Record<string, unknown>, path: Path): ServiceMode {
  const mode = readString(ctx, deploy.mode, [...path, 'mode']) ?? 'replicated';
  const replicas = readInteger(ctx, deploy.replicas, [...path, 'replicas'], { min: 0 });
  if (mode === 'global') {
    if (deploy.replicas !== undefined && deploy.replicas !== null)
      report(ctx, [...path, 'replicas'], 'replicas can only be set in replicated mode, not global');
    return { global: {} };
  }
  if (mode !== 'replicated') {
    const jobs = mode.endsWith('-job') ? ' (Berth does not run jobs)' : '';
    report(ctx, [...path, 'mode'], `expected 'replicated' or 'global', got '${mode}'${jobs}`);
  }
  return { replicated: { replicas: replicas ?? 1 } };
}

/** `deploy.endpoint_mode`: a virtual IP (vip) or DNS round robin (dnsrr). */
export function compileEndpointMode(
  ctx: CompileContext,
  deploy: Record<string, unknown>,
  path: Path,
): 'vip' | 'dnsrr' {
  return (
    readChoice(ctx, deploy.endpoint_mode ?? 'vip', [...path, 'endpoint_mode'], ['vip', 'dnsrr'] as const) ??
    'vip'
  );
}

/** `deploy.placement`: constraints checked as the scheduler reads them, spread preferences, a cap per node. */
export function compilePlacement(ctx: CompileContext, value: unknown, path: Path): Placement {
  const p = mapOf(value);
  const constraintsPath = [...path, 'constraints'];
  const constraints = readStringList(ctx, p.constraints, constraintsPath).filter((text, i) => {
    try {
      parseConstraint(text);
      return true;
    } catch (error) {
      if (!(error instanceof ConstraintError)) throw error;
      report(ctx, Array.isArray(p.constraints) ? [...constraintsPath, i] : constraintsPath, error.message);
      return false;
    }
  });
  const preferences = Array.isArray(p.preferences)
    ? p.preferences.flatMap((preference, i) => {
        const spread = readString(ctx, mapOf(preference).spread, [...path, 'preferences', i, 'spread']);
        if (spread === undefined)
          report(ctx, [...path, 'preferences', i], "expected 'spread: node.labels.NAME'");
        return spread === undefined ? [] : [{ spread }];
      })
    : [];
  const maxReplicasPerNode =
    readInteger(ctx, p.max_replicas_per_node, [...path, 'max_replicas_per_node'], { min: 0 }) ?? 0;
  return { constraints, preferences, maxReplicasPerNode };
}

/** `deploy.resources.limits` and `.reservations`: CPUs and memory. */
export function compileResources(
  ctx: CompileContext,
  value: unknown,
  path: Path,
): { limits: Resources; reservations: Resources } {
  const r = mapOf(value);
  return {
    limits: readResources(ctx, r.limits, [...path, 'limits']),
    reservations: readResources(ctx, r.reservations, [...path, 'reservations']),
  };
}

function readResources(ctx: CompileContext, value: unknown, path: Path): Resources {
  const r = mapOf(value);
  return {
    nanoCpus: readCpus(ctx, r.cpus, [...path, 'cpus']),
    memoryBytes: readMemory(ctx, r.memory, [...path, 'memory']),
  };
}

function readCpus(ctx: CompileContext, value: unknown, path: Path): number {
  if (value === undefined || value === null) return 0;
  const nano = typeof value === 'string' || typeof value === 'number' ? parseNanoCpus(value) : undefined;
  if (nano === undefined)
    report(ctx, path, `expected a number of CPUs such as 0.5, got ${describeValue(value)}`);
  return nano ?? 0;
}

function readMemory(ctx: CompileContext, value: unknown, path: Path): number {
  return readBytes(ctx, value, path) ?? 0;
}

const RESTART_CONDITIONS = ['none', 'on-failure', 'any'] as const;

/**
 * `deploy.restart_policy`, swarm's defaults for what it leaves out. Without one, compose's
 * `restart:` is translated as `docker stack deploy` does: always and unless-stopped restart on
 * any exit, on-failure[:N] on failure (N attempts), no never.
 */
export function compileRestartPolicy(
  ctx: CompileContext,
  service: Record<string, unknown>,
  path: Path,
): RestartPolicy {
  const defaults = defaultTaskSpec('').restartPolicy;
  const deploy = mapOf(service.deploy);
  if (deploy.restart_policy === undefined || deploy.restart_policy === null) {
    return service.restart === undefined
      ? defaults
      : fromRestart(ctx, service.restart, [...path, 'restart'], defaults);
  }
  const at = [...path, 'deploy', 'restart_policy'];
  const r = mapOf(deploy.restart_policy);
  return {
    condition:
      readChoice(ctx, r.condition ?? defaults.condition, [...at, 'condition'], RESTART_CONDITIONS) ??
      defaults.condition,
    delayMs: readDuration(ctx, r.delay, [...at, 'delay']) ?? defaults.delayMs,
    maxAttempts:
      readInteger(ctx, r.max_attempts, [...at, 'max_attempts'], { min: 0 }) ?? defaults.maxAttempts,
    windowMs: readDuration(ctx, r.window, [...at, 'window']) ?? defaults.windowMs,
  };
}

function fromRestart(
  ctx: CompileContext,
  value: unknown,
  path: Path,
  defaults: RestartPolicy,
): RestartPolicy {
  const text = readString(ctx, value, path) ?? '';
  const match = /^(no|always|unless-stopped|on-failure)(?::(\d+))?$/.exec(text);
  if (!match || (match[2] !== undefined && match[1] !== 'on-failure')) {
    report(ctx, path, `expected no, always, unless-stopped or on-failure[:MAX_ATTEMPTS], got '${text}'`);
    return defaults;
  }
  if (match[1] === 'no') return { ...defaults, condition: 'none' };
  if (match[1] === 'on-failure')
    return { ...defaults, condition: 'on-failure', maxAttempts: Number(match[2] ?? 0) };
  return { ...defaults, condition: 'any' };
}

type FailureAction = UpdateConfig['failureAction'];

/**
 * `deploy.update_config` or `deploy.rollback_config` over swarm's defaults; undefined when the
 * file has none (the spec then means the defaults). A rollback cannot fail into a rollback.
 */
export function compileUpdateConfig(
  ctx: CompileContext,
  value: unknown,
  path: Path,
  kind: 'update' | 'rollback',
): UpdateConfig | undefined {
  if (value === undefined || value === null) return undefined;
  const defaults = kind === 'update' ? DEFAULT_UPDATE_CONFIG : DEFAULT_ROLLBACK_CONFIG;
  const actions: readonly FailureAction[] =
    kind === 'update' ? ['pause', 'continue', 'rollback'] : ['pause', 'continue'];
  const u = mapOf(value);
  return {
    parallelism:
      readInteger(ctx, u.parallelism, [...path, 'parallelism'], { min: 0 }) ?? defaults.parallelism,
    delayMs: readDuration(ctx, u.delay, [...path, 'delay']) ?? defaults.delayMs,
    failureAction:
      readChoice(ctx, u.failure_action ?? defaults.failureAction, [...path, 'failure_action'], actions) ??
      defaults.failureAction,
    monitorMs: readDuration(ctx, u.monitor, [...path, 'monitor']) ?? defaults.monitorMs,
    maxFailureRatio:
      readNumber(ctx, u.max_failure_ratio, [...path, 'max_failure_ratio'], { min: 0, max: 1 }) ??
      defaults.maxFailureRatio,
    order:
      readChoice(ctx, u.order ?? defaults.order, [...path, 'order'], [
        'stop-first',
        'start-first',
      ] as const) ?? defaults.order,
  };
}
