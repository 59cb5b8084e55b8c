import { masqueradeRule } from './masquerade';

describe('masqueradeRule', () => {
  it('should NAT what leaves the subnet through any interface but its bridge, and name the bridge', () => {
    expect(masqueradeRule('10.88.0.0/16', 'berth0')).toEqual([
      'POSTROUTING',
      '-s',
      '10.88.0.0/16',
      '!',
      '-o',
      'berth0',
      '-j',
      'MASQUERADE',
      '-m',
      'comment',
      '--comment',
      'berth berth0',
    ]);
  });
});
