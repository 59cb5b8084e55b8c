/**
 * A whole local cluster — the fabric, Redis, N machines, of which the first
 * K are manager machines (an etcd member and a manager each) — brought up from a state dir and taken down
 * from it, by this process or any other. `npm run up`/`down` and the
 * end-to-end tests' ClusterHarness both go through here.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { containerIdsOf } from './engine-state';
import { LocalClusterError } from './errors';
import { createFabric, destroyFabric } from './fabric';
import { findLeftovers } from './leftovers';
import { addMachine, removeMachine } from './machines';
import { removeDemoFiles } from './demo';
import { forgetCliContext, joinMachines, startControlPlane } from './manager';
import { checkManagerCount, checkMachineCount, checkTag } from './names';
import { preferredPort } from './processes';
import { serviceReady, spawnRedis, stopService } from './services';
import { ClusterStore, type ClusterState, type ProcessRecord, type ServiceName } from './state';

export interface UpOptions {
  stateDir: string;
  machines: number;
  /** machines 1…managers run an etcd member and a manager beside their agent (default 1) */
  managers?: number;
  /** the managers serve the dashboard (berth-manager --dashboard-addr) on DASHBOARD_PORT */
  dashboard?: boolean;
  tag: string;
  /** Machines may reach beyond the host (to pull images): masquerade through it. */
  outbound: boolean;
  /** The candidate /24 the fabric tries first (see names.ts pickFabricSubnet). */
  subnetStart: number;
  /** Redis's port when free (DESIGN's 6379 for `up`); else, and by default, any free port. */
  ports?: { redis?: number };
  say?: (line: string) => void;
  /** Where the CLI context for this cluster is saved (bin/berth --config); default ~/.berth. */
  cliConfigDir?: string;
}

export interface DownReport {
  removed: string[];
  /** What is still there afterwards (see leftovers.ts); empty after a clean teardown. */
  leftovers: string[];
}

/** Redis on the fabric's gateway, where the manager machines reach the host. */
async function startRedis(store: ClusterStore, ports: UpOptions['ports'] = {}): Promise<void> {
  const redis = await spawnRedis({
    dir: path.join(store.dir, 'redis'),
    host: store.state.fabric!.gateway,
    port: await preferredPort(ports.redis),
  });
  store.update((s) => (s.services.redis = redis));
  await serviceReady('redis-server', redis);
}

/** Waits for every task, then throws the first failure (so nothing is still being made when the caller cleans up). */
async function settleAll(tasks: Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(tasks)).find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
}

/** Brings a cluster up; on any failure removes what it had made and rethrows. */
export async function upCluster(options: UpOptions): Promise<ClusterState> {
  const say = options.say ?? (() => undefined);
  checkMachineCount(options.machines);
  const managers = checkManagerCount(options.managers ?? 1, options.machines);
  const store = ClusterStore.create(options.stateDir, {
    tag: checkTag(options.tag),
    outbound: options.outbound,
  });
  store.update((s) => ((s.managers = managers), (s.dashboard = options.dashboard ?? false)));
  try {
    await createFabric(store, options.subnetStart);
    const indexes = Array.from({ length: options.machines }, (_, i) => i + 1);
    await settleAll([startRedis(store, options.ports), ...indexes.map((i) => addMachine(store, i))]);
    await startControlPlane(store, say);
    await joinMachines(store, options.cliConfigDir ?? path.join(os.homedir(), '.berth'), say);
    return store.state;
  } catch (error) {
    say('up failed; removing what it made');
    await takeDown(store).catch((e: unknown) => say((e as Error).message));
    throw error;
  }
}

async function removeService(store: ClusterStore, name: ServiceName): Promise<string[]> {
  const service = store.state.services[name];
  if (!service) return [];
  const removed: string[] = [];
  if (await stopService(service)) removed.push(`${name} (pid ${service.process!.pid}, ${service.endpoint})`);
  if (fs.existsSync(service.dir)) {
    fs.rmSync(service.dir, { recursive: true, force: true });
    removed.push(`directory ${service.dir}`);
  }
  store.update((s) => delete s.services[name]);
  return removed;
}

/** Runs every step even when some fail; throws them together at the end. */
async function steps(work: (() => Promise<string[]>)[], removed: string[]): Promise<void> {
  const failures: string[] = [];
  for (const step of work) {
    try {
      removed.push(...(await step()));
    } catch (error) {
      failures.push((error as Error).message);
    }
  }
  if (failures.length)
    throw new LocalClusterError(
      `teardown failed; the state file keeps what is left, so run down again:\n  ${failures.join('\n  ')}`,
    );
}

/** All machines at once; each is removed as far as it goes even when another fails. */
async function removeMachines(store: ClusterStore): Promise<string[]> {
  const results = await Promise.allSettled(store.state.machines.map((m) => removeMachine(store, m.index)));
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed.length) throw new LocalClusterError(failed.map((r) => (r.reason as Error).message).join('\n  '));
  return results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
}

function processesOf(state: ClusterState): ProcessRecord[] {
  const services = Object.values(state.services).map((s) => s?.process ?? null);
  return [...services, ...state.machines.map((m) => m.agent)].filter((p): p is ProcessRecord => p !== null);
}

/** The recorded services whose name starts with PREFIX (manager, manager-2, …). */
function servicesNamed(store: ClusterStore, prefix: string): ServiceName[] {
  return (Object.keys(store.state.services) as ServiceName[]).filter((name) => name.startsWith(prefix));
}

async function takeDown(store: ClusterStore): Promise<DownReport> {
  const state = structuredClone(store.state) as ClusterState;
  const containerIds = state.machines.flatMap(containerIdsOf);
  const removed: string[] = [];
  await steps(
    [
      () => forgetCliContext(store),
      ...servicesNamed(store, 'manager').map((name) => () => removeService(store, name)),
      ...servicesNamed(store, 'etcd').map((name) => () => removeService(store, name)),
      () => removeMachines(store),
      () => destroyFabric(store),
      () => removeService(store, 'redis'),
      () => removeDemoFiles(store.state),
    ],
    removed,
  );
  const leftovers = await findLeftovers({
    tag: state.tag,
    stateDir: state.stateDir,
    containerIds,
    subnet: state.fabric?.subnet,
    processes: processesOf(state),
  });
  store.delete();
  return { removed, leftovers };
}

/** Takes down the cluster recorded in STATE_DIR, from this process or another. */
export async function downCluster(stateDir: string): Promise<DownReport> {
  return takeDown(ClusterStore.open(stateDir));
}
