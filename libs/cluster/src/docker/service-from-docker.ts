/**
 * A Docker ServiceSpec (the body of `POST /services/create`, `POST /services/{id}/update`) →
 * Berth's ServiceSpec, the same one `berth service create` and a stack file make. Docker's zero
 * values mean what they mean to dockerd (no RestartPolicy: swarm's; Monitor 0: the default 5 s;
 * Order '': stop-first; no Replicas: 1). What Berth cannot carry out is refused by name
 * (UnsupportedFieldError); the few options a stack file may hold that `berth stack deploy` also
 * ignores are ignored with a warning, which the API hands back as Docker's `Warnings`. Pure.
 */
import { DEFAULT_ROLLBACK_CONFIG, DEFAULT_UPDATE_CONFIG, defaultTaskSpec } from '../defaults';
import { DecodeError } from '../decode/decoder';
import { LIMITS } from '../decode/limits';
import { decodeServiceSpec } from '../decode/service';
import type {
  EndpointSpec,
  NetworkAttachmentSpec,
  PortConfig,
  Resources,
  ServiceMode,
  ServiceSpec,
  TaskSpec,
  UpdateConfig,
} from '../objects';
import { fullImageName, milliseconds, type FileDirectory } from './common';
import { containerSpecFromDocker } from './container-from-docker';
import {
  at,
  choice,
  field,
  fields,
  isAbsent,
  isZero,
  labels,
  list,
  readBody,
  refuseSet,
  text,
  texts,
  UnsupportedFieldError,
  whole,
} from './read';

export interface FromDockerOptions {
  /** the secrets and configs a reference may name by id only */
  files?: FileDirectory;
  /**
   * the service's spec before this update: what Docker's spec cannot say (compose's depends_on)
   * is kept from it
   */
  current?: ServiceSpec;
}

export interface FromDocker {
  /** checked against the cluster's decoder; the caller names it if Name was empty (dockerd picks a name) */
  spec: ServiceSpec;
  /** options ignored, in `docker stack deploy`'s words */
  warnings: string[];
}

export function serviceSpecFromDocker(body: unknown, options: FromDockerOptions = {}): FromDocker {
  return readBody(() => read(body, options));
}

function read(body: unknown, options: FromDockerOptions): FromDocker {
  const s = fields(body, '');
  const ignored: string[] = [];
  const template = fields(field(s, 'TaskTemplate'), 'TaskTemplate');
  // Networks beside TaskTemplate: API versions before 1.44 put them there
  const own = field(template, 'Networks');
  const legacy = isAbsent(own) || (Array.isArray(own) && own.length === 0);
  const spec: ServiceSpec = {
    name: text(field(s, 'Name'), 'Name', LIMITS.name),
    labels: labels(field(s, 'Labels'), 'Labels'),
    task: taskSpecFromDocker(template, 'TaskTemplate', ignored, options.files),
    mode: modeFromDocker(field(s, 'Mode'), 'Mode'),
    endpoint: endpointFromDocker(field(s, 'EndpointSpec'), 'EndpointSpec'),
    networks: legacy
      ? list(field(s, 'Networks'), 'Networks', attachmentFromDocker)
      : list(own, 'TaskTemplate.Networks', attachmentFromDocker),
    updateConfig: updateConfigFromDocker(field(s, 'UpdateConfig'), 'UpdateConfig', DEFAULT_UPDATE_CONFIG),
    rollbackConfig: updateConfigFromDocker(
      field(s, 'RollbackConfig'),
      'RollbackConfig',
      DEFAULT_ROLLBACK_CONFIG,
    ),
    ...(options.current?.dependsOn && { dependsOn: structuredClone(options.current.dependsOn) }),
  };
  // the same image spelled out (`busybox` → `busybox:latest`) keeps its spelling: no new tasks for it
  const image = options.current?.task.container.image;
  if (image && fullImageName(image) === fullImageName(spec.task.container.image))
    spec.task.container.image = image;
  const warnings = ignored.length ? [`Ignoring unsupported options: ${ignored.join(', ')}`] : [];
  return { spec: decodeServiceSpec(spec), warnings };
}

function taskSpecFromDocker(
  t: Record<string, unknown>,
  path: string,
  ignored: string[],
  files?: FileDirectory,
): TaskSpec {
  const runtime = text(field(t, 'Runtime'), at(path, 'Runtime'), LIMITS.name);
  if (runtime !== '' && runtime !== 'container')
    throw new UnsupportedFieldError(at(path, 'Runtime'), `Berth's services run containers, not ${runtime}s`);
  refuseSet(t, 'PluginSpec', path, "Berth's services run containers, not plugins");
  refuseSet(t, 'NetworkAttachmentSpec', path, 'a service runs a container: give its ContainerSpec');
  if (isAbsent(field(t, 'ContainerSpec')))
    throw new DecodeError('missing', at(path, 'ContainerSpec'), 'a service runs a container: give its spec');
  if (!isZero(field(t, 'LogDriver'))) ignored.push(at(path, 'LogDriver'));
  const defaults = defaultTaskSpec('');
  return {
    container: containerSpecFromDocker(field(t, 'ContainerSpec'), at(path, 'ContainerSpec'), files),
    resources: resourcesFromDocker(
      fields(field(t, 'Resources'), at(path, 'Resources')),
      at(path, 'Resources'),
      ignored,
    ),
    restartPolicy: isAbsent(field(t, 'RestartPolicy'))
      ? defaults.restartPolicy
      : restartFromDocker(
          fields(field(t, 'RestartPolicy'), at(path, 'RestartPolicy')),
          at(path, 'RestartPolicy'),
        ),
    placement: placementFromDocker(
      fields(field(t, 'Placement'), at(path, 'Placement')),
      at(path, 'Placement'),
    ),
    forceUpdate: whole(field(t, 'ForceUpdate'), at(path, 'ForceUpdate')),
  };
}

function resourcesFromDocker(
  r: Record<string, unknown>,
  path: string,
  ignored: string[],
): TaskSpec['resources'] {
  refuseSet(r, 'SwapBytes', path, "Berth limits a service's memory without its swap");
  refuseSet(r, 'MemorySwappiness', path, "Berth leaves a service's swappiness to the kernel");
  const limits = fields(field(r, 'Limits'), at(path, 'Limits'));
  const reservations = fields(field(r, 'Reservations'), at(path, 'Reservations'));
  // as `berth stack deploy` reads deploy.resources.limits.pids and reservations.generic_resources
  if (!isZero(field(limits, 'Pids'))) ignored.push(at(at(path, 'Limits'), 'Pids'));
  if (!isZero(field(reservations, 'GenericResources')))
    ignored.push(at(at(path, 'Reservations'), 'GenericResources'));
  const amount = (o: Record<string, unknown>, where: string): Resources => ({
    nanoCpus: whole(field(o, 'NanoCPUs'), at(where, 'NanoCPUs')),
    memoryBytes: whole(field(o, 'MemoryBytes'), at(where, 'MemoryBytes')),
  });
  return {
    limits: amount(limits, at(path, 'Limits')),
    reservations: amount(reservations, at(path, 'Reservations')),
  };
}

/** Swarm's defaults for what is left out: condition any, 5 s apart (Delay absent; 0 is 0), no limit. */
function restartFromDocker(r: Record<string, unknown>, path: string): TaskSpec['restartPolicy'] {
  const delay = field(r, 'Delay');
  return {
    condition: choice(
      field(r, 'Condition'),
      at(path, 'Condition'),
      ['none', 'on-failure', 'any'] as const,
      'any',
    ),
    delayMs: isAbsent(delay)
      ? defaultTaskSpec('').restartPolicy.delayMs
      : milliseconds(whole(delay, at(path, 'Delay'))),
    maxAttempts: whole(field(r, 'MaxAttempts'), at(path, 'MaxAttempts')),
    windowMs: milliseconds(whole(field(r, 'Window'), at(path, 'Window'))),
  };
}

function placementFromDocker(p: Record<string, unknown>, path: string): TaskSpec['placement'] {
  // Platforms: the docker client lists the image's platforms when it pins its digest; Berth's
  // scheduler does not place by platform (a node pulls the image for its own), so they are not kept
  const preferences = list(field(p, 'Preferences'), at(path, 'Preferences'), (v, where) => {
    const spread = fields(field(fields(v, where), 'Spread'), at(where, 'Spread'));
    return text(field(spread, 'SpreadDescriptor'), at(at(where, 'Spread'), 'SpreadDescriptor'));
  });
  return {
    constraints: texts(field(p, 'Constraints'), at(path, 'Constraints'), LIMITS.text),
    // a preference without Spread says nothing, as dockerd reads it
    preferences: preferences.filter(Boolean).map((spread) => ({ spread })),
    maxReplicasPerNode: whole(field(p, 'MaxReplicas'), at(path, 'MaxReplicas')),
  };
}

function attachmentFromDocker(value: unknown, path: string): NetworkAttachmentSpec {
  const n = fields(value, path);
  refuseSet(n, 'DriverOpts', path, "Berth's overlay networks take no attachment options");
  const target = text(field(n, 'Target'), at(path, 'Target'), LIMITS.name);
  if (!target) throw new DecodeError('missing', at(path, 'Target'), 'name the network (its name or id)');
  return { target, aliases: texts(field(n, 'Aliases'), at(path, 'Aliases'), LIMITS.name) };
}

function modeFromDocker(value: unknown, path: string): ServiceMode {
  const m = fields(value, path);
  // a job's mode says so by being there, empty as it may be
  for (const job of ['ReplicatedJob', 'GlobalJob'])
    if (!isAbsent(field(m, job))) throw new UnsupportedFieldError(at(path, job), 'Berth has no job services');
  const replicated = field(m, 'Replicated');
  const global = field(m, 'Global');
  if (!isAbsent(replicated) && !isAbsent(global))
    throw new DecodeError('value', path, 'give one mode: Replicated or Global');
  if (!isAbsent(global)) {
    fields(global, at(path, 'Global'));
    return { global: {} };
  }
  // no Replicas (or no mode): one, as dockerd makes it
  const replicas = field(fields(replicated, at(path, 'Replicated')), 'Replicas');
  return {
    replicated: {
      replicas: isAbsent(replicas) ? 1 : whole(replicas, at(at(path, 'Replicated'), 'Replicas')),
    },
  };
}

function endpointFromDocker(value: unknown, path: string): EndpointSpec {
  const e = fields(value, path);
  const mode = choice(field(e, 'Mode'), at(path, 'Mode'), ['vip', 'dnsrr'] as const, 'vip');
  const ports = list(field(e, 'Ports'), at(path, 'Ports'), (v, where) => {
    const port = portFromDocker(v, where);
    if (mode === 'dnsrr' && port.publishMode === 'ingress')
      throw new DecodeError(
        'value',
        at(where, 'PublishMode'),
        'a dnsrr service publishes ports in host mode only',
      );
    return port;
  });
  if (ports.length > LIMITS.ports)
    throw new DecodeError('size', at(path, 'Ports'), `at most ${LIMITS.ports} ports`);
  return { mode, ports };
}

function portFromDocker(value: unknown, path: string): PortConfig {
  const p = fields(value, path);
  refuseSet(p, 'Name', path, "Berth's ports have no names");
  if (text(field(p, 'Protocol'), at(path, 'Protocol'), LIMITS.name) === 'sctp')
    throw new UnsupportedFieldError(at(path, 'Protocol'), 'Berth publishes tcp and udp ports');
  const targetPort = whole(field(p, 'TargetPort'), at(path, 'TargetPort'), 65_535);
  if (targetPort === 0)
    throw new DecodeError('missing', at(path, 'TargetPort'), 'give the port in the container');
  return {
    protocol: choice(field(p, 'Protocol'), at(path, 'Protocol'), ['tcp', 'udp'] as const, 'tcp'),
    targetPort,
    publishedPort: whole(field(p, 'PublishedPort'), at(path, 'PublishedPort'), 65_535),
    publishMode: choice(
      field(p, 'PublishMode'),
      at(path, 'PublishMode'),
      ['ingress', 'host'] as const,
      'ingress',
    ),
  };
}

/** Absent: swarm's defaults. Present: 0 is 0, but Monitor 0 is the default (dockerd sends none). */
function updateConfigFromDocker(value: unknown, path: string, defaults: UpdateConfig): UpdateConfig {
  if (isAbsent(value)) return { ...defaults };
  const u = fields(value, path);
  const actions =
    path === 'RollbackConfig'
      ? (['pause', 'continue'] as const)
      : (['pause', 'continue', 'rollback'] as const);
  const ratio = field(u, 'MaxFailureRatio');
  if (!isAbsent(ratio) && (typeof ratio !== 'number' || !(ratio >= 0 && ratio <= 1)))
    throw new DecodeError(
      'value',
      at(path, 'MaxFailureRatio'),
      `${JSON.stringify(ratio)} is not a fraction from 0 to 1`,
    );
  const monitor = whole(field(u, 'Monitor'), at(path, 'Monitor'));
  return {
    parallelism: whole(field(u, 'Parallelism'), at(path, 'Parallelism')),
    delayMs: milliseconds(whole(field(u, 'Delay'), at(path, 'Delay'))),
    failureAction: choice(field(u, 'FailureAction'), at(path, 'FailureAction'), actions, 'pause'),
    monitorMs: monitor ? milliseconds(monitor) : defaults.monitorMs,
    maxFailureRatio: isAbsent(ratio) ? 0 : ratio,
    order: choice(field(u, 'Order'), at(path, 'Order'), ['stop-first', 'start-first'] as const, 'stop-first'),
  };
}
