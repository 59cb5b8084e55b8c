/**
 * Choosing subnets, VXLAN ids and addresses for overlay networks, services and tasks, as pure
 * functions over what is in use. Nothing is kept besides what etcd holds: an address is free
 * when no live task or service has it, so addresses cannot leak (Swarm's long-standing IP
 * exhaustion came from a separate bitmap falling out of step with its tasks).
 */
import {
  AddressError,
  contains,
  firstHost,
  formatAddress,
  formatSubnet,
  lastHost,
  overlaps,
  parseAddress,
  parseSubnet,
  size,
  subnetOfCidr,
  type Subnet,
} from './ipv4';

/** Docker's default address pool for overlay networks: /24s out of 10.0.0.0/8. */
export const DEFAULT_OVERLAY_POOL = '10.0.0.0/8';
export const DEFAULT_OVERLAY_PREFIX = 24;
/** Swarm starts VXLAN ids at 4097, above the 802.1Q VLAN range. */
export const FIRST_VNI = 4097;
const MAX_VNI = 2 ** 24 - 1;

export class ExhaustedError extends Error {}

/**
 * The first PREFIX-bit subnet of POOL that overlaps none of USED (other overlays' subnets, and
 * any the caller must avoid, such as the machines' own networks).
 */
export function nextSubnet(pool: string, prefix: number, used: readonly string[]): string {
  const range = parseSubnet(pool);
  if (prefix < range.prefix) throw new AddressError(`a /${prefix} does not fit in ${pool}`);
  const taken = used.map(subnetOfCidr);
  const step = 2 ** (32 - prefix);
  for (let base = range.base; base < range.base + size(range); base += step) {
    const candidate: Subnet = { base, prefix };
    if (!taken.some((t) => overlaps(t, candidate))) return formatSubnet(candidate);
  }
  throw new ExhaustedError(`no /${prefix} is left in ${pool}: remove a network or give --subnet`);
}

export function nextVni(used: readonly number[]): number {
  const taken = new Set(used);
  for (let vni = FIRST_VNI; vni <= MAX_VNI; vni++) if (!taken.has(vni)) return vni;
  throw new ExhaustedError('no VXLAN id is left');
}

/** A network's gateway: its first host address, as Docker gives it. */
export function gatewayOf(subnet: string): string {
  return formatAddress(firstHost(parseSubnet(subnet)));
}

/**
 * COUNT free host addresses of SUBNET, lowest first (or, AFTER_HIGHEST, going on above the
 * highest taken and wrapping around), skipping the gateway and every address in USED (plain
 * addresses or CIDRs). Fewer when the subnet runs out; the caller says so.
 */
export function freeAddresses(
  subnet: string,
  used: Iterable<string>,
  count: number,
  options: { afterHighest?: boolean } = {},
): string[] {
  const pool = new AddressPool(subnet, used, options);
  const free: string[] = [];
  while (free.length < count) {
    const address = pool.claim();
    if (address === null) break;
    free.push(address);
  }
  return free;
}

/**
 * SUBNET's free addresses handed out one after another, the taken ones parsed once: claiming N
 * costs N, not N × taken. AFTER_HIGHEST (as swarmkit's IPAM): above the highest taken first, then
 * from the bottom, so a freed address is not handed out again at once; else lowest first.
 */
export class AddressPool {
  private readonly net: ReturnType<typeof parseSubnet>;
  private readonly taken: Set<number>;
  /** where the next claim starts looking: everything between the start and here is taken */
  private next: number;

  constructor(subnet: string, used: Iterable<string>, options: { afterHighest?: boolean } = {}) {
    this.net = parseSubnet(subnet);
    const gateway = parseAddress(gatewayOf(subnet));
    this.taken = new Set([gateway]);
    let highest = gateway;
    for (const address of used) {
      const n = parseAddress(address.split('/')[0]);
      if (!contains(this.net, n)) continue;
      this.taken.add(n);
      highest = Math.max(highest, n);
    }
    this.next = options.afterHighest && highest < lastHost(this.net) ? highest + 1 : firstHost(this.net);
  }

  /** The next free address, now taken; null when none is left. */
  claim(): string | null {
    const first = firstHost(this.net);
    const size = lastHost(this.net) - first + 1;
    for (let i = 0; i < size; i++) {
      const n = first + ((this.next - first + i) % size);
      if (this.taken.has(n)) continue;
      this.taken.add(n);
      this.next = n + 1;
      return `${formatAddress(n)}/${this.net.prefix}`;
    }
    return null;
  }
}

/** How many host addresses SUBNET offers tasks and services (gateway excluded). */
export function capacityOf(subnet: string): number {
  const net = parseSubnet(subnet);
  return lastHost(net) - firstHost(net); // every host address but the gateway
}

/** A MAC derived from an IPv4 address (02:42 and the address, as Docker's): no ARP learning needed. */
export function macOf(address: string): string {
  const n = parseAddress(address.split('/')[0]);
  return [
    '02',
    '42',
    ...[24, 16, 8, 0].map((s) => (Math.floor(n / 2 ** s) % 256).toString(16).padStart(2, '0')),
  ].join(':');
}
