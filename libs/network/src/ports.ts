/**
 * Published ports: `-p` specs as Docker reads them, and the exposed ports
 * `-P` publishes. Pure.
 */
import { InvalidPortSpecError } from './errors';

export interface PortMapping {
  hostIp: string;
  /** 0: any free port, chosen when the container starts. */
  hostPort: number;
  containerPort: number;
  protocol: 'tcp' | 'udp' | 'sctp';
}

function portRange(text: string, spec: string): [number, number] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) throw new InvalidPortSpecError(spec, `"${text}" is not a port or a range`);
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  if (from < 1 || to > 65535 || to < from) throw new InvalidPortSpecError(spec, `ports run from 1 to 65535`);
  return [from, to];
}

/** "8080:80", "127.0.0.1:8080:80/udp", "80", "127.0.0.1::80", "8000-8001:80-81", "[::1]:80:80". */
export function parsePortSpec(spec: string): PortMapping[] {
  let rest = spec;
  let protocol: PortMapping['protocol'] = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    const p = rest.slice(slash + 1).toLowerCase();
    if (p !== 'tcp' && p !== 'udp' && p !== 'sctp')
      throw new InvalidPortSpecError(spec, `unknown protocol "${p}"`);
    protocol = p;
    rest = rest.slice(0, slash);
  }
  let hostIp = '';
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    hostIp = rest.slice(1, close);
    rest = rest.slice(close + 2);
  } else {
    const parts = rest.split(':');
    if (parts.length === 3) {
      hostIp = parts[0];
      rest = `${parts[1]}:${parts[2]}`;
    } else if (parts.length > 3) throw new InvalidPortSpecError(spec, 'too many colons');
  }
  if (hostIp && !/^(\d{1,3}\.){3}\d{1,3}$/.test(hostIp) && !hostIp.includes(':'))
    throw new InvalidPortSpecError(spec, `"${hostIp}" is not an IP address`);
  const [hostText, containerText] = rest.includes(':') ? rest.split(':') : ['', rest];
  const [cFrom, cTo] = portRange(containerText, spec);
  if (!hostText) {
    const out: PortMapping[] = [];
    for (let p = cFrom; p <= cTo; p++) out.push({ hostIp, hostPort: 0, containerPort: p, protocol });
    return out;
  }
  const [hFrom, hTo] = portRange(hostText, spec);
  if (hTo - hFrom !== cTo - cFrom && hFrom !== hTo)
    throw new InvalidPortSpecError(spec, 'host and container ranges differ in size');
  const out: PortMapping[] = [];
  for (let i = 0; i <= cTo - cFrom; i++)
    out.push({ hostIp, hostPort: hFrom === hTo ? hFrom : hFrom + i, containerPort: cFrom + i, protocol });
  return out;
}

/** `-P`: every exposed port ("80/tcp") not already published, on a free host port. */
export function publishAll(exposed: readonly string[], published: readonly PortMapping[]): PortMapping[] {
  const taken = new Set(published.map((p) => `${p.containerPort}/${p.protocol}`));
  const out: PortMapping[] = [];
  for (const key of exposed) {
    const [port, proto = 'tcp'] = key.split('/');
    if (taken.has(`${port}/${proto}`)) continue;
    out.push({
      hostIp: '',
      hostPort: 0,
      containerPort: Number(port),
      protocol: proto as PortMapping['protocol'],
    });
  }
  return out;
}

/** "0.0.0.0:8080->80/tcp", as docker ps shows a mapping. */
export function formatMapping(p: PortMapping): string {
  return `${p.hostIp || '0.0.0.0'}:${p.hostPort}->${p.containerPort}/${p.protocol}`;
}
