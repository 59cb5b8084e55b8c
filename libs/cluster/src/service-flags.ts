/**
 * Docker's `service create`, `update` and `scale` flags → a ServiceSpec, defaults filled as Swarm
 * fills them: one mapping for the three commands. Pure: what a flag needs from outside (the
 * environment and env files, paths relative to the working directory) comes in through
 * `ServiceFlagInputs`; every refusal is a ServiceFlagError, which the CLI reports as misuse.
 */
import { DEFAULT_ROLLBACK_CONFIG, DEFAULT_UPDATE_CONFIG, defaultServiceSpec } from './defaults';
import {
  fileTarget,
  type FileReference,
  type Mount,
  type PortConfig,
  type RestartCondition,
  type ServiceSpec,
  type UpdateConfig,
} from './objects';
import { parseBytes, requireDurationNs } from './units';

/** The flags as the CLI's parser reads them, by long name: `--replicas 3` is `{ replicas: '3' }`. */
export type FlagValues = Readonly<Record<string, string | boolean | readonly string[] | undefined>>;

/** A flag's value the mapping refuses; its message is what the user reads. */
export class ServiceFlagError extends Error {}

/** What `service create` flags need from outside, asked for in flag order (so errors come in it too). */
export interface ServiceFlagInputs {
  /** `--env-file`s, then `--env`s, resolved to NAME=VALUE */
  environment(): string[];
  /** the `--mount`s */
  mounts(): Mount[];
}

/** The spec `service create [OPTIONS] IMAGE [COMMAND] [ARG...]` asks for. */
export function specFromFlags(
  values: FlagValues,
  operands: readonly string[],
  inputs: ServiceFlagInputs,
): ServiceSpec {
  const [image, ...args] = operands;
  const spec = defaultServiceSpec(text(values, 'name') ?? '', image);
  const replicas = values.replicas === undefined ? undefined : wholeNumber(values, 'replicas', 1);
  spec.mode = mode(values, replicas);
  spec.labels = keyValues(list(values, 'label'));
  const container = spec.task.container;
  const entrypoint = text(values, 'entrypoint');
  container.command = entrypoint ? words(entrypoint) : [];
  container.args = args;
  container.env = inputs.environment();
  container.labels = keyValues(list(values, 'container-label'));
  container.workdir = text(values, 'workdir') ?? '';
  container.user = text(values, 'user') ?? '';
  container.hostname = text(values, 'hostname') ?? '';
  container.mounts = inputs.mounts();
  const secrets = list(values, 'secret').map((t) => parseFileReference('secret', t));
  const configs = list(values, 'config').map((t) => parseFileReference('config', t));
  if (secrets.length) container.secrets = secrets;
  if (configs.length) container.configs = configs;
  container.stopSignal = text(values, 'stop-signal') ?? '';
  container.stopGracePeriodMs = durationMs(values, 'stop-grace-period', 10_000);
  container.readOnly = !!values['read-only'];
  container.init = !!values.init;
  container.healthcheck = healthcheck(values);
  spec.task.resources = {
    limits: { nanoCpus: nanoCpus(values, 'limit-cpu'), memoryBytes: bytes(values, 'limit-memory') },
    reservations: { nanoCpus: nanoCpus(values, 'reserve-cpu'), memoryBytes: bytes(values, 'reserve-memory') },
  };
  spec.task.restartPolicy = restartPolicy(values);
  spec.task.placement = {
    constraints: list(values, 'constraint'),
    preferences: list(values, 'placement-pref').map(parsePlacementPref),
    maxReplicasPerNode: wholeNumber(values, 'max-replicas', 0),
  };
  spec.endpoint = { mode: endpointMode(values), ports: list(values, 'publish').map(parsePublish) };
  spec.networks = list(values, 'network').map(parseNetworkFlag);
  spec.updateConfig = updateConfigFromFlags(values, 'update', DEFAULT_UPDATE_CONFIG);
  spec.rollbackConfig = updateConfigFromFlags(values, 'rollback', DEFAULT_ROLLBACK_CONFIG);
  return spec;
}

/** SPEC with `service update`'s flags applied (`--constraint-add`, `--env-rm`, `--force`, …); SPEC is left as it was. */
export function applyFlags(spec: ServiceSpec, values: FlagValues): ServiceSpec {
  let next = structuredClone(spec);
  if (values.replicas !== undefined)
    next = withReplicas(next, Number(values.replicas), 'replicas can only be used with replicated mode');
  const placement = next.task.placement;
  placement.constraints = [
    ...placement.constraints.filter((c) => !list(values, 'constraint-rm').includes(c)),
    ...list(values, 'constraint-add'),
  ];
  const prefsRm = list(values, 'placement-pref-rm').map((p) => parsePlacementPref(p).spread);
  placement.preferences = [
    ...placement.preferences.filter((p) => !prefsRm.includes(p.spread)),
    ...list(values, 'placement-pref-add').map(parsePlacementPref),
  ];
  if (values['max-replicas'] !== undefined) placement.maxReplicasPerNode = Number(values['max-replicas']);
  for (const key of list(values, 'label-rm')) delete next.labels[key];
  Object.assign(next.labels, keyValues(list(values, 'label-add')));
  const container = next.task.container;
  if (values.image !== undefined) container.image = values.image as string;
  if (values.args !== undefined) container.args = words(values.args as string);
  const envNames = (entries: string[]) => new Set(entries.map((e) => e.split('=')[0]));
  const removed = envNames([...list(values, 'env-rm'), ...list(values, 'env-add')]);
  container.env = [...container.env.filter((e) => !removed.has(e.split('=')[0])), ...list(values, 'env-add')];
  container.secrets = updatedReferences(container.secrets, 'secret', values);
  container.configs = updatedReferences(container.configs, 'config', values);
  if (container.secrets === undefined) delete container.secrets;
  if (container.configs === undefined) delete container.configs;
  if (values.force) next.task.forceUpdate += 1;
  next.updateConfig = updateConfigFromFlags(values, 'update', next.updateConfig ?? DEFAULT_UPDATE_CONFIG);
  next.rollbackConfig = updateConfigFromFlags(
    values,
    'rollback',
    next.rollbackConfig ?? DEFAULT_ROLLBACK_CONFIG,
  );
  return next;
}

/** SPEC with REPLICAS, as `service scale SERVICE=REPLICAS` asks (SERVICE names it in the refusal). */
export function scaledSpec(spec: ServiceSpec, replicas: number, service: string): ServiceSpec {
  return withReplicas(
    structuredClone(spec),
    replicas,
    `scale can only be used with replicated mode (${service} is global)`,
  );
}

function withReplicas(spec: ServiceSpec, replicas: number, refusal: string): ServiceSpec {
  if (!('replicated' in spec.mode)) throw new ServiceFlagError(refusal);
  return { ...spec, mode: { replicated: { replicas } } };
}

/** `--secret-add`/`--secret-rm` (or config): an untouched list stays as it is, even absent. */
function updatedReferences(
  current: FileReference[] | undefined,
  flag: 'secret' | 'config',
  values: FlagValues,
): FileReference[] | undefined {
  const adds = list(values, `${flag}-add`);
  const rms = list(values, `${flag}-rm`);
  if (!adds.length && !rms.length) return current;
  const added = adds.map((t) => parseFileReference(flag, t));
  const gone = new Set([...rms, ...added.map((r) => r.source)]);
  return [...(current ?? []).filter((r) => !gone.has(r.source)), ...added];
}

/** BASE with the `--PREFIX-*` flags given in VALUES applied. */
export function updateConfigFromFlags(
  values: FlagValues,
  prefix: 'update' | 'rollback',
  base: UpdateConfig,
): UpdateConfig {
  const flag = (name: string) => `${prefix}-${name}`;
  const action = text(values, flag('failure-action')) ?? base.failureAction;
  const actions = prefix === 'update' ? ['pause', 'continue', 'rollback'] : ['pause', 'continue'];
  if (!actions.includes(action))
    throw new ServiceFlagError(`invalid --${flag('failure-action')} "${action}": use ${actions.join(', ')}`);
  const order = text(values, flag('order')) ?? base.order;
  if (order !== 'stop-first' && order !== 'start-first')
    throw new ServiceFlagError(`invalid --${flag('order')} "${order}": use stop-first or start-first`);
  const ratioText = text(values, flag('max-failure-ratio'));
  const ratio = ratioText === undefined ? base.maxFailureRatio : Number(ratioText);
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1)
    throw new ServiceFlagError(
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

function text(values: FlagValues, flag: string): string | undefined {
  return values[flag] as string | undefined;
}

function list(values: FlagValues, flag: string): string[] {
  return [...((values[flag] as readonly string[] | undefined) ?? [])];
}

/** `a=1`, `b` (empty), `c=x=y` → `{ a: '1', b: '', c: 'x=y' }`, as docker reads labels. */
function keyValues(entries: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    entries.map((kv) => {
      const eq = kv.indexOf('=');
      return eq < 0 ? [kv, ''] : [kv.slice(0, eq), kv.slice(eq + 1)];
    }),
  );
}

function words(line: string): string[] {
  return line.split(/\s+/).filter(Boolean);
}

function durationMs(values: FlagValues, flag: string, fallback: number): number {
  const given = text(values, flag);
  if (given === undefined) return fallback;
  try {
    return requireDurationNs(given) / 1e6;
  } catch {
    throw new ServiceFlagError(
      `invalid argument "${given}" for "--${flag}" flag: use a duration like 30s or 1m30s`,
    );
  }
}

function wholeNumber(values: FlagValues, flag: string, fallback: number): number {
  const given = text(values, flag);
  if (given === undefined) return fallback;
  const n = Number(given);
  if (!/^\d+$/.test(given) || !Number.isSafeInteger(n))
    throw new ServiceFlagError(`invalid argument "${given}" for "--${flag}" flag: expected a whole number`);
  return n;
}

function nanoCpus(values: FlagValues, flag: string): number {
  const given = text(values, flag);
  if (given === undefined) return 0;
  const n = Number(given);
  if (!Number.isFinite(n) || n < 0)
    throw new ServiceFlagError(`invalid argument "${given}" for "--${flag}" flag: expected a number of CPUs`);
  return Math.round(n * 1e9);
}

function bytes(values: FlagValues, flag: string): number {
  const given = text(values, flag);
  if (given === undefined) return 0;
  const n = parseBytes(given);
  if (n === undefined)
    throw new ServiceFlagError(`invalid argument "${given}" for "--${flag}" flag: expected a size like 512m`);
  return n;
}

function mode(values: FlagValues, replicas: number | undefined): ServiceSpec['mode'] {
  const m = text(values, 'mode') ?? 'replicated';
  if (m === 'global') {
    if (replicas !== undefined) throw new ServiceFlagError('replicas can only be used with replicated mode');
    return { global: {} };
  }
  if (m !== 'replicated') throw new ServiceFlagError(`invalid mode "${m}": use replicated or global`);
  return { replicated: { replicas: replicas ?? 1 } };
}

function restartPolicy(values: FlagValues): ServiceSpec['task']['restartPolicy'] {
  const condition = text(values, 'restart-condition') ?? 'any';
  if (!['none', 'on-failure', 'any'].includes(condition))
    throw new ServiceFlagError(`invalid restart condition "${condition}": use none, on-failure or any`);
  return {
    condition: condition as RestartCondition,
    delayMs: durationMs(values, 'restart-delay', 5_000),
    maxAttempts: wholeNumber(values, 'restart-max-attempts', 0),
    windowMs: durationMs(values, 'restart-window', 0),
  };
}

function endpointMode(values: FlagValues): ServiceSpec['endpoint']['mode'] {
  const given = text(values, 'endpoint-mode') ?? 'vip';
  if (given !== 'vip' && given !== 'dnsrr')
    throw new ServiceFlagError(`invalid endpoint mode "${given}": use vip or dnsrr`);
  return given;
}

function healthcheck(values: FlagValues): ServiceSpec['task']['container']['healthcheck'] {
  if (values['no-healthcheck'] && Object.keys(values).some((k) => k.startsWith('health-')))
    throw new ServiceFlagError('--no-healthcheck conflicts with --health-* options');
  if (values['no-healthcheck'])
    return { test: ['NONE'], intervalMs: 0, timeoutMs: 0, retries: 0, startPeriodMs: 0 };
  const cmd = text(values, 'health-cmd');
  if (!cmd) return null;
  return {
    test: ['CMD-SHELL', cmd],
    intervalMs: durationMs(values, 'health-interval', 30_000),
    timeoutMs: durationMs(values, 'health-timeout', 30_000),
    retries: wholeNumber(values, 'health-retries', 3),
    startPeriodMs: durationMs(values, 'health-start-period', 0),
  };
}

/** `published=8080,target=80,protocol=udp,mode=host` or the short `8080:80[/udp]`. */
export function parsePublish(spec: string): PortConfig {
  if (!spec.includes('=')) {
    const m = /^(?:(\d+):)?(\d+)(?:\/(tcp|udp))?$/.exec(spec);
    if (!m)
      throw new ServiceFlagError(
        `invalid publish "${spec}": use PUBLISHED:TARGET[/PROTOCOL] or published=…,target=…`,
      );
    return checkedPort(spec, {
      publishedPort: Number(m[1] ?? 0),
      targetPort: Number(m[2]),
      protocol: (m[3] ?? 'tcp') as 'tcp',
      publishMode: 'ingress',
    });
  }
  const fields = Object.fromEntries(spec.split(',').map((kv) => kv.split(/=(.*)/s, 2)));
  const port: PortConfig = { publishedPort: 0, targetPort: 0, protocol: 'tcp', publishMode: 'ingress' };
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'published') port.publishedPort = Number(value);
    else if (key === 'target') port.targetPort = Number(value);
    else if (key === 'protocol' && (value === 'tcp' || value === 'udp')) port.protocol = value;
    else if (key === 'mode' && (value === 'ingress' || value === 'host')) port.publishMode = value;
    else throw new ServiceFlagError(`invalid publish field "${key}=${value}" in "${spec}"`);
  }
  return checkedPort(spec, port);
}

function checkedPort(spec: string, port: PortConfig): PortConfig {
  if (!(Number.isInteger(port.targetPort) && port.targetPort >= 1 && port.targetPort <= 65535))
    throw new ServiceFlagError(`invalid publish "${spec}": a target port is required`);
  if (!(Number.isInteger(port.publishedPort) && port.publishedPort >= 0 && port.publishedPort <= 65535))
    throw new ServiceFlagError(`invalid publish "${spec}": the published port must be 0-65535`);
  return port;
}

/** `--network NAME`, or `--network name=NAME,alias=A,alias=B`. */
export function parseNetworkFlag(spec: string): { target: string; aliases: string[] } {
  if (!spec.includes('=')) return { target: spec, aliases: [] };
  const attachment = { target: '', aliases: [] as string[] };
  for (const field of spec.split(',')) {
    const [key, value = ''] = field.split(/=(.*)/s, 2);
    if (key === 'name' || key === 'target') attachment.target = value;
    else if (key === 'alias') attachment.aliases.push(value);
    else throw new ServiceFlagError(`invalid --network field "${field}": use name=NETWORK,alias=NAME`);
  }
  if (!attachment.target)
    throw new ServiceFlagError(`invalid --network "${spec}": the network's name is missing`);
  return attachment;
}

/** `spread=node.labels.zone`: the only placement preference there is. */
export function parsePlacementPref(spec: string): { spread: string } {
  const m = /^spread=(.+)$/.exec(spec);
  if (!m) throw new ServiceFlagError(`invalid placement preference "${spec}": use spread=node.labels.NAME`);
  return { spread: m[1] };
}

/**
 * `--secret NAME` or `--secret source=NAME,target=T,uid=U,gid=G,mode=0400` (and `--config`), as
 * Docker reads them: a secret lands in /run/secrets/<target or name>, a config at /<target or name>.
 */
export function parseFileReference(what: 'secret' | 'config', spec: string): FileReference {
  const fields: Record<string, string> = spec.includes('=')
    ? Object.fromEntries(
        spec.split(',').map((part) => {
          const eq = part.indexOf('=');
          if (eq < 0) throw new ServiceFlagError(`invalid --${what} "${spec}": expected key=value pairs`);
          return [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
        }),
      )
    : { source: spec };
  for (const key of Object.keys(fields))
    if (!['source', 'src', 'target', 'uid', 'gid', 'mode'].includes(key))
      throw new ServiceFlagError(`invalid --${what} field "${key}": use source, target, uid, gid and mode`);
  const source = fields.source ?? fields.src;
  if (!source) throw new ServiceFlagError(`invalid --${what} "${spec}": give its source (name)`);
  const target = fields.target || source;
  const mode = fields.mode === undefined ? 0o444 : Number.parseInt(fields.mode, 8);
  if (!Number.isInteger(mode) || !/^[0-7]{1,4}$/.test(fields.mode ?? '444'))
    throw new ServiceFlagError(`invalid --${what} mode "${fields.mode}": give it in octal, e.g. 0400`);
  return {
    source,
    target: fileTarget(what === 'secret' ? 'secrets' : 'configs', target),
    uid: fields.uid ?? '0',
    gid: fields.gid ?? '0',
    mode,
  };
}
