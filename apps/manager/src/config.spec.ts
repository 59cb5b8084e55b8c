import * as path from 'node:path';
import {
  DEFAULT_MANAGER_CONFIG,
  MANAGER_PORT,
  ManagerConfigError,
  parseManagerFlags,
  resolveAdvertiseAddr,
  type ManagerConfig,
} from './config';

/** The ManagerConfigError FLAGS fail with. */
function refusal(argv: string[]): ManagerConfigError {
  try {
    parseManagerFlags(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(ManagerConfigError);
    return error as ManagerConfigError;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
}

describe('config', () => {
  describe(parseManagerFlags.name, () => {
    it('should give the defaults without flags', () => {
      expect(parseManagerFlags([])).toEqual({
        etcdEndpoints: ['127.0.0.1:2379'],
        etcdTls: { caFile: '', certFile: '', keyFile: '' },
        storeRoot: '/berth/v1/',
        redisUrl: 'redis://127.0.0.1:6379',
        listen: `0.0.0.0:${MANAGER_PORT}`,
        advertiseAddr: '',
        socket: '/run/berth/manager.sock',
        stateDir: '/var/lib/berth-manager',
        heartbeatGraceMs: 3000,
        logLevel: 'info',
        dashboardAddr: '',
        dashboardTokenFile: '',
        metricsAddr: null,
      });
    });

    it('should read the TLS files for etcd, as absolute paths', () => {
      const config = parseManagerFlags([
        '--etcd',
        'https://10.0.0.1:2379',
        '--etcd-cacert',
        '/etc/berth/etcd/ca.crt',
        '--etcd-cert=/etc/berth/etcd/client.crt',
        '--etcd-key',
        'client.key',
      ]);
      expect(config.etcdTls).toEqual({
        caFile: '/etc/berth/etcd/ca.crt',
        certFile: '/etc/berth/etcd/client.crt',
        keyFile: path.resolve('client.key'),
      });
      expect(DEFAULT_MANAGER_CONFIG.etcdTls).toEqual({ caFile: '', certFile: '', keyFile: '' });
    });

    it('should refuse a client certificate for etcd without its key or the CA', () => {
      expect(refusal(['--etcd-cert', '/c.crt', '--etcd-cacert', '/ca.crt']).message).toBe(
        '--etcd-cert and --etcd-key go together: give both or neither',
      );
      expect(refusal(['--etcd-key', '/c.key', '--etcd-cacert', '/ca.crt']).message).toBe(
        '--etcd-cert and --etcd-key go together: give both or neither',
      );
      expect(refusal(['--etcd-cert', '/c.crt', '--etcd-key', '/c.key']).message).toBe(
        "--etcd-cert needs --etcd-cacert: the CA that signed etcd's certificate",
      );
    });

    it('should not change the defaults it starts from', () => {
      const before = structuredClone(DEFAULT_MANAGER_CONFIG);
      parseManagerFlags(['--etcd', 'a:1', '--listen', '10.0.0.1:1', '--log-level', 'debug']);
      expect(DEFAULT_MANAGER_CONFIG).toEqual(before);
    });

    it('should take every flag, as FLAG VALUE or FLAG=VALUE', () => {
      const config = parseManagerFlags([
        '--etcd',
        'e1:2379,e2:2379,',
        '--etcd-cacert',
        '/etc/berth/etcd-ca.crt',
        '--etcd-cert=/etc/berth/etcd-client.crt',
        '--etcd-key',
        '/etc/berth/etcd-client.key',
        '--store-root=/test/42',
        '--redis',
        'rediss://cache:6380/1',
        '--listen=127.0.0.1:9000',
        '--advertise-addr',
        '10.0.0.5:9000',
        '--socket',
        '/tmp/m.sock',
        '--state-dir=/tmp/state',
        '--heartbeat-grace',
        '1m30s',
        '-l',
        'debug',
        '--dashboard-addr',
        '127.0.0.1:9443',
        '--dashboard-token-file=/tmp/state/token',
        '--metrics-addr',
        '[::1]:9380',
      ]);
      expect(config).toEqual<ManagerConfig>({
        etcdEndpoints: ['e1:2379', 'e2:2379'],
        etcdTls: {
          caFile: '/etc/berth/etcd-ca.crt',
          certFile: '/etc/berth/etcd-client.crt',
          keyFile: '/etc/berth/etcd-client.key',
        },
        storeRoot: '/test/42/',
        redisUrl: 'rediss://cache:6380/1',
        listen: '127.0.0.1:9000',
        advertiseAddr: '10.0.0.5:9000',
        socket: '/tmp/m.sock',
        stateDir: '/tmp/state',
        heartbeatGraceMs: 90_000,
        logLevel: 'debug',
        dashboardAddr: '127.0.0.1:9443',
        dashboardTokenFile: '/tmp/state/token',
        metricsAddr: { host: '::1', port: 9380 },
      });
    });

    it('should want a port in --dashboard-addr, and another than --listen', () => {
      expect(() => parseManagerFlags(['--dashboard-addr', '127.0.0.1'])).toThrow(/expected HOST:PORT/);
      expect(() => parseManagerFlags(['--dashboard-addr', '127.0.0.1:0'])).toThrow(/expected HOST/);
      expect(() =>
        parseManagerFlags(['--listen', '10.0.0.1:9000', '--dashboard-addr', '10.0.0.1:9000']),
      ).toThrow(/must differ from --listen/);
      expect(parseManagerFlags(['--dashboard-addr', '[::1]:9443']).dashboardAddr).toBe('[::1]:9443');
    });

    it('should let a later flag win over an earlier one', () => {
      expect(parseManagerFlags(['--log-level', 'warn', '--log-level=error']).logLevel).toBe('error');
    });

    it('should keep a store root that already ends in a slash', () => {
      expect(parseManagerFlags(['--store-root', '/x/']).storeRoot).toBe('/x/');
    });

    it('should make the socket and state directory absolute', () => {
      const config = parseManagerFlags(['--socket', 'run/m.sock', '--state-dir', 'state']);
      expect(config.socket).toBe(path.resolve('run/m.sock'));
      expect(config.stateDir).toBe(path.resolve('state'));
    });

    it('should add the manager port to a listen or advertise address without one', () => {
      const config = parseManagerFlags(['--listen', '127.0.0.1', '--advertise-addr', 'manager-1']);
      expect(config.listen).toBe(`127.0.0.1:${MANAGER_PORT}`);
      expect(config.advertiseAddr).toBe(`manager-1:${MANAGER_PORT}`);
    });

    it('should take a bracketed IPv6 address', () => {
      expect(parseManagerFlags(['--listen', '[::1]:9000']).listen).toBe('[::1]:9000');
      expect(parseManagerFlags(['--listen', '[::]']).listen).toBe(`[::]:${MANAGER_PORT}`);
    });

    it('should take sub-second heartbeat grace periods in milliseconds', () => {
      expect(parseManagerFlags(['--heartbeat-grace', '500ms']).heartbeatGraceMs).toBe(500);
    });

    it.each(['debug', 'info', 'warn', 'error'])('should take the log level %s', (level) => {
      expect(parseManagerFlags([`--log-level=${level}`]).logLevel).toBe(level);
    });

    it('should refuse an unknown flag or an operand', () => {
      expect(refusal(['--etcd', 'a:1', '--verbose']).message).toBe(
        'unknown flag: --verbose (see berth-manager --help)',
      );
      expect(refusal(['extra']).message).toBe('unknown flag: extra (see berth-manager --help)');
    });

    it('should refuse a flag that lacks its value', () => {
      expect(refusal(['--etcd']).message).toBe('--etcd needs a value');
      expect(refusal(['--log-level', 'debug', '-l']).message).toBe('-l needs a value');
    });

    it.each(['http://cache:6379', 'cache:6379', ''])('should refuse the Redis URL "%s"', (url) => {
      expect(refusal([`--redis=${url}`]).message).toBe(`--redis ${url}: expected redis://HOST:PORT`);
    });

    it.each(['host:0', 'host:65536', 'host:port', 'a:1:2', ':7380', '', '::1'])(
      'should refuse the listen address "%s"',
      (addr) => {
        expect(refusal([`--listen=${addr}`]).message).toBe(`--listen ${addr}: expected HOST[:PORT]`);
      },
    );

    it('should refuse a bad advertise address, naming that flag', () => {
      expect(refusal(['--advertise-addr', 'h:99999']).message).toBe(
        '--advertise-addr h:99999: expected HOST[:PORT]',
      );
    });

    it.each(['3', 'soon', '-1s', ''])('should refuse the heartbeat grace "%s"', (text) => {
      expect(refusal([`--heartbeat-grace=${text}`]).message).toMatch(/^--heartbeat-grace: invalid duration/);
    });

    it('should refuse an unknown log level', () => {
      expect(refusal(['-l', 'trace']).message).toBe(
        '--log-level must be debug, info, warn or error, not "trace"',
      );
    });

    it('should take the level from BERTH_LOG_LEVEL when no flag gives one', () => {
      expect(parseManagerFlags([], { BERTH_LOG_LEVEL: 'warn' }).logLevel).toBe('warn');
      expect(parseManagerFlags(['-l', 'error'], { BERTH_LOG_LEVEL: 'warn' }).logLevel).toBe('error');
      expect(parseManagerFlags([], { BERTH_LOG_LEVEL: '' }).logLevel).toBe('info');
      expect(() => parseManagerFlags([], { BERTH_LOG_LEVEL: 'loud' })).toThrow(
        new ManagerConfigError('BERTH_LOG_LEVEL must be debug, info, warn or error, not "loud"'),
      );
    });

    it.each(['9323', 'host', ':9323', 'h:0', 'h:65536', '::1:9323'])(
      'should refuse the metrics address "%s"',
      (text) => {
        expect(refusal(['--metrics-addr', text]).message).toMatch(/^--metrics-addr .*: expected HOST:PORT/);
      },
    );
  });

  describe(resolveAdvertiseAddr.name, () => {
    const config = (flags: string[]) => parseManagerFlags(flags);

    it('should advertise --advertise-addr when given', () => {
      expect(resolveAdvertiseAddr(config(['--advertise-addr', '10.0.0.9:7000']), ['10.0.0.1'])).toBe(
        '10.0.0.9:7000',
      );
    });

    it('should advertise the listen address when it names a host', () => {
      expect(resolveAdvertiseAddr(config(['--listen', '10.0.0.2:9000']), ['10.0.0.1'])).toBe('10.0.0.2:9000');
    });

    it("should advertise the machine's first non-loopback address at the listen port when listening everywhere", () => {
      expect(resolveAdvertiseAddr(config([]), ['127.0.0.1', '192.168.1.4', '10.0.0.1'])).toBe(
        `192.168.1.4:${MANAGER_PORT}`,
      );
      expect(resolveAdvertiseAddr(config(['--listen', '[::]:9000']), ['127.0.0.53', '10.0.0.1'])).toBe(
        '10.0.0.1:9000',
      );
    });

    it('should refuse to guess when the machine has only loopback addresses', () => {
      for (const addresses of [[], ['127.0.0.1']])
        expect(() => resolveAdvertiseAddr(config([]), addresses)).toThrow(
          new ManagerConfigError('this machine has no address to advertise: pass --advertise-addr HOST'),
        );
    });

    it('should take the listen port for an advertise address given without one', () => {
      const flags = ['--listen', '0.0.0.0:9000', '--advertise-addr', '10.0.0.5'];
      expect(resolveAdvertiseAddr(config(flags), [])).toBe('10.0.0.5:9000');
    });
  });
});
