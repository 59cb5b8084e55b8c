/**
 * The local cluster's state file: every process, netns, link, directory,
 * cgroup and iptables rule the cluster made, written down before it is made,
 * so that `down` (from any process) removes exactly that and nothing else.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StateError } from './errors';
import type { FabricPlan, MachinePlan } from './names';

export const DEFAULT_STATE_DIR = '/var/lib/berth-local';
const STATE_FILE = 'cluster.json';
const LOCK_FILE = 'lock';

/** A process we started: signalled only while pid, start time and command line still match. */
export interface ProcessRecord {
  pid: number;
  /** Field 22 of /proc/PID/stat: tells our process from a later one with a recycled pid. */
  startTime: number;
  /** A string its command line contains (one of its own paths). */
  marker: string;
  log: string;
}

export interface IptablesRule {
  table: 'filter' | 'nat';
  chain: string;
  /** The rule's match and target, as after `-A CHAIN`. */
  spec: string[];
  /** Put first in the chain (-I) rather than last (-A). */
  first: boolean;
}

export interface FabricRecord extends FabricPlan {
  rules: IptablesRule[];
  /** net.ipv4.ip_forward was 0 and we set it (outbound only): down sets it back. */
  ipForwardSet: boolean;
}

export interface MachineRecord extends MachinePlan {
  dir: string;
  dataRoot: string;
  execRoot: string;
  socket: string;
  /** BERTH_CONFIG for bin/berth against this machine. */
  configDir: string;
  log: string;
  /** Flags the agent gets beyond its roots and networks (the manager's join, when there is one); kept across restarts. */
  agentFlags: string[];
  agent: ProcessRecord | null;
}

export interface ServiceRecord {
  /** host:port (etcd, the manager) or redis://host:port. */
  endpoint: string;
  dir: string;
  process: ProcessRecord | null;
  /** etcd's peer URL */
  peer?: string;
  /** how it was started (program first): a fault test starts it again the same way */
  command?: string[];
}

/**
 * `manager` and `etcd` run on machine 1 (its manager ran `cluster init`); `manager-N` and
 * `etcd-N` on machine N.
 */
export type ServiceName = 'etcd' | `etcd-${number}` | 'redis' | 'manager' | `manager-${number}`;

export interface ClusterState {
  version: 1;
  tag: string;
  stateDir: string;
  createdAt: string;
  /** Machines may reach beyond the fabric (masquerade through the host). */
  outbound: boolean;
  fabric: FabricRecord | null;
  machines: MachineRecord[];
  /** machines 1…managers are manager machines (an etcd member and a manager each) */
  managers?: number;
  /** the managers serve the dashboard on their machine's address, DASHBOARD_PORT */
  dashboard?: boolean;
  services: Partial<Record<ServiceName, ServiceRecord>>;
  /** The CLI context `up` saved for this cluster (removed by `down`). */
  cliContext: { configDir: string; name: string } | null;
}

export class ClusterStore {
  private constructor(
    readonly dir: string,
    private current: ClusterState,
  ) {}

  static file(dir: string): string {
    return path.join(dir, STATE_FILE);
  }

  static exists(dir: string): boolean {
    return fs.existsSync(ClusterStore.file(dir));
  }

  /** A new, empty record; refused while another cluster is recorded in DIR. */
  static create(dir: string, init: { tag: string; outbound: boolean }): ClusterStore {
    const stateDir = path.resolve(dir);
    if (ClusterStore.exists(stateDir)) {
      const tag = ClusterStore.open(stateDir).state.tag;
      throw new StateError(
        `a local cluster (tag ${tag}) is already recorded in ${stateDir}: take it down first (npm run down -- --state-dir ${stateDir})`,
      );
    }
    fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
    const state: ClusterState = {
      version: 1,
      tag: init.tag,
      stateDir,
      createdAt: new Date().toISOString(),
      outbound: init.outbound,
      fabric: null,
      machines: [],
      services: {},
      cliContext: null,
    };
    const store = new ClusterStore(stateDir, state);
    store.write();
    return store;
  }

  static open(dir: string): ClusterStore {
    const stateDir = path.resolve(dir);
    let text: string;
    try {
      text = fs.readFileSync(ClusterStore.file(stateDir), 'utf8');
    } catch {
      throw new StateError(`no local cluster is recorded in ${stateDir} (no ${STATE_FILE}); nothing to do`);
    }
    const state = JSON.parse(text) as ClusterState;
    if (state.version !== 1)
      throw new StateError(
        `${ClusterStore.file(stateDir)}: version ${state.version} is not one this code reads`,
      );
    return new ClusterStore(stateDir, state);
  }

  get state(): Readonly<ClusterState> {
    return this.current;
  }

  /** Change the record and write it at once (before the change is made on the machine). */
  update(change: (state: ClusterState) => void): void {
    change(this.current);
    this.write();
  }

  machine(index: number): MachineRecord {
    const m = this.current.machines.find((x) => x.index === index);
    if (!m) throw new StateError(`machine ${index} is not recorded in ${this.dir}`);
    return m;
  }

  /** The record is gone: everything in it was removed. */
  delete(): void {
    fs.rmSync(ClusterStore.file(this.dir), { force: true });
  }

  private write(): void {
    const file = ClusterStore.file(this.dir);
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, `${JSON.stringify(this.current, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(temp, file);
  }
}

/** Runs WORK while holding DIR's lock, so one `up` or `down` at a time works on a state dir. */
export async function withStateLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const lock = path.join(dir, LOCK_FILE);
  takeLock(lock);
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { force: true });
    if (!ClusterStore.exists(dir)) removeIfEmpty(dir);
  }
}

function removeIfEmpty(dir: string): void {
  try {
    fs.rmdirSync(dir);
  } catch {
    // not empty: what else is in it is not ours to remove
  }
}

function takeLock(lock: string): void {
  for (;;) {
    try {
      fs.writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(fs.readFileSync(lock, 'utf8').trim());
    if (holder && fs.existsSync(`/proc/${holder}`))
      throw new StateError(
        `process ${holder} is working on ${path.dirname(lock)} (${lock}); wait for it to finish`,
      );
    fs.rmSync(lock, { force: true }); // its holder is gone
  }
}
