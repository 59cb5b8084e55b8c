/**
 * `docker service create` flags → a ServiceSpec (libs/cluster), defaults filled as Swarm fills
 * them. Pure but for env files (READ_FILE) and `-e NAME` taking its value from ENV.
 */
import { keyValues, UsageError, type Values } from '@berth/cli-support/args';
import { parseBytes, requireDurationNs } from '@berth/cluster/units';
import {
  DEFAULT_ROLLBACK_CONFIG,
  DEFAULT_UPDATE_CONFIG,
  defaultServiceSpec,
  fileTarget,
  type FileReference,
  type Mount,
  type PortConfig,
  type RestartCondition,
  type ServiceSpec,
  type UpdateConfig,
} from '@berth/cluster';
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

/** BASE with the `--PREFIX-*` flags given in VALUES applied. */
export function updateConfigFromFlags(
  values: Values,
  prefix: 'update' | 'rollback',
  base: UpdateConfig,
): UpdateConfig {
  const flag = (name: string) => `${prefix}-${name}`;
  const action = (values[flag('failure-action')] as string | undefined) ?? base.failureAction;
  const actions = prefix === 'update' ? ['pause', 'continue', 'rollback'] : ['pause', 'continue'];
  if (!actions.includes(action))
    throw new UsageError(`invalid --${flag('failure-action')} "${action}": use ${actions.join(', ')}`);
  const order = (values[flag('order')] as string | undefined) ?? base.order;
  if (order !== 'stop-first' && order !== 'start-first')
    throw new UsageError(`invalid --${flag('order')} "${order}": use stop-first or start-first`);
  const ratioText = values[flag('max-failure-ratio')] as string | undefined;
  const ratio = ratioText === undefined ? base.maxFailureRatio : Number(ratioText);
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1)
    throw new UsageError(
      `invalid --${flag('max-failure-ratio')} "${ratioText}": expected a number from 0 to 1`,
    );
  return {
    parallelism: wholeNumber(values, flag('parallelism'), base.parallelism),
    delayMs: durationMs(values, flag('delay'), base.delayMs),
    failureAction: action as UpdateConfig['failureAction'],
    monitorMs: durationMs(values, flag('monitor'), base.monitorMs),
    maxFailureRatio: ratio,
    order,
  };
}

const list = (v: unknown) => (v as string[] | undefined) ?? [];

export function durationMs(values: Values, flag: string, fallback: number): number {
  const text = values[flag] as string | undefined;
  if (text === undefined) return fallback;
  try {
    return requireDurationNs(text) / 1e6;
  } catch {
    throw new UsageError(`invalid argument "${text}" for "--${flag}" flag: use a duration like 30s or 1m30s`);
  }
}

export function wholeNumber(values: Values, flag: string, fallback: number): number {
  const text = values[flag] as string | undefined;
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n))
    throw new UsageError(`invalid argument "${text}" for "--${flag}" flag: expected a whole number`);
  return n;
}

function nanoCpus(values: Values, flag: string): number {
  const text = values[flag] as string | undefined;
  if (text === undefined) return 0;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0)
    throw new UsageError(`invalid argument "${text}" for "--${flag}" flag: expected a number of CPUs`);
  return Math.round(n * 1e9);
}

function bytes(values: Values, flag: string): number {
  const text = values[flag] as string | undefined;
  if (text === undefined) return 0;
  const n = parseBytes(text);
  if (n === undefined)
    throw new UsageError(`invalid argument "${text}" for "--${flag}" flag: expected a size like 512m`);
  return n;
}

/** `published=8080,target=80,protocol=udp,mode=host` or the short `8080:80[/udp]`. */
export function parsePublish(text: string): PortConfig {
  if (!text.includes('=')) {
    const m = /^(?:(\d+):)?(\d+)(?:\/(tcp|udp))?$/.exec(text);
    if (!m)
      throw new UsageError(
        `invalid publish "${text}": use PUBLISHED:TARGET[/PROTOCOL] or published=…,target=…`,
      );
    return checkedPort(text, {
      publishedPort: Number(m[1] ?? 0),
      targetPort: Number(m[2]),
      protocol: (m[3] ?? 'tcp') as 'tcp',
      publishMode: 'ingress',
    });
  }
  const fields = Object.fromEntries(text.split(',').map((kv) => kv.split(/=(.*)/s, 2)));
  const port: PortConfig = { publishedPort: 0, targetPort: 0, protocol: 'tcp', publishMode: 'ingress' };
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'published') port.publishedPort = Number(value);
    else if (key === 'target') port.targetPort = Number(value);
    else if (key === 'protocol' && (value === 'tcp' || value === 'udp')) port.protocol = value;
    else if (key === 'mode' && (value === 'ingress' || value === 'host')) port.publishMode = value;
    else throw new UsageError(`invalid publish field "${key}=${value}" in "${text}"`);
  }
  return checkedPort(text, port);
}

function checkedPort(text: string, port: PortConfig): PortConfig {
  if (!(Number.isInteger(port.targetPort) && port.targetPort >= 1 && port.targetPort <= 65535))
    throw new UsageError(`invalid publish "${text}": a target port is required`);
  if (!(Number.isInteger(port.publishedPort) && port.publishedPort >= 0 && port.publishedPort <= 65535))
    throw new UsageError(`invalid publish "${text}": the published port must be 0-65535`);
  return port;
}

/** `--network NAME`, or `--network name=NAME,alias=A,alias=B`. */
export function parseNetworkFlag(text: string): { target: string; aliases: string[] } {
  if (!text.includes('=')) return { target: text, aliases: [] };
  const attachment = { target: '', aliases: [] as string[] };
  for (const field of text.split(',')) {
    const [key, value = ''] = field.split(/=(.*)/s, 2);
    if (key === 'name' || key === 'target') attachment.target = value;
    else if (key === 'alias') attachment.aliases.push(value);
    else throw new UsageError(`invalid --network field "${field}": use name=NETWORK,alias=NAME`);
  }
  if (!attachment.target) throw new UsageError(`invalid --network "${text}": the network's name is missing`);
  return attachment;
}

export function parsePlacementPref(text: string): { spread: string } {
  const m = /^spread=(.+)$/.exec(text);
  if (!m) throw new UsageError(`invalid placement preference "${text}": use spread=node.labels.NAME`);
  return { spread: m[1] };
}

function mode(values: Values, replicas: number | undefined): ServiceSpec['mode'] {
  const m = (values.mode as string | undefined) ?? 'replicated';
  if (m === 'global') {
    if (replicas !== undefined) throw new UsageError('replicas can only be used with replicated mode');
    return { global: {} };
  }
  if (m !== 'replicated') throw new UsageError(`invalid mode "${m}": use replicated or global`);
  return { replicated: { replicas: replicas ?? 1 } };
}

function mounts(values: Values, ctx: FlagContext): Mount[] {
  return list(values.mount).map((text) => {
    const m = parseMountFlag(text, ctx.cwd);
    return {
      type: m.type as Mount['type'],
      source: m.source ?? '',
      target: m.target ?? '',
      readOnly: !!m.readOnly,
    };
  });
}

/**
 * `--secret NAME` or `--secret source=NAME,target=T,uid=U,gid=G,mode=0400` (and `--config`), as
 * Docker reads them: a secret lands in /run/secrets/<target or name>, a config at /<target or name>.
 */
export function parseFileReference(what: 'secret' | 'config', text: string): FileReference {
  const fields: Record<string, string> = text.includes('=')
    ? Object.fromEntries(
        text.split(',').map((part) => {
          const eq = part.indexOf('=');
          if (eq < 0) throw new UsageError(`invalid --${what} "${text}": expected key=value pairs`);
          return [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
        }),
      )
    : { source: text };
  for (const key of Object.keys(fields))
    if (!['source', 'src', 'target', 'uid', 'gid', 'mode'].includes(key))
      throw new UsageError(`invalid --${what} field "${key}": use source, target, uid, gid and mode`);
  const source = fields.source ?? fields.src;
  if (!source) throw new UsageError(`invalid --${what} "${text}": give its source (name)`);
  const target = fields.target || source;
  const mode = fields.mode === undefined ? 0o444 : Number.parseInt(fields.mode, 8);
  if (!Number.isInteger(mode) || !/^[0-7]{1,4}$/.test(fields.mode ?? '444'))
    throw new UsageError(`invalid --${what} mode "${fields.mode}": give it in octal, e.g. 0400`);
  return {
    source,
    target: fileTarget(what === 'secret' ? 'secrets' : 'configs', target),
    uid: fields.uid ?? '0',
    gid: fields.gid ?? '0',
    mode,
  };
}

/** The spec `berth service create [OPTIONS] IMAGE [COMMAND] [ARG...]` asks for. */
export function serviceSpec(values: Values, positionals: string[], ctx: FlagContext): ServiceSpec {
  const [image, ...args] = positionals;
  const name = (values.name as string | undefined) ?? '';
  const spec = defaultServiceSpec(name, image);
  const replicas = values.replicas === undefined ? undefined : wholeNumber(values, 'replicas', 1);
  spec.mode = mode(values, replicas);
  spec.labels = keyValues(values.label);
  const container = spec.task.container;
  const entrypoint = values.entrypoint as string | undefined;
  container.command = entrypoint ? entrypoint.split(/\s+/).filter(Boolean) : [];
  container.args = args;
  container.env = environment(values, ctx);
  container.labels = keyValues(values['container-label']);
  container.workdir = (values.workdir as string | undefined) ?? '';
  container.user = (values.user as string | undefined) ?? '';
  container.hostname = (values.hostname as string | undefined) ?? '';
  container.mounts = mounts(values, ctx);
  const secrets = list(values.secret).map((t) => parseFileReference('secret', t));
  const configs = list(values.config).map((t) => parseFileReference('config', t));
  if (secrets.length) container.secrets = secrets;
  if (configs.length) container.configs = configs;
  container.stopSignal = (values['stop-signal'] as string | undefined) ?? '';
  container.stopGracePeriodMs = durationMs(values, 'stop-grace-period', 10_000);
  container.readOnly = !!values['read-only'];
  container.init = !!values.init;
  container.healthcheck = healthcheck(values);
  spec.task.resources = {
    limits: { nanoCpus: nanoCpus(values, 'limit-cpu'), memoryBytes: bytes(values, 'limit-memory') },
    reservations: { nanoCpus: nanoCpus(values, 'reserve-cpu'), memoryBytes: bytes(values, 'reserve-memory') },
  };
  const condition = (values['restart-condition'] as string | undefined) ?? 'any';
  if (!['none', 'on-failure', 'any'].includes(condition))
    throw new UsageError(`invalid restart condition "${condition}": use none, on-failure or any`);
  spec.task.restartPolicy = {
    condition: condition as RestartCondition,
    delayMs: durationMs(values, 'restart-delay', 5_000),
    maxAttempts: wholeNumber(values, 'restart-max-attempts', 0),
    windowMs: durationMs(values, 'restart-window', 0),
  };
  spec.task.placement = {
    constraints: list(values.constraint),
    preferences: list(values['placement-pref']).map(parsePlacementPref),
    maxReplicasPerNode: wholeNumber(values, 'max-replicas', 0),
  };
  const endpointMode = (values['endpoint-mode'] as string | undefined) ?? 'vip';
  if (endpointMode !== 'vip' && endpointMode !== 'dnsrr')
    throw new UsageError(`invalid endpoint mode "${endpointMode}": use vip or dnsrr`);
  spec.endpoint = { mode: endpointMode, ports: list(values.publish).map(parsePublish) };
  spec.networks = list(values.network).map(parseNetworkFlag);
  spec.updateConfig = updateConfigFromFlags(values, 'update', DEFAULT_UPDATE_CONFIG);
  spec.rollbackConfig = updateConfigFromFlags(values, 'rollback', DEFAULT_ROLLBACK_CONFIG);
  return spec;
}

function healthcheck(values: Values): ServiceSpec['task']['container']['healthcheck'] {
  if (values['no-healthcheck'] && Object.keys(values).some((k) => k.startsWith('health-')))
    throw new UsageError('--no-healthcheck conflicts with --health-* options');
  if (values['no-healthcheck'])
    return { test: ['NONE'], intervalMs: 0, timeoutMs: 0, retries: 0, startPeriodMs: 0 };
  const cmd = values['health-cmd'] as string | undefined;
  if (!cmd) return null;
  return {
    test: ['CMD-SHELL', cmd],
    intervalMs: durationMs(values, 'health-interval', 30_000),
    timeoutMs: durationMs(values, 'health-timeout', 30_000),
    retries: wholeNumber(values, 'health-retries', 3),
    startPeriodMs: durationMs(values, 'health-start-period', 0),
  };
}
