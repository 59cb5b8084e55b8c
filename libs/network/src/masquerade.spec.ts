import { forwardRules, masqueradeRule } from './masquerade';

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

describe('forwardRules', () => {
  it('should let the bridge’s containers out and their answers in, naming the bridge', () => {
    const comment = ['-m', 'comment', '--comment', 'berth berth0'];
    expect(forwardRules('berth0')).toEqual([
      ['FORWARD', '-i', 'berth0', '-j', 'ACCEPT', ...comment],
      [
        'FORWARD',
        '-o',
        'berth0',
        '-m',
        'conntrack',
        '--ctstate',
        'RELATED,ESTABLISHED',
        '-j',
        'ACCEPT',
        ...comment,
      ],
    ]);
  });
});
