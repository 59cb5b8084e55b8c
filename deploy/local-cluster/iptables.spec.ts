import { fabricRules } from './iptables';
import { fabricPlan } from './names';

describe('fabricRules', () => {
  const fabric = fabricPlan('t', '10.210.0.0/24');

  it('should only let machines talk to each other when the cluster is not outbound', () => {
    expect(fabricRules(fabric, false)).toEqual([
      {
        table: 'filter',
        chain: 'FORWARD',
        spec: ['-i', 'bct', '-o', 'bct', '-m', 'comment', '--comment', 'berth bct', '-j', 'ACCEPT'],
        first: true,
      },
    ]);
  });

  it("should masquerade the fabric's subnet behind the host when it is", () => {
    const nat = fabricRules(fabric, true).filter((r) => r.table === 'nat');
    expect(nat).toEqual([
      {
        table: 'nat',
        chain: 'POSTROUTING',
        spec: [
          '-s',
          '10.210.0.0/24',
          '!',
          '-o',
          'bct',
          '-j',
          'MASQUERADE',
          '-m',
          'comment',
          '--comment',
          'berth bct',
        ],
        first: false,
      },
    ]);
  });
});
