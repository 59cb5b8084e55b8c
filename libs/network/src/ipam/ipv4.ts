/** IPv4 addresses and subnets as numbers: the arithmetic every allocator needs. Pure. */

export interface Subnet {
  /** the network address as a 32-bit number */
  base: number;
  prefix: number;
}

export class AddressError extends Error {}

export function parseAddress(text: string): number {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255))
    throw new AddressError(`invalid IPv4 address "${text}"`);
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

export function formatAddress(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/** "10.0.1.0/24" → its network (host bits of the text must be zero). */
export function parseSubnet(text: string): Subnet {
  const [address, prefixText, ...rest] = text.split('/');
  const prefix = Number(prefixText);
  if (rest.length || !/^\d{1,2}$/.test(prefixText ?? '') || prefix > 32)
    throw new AddressError(`invalid subnet "${text}": expected ADDRESS/PREFIX, e.g. 10.0.1.0/24`);
  const base = parseAddress(address);
  if (base % size({ base: 0, prefix }) !== 0)
    throw new AddressError(
      `invalid subnet "${text}": host bits are set (did you mean ${formatSubnet(network(base, prefix))}?)`,
    );
  return { base, prefix };
}

export function formatSubnet(subnet: Subnet): string {
  return `${formatAddress(subnet.base)}/${subnet.prefix}`;
}

/** The subnet of PREFIX bits that holds ADDRESS. */
export function network(address: number, prefix: number): Subnet {
  const span = 2 ** (32 - prefix);
  return { base: address - (address % span), prefix };
}

export function size(subnet: Subnet): number {
  return 2 ** (32 - subnet.prefix);
}

export function contains(subnet: Subnet, address: number): boolean {
  return address >= subnet.base && address < subnet.base + size(subnet);
}

export function overlaps(a: Subnet, b: Subnet): boolean {
  return a.base < b.base + size(b) && b.base < a.base + size(a);
}

/** Addresses a host may take: all but the network and broadcast addresses (/31 and /32 have none to spare). */
export function firstHost(subnet: Subnet): number {
  return subnet.prefix >= 31 ? subnet.base : subnet.base + 1;
}

export function lastHost(subnet: Subnet): number {
  return subnet.prefix >= 31 ? subnet.base + size(subnet) - 1 : subnet.base + size(subnet) - 2;
}

/** Like parseSubnet, but an address with host bits names the subnet that holds it ("10.0.1.5/24" → 10.0.1.0/24). */
export function subnetOfCidr(text: string): Subnet {
  const [address, prefixText] = text.split('/');
  const prefix = Number(prefixText);
  if (!/^\d{1,2}$/.test(prefixText ?? '') || prefix > 32)
    throw new AddressError(`invalid subnet "${text}": expected ADDRESS/PREFIX, e.g. 10.0.1.0/24`);
  return network(parseAddress(address), prefix);
}
