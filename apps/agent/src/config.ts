/**
 * The agent's settings, from dockerd's flags where they apply. Compiled once
 * at start (paths resolved, defaults filled) into AgentConfig, which the
 * rest of the agent takes as given. Pure.
 */
import * as path from 'node:path';
import { LogLevelError, logLevelFromEnv, parseLogLevel, type LogLevel } from '@berth/logging';
import { MetricsAddrError, parseMetricsAddr, type MetricsAddr } from '@berth/metrics';

export interface AgentConfig {
  dataRoot: string;
  execRoot: string;
  /** The engine socket's path. */
  socket: string;
  logLevel: LogLevel;
  /** where /metrics is served (Prometheus text); null serves none */
  metricsAddr: MetricsAddr | null;
  /** The default bridge network: Linux bridge device and subnet. */
  bridge: string;
  bridgeSubnet: string;
  /** Subnets for user networks are carved, a /24 each, from this pool. */
  networkPool: string;
  /** Cgroup under which every container of this agent goes. */
  cgroupParent: string;
  insecureRegistries: string[];
  /** Upstream DNS servers for names the agent does not know (default: the host's resolv.conf). */
  dnsUpstream: string[];
  /** Engine labels (`--label k=v`): placement constraints read them as engine.labels.k. */
  labels: Record<string, string>;
  /**
   * The local socket of the manager beside this engine (its machine's manager role): `cluster
   * init` goes there, and the agent tells that manager which node it is (default
   * <exec-root>/manager.sock, where berth-manager's default --socket is).
   */
  managerSocket: string;
  /** Where the Docker Engine API is served (default <exec-root>/docker.sock); '' serves none. */
  dockerSocket: string;
  /**
   * dockerd's --userns-remap: '' (off), 'default' (the berthremap account, made if absent) or
   * USER[:GROUP], whose ranges in /etc/subuid and /etc/subgid every container's root is mapped to.
   */
  usernsRemap: string;
}

export const DEFAULT_CONFIG: AgentConfig = {
  dataRoot: '/var/lib/berth',
  execRoot: '/run/berth',
  socket: '/run/berth/berth.sock',
  logLevel: 'info',
  metricsAddr: null,
  bridge: 'berth0',
  bridgeSubnet: '10.88.0.0/16',
  networkPool: '10.89.0.0/16',
  cgroupParent: 'berth',
  insecureRegistries: [],
  dnsUpstream: [],
  labels: {},
  managerSocket: '/run/berth/manager.sock',
  dockerSocket: '/run/berth/docker.sock',
  usernsRemap: '',
};

export class ConfigError extends Error {}

/** The flags ARGV over the defaults; BERTH_LOG_LEVEL in ENV is the level when no flag gives one. */
export function parseAgentFlags(argv: string[], env: NodeJS.ProcessEnv = {}): AgentConfig {
  const config: AgentConfig = { ...DEFAULT_CONFIG, insecureRegistries: [], dnsUpstream: [], labels: {} };
  config.logLevel = configValue(() => logLevelFromEnv(env));
  let socketGiven = false;
  let managerSocketGiven = false;
  let dockerSocketGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new ConfigError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--data-root':
        config.dataRoot = path.resolve(value());
        break;
      case '--exec-root':
        config.execRoot = path.resolve(value());
        break;
      case '-H':
      case '--host': {
        const v = value();
        if (!v.startsWith('unix://')) throw new ConfigError(`--host ${v}: only unix:// sockets are served`);
        config.socket = path.resolve(v.slice('unix://'.length));
        socketGiven = true;
        break;
      }
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
      case '-b':
      case '--bridge':
        config.bridge = value();
        if (config.bridge.length > 15)
          throw new ConfigError(`--bridge ${config.bridge}: Linux names devices with at most 15 characters`);
        break;
      case '--bip':
      case '--default-subnet':
        config.bridgeSubnet = subnetOf(value(), flag);
        break;
      case '--network-pool':
        config.networkPool = subnetOf(value(), flag);
        break;
      case '--cgroup-parent':
        config.cgroupParent = value();
        break;
      case '--insecure-registry':
        config.insecureRegistries.push(value());
        break;
      case '--dns':
        config.dnsUpstream.push(value());
        break;
      case '--label': {
        const label = value();
        const eq = label.indexOf('=');
        if (eq <= 0) throw new ConfigError(`--label ${label}: expected KEY=VALUE`);
        config.labels[label.slice(0, eq)] = label.slice(eq + 1);
        break;
      }
      case '--manager-socket':
        config.managerSocket = path.resolve(value());
        managerSocketGiven = true;
        break;
      case '--docker-socket': {
        const v = value().replace(/^unix:\/\//, '');
        config.dockerSocket = v ? path.resolve(v) : '';
        dockerSocketGiven = true;
        break;
      }
      case '--userns-remap': {
        const v = value();
        if (!/^[^:\s]+(:[^:\s]+)?$/.test(v))
          throw new ConfigError(`--userns-remap ${v}: expected default, USER or USER:GROUP (names or ids)`);
        config.usernsRemap = v;
        break;
      }
      default:
        throw new ConfigError(`unknown flag: ${flag}`);
    }
  }
  if (!socketGiven) config.socket = path.join(config.execRoot, 'berth.sock');
  if (!managerSocketGiven) config.managerSocket = path.join(config.execRoot, 'manager.sock');
  if (!dockerSocketGiven) config.dockerSocket = path.join(config.execRoot, 'docker.sock');
  return config;
}

/** READ's value; its flag errors as ConfigError (exit 2, the message alone). */
function configValue<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof LogLevelError || error instanceof MetricsAddrError)
      throw new ConfigError(error.message);
    throw error;
  }
}

/** "10.88.0.1/16" (dockerd's --bip names the bridge's address) → "10.88.0.0/16". */
export function subnetOf(cidr: string, flag: string): string {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  const octets = m ? m.slice(1, 5).map(Number) : [];
  const bits = m ? Number(m[5]) : -1;
  if (!m || octets.some((o) => o > 255) || bits < 8 || bits > 30)
    throw new ConfigError(`${flag} ${cidr}: expected an IPv4 subnet like 10.88.0.0/16`);
  const address = octets.reduce((a, o) => a * 256 + o, 0);
  const network = address - (address % 2 ** (32 - bits));
  return `${[24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256).join('.')}/${bits}`;
}
