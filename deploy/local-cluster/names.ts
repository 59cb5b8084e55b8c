/**
 * Names and addresses of a local cluster, all derived from its tag and a
 * machine's index, so that everything one cluster makes carries its tag and
 * can be told apart from what others made. Pure.
 */
import { LocalClusterError } from './errors';

/** A machine's index is part of Linux device names (15 characters at most) and of its /24s. */
export const MAX_MACHINES = 15;

export interface FabricPlan {
  /** The Linux bridge on the host that every machine's veth joins. */
  bridge: string;
  subnet: string;
  /** The bridge's own address: the machines' default route, and where they reach the host (the manager). */
  gateway: string;
}

export interface MachinePlan {
  index: number;
  name: string;
  netns: string;
  /** The veth end left on the host, in the fabric bridge. */
  hostVeth: string;
  /** The other end before it is moved into the netns and renamed eth0. */
  peerVeth: string;
  address: string;
  /** The machine's default bridge network, inside its netns. */
  engineBridge: string;
  bip: string;
  networkPool: string;
  cgroupParent: string;
}

export function checkTag(tag: string): string {
  if (!/^[a-z0-9]{1,6}$/.test(tag))
    throw new LocalClusterError(
      `tag "${tag}": use 1 to 6 lowercase letters or digits (it goes into 15-character device names)`,
    );
  return tag;
}

/** Manager machines: an odd number (a majority survives losing a minority), among the machines. */
export function checkManagerCount(managers: number, machines: number): number {
  if (!Number.isInteger(managers) || managers < 1 || managers % 2 === 0 || managers > machines)
    throw new LocalClusterError(
      `--managers ${managers}: give an odd number (1, 3, 5, …) of manager machines, at most --machines (${machines})`,
    );
  return managers;
}

export function checkMachineCount(count: number): number {
  if (!Number.isInteger(count) || count < 1 || count > MAX_MACHINES)
    throw new LocalClusterError(`--machines ${count}: give a whole number from 1 to ${MAX_MACHINES}`);
  return count;
}

/** The prefix every netns and cgroup of the cluster starts with. */
export function clusterPrefix(tag: string): string {
  return `berth-${tag}-`;
}

export function fabricPlan(tag: string, subnet: string): FabricPlan {
  const [a, b, c] = subnet.split('/')[0].split('.');
  return { bridge: `bc${tag}`, subnet, gateway: `${a}.${b}.${c}.1` };
}

export function machinePlan(tag: string, fabric: FabricPlan, index: number): MachinePlan {
  const [a, b, c] = fabric.subnet.split('/')[0].split('.');
  const name = `m${index}`;
  return {
    index,
    name,
    netns: `${clusterPrefix(tag)}${name}`,
    hostVeth: `bm${tag}${index}`,
    peerVeth: `bm${tag}${index}p`,
    address: `${a}.${b}.${c}.${10 + index}`,
    engineBridge: `bm${tag}${index}d`,
    // DESIGN: the container bridge is 10.88.0.0/16 with a /24 per node; user networks from 10.89/16
    bip: `10.88.${index}.0/24`,
    networkPool: `10.89.${16 * index}.0/20`,
    cgroupParent: `${clusterPrefix(tag)}${name}`,
  };
}

// ---- choosing the fabric's /24 ---------------------------------------------

/** How many /24s the fabric chooses among: 10.200.0.0/24 … 10.249.255.0/24. */
export const FABRIC_CANDIDATES = 50 * 256;

function candidate(k: number): string {
  const n = ((k % FABRIC_CANDIDATES) + FABRIC_CANDIDATES) % FABRIC_CANDIDATES;
  return `10.${200 + Math.floor(n / 256)}.${n % 256}.0/24`;
}

function toInt(address: string): number {
  return address.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}

function parseCidr(cidr: string): { base: number; bits: number } {
  const [address, bits] = cidr.split('/');
  return { base: toInt(address), bits: bits === undefined ? 32 : Number(bits) };
}

export function overlaps(x: string, y: string): boolean {
  const a = parseCidr(x);
  const b = parseCidr(y);
  const bits = Math.min(a.bits, b.bits);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return (a.base & mask) >>> 0 === (b.base & mask) >>> 0;
}

const ROUTE_TYPES = new Set([
  'unicast',
  'local',
  'broadcast',
  'multicast',
  'blackhole',
  'unreachable',
  'prohibit',
  'throw',
  'nat',
  'anycast',
]);

/** The destinations of `ip -4 route show table all` (the default route left out). */
export function routePrefixes(routes: string): string[] {
  const out: string[] = [];
  for (const line of routes.split('\n')) {
    const words = line.trim().split(/\s+/);
    const destination = ROUTE_TYPES.has(words[0]) ? words[1] : words[0];
    if (destination && /^\d+\.\d+\.\d+\.\d+(\/\d+)?$/.test(destination)) out.push(destination);
  }
  return out;
}

/** The first candidate /24 from START on that overlaps none of USED and none of the machines' own subnets. */
export function pickFabricSubnet(used: readonly string[], start: number): string {
  const reserved = ['10.88.0.0/16', '10.89.0.0/16', ...used];
  for (let i = 0; i < FABRIC_CANDIDATES; i++) {
    const subnet = candidate(start + i);
    if (!reserved.some((r) => overlaps(r, subnet))) return subnet;
  }
  throw new LocalClusterError(
    'no free /24 left in 10.200.0.0–10.249.255.0 for the fabric; remove some routes',
  );
}
