/** A service in Docker's shape (`docker service inspect`, `GET /services/{id}`). Pure. */
import { DEFAULT_ROLLBACK_CONFIG, DEFAULT_UPDATE_CONFIG } from '../defaults';
import type { EndpointSpec, PortConfig, Service, ServiceSpec, Task, UpdateConfig } from '../objects';
import { dockerMeta, dockerTime, nanoseconds, type FileDirectory } from './common';
import type {
  DockerEndpointSpec,
  DockerPortConfig,
  DockerService,
  DockerServiceSpec,
  DockerServiceStatus,
  DockerUpdateConfig,
} from './shapes';
import { dockerTaskSpec } from './task-spec';

export interface DockerServiceOptions {
  /** the secrets and configs its tasks use, for their ids (Docker's references carry both) */
  files?: FileDirectory;
  /**
   * its task counts (serviceStatus, or the manager's ListServices with_status): with them the
   * document has ServiceStatus, which `GET /services?status=true` adds and `docker service ls` reads
   */
  status?: DockerServiceStatus;
}

export function dockerService(service: Service, options: DockerServiceOptions = {}): DockerService {
  const { spec, updateStatus } = service;
  const endpoint = dockerEndpointSpec(spec.endpoint);
  const virtualIps = spec.endpoint.mode === 'vip' ? (service.virtualIps ?? []) : [];
  return {
    ...dockerMeta(service.id, service.meta),
    Spec: dockerServiceSpec(spec, options.files),
    ...(service.previousSpec && { PreviousSpec: dockerServiceSpec(service.previousSpec, options.files) }),
    Endpoint: {
      Spec: endpoint,
      // the ports as published: the manager writes a chosen ingress port into the spec itself
      ...(endpoint.Ports && { Ports: endpoint.Ports }),
      ...(virtualIps.length > 0 && {
        VirtualIPs: virtualIps.map((v) => ({ NetworkID: v.networkId, Addr: v.address })),
      }),
    },
    ...(updateStatus && {
      UpdateStatus: {
        State: updateStatus.state,
        ...(updateStatus.startedAt > 0 && { StartedAt: dockerTime(updateStatus.startedAt) }),
        ...(updateStatus.completedAt > 0 && { CompletedAt: dockerTime(updateStatus.completedAt) }),
        ...(updateStatus.message && { Message: updateStatus.message }),
      },
    }),
    ...(options.status && { ServiceStatus: options.status }),
  };
}

/**
 * A service spec as Docker's; what Berth leaves to defaults (no update config) is written out as
 * the defaults, as `GET /services/{id}?insertDefaults=true` writes them. `dependsOn` (compose's
 * depends_on) has no place in Docker's spec and is left out.
 */
export function dockerServiceSpec(spec: ServiceSpec, files?: FileDirectory): DockerServiceSpec {
  return {
    Name: spec.name,
    Labels: { ...spec.labels },
    TaskTemplate: dockerTaskSpec(spec.task, spec.networks, files),
    Mode:
      'replicated' in spec.mode
        ? { Replicated: { Replicas: spec.mode.replicated.replicas } }
        : { Global: {} },
    UpdateConfig: dockerUpdateConfig(spec.updateConfig ?? DEFAULT_UPDATE_CONFIG),
    RollbackConfig: dockerUpdateConfig(spec.rollbackConfig ?? DEFAULT_ROLLBACK_CONFIG),
    EndpointSpec: dockerEndpointSpec(spec.endpoint),
  };
}

function dockerUpdateConfig(c: UpdateConfig): DockerUpdateConfig {
  return {
    Parallelism: c.parallelism,
    ...(c.delayMs > 0 && { Delay: nanoseconds(c.delayMs) }),
    FailureAction: c.failureAction,
    ...(c.monitorMs > 0 && { Monitor: nanoseconds(c.monitorMs) }),
    MaxFailureRatio: c.maxFailureRatio,
    Order: c.order,
  };
}

function dockerEndpointSpec(endpoint: EndpointSpec): DockerEndpointSpec {
  return {
    Mode: endpoint.mode,
    ...(endpoint.ports.length > 0 && { Ports: endpoint.ports.map(dockerPort) }),
  };
}

export function dockerPort(p: PortConfig): DockerPortConfig {
  return {
    Protocol: p.protocol,
    TargetPort: p.targetPort,
    ...(p.publishedPort > 0 && { PublishedPort: p.publishedPort }),
    PublishMode: p.publishMode,
  };
}

/**
 * Its tasks running (and wanted running), of those it wants: a replicated service wants its
 * replicas, a global one a task on each node that has one wanted running. The REPLICAS column of
 * `service ls` is `RunningTasks/DesiredTasks`.
 */
/** The counts the manager's ListServices sends with_status, in Docker's shape. */
export function serviceStatusOfCounts(counts: {
  runningTasks: number;
  desiredTasks: number;
}): DockerServiceStatus {
  return { RunningTasks: counts.runningTasks, DesiredTasks: counts.desiredTasks, CompletedTasks: 0 };
}

export function serviceStatus(service: Service, tasks: readonly Task[]): DockerServiceStatus {
  const own = tasks.filter((t) => t.serviceId === service.id);
  const wanted = own.filter((t) => t.desiredState === 'running');
  return {
    RunningTasks: wanted.filter((t) => t.status.state === 'running').length,
    DesiredTasks: 'replicated' in service.spec.mode ? service.spec.mode.replicated.replicas : wanted.length,
    // Berth has no job services, whose tasks are the ones that complete
    CompletedTasks: 0,
  };
}
