import {
  type ContainerSpec,
  defaultServiceSpec,
  type EndpointSpec,
  type ServiceSpec,
  STACK_LABEL,
} from '@berth/cluster';
import {
  compileEnvironment,
  compileHealthcheck,
  compileSysctls,
  compileSecurityOpt,
  compileUlimits,
  readCommand,
} from './container';
import { type CompileContext, report, scoped } from './context';
import {
  compileEndpointMode,
  compileMode,
  compilePlacement,
  compileResources,
  compileRestartPolicy,
  compileUpdateConfig,
} from './deploy';
import { compileDependencies, findDependencyCycles } from './depends-on';
import { compileFileObjects, compileFileReferences } from './file-objects';
import { compileMounts, volumeNames } from './mounts';
import {
  compileAttachments,
  compileNetworks,
  DEFAULT_NETWORK,
  defaultNetwork,
  serviceNetworkUses,
} from './networks';
import { compilePorts } from './ports';
import { mapOf, readBoolean, readDuration, readLabels, readString, readStringList } from './read';
import type { Path } from './tree';
import type { StackFileObject, StackNetwork, StackService } from './types';
import { reportForbiddenOptions } from './unsupported';

/** The label swarm puts on a stack's services naming the image the file asked for. */
export const IMAGE_LABEL = 'com.docker.stack.image';

export interface CompiledStack {
  services: StackService[];
  networks: StackNetwork[];
  secrets: StackFileObject[];
  configs: StackFileObject[];
}

/** What a service may refer to: the stack's declarations, by key. */
interface Declarations {
  services: ReadonlySet<string>;
  networks: ReadonlyMap<string, StackNetwork>;
  volumes: ReadonlyMap<string, string>;
  secrets: ReadonlyMap<string, StackFileObject>;
  configs: ReadonlyMap<string, StackFileObject>;
}

/** A merged, interpolated, schema-valid document → the stack's objects (problems go to CTX). */
export function compileStack(ctx: CompileContext, document: Record<string, unknown>): CompiledStack {
  reportForbiddenOptions(ctx, document);
  const serviceEntries = Object.entries(mapOf(document.services)).map(([key, s]) => [key, mapOf(s)] as const);
  const declarations: Declarations = {
    services: new Set(serviceEntries.map(([key]) => key)),
    networks: compileNetworks(ctx, document.networks),
    volumes: volumeNames(ctx, document.volumes),
    secrets: compileFileObjects(ctx, 'secrets', document.secrets),
    configs: compileFileObjects(ctx, 'configs', document.configs),
  };
  const services = serviceEntries
    .map(([key, service]) => compileService(ctx, key, service, declarations))
    .sort((a, b) => a.name.localeCompare(b.name));
  reportSharedPublishedPorts(ctx, services);
  reportDependencyCycles(ctx, serviceEntries);
  return {
    services,
    networks: stackNetworks(ctx, declarations.networks, services),
    secrets: byName([...declarations.secrets.values()]),
    configs: byName([...declarations.configs.values()]),
  };
}

function compileService(
  ctx: CompileContext,
  key: string,
  service: Record<string, unknown>,
  declared: Declarations,
): StackService {
  const path: Path = ['services', key];
  const name = scoped(ctx, key);
  const image = serviceImage(ctx, service, path);
  const defaults = defaultServiceSpec(name, image);
  const deploy = mapOf(service.deploy);
  const deployPath = [...path, 'deploy'];
  const networkUses = serviceNetworkUses(ctx, service.networks, [...path, 'networks']);
  const spec: ServiceSpec = {
    ...defaults,
    labels: {
      ...readLabels(ctx, deploy.labels, [...deployPath, 'labels']),
      [STACK_LABEL]: ctx.stackName,
      [IMAGE_LABEL]: image,
    },
    task: {
      ...defaults.task,
      container: compileContainer(ctx, service, path, image, declared),
      resources: compileResources(ctx, deploy.resources, [...deployPath, 'resources']),
      restartPolicy: compileRestartPolicy(ctx, service, path),
      placement: compilePlacement(ctx, deploy.placement, [...deployPath, 'placement']),
    },
    mode: compileMode(ctx, deploy, deployPath),
    endpoint: compileEndpoint(ctx, service, path),
    networks: compileAttachments(ctx, networkUses, key, declared.networks, path),
    ...compileRollouts(ctx, deploy, deployPath),
    ...(service.depends_on !== undefined && {
      dependsOn: compileDependencies(ctx, service.depends_on, [...path, 'depends_on'], declared.services),
    }),
  };
  return { name, shortName: key, spec };
}

/** Ports and endpoint mode; a dnsrr service has no virtual IP for the routing mesh to reach. */
function compileEndpoint(ctx: CompileContext, service: Record<string, unknown>, path: Path): EndpointSpec {
  const deployPath = [...path, 'deploy'];
  const ports = compilePorts(ctx, service.ports, [...path, 'ports']);
  const mode = compileEndpointMode(ctx, mapOf(service.deploy), deployPath);
  if (mode === 'dnsrr' && ports.some((p) => p.publishMode === 'ingress'))
    report(
      ctx,
      [...deployPath, 'endpoint_mode'],
      'a dnsrr service cannot publish ports in ingress mode: publish them in host mode',
    );
  return { mode, ports };
}

/** `update_config` and `rollback_config`, each only when the file gives it. */
function compileRollouts(
  ctx: CompileContext,
  deploy: Record<string, unknown>,
  deployPath: Path,
): Pick<ServiceSpec, 'updateConfig' | 'rollbackConfig'> {
  const updatePath = [...deployPath, 'update_config'];
  const rollbackPath = [...deployPath, 'rollback_config'];
  const updateConfig = compileUpdateConfig(ctx, deploy.update_config, updatePath, 'update');
  const rollbackConfig = compileUpdateConfig(ctx, deploy.rollback_config, rollbackPath, 'rollback');
  return { ...(updateConfig && { updateConfig }), ...(rollbackConfig && { rollbackConfig }) };
}

function compileContainer(
  ctx: CompileContext,
  service: Record<string, unknown>,
  path: Path,
  image: string,
  declared: Declarations,
): ContainerSpec {
  const at = (key: string) => [...path, key];
  const defaults = defaultServiceSpec('', image).task.container;
  const capAdd = readStringList(ctx, service.cap_add, at('cap_add'));
  const capDrop = readStringList(ctx, service.cap_drop, at('cap_drop'));
  const sysctls = compileSysctls(ctx, service.sysctls, at('sysctls'));
  const ulimits = compileUlimits(ctx, service.ulimits, at('ulimits'));
  const seccomp = compileSecurityOpt(ctx, service.security_opt, at('security_opt'));
  const secrets = compileFileReferences(ctx, 'secrets', service.secrets, at('secrets'), declared.secrets);
  const configs = compileFileReferences(ctx, 'configs', service.configs, at('configs'), declared.configs);
  return {
    ...defaults,
    command: readCommand(ctx, service.entrypoint, at('entrypoint')) ?? [],
    args: readCommand(ctx, service.command, at('command')) ?? [],
    env: compileEnvironment(ctx, service, path),
    labels: { ...readLabels(ctx, service.labels, at('labels')), [STACK_LABEL]: ctx.stackName },
    user: readString(ctx, service.user, at('user')) ?? '',
    workdir: readString(ctx, service.working_dir, at('working_dir')) ?? '',
    hostname: readString(ctx, service.hostname, at('hostname')) ?? '',
    mounts: compileMounts(ctx, service, path, declared.volumes),
    stopSignal: readString(ctx, service.stop_signal, at('stop_signal')) ?? '',
    stopGracePeriodMs:
      readDuration(ctx, service.stop_grace_period, at('stop_grace_period')) ?? defaults.stopGracePeriodMs,
    healthcheck: compileHealthcheck(ctx, service.healthcheck, at('healthcheck')),
    readOnly: readBoolean(ctx, service.read_only, at('read_only')) ?? false,
    init: readBoolean(ctx, service.init, at('init')) ?? false,
    ...(capAdd.length > 0 && { capAdd }),
    ...(capDrop.length > 0 && { capDrop }),
    ...(Object.keys(sysctls).length > 0 && { sysctls }),
    ...(ulimits.length > 0 && { ulimits }),
    ...(seccomp && { seccomp }),
    ...(secrets.length > 0 && { secrets }),
    ...(configs.length > 0 && { configs }),
  };
}

/** A stack runs images; it does not build them, so every service names one. */
function serviceImage(ctx: CompileContext, service: Record<string, unknown>, path: Path): string {
  if (service.image === undefined || service.image === null) {
    const why = service.build === undefined ? '' : ': a stack runs images, it does not build them';
    report(ctx, path, `no image given${why}`);
    return '';
  }
  const image = readString(ctx, service.image, [...path, 'image']);
  if (image === undefined) return '';
  if (image.trim() === '' || /\s/.test(image))
    report(ctx, [...path, 'image'], `invalid image reference '${image}'`);
  return image;
}

/** Two services cannot publish the same port through the routing mesh. */
function reportSharedPublishedPorts(ctx: CompileContext, services: readonly StackService[]): void {
  const owners = new Map<string, string>();
  for (const service of services) {
    for (const port of service.spec.endpoint.ports) {
      if (port.publishMode !== 'ingress' || port.publishedPort === 0) continue;
      const key = `${port.publishedPort}/${port.protocol}`;
      const owner = owners.get(key);
      if (owner !== undefined) {
        const whom = owner === service.shortName ? 'this service already' : `service '${owner}'`;
        report(
          ctx,
          ['services', service.shortName, 'ports'],
          `port ${key} is published twice: ${whom} publishes it`,
        );
      } else owners.set(key, service.shortName);
    }
  }
}

function reportDependencyCycles(
  ctx: CompileContext,
  services: readonly (readonly [string, Record<string, unknown>])[],
): void {
  const graph = new Map(services.map(([key, s]) => [key, dependencyKeys(s.depends_on)]));
  for (const cycle of findDependencyCycles(graph))
    report(ctx, ['services', cycle[0], 'depends_on'], `dependency cycle: ${cycle.join(' → ')}`);
}

function dependencyKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return Object.keys(mapOf(value));
}

/** The declared networks, and the default one when a service uses it without declaring it. */
function stackNetworks(
  ctx: CompileContext,
  declared: ReadonlyMap<string, StackNetwork>,
  services: readonly StackService[],
): StackNetwork[] {
  const implicit = defaultNetwork(ctx);
  const usesImplicit =
    !declared.has(DEFAULT_NETWORK) &&
    services.some((s) => s.spec.networks?.some((n) => n.target === implicit.name));
  return byName([...declared.values(), ...(usesImplicit ? [implicit] : [])]);
}

function byName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.name.localeCompare(b.name));
}
