/**
 * The local cluster's control plane: bin/berth-manager on the fabric's gateway (recorded as
 * services.manager, so `down` stops it by pid), then the cluster made and joined through
 * bin/berth as a person would make it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnRecorded, unixSocketAnswers, waitUntilServing } from './processes';
import { run } from './host';
import { BERTH, BERTH_MANAGER } from './repo';
import type { ClusterState, ClusterStore, ServiceName, ServiceRecord } from './state';

/** DESIGN: the manager's API and the agents' sessions are on TCP 7380. */
export const MANAGER_PORT = 7380;

export interface ManagerContext {
  /** host:port on the fabric bridge's address: machines reach the host there. */
  listen: string;
  etcd: string;
  redisUrl: string;
  /** The manager's own directory (certificates, log). */
  dir: string;
}

/** Manager N (1: the first; 2, 3, …: added beside it, each on the next port). */
export function managerContext(state: ClusterState, n = 1): ManagerContext {
  return {
    listen: `${state.fabric!.gateway}:${MANAGER_PORT + n - 1}`,
    etcd: state.services.etcd!.endpoint,
    redisUrl: state.services.redis!.endpoint,
    dir: path.join(state.stateDir, n === 1 ? 'manager' : `manager-${n}`),
  };
}

/** The state's name for manager N. */
export function managerName(n: number): ServiceName {
  return n === 1 ? 'manager' : `manager-${n}`;
}

/** The command line of bin/berth-manager for CONTEXT: the fabric's gateway is what machines reach. */
export function managerArgs(context: ManagerContext): string[] {
  return [
    '--etcd',
    context.etcd,
    '--redis',
    context.redisUrl,
    '--listen',
    context.listen,
    '--advertise-addr',
    context.listen,
    '--socket',
    managerSocket(context),
    '--state-dir',
    context.dir,
  ];
}

export function managerSocket(context: Pick<ManagerContext, 'dir'>): string {
  return path.join(context.dir, 'manager.sock');
}

/** Starts bin/berth-manager with ARGS, recorded as services.manager, and waits until it listens. */
export async function launchManager(
  store: ClusterStore,
  context: ManagerContext,
  args: string[],
  name: ServiceName = 'manager',
): Promise<ServiceRecord> {
  fs.mkdirSync(context.dir, { recursive: true, mode: 0o700 });
  const log = path.join(context.dir, 'manager.log');
  const record: ServiceRecord = {
    endpoint: context.listen,
    dir: context.dir,
    process: spawnRecorded(BERTH_MANAGER, args, { log, marker: context.dir }),
  };
  store.update((s) => (s.services[name] = record));
  // the TLS port opens once a cluster exists; the local socket answers from the start
  await waitUntilServing('berth-manager', record.process!, () => unixSocketAnswers(managerSocket(context)));
  return record;
}

/**
 * Starts manager N (from 2) beside the first, on the same etcd and Redis, with a copy of the
 * first's unlock key (every manager needs it to open the CA and secrets), on the next port.
 */
export async function startExtraManager(store: ClusterStore, n: number): Promise<ServiceRecord> {
  const context = managerContext(store.state, n);
  fs.mkdirSync(context.dir, { recursive: true, mode: 0o700 });
  const key = path.join(managerContext(store.state).dir, 'unlock.key');
  fs.copyFileSync(key, path.join(context.dir, 'unlock.key'));
  fs.chmodSync(path.join(context.dir, 'unlock.key'), 0o600);
  return launchManager(store, context, managerArgs(context), managerName(n));
}

/** Starts the manager on the fabric's gateway address. */
export async function startManager(store: ClusterStore, say: (line: string) => void): Promise<ServiceRecord> {
  const context = managerContext(store.state);
  const record = await launchManager(store, context, managerArgs(context));
  say(`manager: ${context.listen} (log ${path.join(context.dir, 'manager.log')})`);
  return record;
}

/**
 * Makes the cluster as a person would: `berth cluster init` on the manager's socket (saving a
 * CLI context in CLI_CONFIG_DIR), then `berth cluster join` on every machine's engine.
 */
export async function joinMachines(
  store: ClusterStore,
  manager: ServiceRecord,
  cliConfigDir: string,
  say: (line: string) => void,
): Promise<void> {
  const context = managerContext(store.state);
  const name = `local-${store.state.tag}`;
  await berth([
    '--config',
    cliConfigDir,
    'cluster',
    'init',
    '--manager-socket',
    managerSocket(context),
    '--context-name',
    name,
  ]);
  store.update((s) => (s.cliContext = { configDir: cliConfigDir, name }));
  const token = (
    await berth(['--config', cliConfigDir, '--context', name, 'cluster', 'join-token', '-q', 'worker'])
  ).trim();
  await Promise.all(
    store.state.machines.map((m) =>
      berth(['-H', `unix://${m.socket}`, 'cluster', 'join', '--token', token, manager.endpoint]),
    ),
  );
  say(
    `cluster: ${store.state.machines.length} machines joined; CLI context "${name}" saved in ${cliConfigDir}`,
  );
}

/** Removes the CLI context `up` saved, if it is still there. */
export async function forgetCliContext(store: ClusterStore): Promise<string[]> {
  const saved = store.state.cliContext;
  if (!saved) return [];
  const file = path.join(saved.configDir, 'contexts', `${saved.name}.json`);
  store.update((s) => (s.cliContext = null));
  if (!fs.existsSync(file)) return [];
  await berth(['--config', saved.configDir, 'context', 'rm', saved.name]);
  return [`CLI context ${saved.name}`];
}

function berth(args: string[]): Promise<string> {
  return run(BERTH, args);
}
