/**
 * The flags of `service create` and `service update`, as Docker names them. What they mean for
 * the spec is libs/cluster's (`specFromFlags`, `applyFlags`, `scaledSpec`); this file reads what
 * they need from outside (env files, the environment, the working directory) and reports the
 * mapping's refusals as usage errors.
 */
import { UsageError, type Values } from '@berth/cli-support/args';
import { ServiceFlagError, specFromFlags, type Mount, type ServiceSpec } from '@berth/cluster';
import { environment, parseMountFlag, type FlagContext } from './run-flags';

export const SERVICE_FLAGS = {
  name: { type: 'string' },
  replicas: { type: 'string' },
  mode: { type: 'string' },
  env: { type: 'string', short: 'e', multiple: true },
  'env-file': { type: 'string', multiple: true },
  label: { type: 'string', short: 'l', multiple: true },
  'container-label': { type: 'string', multiple: true },
  constraint: { type: 'string', multiple: true },
  'placement-pref': { type: 'string', multiple: true },
  'max-replicas': { type: 'string' },
  'reserve-cpu': { type: 'string' },
  'reserve-memory': { type: 'string' },
  'limit-cpu': { type: 'string' },
  'limit-memory': { type: 'string' },
  'restart-condition': { type: 'string' },
  'restart-delay': { type: 'string' },
  'restart-max-attempts': { type: 'string' },
  'restart-window': { type: 'string' },
  mount: { type: 'string', multiple: true },
  secret: { type: 'string', multiple: true },
  config: { type: 'string', multiple: true },
  publish: { type: 'string', short: 'p', multiple: true },
  'endpoint-mode': { type: 'string' },
  network: { type: 'string', multiple: true },
  workdir: { type: 'string', short: 'w' },
  user: { type: 'string', short: 'u' },
  hostname: { type: 'string' },
  entrypoint: { type: 'string' },
  'stop-grace-period': { type: 'string' },
  'stop-signal': { type: 'string' },
  'health-cmd': { type: 'string' },
  'health-interval': { type: 'string' },
  'health-timeout': { type: 'string' },
  'health-retries': { type: 'string' },
  'health-start-period': { type: 'string' },
  'no-healthcheck': { type: 'boolean' },
  'read-only': { type: 'boolean' },
  init: { type: 'boolean' },
  detach: { type: 'boolean', short: 'd' },
  quiet: { type: 'boolean', short: 'q' },
  ...rolloutFlags('update'),
  ...rolloutFlags('rollback'),
} as const;

/** `--update-parallelism`, `--rollback-delay`, …: how tasks are replaced (Docker's flags). */
export function rolloutFlags<P extends 'update' | 'rollback'>(prefix: P) {
  return {
    [`${prefix}-parallelism`]: { type: 'string' },
    [`${prefix}-delay`]: { type: 'string' },
    [`${prefix}-failure-action`]: { type: 'string' },
    [`${prefix}-monitor`]: { type: 'string' },
    [`${prefix}-max-failure-ratio`]: { type: 'string' },
    [`${prefix}-order`]: { type: 'string' },
  } as Record<
    `${P}-${'parallelism' | 'delay' | 'failure-action' | 'monitor' | 'max-failure-ratio' | 'order'}`,
    { type: 'string' }
  >;
}

/** `service update`'s flags. */
export const UPDATE_FLAGS = {
  replicas: { type: 'string' },
  'constraint-add': { type: 'string', multiple: true },
  'constraint-rm': { type: 'string', multiple: true },
  'placement-pref-add': { type: 'string', multiple: true },
  'placement-pref-rm': { type: 'string', multiple: true },
  'max-replicas': { type: 'string' },
  'label-add': { type: 'string', multiple: true },
  'label-rm': { type: 'string', multiple: true },
  image: { type: 'string' },
  'env-add': { type: 'string', multiple: true },
  'env-rm': { type: 'string', multiple: true },
  'secret-add': { type: 'string', multiple: true },
  'secret-rm': { type: 'string', multiple: true },
  'config-add': { type: 'string', multiple: true },
  'config-rm': { type: 'string', multiple: true },
  args: { type: 'string' },
  force: { type: 'boolean' },
  ...rolloutFlags('update'),
  ...rolloutFlags('rollback'),
  detach: { type: 'boolean', short: 'd' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

/** What MAP returns; a value the mapping refuses is the user's misuse, as docker reports it. */
export function asUsage<T>(map: () => T): T {
  try {
    return map();
  } catch (error) {
    if (error instanceof ServiceFlagError) throw new UsageError(error.message);
    throw error;
  }
}

/** The spec `berth service create [OPTIONS] IMAGE [COMMAND] [ARG...]` asks for. */
export function serviceSpec(values: Values, positionals: string[], ctx: FlagContext): ServiceSpec {
  return asUsage(() =>
    specFromFlags(values, positionals, {
      environment: () => environment(values, ctx),
      mounts: () => mounts(values, ctx),
    }),
  );
}

function mounts(values: Values, ctx: FlagContext): Mount[] {
  return ((values.mount as string[] | undefined) ?? []).map((text) => {
    const m = parseMountFlag(text, ctx.cwd);
    return {
      type: m.type as Mount['type'],
      source: m.source ?? '',
      target: m.target ?? '',
      readOnly: !!m.readOnly,
    };
  });
}
