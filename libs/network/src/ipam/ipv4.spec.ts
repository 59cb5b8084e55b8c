import {
  AddressError,
  contains,
  firstHost,
  formatAddress,
  formatSubnet,
  lastHost,
  network,
  overlaps,
  parseAddress,
  parseSubnet,
} from './ipv4';

describe('IPv4 arithmetic', () => {
  it('should read and write addresses as 32-bit numbers', () => {
    expect(parseAddress('10.0.1.5')).toBe(10 * 2 ** 24 + 1 * 256 + 5);
    expect(formatAddress(parseAddress('255.255.255.255'))).toBe('255.255.255.255');
    expect(formatAddress(0)).toBe('0.0.0.0');
  });

  it('should refuse what is no address', () => {
    for (const bad of ['10.0.1', '10.0.1.256', 'a.b.c.d', '10.0.1.5.6', ''])
      expect(() => parseAddress(bad)).toThrow(AddressError);
  });

  it('should read subnets and refuse host bits, saying which subnet was meant', () => {
    expect(formatSubnet(parseSubnet('10.0.4.0/22'))).toBe('10.0.4.0/22');
    expect(() => parseSubnet('10.0.1.5/24')).toThrow('host bits are set (did you mean 10.0.1.0/24?)');
    expect(() => parseSubnet('10.0.1.0')).toThrow('expected ADDRESS/PREFIX');
    expect(() => parseSubnet('10.0.1.0/33')).toThrow(AddressError);
  });

  it('should find the network of an address', () => {
    expect(formatSubnet(network(parseAddress('172.17.5.9'), 12))).toBe('172.16.0.0/12');
  });

  it('should tell containment and overlap at the edges', () => {
    const a = parseSubnet('10.0.0.0/24');
    expect(contains(a, parseAddress('10.0.0.255'))).toBe(true);
    expect(contains(a, parseAddress('10.0.1.0'))).toBe(false);
    expect(overlaps(a, parseSubnet('10.0.0.128/25'))).toBe(true);
    expect(overlaps(a, parseSubnet('10.0.1.0/24'))).toBe(false);
    expect(overlaps(parseSubnet('10.0.0.0/8'), a)).toBe(true);
  });

  it('should leave out the network and broadcast addresses, except on /31 and /32', () => {
    const a = parseSubnet('10.0.0.0/24');
    expect([formatAddress(firstHost(a)), formatAddress(lastHost(a))]).toEqual(['10.0.0.1', '10.0.0.254']);
    const b = parseSubnet('10.0.0.0/31');
    expect([formatAddress(firstHost(b)), formatAddress(lastHost(b))]).toEqual(['10.0.0.0', '10.0.0.1']);
  });
});
