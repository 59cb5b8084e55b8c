/**
 * Berth's objects in the Docker Engine API's shapes (moby's API description): what
 * `GET /version` and `GET /containers/json` answer. Pure.
 */
import { isRunning, statusText, type ContainerRecord } from '../containers/model';
import { MAX_API_VERSION, MIN_API_VERSION } from './api-version';

export interface HostFacts {
  engineVersion: string;
  kernelVersion: string;
  /** Node's `process.arch` */
  arch: string;
  nodeVersion: string;
}

const GOARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386' };

/** `GET /version`: the engine as one component, in the fields the docker CLI prints. */
export function versionDocument(host: HostFacts) {
  const details = {
    ApiVersion: MAX_API_VERSION,
    MinAPIVersion: MIN_API_VERSION,
    GitCommit: '',
    GoVersion: host.nodeVersion,
    Os: 'linux',
    Arch: GOARCH[host.arch] ?? host.arch,
    KernelVersion: host.kernelVersion,
    Experimental: 'false',
  };
  return {
    Platform: { Name: 'Berth' },
    Components: [{ Name: 'Engine', Version: host.engineVersion, Details: details }],
    Version: host.engineVersion,
    ...details,
    // a string among a component's details, a boolean at the top (moby's types.Version)
    Experimental: false,
    BuildTime: '',
  };
}

/** A container as a row of `GET /containers/json` (Docker's ContainerSummary). */
export function containerSummary(c: ContainerRecord, now = Date.now()) {
  return {
    Id: c.id,
    Names: [`/${c.name}`],
    Image: c.image,
    ImageID: c.imageId,
    Command: [c.path, ...c.args].join(' '),
    Created: Math.floor(Date.parse(c.created) / 1000),
    Ports: (isRunning(c) ? c.boundPorts : []).map((p) => ({
      ...(p.hostPort ? { IP: p.hostIp || '0.0.0.0', PublicPort: p.hostPort } : {}),
      PrivatePort: p.containerPort,
      Type: p.protocol,
    })),
    Labels: c.config.labels,
    State: c.state.status,
    Status: statusText(c, now),
    HostConfig: { NetworkMode: c.hostConfig.network === 'bridge' ? 'default' : c.hostConfig.network },
    NetworkSettings: {
      Networks: Object.fromEntries(
        c.networks.map((n) => [
          n.network,
          { IPAddress: n.ip, IPPrefixLen: n.prefixLength, Gateway: n.gateway, MacAddress: n.mac },
        ]),
      ),
    },
    Mounts: c.mounts.map((m) => ({
      Type: m.type,
      ...(m.type === 'volume' ? { Name: m.source, Driver: 'local' } : {}),
      Source: m.type === 'volume' ? (m.hostPath ?? '') : m.source,
      Destination: m.destination,
      RW: !m.readOnly,
    })),
  };
}

/**
 * Docker's `filters` query parameter (`{"status":["running"]}` or the older
 * `{"status":{"running":true}}`) as the engine's `key=value` filter list.
 */
export function filterList(query: string | undefined): string[] {
  if (!query) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(query);
  } catch {
    throw new FilterError(`invalid filter '${query}': it must be a JSON object of lists`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new FilterError(`invalid filter '${query}': it must be a JSON object of lists`);
  const out: string[] = [];
  for (const [key, values] of Object.entries(parsed as Record<string, unknown>)) {
    const list = Array.isArray(values)
      ? values
      : values && typeof values === 'object'
        ? Object.keys(values).filter((v) => (values as Record<string, unknown>)[v] === true)
        : null;
    if (!list || list.some((v) => typeof v !== 'string'))
      throw new FilterError(`invalid filter '${key}': its values must be strings`);
    for (const v of list as string[]) out.push(`${key}=${v}`);
  }
  return out;
}

export class FilterError extends Error {
  override readonly name = 'FilterError';
}
