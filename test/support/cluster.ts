/**
 * Several machines on this host for end-to-end tests: the local cluster of
 * `npm run up` (deploy/local-cluster), with a state dir in a temporary
 * directory, a tag of its own per run and no traffic beyond the host. stop()
 * takes it down from its state file and fails, listing them, when anything
 * with the run's tag is left (netns, links, mounts, cgroups, processes,
 * iptables rules). Its processes are detached: should the test process die
 * before stop(), `node dist/deploy/local-cluster/main.js down --state-dir
 * /tmp/berth-cluster-XXXXXX/s` removes what it made.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  AGENT_METRICS_PORT,
  BERTH,
  ClusterStore,
  MANAGER_METRICS_PORT,
  downCluster,
  FABRIC_CANDIDATES,
  isRunning,
  killAgent,
  logTail,
  LeftoversError,
  etcdName,
  respawnService,
  serviceReady,
  signalAndWait,
  managerName,
  managerContext,
  startManager,
  startAgent,
  upCluster,
  withStateLock,
  type MachineRecord,
  type ServiceName,
} from '../../deploy/local-cluster';
import { LeaderElection, Store } from '@berth/store';
import { ensureBuilt, type BerthResult } from './engine';
import { sharedBusyboxRootfs } from './harness';

export interface BerthOptions {
  input?: string;
  timeoutMs?: number;
  env?: Record<string, string>;
}

export interface ClusterMachine {
  index: number;
  /** m1, m2, … */
  name: string;
  netns: string;
  /** Its address on the fabric. */
  address: string;
  /** unix://… of its agent's engine socket. */
  engineHost: string;
  dataRoot: string;
  /** Its agent's log file. */
  log: string;
  /** Where its agent serves Prometheus metrics (http://ADDRESS:9323/metrics). */
  metricsUrl: string;
  /** bin/berth against this machine's engine. */
  berth(args: string[], options?: BerthOptions): BerthResult;
  /** A host command (ip, wget, busybox ping) run with this machine's network. */
  exec(args: string[], options?: { timeoutMs?: number }): SpawnSyncReturns<string>;
  /** busybox:latest from the shared test rootfs, imported into this machine's engine. */
  importBusybox(reference?: string): void;
  /** Ends its agent with SIGNAL and waits until it has exited; its containers stay. */
  killAgent(signal?: NodeJS.Signals): Promise<void>;
  /** Starts its agent again on the same roots (live restore) and waits until it serves. */
  startAgent(): Promise<void>;
  /** Takes its link to the fabric down (the machine cut off from every other) or up again. */
  setLink(up: boolean): void;
}

/** bin/berth with ENV over this process's environment. */
function runBerth(env: Record<string, string>, args: string[], options: BerthOptions): BerthResult {
  return spawnSync(BERTH, args, {
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, ...env, ...options.env },
    timeout: options.timeoutMs ?? 60_000,
  }) as BerthResult;
}

export class ClusterHarness {
  private stopped = false;
  readonly machines: ClusterMachine[];

  private constructor(
    private readonly store: ClusterStore,
    /** Holds the state dir and files of the harness's own (the busybox tarball). */
    readonly tmp: string,
  ) {
    this.machines = store.state.machines.map((m) => this.machineOf(m));
  }

  /**
   * Brings up MACHINES machines (default 3), the first MANAGERS (default 1) manager machines with
   * an etcd member and a manager each, and Redis; on failure nothing is left.
   */
  static async start(
    options: { machines?: number; managers?: number; dashboard?: boolean } = {},
  ): Promise<ClusterHarness> {
    ensureBuilt();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-cluster-'));
    const stateDir = path.join(tmp, 's');
    try {
      await withStateLock(stateDir, () =>
        upCluster({
          stateDir,
          machines: options.machines ?? 3,
          managers: options.managers ?? 1,
          dashboard: options.dashboard ?? false,
          tag: crypto.randomBytes(3).toString('hex'),
          outbound: false,
          subnetStart: crypto.randomInt(FABRIC_CANDIDATES),
          cliConfigDir: path.join(tmp, 'cli'),
        }),
      );
    } catch (error) {
      fs.rmSync(tmp, { recursive: true, force: true });
      throw error;
    }
    return new ClusterHarness(ClusterStore.open(stateDir), tmp);
  }

  get tag(): string {
    return this.store.state.tag;
  }

  get stateDir(): string {
    return this.store.dir;
  }

  /** The first etcd member's host:port (on machine 1). */
  get etcd(): string {
    return this.store.state.services.etcd!.endpoint;
  }

  /** Every etcd member's host:port. */
  get etcdEndpoints(): string[] {
    return (Object.keys(this.store.state.services) as ServiceName[])
      .filter((name) => name.startsWith('etcd'))
      .map((name) => this.store.state.services[name]!.endpoint);
  }

  /** The cluster's long-lived processes by name (m1…, manager, etcd, redis), for benchmarks to read their CPU time. */
  get processIds(): Record<string, number> {
    const ids: Record<string, number> = {};
    for (const m of this.store.state.machines) if (m.agent) ids[m.name] = m.agent.pid;
    for (const [name, service] of Object.entries(this.store.state.services))
      if (service?.process) ids[name] = service.process.pid;
    return ids;
  }

  get redisUrl(): string {
    return this.store.state.services.redis!.endpoint;
  }

  get fabric(): { bridge: string; subnet: string; gateway: string } {
    const { bridge, subnet, gateway } = this.store.state.fabric!;
    return { bridge, subnet, gateway };
  }

  /** bin/berth against the cluster's manager, with the context `up` saved (node, service, …). */
  berth(args: string[], options: BerthOptions = {}): BerthResult {
    return runBerth({ BERTH_CONFIG: path.join(this.tmp, 'cli') }, args, options);
  }

  /** The first manager's address as machines reach it. */
  get managerAddr(): string {
    return this.store.state.services.manager!.endpoint;
  }

  /** Where manager N serves Prometheus metrics. */
  managerMetricsUrl(n = 1): string {
    return `http://${this.machine(n).address}:${MANAGER_METRICS_PORT}/metrics`;
  }

  /** Manager N's log file. */
  managerLog(n = 1): string {
    return this.store.state.services[managerName(n)]!.process!.log;
  }

  /** Manager N's address (it runs on machine N). */
  managerAddrOf(n: number): string {
    return this.store.state.services[managerName(n)]!.endpoint;
  }

  /** Manager N's dashboard, https://HOST:PORT (a cluster started with `dashboard: true`). */
  dashboardUrlOf(n = 1): string {
    const context = managerContext(this.store.state, n);
    if (!context.dashboard)
      throw new Error('this cluster has no dashboard: start it with { dashboard: true }');
    return `https://${context.dashboard}`;
  }

  /** The bearer token manager N made for its dashboard. */
  dashboardToken(n = 1): string {
    return fs
      .readFileSync(path.join(managerContext(this.store.state, n).dir, 'dashboard.token'), 'utf8')
      .trim();
  }

  /** Ends manager N (1: the first) with SIGNAL and waits until it has exited. */
  async killManager(signal: NodeJS.Signals = 'SIGKILL', n = 1): Promise<void> {
    await this.signalService(managerName(n), signal);
  }

  /** Ends the recorded service NAME with SIGNAL and waits until it has exited. */
  private async signalService(name: ServiceName, signal: NodeJS.Signals): Promise<void> {
    const record = this.store.state.services[name]?.process;
    if (!record || !(await signalAndWait(record, signal, 15_000)))
      throw new Error(`${name} did not exit after ${signal}`);
  }

  /** Starts manager N again on the same etcd and state (its loops resume from etcd). */
  async startManager(n = 1): Promise<void> {
    await withStateLock(this.stateDir, () => startManager(this.store, n));
  }

  /** Which manager (1, 2, …) leads now, as etcd's election says; 0 when none does. */
  async leaderManager(): Promise<number> {
    const store = await Store.connect({ endpoints: this.etcdEndpoints });
    try {
      const leader = (await new LeaderElection(store, 'managers').leader()) ?? '';
      const pid = Number(/:(\d+)@/.exec(leader)?.[1]);
      const names = Object.keys(this.store.state.services).filter((n) => n.startsWith('manager'));
      const name = names.find((n) => this.store.state.services[n as ServiceName]?.process?.pid === pid);
      return name ? (name === 'manager' ? 1 : Number(name.split('-')[1])) : 0;
    } finally {
      store.close();
    }
  }

  /**
   * The CLI context's managers, as the CLI keeps them. With STALE, first marked as last asked long
   * ago: the CLI's next command asks the cluster again (it does so once a minute).
   */
  cliManagers(stale = false): string[] {
    const file = path.join(this.tmp, 'cli', 'contexts', `${this.store.state.cliContext!.name}.json`);
    const context = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      managers?: string[];
      managersCheckedAt?: number;
    };
    if (stale)
      fs.writeFileSync(file, JSON.stringify({ ...context, managersCheckedAt: 0 }, null, 2), { mode: 0o600 });
    return context.managers ?? [];
  }

  /** Ends etcd member N (on machine N) with SIGNAL and waits until it has exited. */
  async stopEtcd(signal: NodeJS.Signals = 'SIGKILL', n = 1): Promise<void> {
    await this.signalService(etcdName(n), signal);
  }

  /** Starts etcd member N again on its data and address, and waits until it answers. */
  async startEtcd(n = 1): Promise<void> {
    await this.restartService(etcdName(n), 'etcd');
  }

  /** Ends Redis with SIGNAL (an outage; it keeps nothing, so its queue is lost) and waits until it has exited. */
  async stopRedis(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await this.signalService('redis', signal);
  }

  /** Starts Redis again on its port, empty, and waits until it answers. */
  async startRedis(): Promise<void> {
    await this.restartService('redis', 'redis-server');
  }

  private async restartService(name: ServiceName, what: string): Promise<void> {
    const record = respawnService(this.store.state.services[name]!);
    this.store.update((s) => (s.services[name] = record));
    await serviceReady(what, record);
  }

  /** Machine INDEX (from 1). */
  machine(index: number): ClusterMachine {
    const m = this.machines.find((x) => x.index === index);
    if (!m) throw new Error(`no machine ${index}: this cluster has ${this.machines.length}`);
    return m;
  }

  private machineOf(m: MachineRecord): ClusterMachine {
    const engineHost = `unix://${m.socket}`;
    const berth = (args: string[], options: BerthOptions = {}) =>
      runBerth({ BERTH_HOST: engineHost, BERTH_CONFIG: m.configDir }, args, options);
    return {
      index: m.index,
      name: m.name,
      netns: m.netns,
      address: m.address,
      engineHost,
      dataRoot: m.dataRoot,
      log: m.log,
      metricsUrl: `http://${m.address}:${AGENT_METRICS_PORT}/metrics`,
      berth,
      exec: (args, options = {}) =>
        spawnSync('nsenter', [`--net=/run/netns/${m.netns}`, '--', ...args], {
          encoding: 'utf8',
          timeout: options.timeoutMs ?? 30_000,
        }),
      importBusybox: (reference = 'busybox:latest') => {
        const r = berth(['import', '-c', 'CMD ["sh"]', this.busyboxTar(), reference]);
        if (r.status !== 0) throw new Error(`import busybox into ${m.name}: ${r.stderr}`);
      },
      killAgent: (signal = 'SIGTERM') => killAgent(this.store, m.index, signal),
      startAgent: () => startAgent(this.store, m.index),
      setLink: (up) => {
        const r = spawnSync('ip', ['link', 'set', m.hostVeth, up ? 'up' : 'down'], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`ip link set ${m.hostVeth}: ${r.stderr}`);
      },
    };
  }

  private busyboxTar(): string {
    const tar = path.join(this.tmp, 'busybox.tar');
    if (!fs.existsSync(tar)) {
      const r = spawnSync('tar', ['-C', sharedBusyboxRootfs(), '-cf', tar, '.'], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`tar of the busybox rootfs: ${r.stderr}`);
    }
    return tar;
  }

  /** Takes everything down; throws listing what is left with the run's tag. Once only; later calls do nothing. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    // an agent that died during the tests says why before everything goes
    for (const m of this.store.state.machines)
      if (m.agent && !isRunning(m.agent))
        console.error(
          `the agent of ${m.name} was not running at the end; its log ends:\n${logTail(m.log, 6000)}`,
        );
    const report = await withStateLock(this.stateDir, () => downCluster(this.stateDir));
    if (report.leftovers.length) throw new LeftoversError(report.leftovers); // tmp stays, to look at
    fs.rmSync(this.tmp, { recursive: true, force: true });
  }
}
