import { ConfigError, DEFAULT_CONFIG, parseAgentFlags, subnetOf } from './config';

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
      managerSocket: '/tmp/e/manager.sock',
      dockerSocket: '/tmp/e/docker.sock',
    });
    expect(parseAgentFlags(['--docker-socket', 'unix:///var/run/docker.sock']).dockerSocket).toBe(
      '/var/run/docker.sock',
    );
    expect(parseAgentFlags(['--docker-socket=']).dockerSocket).toBe('');
    expect(parseAgentFlags(['--manager-socket', 'm.sock']).managerSocket).toBe(`${process.cwd()}/m.sock`);
    expect(parseAgentFlags(['-H', 'unix:///tmp/x.sock']).socket).toBe('/tmp/x.sock');
    expect(parseAgentFlags([])).toEqual(DEFAULT_CONFIG);
    expect(parseAgentFlags(['--metrics-addr', '127.0.0.1:9323']).metricsAddr).toEqual({
      host: '127.0.0.1',
      port: 9323,
    });
    expect(parseAgentFlags([], { BERTH_LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
  });

  it('should take --userns-remap as dockerd does: default, USER or USER:GROUP', () => {
    expect(parseAgentFlags([]).usernsRemap).toBe('');
    expect(parseAgentFlags(['--userns-remap', 'default']).usernsRemap).toBe('default');
    expect(parseAgentFlags(['--userns-remap=app:staff']).usernsRemap).toBe('app:staff');
    expect(parseAgentFlags(['--userns-remap', '1000:1000']).usernsRemap).toBe('1000:1000');
    expect(() => parseAgentFlags(['--userns-remap', 'a:b:c'])).toThrow(
      'expected default, USER or USER:GROUP',
    );
    expect(() => parseAgentFlags(['--userns-remap', ':g'])).toThrow(ConfigError);
  });

  it('should refuse what it cannot serve', () => {
    expect(() => parseAgentFlags(['-H', 'tcp://0.0.0.0:2375'])).toThrow('only unix:// sockets');
    expect(() => parseAgentFlags(['--bridge', 'a-very-long-bridge-name'])).toThrow('at most 15 characters');
    expect(() => parseAgentFlags(['--log-level', 'loud'])).toThrow(ConfigError);
    expect(() => parseAgentFlags([], { BERTH_LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(() => parseAgentFlags(['--metrics-addr', '9323'])).toThrow(ConfigError);
    expect(() => parseAgentFlags(['--nope'])).toThrow('unknown flag: --nope');
  });
});

describe('subnetOf', () => {
  it('should take a bridge address for its subnet, as dockerd --bip does', () => {
    expect(subnetOf('10.215.0.1/24', '--bip')).toBe('10.215.0.0/24');
    expect(subnetOf('10.88.0.0/16', '--bip')).toBe('10.88.0.0/16');
    expect(subnetOf('172.17.5.9/12', '--bip')).toBe('172.16.0.0/12');
  });

  it('should refuse what is no IPv4 subnet', () => {
    expect(() => subnetOf('10.0.0.0', '--bip')).toThrow(
      '--bip 10.0.0.0: expected an IPv4 subnet like 10.88.0.0/16',
    );
    expect(() => subnetOf('300.1.1.1/24', '--bip')).toThrow('expected an IPv4 subnet');
  });
});
