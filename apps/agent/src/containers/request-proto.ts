/**
 * The engine API's container spec (its wire message) → a ContainerRequest: the one place that
 * knows the message's shape, its nanoseconds and seconds, and its "unset" spellings. Refuses
 * what cannot mean anything (unknown restart policy or mount type, a bad port or ulimit).
 */
import type { berth } from '@berth/proto';
import type { PortMapping } from '@berth/network';
import { InvalidArgumentError } from '../errors';
import { parseUlimit } from './plan';
import {
  containerRequest,
  RESTART_POLICIES,
  type ContainerRequest,
  type ExecRequest,
  type HealthcheckRequest,
} from './request';

export type ContainerSpecMsg = berth.engine.v1.ContainerSpec;

const MOUNT_TYPES = ['bind', 'volume', 'tmpfs'];
const nsToMs = (ns: number | null | undefined): number => (ns ? Math.round(Number(ns) / 1e6) : 0);

export function requestFromProto(spec: ContainerSpecMsg): ContainerRequest {
  return containerRequest(spec.image, {
    name: spec.name ?? '',
    entrypoint: spec.entrypointSet ? (spec.entrypoint ?? []).filter((s) => s !== '') : null,
    cmd: spec.cmd ?? [],
    env: spec.env ?? [],
    workingDir: spec.workingDir ?? '',
    user: spec.user ?? '',
    hostname: spec.hostname ?? '',
    labels: { ...spec.labels },
    tty: spec.tty ?? false,
    openStdin: spec.openStdin ?? false,
    network: spec.network ?? '',
    networkAliases: spec.networkAliases ?? [],
    endpoints: (spec.endpoints ?? []).map((e) => ({
      network: e.network ?? '',
      address: e.ipv4Address ?? '',
      aliases: e.aliases ?? [],
    })),
    ports: (spec.ports ?? []).map(portFrom),
    publishAll: spec.publishAll ?? false,
    mounts: (spec.mounts ?? []).map((m) => {
      const type = m.type || 'volume';
      if (!MOUNT_TYPES.includes(type))
        throw new InvalidArgumentError(`mount type "${m.type}" is not supported (bind, volume, tmpfs)`);
      return {
        type,
        source: m.source ?? '',
        target: m.target ?? '',
        readOnly: m.readOnly ?? false,
        options: m.options ?? [],
        createHostPath: m.createHostPath ?? false,
      };
    }),
    memoryBytes: Number(spec.memoryBytes ?? 0),
    memorySwapBytes: Number(spec.memorySwapBytes ?? 0),
    cpus: spec.cpus ?? 0,
    cpuShares: Number(spec.cpuShares ?? 0),
    pidsLimit: Number(spec.pidsLimit ?? 0),
    restart: restartFrom(spec),
    autoRemove: spec.autoRemove ?? false,
    readOnly: spec.readOnly ?? false,
    healthcheck: healthFrom(spec),
    noHealthcheck: spec.noHealthcheck ?? false,
    capAdd: spec.capAdd ?? [],
    capDrop: spec.capDrop ?? [],
    stopSignal: spec.stopSignal ?? '',
    stopTimeoutMs: spec.stopTimeoutSet ? Number(spec.stopTimeoutS) * 1000 : null,
    extraHosts: spec.extraHosts ?? [],
    dns: spec.dns ?? [],
    privileged: spec.privileged ?? false,
    securityOpt: spec.securityOpt ?? [],
    usernsMode: spec.userns ?? '',
    sysctls: Object.fromEntries(
      (spec.sysctls ?? []).map((s) => [s.slice(0, s.indexOf('=')), s.slice(s.indexOf('=') + 1)]),
    ),
    ulimits: (spec.ulimits ?? []).map(parseUlimit),
    pull: {
      missing: spec.pullMissing ?? false,
      auth: spec.auth?.username ? { username: spec.auth.username, password: spec.auth.password ?? '' } : null,
    },
  });
}

function portFrom(p: berth.engine.v1.IPortBinding): PortMapping {
  if (!p.containerPort || p.containerPort > 65535)
    throw new InvalidArgumentError(`invalid container port ${p.containerPort}`);
  const protocol = (p.protocol || 'tcp') as PortMapping['protocol'];
  return { hostIp: p.hostIp ?? '', hostPort: p.hostPort ?? 0, containerPort: p.containerPort, protocol };
}

function restartFrom(spec: ContainerSpecMsg): ContainerRequest['restart'] {
  const name = spec.restart?.name || 'no';
  if (!(RESTART_POLICIES as readonly string[]).includes(name))
    throw new InvalidArgumentError(
      `invalid restart policy "${name}": use no, always, unless-stopped or on-failure[:max-retries]`,
    );
  return { name, maximumRetryCount: spec.restart?.maximumRetryCount ?? 0 };
}

function healthFrom(spec: ContainerSpecMsg): HealthcheckRequest | null {
  const h = spec.healthcheck;
  if (!h) return null;
  return {
    test: h.test ?? [],
    intervalMs: nsToMs(h.intervalNs),
    timeoutMs: nsToMs(h.timeoutNs),
    startPeriodMs: nsToMs(h.startPeriodNs),
    retries: h.retries ?? 0,
  };
}

/** The engine API's exec start → an ExecRequest; a terminal is 24x80 unless the client said. */
export function execRequestFromProto(start: berth.engine.v1.IExecStart): ExecRequest {
  return {
    cmd: start.cmd ?? [],
    env: start.env ?? [],
    workingDir: start.workingDir ?? '',
    user: start.user ?? '',
    terminal: start.tty ? { rows: start.size?.rows || 24, cols: start.size?.cols || 80 } : null,
  };
}
