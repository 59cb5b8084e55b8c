/**
 * The control plane the cluster benchmarks run on loopback (bench:cluster's throughput part,
 * bench:scale): an etcd cluster, berth-managers on it (a Redis for their rollout jobs when asked),
 * an admin client, processes of simulated agents (bench/cluster-agents), the CPU and memory each
 * group of processes uses, and etcd's own write rate beside them. Everything started here is
 * stopped by its pid in stop(); the temporary directory (logs, data) is kept when the run failed.
 *
 * BENCH_CPU_PROF=DIR: the managers run under --cpu-prof and write a V8 CPU profile there when
 * they stop (flame graphs); stop() waits for them to exit so the profile is complete.
 * BENCH_KEEP=1: the temporary directory is kept even when the run succeeded (the logs, etcd's data).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultServiceSpec } from '@berth/cluster';
import { CLUSTER_SERVICE, GrpcClient } from '@berth/proto';
import { Store, type Write } from '@berth/store';
import {
  etcdPeerUrl,
  freePort,
  logTail,
  serviceReady,
  spawnEtcd,
  spawnRecorded,
  spawnRedis,
  stopRecorded,
  BERTH_MANAGER,
  REPO,
  type ProcessRecord,
  type ServiceRecord,
} from '../deploy/local-cluster';
import { until } from '../test/support/until';
import { processCpu } from './cpu';

const NAME = { what: 'the manager', hint: '' };
const PROFILE_DIR = process.env.BENCH_CPU_PROF;

/**
 * etcd's own rate for N puts in 100-put transactions of task-sized values, through libs/store,
 * under a key prefix of its own (no manager sees them), which is deleted afterwards.
 */
export async function etcdPutRate(endpoints: string[], n: number): Promise<number> {
  const root = '/berth-bench-probe/';
  const store = await Store.connect({ endpoints, root });
  try {
    const spec = defaultServiceSpec('probe', 'busybox');
    const writes: Write[] = Array.from({ length: n }, (_, i) => ({
      op: 'create',
      kind: 'services',
      object: {
        id: `probe${i}`,
        meta: { version: 0, createdAt: 0, updatedAt: 0 },
        spec,
        specVersion: 1,
        previousSpec: null,
      },
    }));
    const start = performance.now();
    for (let i = 0; i < n; i += 100) await store.commit(writes.slice(i, i + 100));
    const rate = n / ((performance.now() - start) / 1000);
    await store.client.delete().prefix(root);
    return rate;
  } finally {
    store.close();
  }
}

/** Resident memory of PID in MiB (VmRSS), or NaN once it is gone. */
export function rssMiB(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}

/** CPU seconds each named group of processes used so far; a process that died counts what it last had. */
export class CpuMeter {
  private readonly last = new Map<number, number>();

  /** GROUPS is asked at each read: a process started since counts from its start */
  constructor(private readonly groups: () => Record<string, number[]>) {}

  read(): Record<string, number> {
    const seconds = (pid: number) => {
      const own = processCpu(pid)?.own ?? this.last.get(pid) ?? 0;
      this.last.set(pid, own);
      return own;
    };
    return Object.fromEntries(
      Object.entries(this.groups()).map(([group, pids]) => [
        group,
        pids.reduce((n, pid) => n + seconds(pid), 0),
      ]),
    );
  }
}

/** AFTER − BEFORE per group. */
export function cpuUsed(
  before: Record<string, number>,
  after: Record<string, number>,
): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]));
}

export interface ControlPlaneOptions {
  /** names the temporary directory: berth-bench-NAME-… */
  name: string;
  /** berth-managers, and etcd members (as many) */
  managers: number;
  /** the managers' --heartbeat-grace (a duration: 15s, 3s) */
  heartbeatGrace: string;
  /** etcd's --quota-backend-bytes; default etcd's own, 2 GiB */
  etcdQuotaBytes?: number;
  /** a Redis for the managers' rollout jobs (needed for rolling updates) */
  redis?: boolean;
}

/** One process of simulated agents: COUNT nodes named PREFIX-i, in session with manager MANAGER (0-based). */
export interface AgentGroup {
  count: number;
  prefix: string;
  manager: number;
  /** joins in flight at once in that process */
  joinConcurrency?: number;
}

export interface AgentProcess extends AgentGroup {
  child: ChildProcess;
  log: string;
}

export class ControlPlane {
  readonly dir: string;
  members: ServiceRecord[] = [];
  redis: ServiceRecord | null = null;
  managers: ProcessRecord[] = [];
  /** host:port of each manager's TLS listener */
  addrs: string[] = [];
  agents: AgentProcess[] = [];
  workerToken = '';
  adminTls: { ca: string; cert: string; key: string } | null = null;
  private apiClient: GrpcClient<typeof CLUSTER_SERVICE> | null = null;

  constructor(readonly options: ControlPlaneOptions) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `berth-bench-${options.name}-`));
    // interrupted (Ctrl-C, a CI's timeout): everything started is stopped all the same
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => {
        console.error(`\n${signal}: stopping what the benchmark started`);
        void this.stop(false).finally(() => process.exit(130));
      });
  }

  get etcdEndpoints(): string[] {
    return this.members.map((m) => m.endpoint);
  }

  /** The admin client the benchmark drives the cluster with (manager 1). */
  get api(): GrpcClient<typeof CLUSTER_SERVICE> {
    if (!this.apiClient) throw new Error('the control plane is not started');
    return this.apiClient;
  }

  /** Another admin client, on a connection of its own, to manager N (0-based). */
  adminClient(n = 0): GrpcClient<typeof CLUSTER_SERVICE> {
    if (!this.adminTls) throw new Error('the control plane is not started');
    return new GrpcClient(CLUSTER_SERVICE, { address: this.addrs[n], tls: this.adminTls }, NAME);
  }

  /** etcd, Redis (if asked), manager 1 with `cluster init`, the other managers; all serving. */
  async start(): Promise<void> {
    const n = this.options.managers;
    await this.startEtcdCluster();
    if (this.options.redis) {
      this.redis = await spawnRedis({ dir: path.join(this.dir, 'redis') });
      await serviceReady('redis-server', this.redis);
    }
    for (let i = 1; i <= n; i++) this.addrs.push(`127.0.0.1:${await freePort()}`);
    this.managers.push(this.spawnManager(1));
    const socket = path.join(this.dir, 'manager-1', 'manager.sock');
    await until('the manager', () => fs.existsSync(socket), Boolean, 20_000, 100);
    const local = new GrpcClient(CLUSTER_SERVICE, { socket }, NAME);
    const init = await local.call('Init', { advertiseAddr: this.addrs[0] });
    await local.close();
    this.workerToken = init.workerToken;
    // the other managers, with the first's unlock key (as the agent beside each would hand it over)
    for (let i = 2; i <= n; i++) {
      const own = path.join(this.dir, `manager-${i}`);
      fs.mkdirSync(own, { recursive: true, mode: 0o700 });
      fs.copyFileSync(path.join(this.dir, 'manager-1', 'unlock.key'), path.join(own, 'unlock.key'));
      this.managers.push(this.spawnManager(i));
    }
    const client = init.client!;
    this.adminTls = { ca: client.caPem, cert: client.certPem, key: client.keyPem };
    this.apiClient = this.adminClient(0);
    await until(
      `${n} managers serving`,
      async () => (await this.api.call('ListManagers', { filters: {} })).addresses.length,
      (serving) => serving === n,
      30_000,
      100,
    );
  }

  /** One etcd member beside each manager, on loopback, as one cluster, answering. */
  private async startEtcdCluster(): Promise<void> {
    const ports = [];
    for (let i = 1; i <= this.options.managers; i++)
      ports.push({ client: await freePort(), peer: await freePort() });
    const initialCluster = ports.map((p, i) => `e${i + 1}=${etcdPeerUrl('127.0.0.1', p.peer)}`).join(',');
    for (const [i, p] of ports.entries())
      this.members.push(
        await spawnEtcd({
          dir: path.join(this.dir, `etcd-${i + 1}`),
          clientPort: p.client,
          peerPort: p.peer,
          member: { name: `e${i + 1}`, initialCluster },
          quotaBackendBytes: this.options.etcdQuotaBytes,
        }),
      );
    await Promise.all(this.members.map((m) => serviceReady('etcd', m)));
  }

  /** Manager N (1-based) on its own port, socket and state dir. */
  private spawnManager(n: number): ProcessRecord {
    const own = path.join(this.dir, `manager-${n}`);
    fs.mkdirSync(own, { recursive: true, mode: 0o700 });
    return spawnRecorded(
      PROFILE_DIR ? process.execPath : BERTH_MANAGER,
      [
        ...(PROFILE_DIR
          ? // profile-exit: the signal Nest raises again after its shutdown becomes an exit, so V8 writes the profile
            [
              '--cpu-prof',
              `--cpu-prof-dir=${PROFILE_DIR}`,
              '-r',
              path.join(REPO, 'dist/bench/profile-exit.js'),
              BERTH_MANAGER,
            ]
          : []),
        '--etcd',
        this.etcdEndpoints.join(','),
        ...(this.redis ? ['--redis', this.redis.endpoint] : []),
        '--listen',
        this.addrs[n - 1],
        '--socket',
        path.join(own, 'manager.sock'),
        '--state-dir',
        own,
        '--heartbeat-grace',
        this.options.heartbeatGrace,
        '-l',
        'warn',
      ],
      { log: path.join(own, 'manager.log'), marker: own },
    );
  }

  /** Starts a process of simulated agents per group, and waits until each says its sessions are up. */
  async startAgents(groups: AgentGroup[]): Promise<void> {
    const started = groups.map((group, p) => {
      const log = path.join(this.dir, `agents-${this.agents.length + p + 1}.log`);
      const err = fs.openSync(log, 'a');
      const child = spawn(
        process.execPath,
        [
          path.join(REPO, 'dist/bench/cluster-agents.js'),
          this.addrs[group.manager],
          this.workerToken,
          String(group.count),
          group.prefix,
          String(group.joinConcurrency ?? 25),
        ],
        { stdio: ['ignore', 'pipe', err] },
      );
      fs.closeSync(err);
      const agents = { ...group, child, log };
      this.agents.push(agents);
      return agents;
    });
    await Promise.all(
      started.map(
        ({ child, log }) =>
          new Promise<void>((resolve, reject) => {
            child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
            child.once('exit', (code, signal) =>
              reject(new Error(`simulated agents exited (${code ?? signal}): ${logTail(log, 1000)}`)),
            );
          }),
      ),
    );
  }

  /** Waits until ListNodes says COUNT nodes are ready; polls every EVERY_MS. */
  async waitForReadyNodes(count: number, timeoutMs: number, everyMs = 100): Promise<void> {
    await until(
      `${count} ready nodes`,
      async () =>
        (await this.api.call('ListNodes', { filters: {} })).json
          .map((j) => JSON.parse(j) as { status: { state: string } })
          .filter((n) => n.status.state === 'ready').length,
      (ready) => ready === count,
      timeoutMs,
      everyMs,
    ).catch((error: Error) => {
      throw new Error(`${error.message} (the managers' logs are in ${this.dir})`);
    });
  }

  /**
   * What the managers and etcd members logged (warnings and errors: they run at -l warn and
   * --log-level=warn): per process, how many lines, and the most frequent messages with ids elided.
   */
  logDigest(top = 5): string[] {
    const logs = [
      ...this.managers.map((m, i) => [`manager ${i + 1}`, m.log]),
      ...this.members.map((m, i) => [`etcd ${i + 1}`, m.process!.log]),
    ];
    return logs.flatMap(([who, log]) => {
      const counts = new Map<string, number>();
      const text = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
      for (const line of text.split('\n').filter(Boolean)) {
        let message = line;
        try {
          const record = JSON.parse(line) as { level?: string; msg?: string };
          message = `${record.level ?? '?'}: ${record.msg ?? line}`;
        } catch {
          // not JSON (a stack trace's line): counted as it is
        }
        message = message.replace(/\b[0-9a-z]{16,}\b/g, '…').replace(/\d+(\.\d+)?(ms|s)\b/g, 'N$2');
        counts.set(message, (counts.get(message) ?? 0) + 1);
      }
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      const most = [...counts].sort((a, b) => b[1] - a[1]).slice(0, top);
      return [`${who}: ${total} lines`, ...most.map(([m, n]) => `    ${n} × ${m.slice(0, 200)}`)];
    });
  }

  /** The pids of each group: managers (and each), etcd, simulated agents, this process. */
  pidGroups(): Record<string, number[]> {
    return {
      managers: this.managers.map((m) => m.pid),
      ...Object.fromEntries(this.managers.map((m, i) => [`manager ${i + 1}`, [m.pid]])),
      etcd: this.members.map((m) => m.process!.pid),
      agents: this.agents.map((a) => a.child.pid!),
      bench: [process.pid],
    };
  }

  /**
   * Stops everything it started, by pid: agents, managers (waiting for each to exit, so a CPU
   * profile is written whole), Redis, etcd. Removes the directory when SUCCEEDED; else keeps it
   * and says where.
   */
  async stop(succeeded: boolean): Promise<void> {
    await this.apiClient?.close().catch(() => undefined);
    await Promise.all(this.agents.map(({ child }) => stopChild(child)));
    // a profiled manager writes its profile as it exits: give it time beyond its own 10 s stop
    await Promise.all(this.managers.map((m) => stopRecorded(m, PROFILE_DIR ? 120_000 : 15_000)));
    await stopRecorded(this.redis?.process ?? null);
    await Promise.all(this.members.map((m) => stopRecorded(m.process)));
    if (PROFILE_DIR) console.log(`CPU profiles of the managers: ${PROFILE_DIR}`);
    if (succeeded && !process.env.BENCH_KEEP) fs.rmSync(this.dir, { recursive: true, force: true });
    else console.error(`kept for its logs (managers, etcd, agents): ${this.dir}`);
  }
}

/** SIGKILL to a child of this process that has not exited, and its exit awaited. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  return exited;
}
