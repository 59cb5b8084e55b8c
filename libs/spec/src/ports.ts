import type { PortConfig, PublishMode } from '@berth/cluster';
import { type CompileContext, report, warn } from './context';
import { isPlainMap, readChoice, readInteger, readString } from './read';
import { formatPath, type Path } from './tree';

type Protocol = PortConfig['protocol'];
export type PortsRead = { ok: true; ports: PortConfig[]; hostIp: string } | { ok: false; message: string };

/**
 * The short syntax `[HOST_IP:][PUBLISHED[-END]:]TARGET[-END][/PROTOCOL]`: `80`, `8080:80`,
 * `8080:80/udp`, `3000-3005`, `9090-9091:8080-8081`, `127.0.0.1:8001:8001`, `[::1]:80:80`.
 * Ranges give one port each. Published ports are ingress mode, as swarm publishes them.
 */
export function parsePortText(text: string): PortsRead {
  const slash = text.lastIndexOf('/');
  const protocol = slash < 0 ? 'tcp' : text.slice(slash + 1).toLowerCase();
  if (protocol !== 'tcp' && protocol !== 'udp')
    return { ok: false, message: `protocol '${protocol}' is not supported: use tcp or udp` };
  const spec = slash < 0 ? text : text.slice(0, slash);
  const { hostIp, rest } = splitHostIp(spec);
  const parts = rest.split(':');
  if (parts.length > 2 || parts[parts.length - 1] === '')
    return { ok: false, message: `invalid port '${text}': expected [[HOST_IP:]PUBLISHED:]TARGET[/PROTOCOL]` };
  // `127.0.0.1::80`: no published port given
  const givesPublished = parts.length === 2 && parts[0] !== '';
  const target = parseRange(parts[parts.length - 1]);
  const published = givesPublished ? parseRange(parts[0]) : undefined;
  if (!target || (givesPublished && !published))
    return { ok: false, message: `invalid port '${text}': ports are numbers from 1 to 65535` };
  if (published && published.length !== target.length) {
    return {
      ok: false,
      message: `invalid port '${text}': the published range and the container range differ in size`,
    };
  }
  const ports = target.map((t, i) => portConfig(protocol, t, published?.[i] ?? 0, 'ingress'));
  return { ok: true, ports, hostIp };
}

function splitHostIp(spec: string): { hostIp: string; rest: string } {
  if (spec.startsWith('[')) {
    const close = spec.indexOf(']:');
    if (close > 0) return { hostIp: spec.slice(1, close), rest: spec.slice(close + 2) };
  }
  const parts = spec.split(':');
  if (parts.length === 3) return { hostIp: parts[0], rest: parts.slice(1).join(':') };
  return { hostIp: '', rest: spec };
}

/** `80` → [80]; `3000-3002` → [3000, 3001, 3002]; undefined when not ports. */
function parseRange(text: string): number[] | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  if (!isPort(first) || !isPort(last) || last < first) return undefined;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

function isPort(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 65535;
}

function portConfig(
  protocol: Protocol,
  targetPort: number,
  publishedPort: number,
  publishMode: PublishMode,
): PortConfig {
  return { protocol, targetPort, publishedPort, publishMode };
}

/** A service's `ports:`, in short or long syntax. */
export function compilePorts(ctx: CompileContext, value: unknown, path: Path): PortConfig[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, i) => compilePort(ctx, item, [...path, i]));
}

function compilePort(ctx: CompileContext, item: unknown, path: Path): PortConfig[] {
  if (isPlainMap(item)) return compileLongPort(ctx, item, path);
  const text = readString(ctx, item, path);
  if (text === undefined) return [];
  const read = parsePortText(text);
  if (!read.ok) {
    report(ctx, path, read.message);
    return [];
  }
  if (read.hostIp) warnHostIp(ctx, path, read.hostIp);
  return read.ports;
}

function compileLongPort(ctx: CompileContext, item: Record<string, unknown>, path: Path): PortConfig[] {
  if (item.target === undefined) {
    report(ctx, path, "missing key 'target': the port in the container");
    return [];
  }
  const target = readInteger(ctx, item.target, [...path, 'target'], { min: 1, max: 65535 });
  const published = readPublished(ctx, item.published, [...path, 'published']);
  const protocol = readChoice(ctx, item.protocol ?? 'tcp', [...path, 'protocol'], ['tcp', 'udp'] as const);
  const mode = readChoice(ctx, item.mode ?? 'ingress', [...path, 'mode'], ['ingress', 'host'] as const);
  const hostIp = readString(ctx, item.host_ip, [...path, 'host_ip']);
  if (hostIp) warnHostIp(ctx, path, hostIp);
  if (target === undefined || published === undefined || !protocol || !mode) return [];
  return [portConfig(protocol, target, published, mode)];
}

/** `published` of the long syntax: a port, or nothing (0: the manager or the node picks one). */
function readPublished(ctx: CompileContext, value: unknown, path: Path): number | undefined {
  if (value === undefined || value === null || value === '') return 0;
  if (typeof value === 'string' && value.includes('-')) {
    report(ctx, path, `a published range ('${value}') needs the short syntax with a container range`);
    return undefined;
  }
  return readInteger(ctx, value, path, { min: 0, max: 65535 });
}

function warnHostIp(ctx: CompileContext, path: Path, hostIp: string): void {
  warn(
    ctx,
    `${formatPath(path)}: ignoring host address ${hostIp}: a service publishes its ports on every address of every node`,
  );
}
