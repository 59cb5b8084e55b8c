import {
  AddressPool,
  capacityOf,
  DEFAULT_OVERLAY_POOL,
  ExhaustedError,
  FIRST_VNI,
  freeAddresses,
  gatewayOf,
  macOf,
  nextSubnet,
  nextVni,
} from './allocate';

describe('nextSubnet', () => {
  it('should give the first /24 of the pool that nothing uses', () => {
    expect(nextSubnet(DEFAULT_OVERLAY_POOL, 24, [])).toBe('10.0.0.0/24');
    expect(nextSubnet(DEFAULT_OVERLAY_POOL, 24, ['10.0.0.0/24', '10.0.2.0/24'])).toBe('10.0.1.0/24');
  });

  it('should step over a larger subnet in use, and one given by hand', () => {
    expect(nextSubnet(DEFAULT_OVERLAY_POOL, 24, ['10.0.0.0/22'])).toBe('10.0.4.0/24');
    expect(nextSubnet(DEFAULT_OVERLAY_POOL, 24, ['10.0.0.128/25'])).toBe('10.0.1.0/24');
  });

  it('should say so when the pool is full, and refuse a prefix larger than the pool', () => {
    expect(() => nextSubnet('10.9.0.0/23', 24, ['10.9.0.0/24', '10.9.1.0/24'])).toThrow(ExhaustedError);
    expect(() => nextSubnet('10.9.0.0/23', 24, ['10.9.0.0/24', '10.9.1.0/24'])).toThrow(
      'no /24 is left in 10.9.0.0/23',
    );
    expect(() => nextSubnet('10.9.0.0/24', 16, [])).toThrow('a /16 does not fit in 10.9.0.0/24');
  });
});

describe('nextVni', () => {
  it("should start at Swarm's 4097 and fill gaps", () => {
    expect(nextVni([])).toBe(FIRST_VNI);
    expect(nextVni([4097, 4099])).toBe(4098);
  });
});

describe('freeAddresses', () => {
  it('should give the lowest free hosts, never the gateway, network or broadcast', () => {
    expect(gatewayOf('10.0.1.0/24')).toBe('10.0.1.1');
    expect(freeAddresses('10.0.1.0/24', [], 3)).toEqual(['10.0.1.2/24', '10.0.1.3/24', '10.0.1.4/24']);
    expect(freeAddresses('10.0.1.0/24', ['10.0.1.2/24', '10.0.1.4'], 2)).toEqual([
      '10.0.1.3/24',
      '10.0.1.5/24',
    ]);
  });

  it('should ignore used addresses of other subnets', () => {
    expect(freeAddresses('10.0.1.0/24', ['10.0.2.2/24'], 1)).toEqual(['10.0.1.2/24']);
  });

  it('should give fewer than asked when the subnet runs out', () => {
    // a /29 has hosts .1-.6; .1 is the gateway
    expect(capacityOf('10.0.1.0/29')).toBe(5);
    const used = ['10.0.1.2', '10.0.1.3', '10.0.1.4'];
    expect(freeAddresses('10.0.1.0/29', used, 5)).toEqual(['10.0.1.5/29', '10.0.1.6/29']);
  });

  it('should give the addresses back once nothing uses them (nothing else remembers them)', () => {
    const used = new Set(freeAddresses('10.0.1.0/24', [], 10));
    for (let cycle = 0; cycle < 100; cycle++) {
      const taken = freeAddresses('10.0.1.0/24', used, 10);
      for (const a of taken) used.add(a);
      for (const a of taken) used.delete(a);
    }
    expect(freeAddresses('10.0.1.0/24', used, 1)).toEqual(['10.0.1.12/24']);
  });
});

describe('macOf', () => {
  it("should derive Docker's 02:42 MAC from an address", () => {
    expect(macOf('10.0.1.5/24')).toBe('02:42:0a:00:01:05');
    expect(macOf('172.16.255.1')).toBe('02:42:ac:10:ff:01');
  });
});

describe('freeAddresses after the highest', () => {
  it('should go on above the highest address taken, then wrap around to the bottom', () => {
    expect(freeAddresses('10.0.1.0/29', ['10.0.1.5/29'], 2, { afterHighest: true })).toEqual([
      '10.0.1.6/29',
      '10.0.1.2/29',
    ]);
    expect(freeAddresses('10.0.1.0/29', [], 1, { afterHighest: true })).toEqual(['10.0.1.2/29']);
    expect(freeAddresses('10.0.1.0/29', ['10.0.1.6/29'], 1, { afterHighest: true })).toEqual(['10.0.1.2/29']);
  });
});

describe('AddressPool', () => {
  const claims = (pool: AddressPool) => Array.from({ length: 8 }, () => pool.claim());
  it.each([
    ['an empty subnet', [], ['10.0.9.2/29', '10.0.9.3/29', '10.0.9.4/29', '10.0.9.5/29', '10.0.9.6/29']],
    [
      'taken addresses below and above',
      ['10.0.9.2/29', '10.0.9.5'],
      ['10.0.9.6/29', '10.0.9.3/29', '10.0.9.4/29'],
    ],
    [
      'the top taken (wraps around)',
      ['10.0.9.3/29', '10.0.9.6/29'],
      ['10.0.9.2/29', '10.0.9.4/29', '10.0.9.5/29'],
    ],
  ])('should hand out above the highest taken, one after another, then wrap (%s)', (_, used, expected) => {
    const pool = new AddressPool('10.0.9.0/29', used, { afterHighest: true });
    expect(claims(pool)).toEqual([...expected, ...Array(8 - expected.length).fill(null)]);
  });

  it('should hand out nothing from a full subnet, and lowest first unless told', () => {
    expect(claims(new AddressPool('10.0.9.0/30', ['10.0.9.2/30'], { afterHighest: true }))).toEqual(
      Array(8).fill(null),
    );
    expect(new AddressPool('10.0.9.0/29', ['10.0.9.5']).claim()).toBe('10.0.9.2/29');
  });
});
