/**
 * How a container record reads from outside: the row `ps` shows and the
 * document `inspect` prints, in Docker's shapes so scripts written for
 * `docker inspect` find their fields. Pure.
 */
import type { berth } from '@berth/proto';
import type { PortMapping } from '@berth/network';
import { isRunning, statusText, type ContainerRecord } from './model';

type Summary = berth.engine.v1.IContainerSummary;

/** The COMMAND column: the process's words, quoted as Docker quotes them. */
export function commandText(c: Pick<ContainerRecord, 'path' | 'args'>): string {
  return JSON.stringify([c.path, ...c.args].join(' '));
}

/** Ports as last bound (host ports chosen by -P included), else as asked for. */
function portsOf(c: ContainerRecord): PortMapping[] {
  return isRunning(c) ? c.boundPorts : [];
}

export function summaryOf(c: ContainerRecord, now = Date.now()): Summary {
  return {
    id: c.id,
    names: [`/${c.name}`],
    image: c.image,
    imageId: c.imageId,
    command: commandText(c),
    createdMs: Date.parse(c.created),
    state: c.state.status,
    status: statusText(c, now),
    ports: portsOf(c).map((p) => ({
      hostIp: p.hostIp || '0.0.0.0',
      hostPort: p.hostPort,
      containerPort: p.containerPort,
      protocol: p.protocol,
    })),
    labels: c.config.labels,
    networks: c.networks.length ? c.networks.map((n) => n.network) : [c.hostConfig.network],
    mounts: c.mounts.map((m) =>
      m.type === 'volume' ? m.source : m.type === 'bind' ? m.source : m.destination,
    ),
  };
}

function portMap(
  ports: readonly PortMapping[],
): Record<string, { HostIp: string; HostPort: string }[] | null> {
  const out: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  for (const p of ports)
    (out[`${p.containerPort}/${p.protocol}`] ??= []).push({
      HostIp: p.hostIp,
      HostPort: p.hostPort ? String(p.hostPort) : '',
    });
  return out;
}

const nsOf = (ms: number) => ms * 1e6;

/** `docker inspect CONTAINER`'s document. FILES: where the engine keeps its files for it. */
export function inspectOf(
  c: ContainerRecord,
  files: {
    logPath: string;
    hostsPath: string;
    hostnamePath: string;
    resolvConfPath: string;
    upperDir: string;
  },
): Record<string, unknown> {
  const s = c.state;
  const exposed = Object.fromEntries(c.config.exposedPorts.map((p) => [p, {}]));
  const running = s.status === 'running' || s.status === 'paused';
  const primary = c.networks[0];
  return {
    Id: c.id,
    Created: c.created,
    Path: c.path,
    Args: c.args,
    State: {
      Status: s.status,
      Running: running,
      Paused: s.status === 'paused',
      Restarting: s.status === 'restarting',
      OOMKilled: s.oomKilled,
      Dead: s.status === 'dead',
      Pid: running ? s.pid : 0,
      ExitCode: s.exitCode,
      Error: s.error,
      StartedAt: s.startedAt || '0001-01-01T00:00:00Z',
      FinishedAt: s.finishedAt || '0001-01-01T00:00:00Z',
      ...(s.health
        ? {
            Health: {
              Status: s.health.status,
              FailingStreak: s.health.failingStreak,
              Log: s.health.log.map((l) => ({
                Start: l.start,
                End: l.end,
                ExitCode: l.exitCode,
                Output: l.output,
              })),
            },
          }
        : {}),
    },
    Image: c.imageId,
    ResolvConfPath: files.resolvConfPath,
    HostnamePath: files.hostnamePath,
    HostsPath: files.hostsPath,
    LogPath: files.logPath,
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Mounts: c.mounts.map((m) => ({
      Type: m.type,
      ...(m.type === 'volume' ? { Name: m.source, Driver: 'local' } : {}),
      Source: m.type === 'volume' ? (m.hostPath ?? '') : m.source,
      Destination: m.destination,
      Mode: m.readOnly ? 'ro' : '',
      RW: !m.readOnly,
    })),
    Config: {
      Hostname: c.config.hostname,
      User: c.config.user,
      Tty: c.config.tty,
      OpenStdin: c.config.openStdin,
      Env: c.config.env,
      Cmd: c.config.cmd,
      Entrypoint: c.config.entrypoint.length ? c.config.entrypoint : null,
      Image: c.image,
      WorkingDir: c.config.workingDir,
      Labels: c.config.labels,
      ExposedPorts: exposed,
      StopSignal: c.config.stopSignal,
      StopTimeout: Math.ceil(c.config.stopTimeoutMs / 1000),
      ...(c.config.healthcheck
        ? {
            Healthcheck: {
              Test: c.config.healthcheck.test,
              Interval: nsOf(c.config.healthcheck.intervalMs),
              Timeout: nsOf(c.config.healthcheck.timeoutMs),
              StartPeriod: nsOf(c.config.healthcheck.startPeriodMs),
              Retries: c.config.healthcheck.retries,
            },
          }
        : {}),
    },
    HostConfig: {
      NetworkMode: c.hostConfig.network === 'bridge' ? 'default' : c.hostConfig.network,
      PortBindings: portMap(c.hostConfig.ports),
      PublishAllPorts: c.hostConfig.publishAll,
      RestartPolicy: {
        Name: c.hostConfig.restart.name,
        MaximumRetryCount: c.hostConfig.restart.maximumRetryCount,
      },
      AutoRemove: c.hostConfig.autoRemove,
      ReadonlyRootfs: c.hostConfig.readOnly,
      Memory: c.hostConfig.memoryBytes,
      MemorySwap: c.hostConfig.memorySwapBytes,
      NanoCpus: Math.round(c.hostConfig.cpus * 1e9),
      CpuShares: c.hostConfig.cpuShares,
      PidsLimit: c.hostConfig.pidsLimit || null,
      CapAdd: c.hostConfig.capAdd,
      CapDrop: c.hostConfig.capDrop,
      Dns: c.hostConfig.dns,
      ExtraHosts: c.hostConfig.extraHosts,
      Privileged: c.hostConfig.privileged,
      SecurityOpt: c.hostConfig.securityOpt?.length ? c.hostConfig.securityOpt : null,
      UsernsMode: c.hostConfig.usernsMode ?? '',
      Sysctls: c.hostConfig.sysctls,
      Ulimits: c.hostConfig.ulimits.map((u) => ({ Name: u.name, Soft: u.soft, Hard: u.hard })),
      Tmpfs: Object.fromEntries(
        c.mounts.filter((m) => m.type === 'tmpfs').map((m) => [m.destination, (m.options ?? []).join(',')]),
      ),
    },
    GraphDriver: { Name: 'overlay2', Data: { UpperDir: files.upperDir } },
    NetworkSettings: {
      Ports: running ? portMap(c.boundPorts) : {},
      IPAddress: primary?.ip ?? '',
      IPPrefixLen: primary?.prefixLength ?? 0,
      Gateway: primary?.gateway ?? '',
      MacAddress: primary?.mac ?? '',
      Networks: Object.fromEntries(
        c.networks.map((n) => [
          n.network,
          {
            IPAddress: n.ip,
            IPPrefixLen: n.prefixLength,
            Gateway: n.gateway,
            MacAddress: n.mac,
            Aliases: n.aliases,
          },
        ]),
      ),
    },
  };
}
