/** A task spec in Docker's shape: a service's TaskTemplate, a task's Spec. Pure. */
import type {
  ContainerSpec,
  FileObjectKind,
  FileReference,
  HealthCheck,
  Mount,
  NetworkAttachmentSpec,
  Resources,
  TaskSpec,
} from '../objects';
import { dockerFileName, nanoseconds, type FileDirectory, type NamedFile } from './common';
import type {
  DockerContainerSpec,
  DockerFileTarget,
  DockerHealthConfig,
  DockerMount,
  DockerResources,
  DockerTaskSpec,
} from './shapes';

export function dockerTaskSpec(
  task: TaskSpec,
  networks: readonly NetworkAttachmentSpec[] = [],
  files?: FileDirectory,
): DockerTaskSpec {
  const { restartPolicy, placement } = task;
  return {
    ContainerSpec: dockerContainerSpec(task.container, files),
    Resources: {
      Limits: dockerResources(task.resources.limits),
      Reservations: dockerResources(task.resources.reservations),
    },
    RestartPolicy: {
      Condition: restartPolicy.condition,
      Delay: nanoseconds(restartPolicy.delayMs),
      MaxAttempts: restartPolicy.maxAttempts,
      Window: nanoseconds(restartPolicy.windowMs),
    },
    Placement: {
      ...(placement.constraints.length > 0 && { Constraints: [...placement.constraints] }),
      ...(placement.preferences.length > 0 && {
        Preferences: placement.preferences.map((p) => ({ Spread: { SpreadDescriptor: p.spread } })),
      }),
      ...(placement.maxReplicasPerNode > 0 && { MaxReplicas: placement.maxReplicasPerNode }),
    },
    ...(networks.length > 0 && {
      Networks: networks.map((n) => ({
        Target: n.target,
        ...(n.aliases.length > 0 && { Aliases: [...n.aliases] }),
      })),
    }),
    ForceUpdate: task.forceUpdate,
    Runtime: 'container',
  };
}

function dockerResources(resources: Resources): DockerResources {
  return {
    ...(resources.nanoCpus > 0 && { NanoCPUs: resources.nanoCpus }),
    ...(resources.memoryBytes > 0 && { MemoryBytes: resources.memoryBytes }),
  };
}

/** Lists and maps left out when empty, strings when '', flags when false: as Docker's Go type writes them. */
function dockerContainerSpec(c: ContainerSpec, files?: FileDirectory): DockerContainerSpec {
  const some = <T>(list: readonly T[] | undefined) => list !== undefined && list.length > 0;
  const someKeys = (map: Record<string, string> | undefined) =>
    map !== undefined && Object.keys(map).length > 0;
  return {
    Image: c.image,
    ...(someKeys(c.labels) && { Labels: { ...c.labels } }),
    ...(some(c.command) && { Command: [...c.command] }),
    ...(some(c.args) && { Args: [...c.args] }),
    ...(c.hostname && { Hostname: c.hostname }),
    ...(some(c.env) && { Env: [...c.env] }),
    ...(c.workdir && { Dir: c.workdir }),
    ...(c.user && { User: c.user }),
    ...(c.init && { Init: true }),
    ...(c.stopSignal && { StopSignal: c.stopSignal }),
    ...(c.readOnly && { ReadOnly: true }),
    ...(some(c.mounts) && { Mounts: c.mounts.map(dockerMount) }),
    StopGracePeriod: nanoseconds(c.stopGracePeriodMs),
    ...(c.healthcheck && { Healthcheck: dockerHealthConfig(c.healthcheck) }),
    ...(some(c.secrets) && {
      Secrets: c.secrets!.map((r) => {
        const { id, name, file } = reference('secrets', r, files?.secrets);
        return { File: file, SecretID: id, SecretName: name };
      }),
    }),
    ...(some(c.configs) && {
      Configs: c.configs!.map((r) => {
        const { id, name, file } = reference('configs', r, files?.configs);
        return { File: file, ConfigID: id, ConfigName: name };
      }),
    }),
    ...(someKeys(c.sysctls) && { Sysctls: { ...c.sysctls } }),
    ...(some(c.capAdd) && { CapabilityAdd: [...c.capAdd!] }),
    ...(some(c.capDrop) && { CapabilityDrop: [...c.capDrop!] }),
    ...(some(c.ulimits) && {
      Ulimits: c.ulimits!.map((u) => ({ Name: u.name, Soft: u.soft, Hard: u.hard })),
    }),
    ...(c.seccomp && {
      Privileges: {
        Seccomp: {
          Mode: c.seccomp.mode,
          ...(c.seccomp.profile && { Profile: Buffer.from(c.seccomp.profile).toString('base64') }),
        },
      },
    }),
  };
}

function dockerMount(m: Mount): DockerMount {
  return {
    Type: m.type,
    ...(m.source && { Source: m.source }),
    Target: m.target,
    ...(m.readOnly && { ReadOnly: true }),
  };
}

function dockerHealthConfig(h: HealthCheck): DockerHealthConfig {
  return {
    Test: [...h.test],
    ...(h.intervalMs > 0 && { Interval: nanoseconds(h.intervalMs) }),
    ...(h.timeoutMs > 0 && { Timeout: nanoseconds(h.timeoutMs) }),
    ...(h.startPeriodMs > 0 && { StartPeriod: nanoseconds(h.startPeriodMs) }),
    ...(h.retries > 0 && { Retries: h.retries }),
  };
}

/**
 * A reference by name (Berth's) as Docker's, which names the object and gives its id: the id
 * from KNOWN, '' when the caller did not give the object (Docker's client reads the name).
 */
function reference(
  kind: FileObjectKind,
  r: FileReference,
  known: readonly NamedFile[] = [],
): { id: string; name: string; file: DockerFileTarget } {
  return {
    id: known.find((f) => f.spec.name === r.source)?.id ?? '',
    name: r.source,
    file: { Name: dockerFileName(kind, r.target), UID: r.uid, GID: r.gid, Mode: r.mode },
  };
}
