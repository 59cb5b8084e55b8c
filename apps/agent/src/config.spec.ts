import { ConfigError, DEFAULT_CONFIG, parseAgentFlags } from './config';

describe('parseAgentFlags', () => {
  it('should take dockerd-style flags and put the socket in the exec root unless told', () => {
    const config = parseAgentFlags([
      '--data-root',
      '/tmp/d',
      '--exec-root=/tmp/e',
      '--log-level',
      'debug',
      '--bridge',
      'bt0',
    ]);
    expect(config).toMatchObject({
      dataRoot: '/tmp/d',
      execRoot: '/tmp/e',
      socket: '/tmp/e/berth.sock',
      logLevel: 'debug',
      bridge: 'bt0',
    });
    expect(parseAgentFlags(['-H', 'unix:///tmp/x.sock']).socket).toBe('/tmp/x.sock');
    expect(parseAgentFlags([])).toEqual(DEFAULT_CONFIG);
  });

  it('should refuse what it cannot serve', () => {
    expect(() => parseAgentFlags(['-H', 'tcp://0.0.0.0:2375'])).toThrow('only unix:// sockets');
    expect(() => parseAgentFlags(['--bridge', 'a-very-long-bridge-name'])).toThrow('at most 15 characters');
    expect(() => parseAgentFlags(['--log-level', 'loud'])).toThrow(ConfigError);
    expect(() => parseAgentFlags(['--nope'])).toThrow('unknown flag: --nope');
  });
});
