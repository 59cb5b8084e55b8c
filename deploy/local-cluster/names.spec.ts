import {
  checkTag,
  fabricPlan,
  machinePlan,
  MAX_MACHINES,
  overlaps,
  pickFabricSubnet,
  routePrefixes,
} from './names';

describe('machinePlan', () => {
  it('should give every device a name Linux accepts (15 characters at most) that carries the tag', () => {
    const fabric = fabricPlan('a1b2c3', '10.210.4.0/24');
    const m = machinePlan('a1b2c3', fabric, MAX_MACHINES);
    for (const name of [fabric.bridge, m.hostVeth, m.peerVeth, m.engineBridge]) {
      expect(name.length).toBeLessThanOrEqual(15);
      expect(name).toContain('a1b2c3');
    }
    expect(m).toMatchObject({
      netns: 'berth-a1b2c3-m15',
      cgroupParent: 'berth-a1b2c3-m15',
      address: '10.210.4.25',
    });
  });

  it('should give each machine its own /24 for the default bridge and its own pool', () => {
    const fabric = fabricPlan('t', '10.210.0.0/24');
    const plans = [1, 2, 3].map((i) => machinePlan('t', fabric, i));
    expect(plans.map((p) => p.bip)).toEqual(['10.88.1.0/24', '10.88.2.0/24', '10.88.3.0/24']);
    for (const a of plans)
      for (const b of plans) if (a !== b) expect(overlaps(a.networkPool, b.networkPool)).toBe(false);
  });
});

describe('checkTag', () => {
  it('should refuse a tag that would not fit in a device name', () => {
    expect(() => checkTag('toolong7')).toThrow(/1 to 6 lowercase letters or digits/);
    expect(checkTag('local')).toBe('local');
  });
});

describe('pickFabricSubnet', () => {
  it("should skip every /24 a host route or address overlaps, and the machines' own ranges", () => {
    const used = routePrefixes(
      [
        'default via 192.0.2.1 dev eth0',
        '10.210.0.0/24 dev bcx proto kernel scope link src 10.210.0.1',
        'local 10.210.1.7 dev eth1 table local proto kernel scope host src 10.210.1.7',
        '10.210.2.0/23 via 192.0.2.9 dev eth0',
      ].join('\n'),
    );
    expect(used).toEqual(['10.210.0.0/24', '10.210.1.7', '10.210.2.0/23']);
    expect(pickFabricSubnet(used, 10 * 256)).toBe('10.210.4.0/24');
  });

  it('should say so when nothing is free', () => {
    expect(() => pickFabricSubnet(['10.0.0.0/8'], 0)).toThrow(/no free \/24/);
  });
});
