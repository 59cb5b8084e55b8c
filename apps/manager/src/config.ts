/**
 * The manager's settings from its flags, compiled once at start into ManagerConfig. Pure.
 */
import * as path from 'node:path';
import { requireDurationNs } from '@berth/cluster/units';
import { LogLevelError, logLevelFromEnv, parseLogLevel, type LogLevel } from '@berth/logging';
import { MetricsAddrError, parseMetricsAddr, type MetricsAddr } from '@berth/metrics';

export interface ManagerConfig {
  etcdEndpoints: string[];
  /**
   * TLS to etcd: the CA that signed etcd's client-port certificate, and this manager's client
   * certificate and key (etcd's --client-cert-auth). Paths; '' for none. A CA alone makes the
   * endpoints https:// without a client certificate.
   */
  etcdTls: { caFile: string; certFile: string; keyFile: string };
  /** where etcd keeps this cluster's objects; tests give each cluster its own */
  storeRoot: string;
  redisUrl: string;
  /** host:port of the TLS listener for agents and CLIs */
  listen: string;
  /** host:port agents and CLIs are told to reach this manager at */
  advertiseAddr: string;
  /** the local unix socket (root only) for `berth cluster init` */
  socket: string;
  /** keeps the unlock key that seals the CA key in etcd */
  stateDir: string;
  heartbeatGraceMs: number;
  logLevel: LogLevel;
  /** host:port of the dashboard's HTTPS listener; '' (the default): no dashboard */
  dashboardAddr: string;
  /** the dashboard's bearer token, made there on first start when missing; '': <state-dir>/dashboard.token */
  dashboardTokenFile: string;
  /** where /metrics is served (Prometheus text); null serves none */
  metricsAddr: MetricsAddr | null;
}

export const MANAGER_PORT = 7380;

export const DEFAULT_MANAGER_CONFIG: ManagerConfig = {
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
};

export class ManagerConfigError extends Error {}

export const MANAGER_USAGE = `Usage: berth-manager [OPTIONS]

The Berth control plane: keeps the cluster's state in etcd, places tasks on machines and keeps
services at their declared replica count.

Options:
  --etcd ENDPOINTS          etcd client endpoints, comma-separated (default 127.0.0.1:2379)
  --etcd-cacert FILE        the CA of etcd's client TLS certificate: the endpoints are https://
  --etcd-cert FILE          this manager's client certificate for etcd (with --etcd-key)
  --etcd-key FILE           the key of --etcd-cert
  --store-root PREFIX       etcd key prefix for this cluster's objects (default /berth/v1/)
  --redis URL               Redis for rollout jobs (default redis://127.0.0.1:6379)
  --listen HOST:PORT        TLS listener for agents and CLIs (default 0.0.0.0:${MANAGER_PORT})
  --advertise-addr HOST[:PORT]  the address machines reach this manager at (default: --listen's host)
  --socket PATH             local socket for 'berth cluster init' (default /run/berth/manager.sock)
  --state-dir DIR           keeps the unlock key of the cluster CA (default /var/lib/berth-manager)
  --heartbeat-grace DURATION  a node silent this long is down (default 3s)
  -l, --log-level LEVEL     debug, info, warn or error (default info, or BERTH_LOG_LEVEL)
  --metrics-addr HOST:PORT  serve Prometheus metrics at http://HOST:PORT/metrics (default: none)
  --dashboard-addr HOST:PORT  serve the live dashboard there, over HTTPS (default: no dashboard)
  --dashboard-token-file PATH  the dashboard's bearer token, made when missing
                            (default <state-dir>/dashboard.token); a cluster client certificate
                            with the manager role is admitted too

Logs go to stdout: JSON lines (level, time, msg, component, node, service, task) when it is a
file or a pipe, readable lines when it is a terminal.
`;

function hostPort(text: string, flag: string, defaultPort = MANAGER_PORT): { host: string; port: number } {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(text);
  const port = m?.[2] === undefined ? defaultPort : Number(m[2]);
  if (!m || port < 1 || port > 65535) throw new ManagerConfigError(`${flag} ${text}: expected HOST[:PORT]`);
  return { host: m[1], port };
}

/** READ's value; its flag errors as ManagerConfigError. */
function configValue<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof LogLevelError || error instanceof MetricsAddrError)
      throw new ManagerConfigError(error.message);
    throw error;
  }
}

/** The flags ARGV over the defaults; BERTH_LOG_LEVEL in ENV is the level when no flag gives one. */
export function parseManagerFlags(argv: readonly string[], env: NodeJS.ProcessEnv = {}): ManagerConfig {
  const config: ManagerConfig = { ...DEFAULT_MANAGER_CONFIG, etcdTls: { ...DEFAULT_MANAGER_CONFIG.etcdTls } };
  config.logLevel = configValue(() => logLevelFromEnv(env));
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new ManagerConfigError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--etcd':
        config.etcdEndpoints = value().split(',').filter(Boolean);
        break;
      case '--etcd-cacert':
        config.etcdTls.caFile = path.resolve(value());
        break;
      case '--etcd-cert':
        config.etcdTls.certFile = path.resolve(value());
        break;
      case '--etcd-key':
        config.etcdTls.keyFile = path.resolve(value());
        break;
      case '--store-root': {
        const root = value();
        if (!root.replace(/\//g, ''))
          throw new ManagerConfigError('--store-root must name a prefix, such as /berth/v1/');
        config.storeRoot = root.endsWith('/') ? root : `${root}/`;
        break;
      }
      case '--redis':
        config.redisUrl = value();
        if (!/^rediss?:\/\//.test(config.redisUrl))
          throw new ManagerConfigError(`--redis ${config.redisUrl}: expected redis://HOST:PORT`);
        break;
      case '--listen': {
        const { host, port } = hostPort(value(), '--listen');
        config.listen = `${host}:${port}`;
        break;
      }
      case '--advertise-addr':
        // the port comes from --listen when it is not given (checked once every flag is read)
        config.advertiseAddr = value();
        hostPort(config.advertiseAddr, '--advertise-addr');
        break;
      case '--socket':
        config.socket = path.resolve(value());
        break;
      case '--state-dir':
        config.stateDir = path.resolve(value());
        break;
      case '--heartbeat-grace':
        try {
          config.heartbeatGraceMs = requireDurationNs(value()) / 1e6;
        } catch (error) {
          throw new ManagerConfigError(`--heartbeat-grace: ${(error as Error).message}`);
        }
        if (config.heartbeatGraceMs < 300)
          throw new ManagerConfigError(
            '--heartbeat-grace must be at least 300ms: a shorter one marks nodes down between heartbeats',
          );
        break;
      case '-l':
      case '--log-level': {
        const v = value();
        config.logLevel = configValue(() => parseLogLevel(v, '--log-level'));
        break;
      }
      case '--metrics-addr': {
        const v = value();
        config.metricsAddr = configValue(() => parseMetricsAddr(v));
        break;
      }
      case '--dashboard-addr': {
        const text = value();
        if (!/:\d+$/.test(text)) throw new ManagerConfigError(`--dashboard-addr ${text}: expected HOST:PORT`);
        const { host, port } = hostPort(text, '--dashboard-addr');
        config.dashboardAddr = `${host}:${port}`;
        break;
      }
      case '--dashboard-token-file':
        config.dashboardTokenFile = path.resolve(value());
        break;
      default:
        throw new ManagerConfigError(`unknown flag: ${flag} (see berth-manager --help)`);
    }
  }
  if (!config.etcdEndpoints.length) throw new ManagerConfigError('--etcd needs at least one endpoint');
  if (config.dashboardAddr && config.dashboardAddr === config.listen)
    throw new ManagerConfigError(
      '--dashboard-addr must differ from --listen: the dashboard has a listener of its own',
    );
  const { caFile, certFile, keyFile } = config.etcdTls;
  if (!certFile !== !keyFile)
    throw new ManagerConfigError('--etcd-cert and --etcd-key go together: give both or neither');
  if (certFile && !caFile)
    throw new ManagerConfigError("--etcd-cert needs --etcd-cacert: the CA that signed etcd's certificate");
  if (config.advertiseAddr) {
    const listenPort = hostPort(config.listen, '--listen').port;
    const { host, port } = hostPort(config.advertiseAddr, '--advertise-addr', listenPort);
    config.advertiseAddr = `${host}:${port}`;
  }
  return config;
}

/**
 * The address to tell machines: --advertise-addr, else --listen's host, else (listening on every
 * address) the first non-loopback IPv4 address of this machine.
 */
export function resolveAdvertiseAddr(config: ManagerConfig, hostAddresses: readonly string[]): string {
  if (config.advertiseAddr) return config.advertiseAddr;
  const { host, port } = hostPort(config.listen, '--listen');
  if (host !== '0.0.0.0' && host !== '[::]') return `${host}:${port}`;
  const own = hostAddresses.find((a) => !a.startsWith('127.'));
  if (!own)
    throw new ManagerConfigError('this machine has no address to advertise: pass --advertise-addr HOST');
  return `${own}:${port}`;
}
