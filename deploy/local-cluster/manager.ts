/**
 * The local cluster's control plane, as on real machines: machines 1…K are manager machines,
 * each running an etcd member and bin/berth-manager beside its agent, in its network namespace
 * (this tool is their service manager, recorded as services.etcd[-N] and services.manager[-N],
 * so `down` stops them by pid). The cluster is then made and joined through bin/berth as a person
 * would: `cluster init` on machine 1's engine, `cluster join` with the manager token on the other
 * manager machines and with the worker token on the rest.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { utsFile } from './agent';
import { LocalClusterError } from './errors';
import { spawnRecorded, unixSocketAnswers, waitUntilServing } from './processes';
import { run } from './host';
import { BERTH, BERTH_MANAGER } from './repo';
import { etcdPeerUrl, serviceReady, spawnEtcd } from './services';
import type { ClusterState, ClusterStore, MachineRecord, ServiceName, ServiceRecord } from './state';

/** DESIGN: the manager's API and the agents' sessions are on TCP 7380; etcd on 2379 and 2380. */
export const MANAGER_PORT = 7380;
/** where a manager serves the dashboard, when the cluster was made with one */
export const DASHBOARD_PORT = 7381;
const ETCD_CLIENT_PORT = 2379;
const ETCD_PEER_PORT = 2380;

export interface ManagerContext {
  /** the manager machine it runs on */
  machine: MachineRecord;
  /** host:port on the machine's fabric address */
  listen: string;
  /** every etcd member's client endpoint, comma-separated */
  etcd: string;
  redisUrl: string;
  /** The manager's own directory (unlock key, node id, log). */
  dir: string;
  /** its local socket: where the agent beside it finds it (the agent's default --manager-socket) */
  socket: string;
  /** host:port of its dashboard; '' for none */
  dashboard: string;
}

/** The state's name for manager N, or etcd member N (both run on machine N). */
export function managerName(n: number): ServiceName {
  return n === 1 ? 'manager' : `manager-${n}`;
}

export function etcdName(n: number): ServiceName {
  return n === 1 ? 'etcd' : `etcd-${n}`;
}

/** The manager machines' numbers, 1…K, as recorded. */
export function managerMachines(state: ClusterState): number[] {
  return Array.from({ length: state.managers ?? 1 }, (_, i) => i + 1);
}

function machineOf(state: ClusterState, n: number): MachineRecord {
  const m = state.machines.find((x) => x.index === n);
  if (!m)
    throw new LocalClusterError(`no machine ${n} is recorded in ${state.stateDir} to run manager ${n} on`);
  return m;
}

/** Every etcd member's client endpoint, comma-separated. */
export function etcdEndpoints(state: ClusterState): string {
  return managerMachines(state)
    .map((n) => state.services[etcdName(n)]?.endpoint)
    .filter((e): e is string => !!e)
    .join(',');
}

/** Manager N: on machine N, at its fabric address. */
export function managerContext(state: ClusterState, n = 1): ManagerContext {
  const machine = machineOf(state, n);
  return {
    machine,
    listen: `${machine.address}:${MANAGER_PORT}`,
    etcd: etcdEndpoints(state),
    redisUrl: state.services.redis!.endpoint,
    dir: path.join(state.stateDir, n === 1 ? 'manager' : `manager-${n}`),
    socket: path.join(machine.execRoot, 'manager.sock'),
    dashboard: state.dashboard ? `${machine.address}:${DASHBOARD_PORT}` : '',
  };
}

/** Where each manager serves /metrics, on its machine's address. */
export const MANAGER_METRICS_PORT = 9380;

/** The command line of bin/berth-manager for CONTEXT. */
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
    context.socket,
    '--state-dir',
    context.dir,
    // its token is made in the state dir, <dir>/dashboard.token
    ...(context.dashboard ? ['--dashboard-addr', context.dashboard] : []),
    '--metrics-addr',
    `${context.machine.address}:${MANAGER_METRICS_PORT}`,
  ];
}

/**
 * Starts the etcd members of the manager machines as one cluster, each in its machine's
 * network namespace on the machine's address, and waits until every one answers.
 */
export async function startEtcdMembers(store: ClusterStore): Promise<void> {
  const numbers = managerMachines(store.state);
  const initialCluster = numbers
    .map((n) => `${etcdName(n)}=${etcdPeerUrl(machineOf(store.state, n).address, ETCD_PEER_PORT)}`)
    .join(',');
  const records = await Promise.all(
    numbers.map(async (n) => {
      const m = machineOf(store.state, n);
      const record = await spawnEtcd({
        dir: path.join(store.dir, etcdName(n)),
        host: m.address,
        clientPort: ETCD_CLIENT_PORT,
        peerPort: ETCD_PEER_PORT,
        netns: m.netns,
        member: { name: etcdName(n), initialCluster },
      });
      store.update((s) => (s.services[etcdName(n)] = record));
      return record;
    }),
  );
  await Promise.all(records.map((r) => serviceReady('etcd', r)));
}

/** Starts manager N in its machine's namespaces, recorded, and waits until its local socket answers. */
export async function startManager(store: ClusterStore, n = 1): Promise<ServiceRecord> {
  const context = managerContext(store.state, n);
  fs.mkdirSync(context.dir, { recursive: true, mode: 0o700 });
  const log = path.join(context.dir, 'manager.log');
  const m = context.machine;
  const nsenter = [`--net=/run/netns/${m.netns}`, `--uts=${utsFile(m)}`, '--'];
  const record: ServiceRecord = {
    endpoint: context.listen,
    dir: context.dir,
    process: spawnRecorded('nsenter', [...nsenter, BERTH_MANAGER, ...managerArgs(context)], {
      log,
      marker: context.dir,
    }),
  };
  store.update((s) => (s.services[managerName(n)] = record));
  // the TLS port opens once it is one of the cluster's managers; the local socket answers from the start
  await waitUntilServing(`berth-manager of ${m.name}`, record.process!, () =>
    unixSocketAnswers(context.socket),
  );
  return record;
}

/** Starts every manager machine's etcd member and manager. */
export async function startControlPlane(store: ClusterStore, say: (line: string) => void): Promise<void> {
  await startEtcdMembers(store);
  say(`etcd: ${managerMachines(store.state).length} members (${etcdEndpoints(store.state)})`);
  for (const n of managerMachines(store.state)) {
    const context = managerContext(store.state, n);
    await startManager(store, n);
    say(
      `manager ${n}: ${context.listen} on ${context.machine.name} (log ${path.join(context.dir, 'manager.log')})`,
    );
  }
}

/**
 * Makes the cluster as a person would: `berth cluster init` on machine 1's engine (saving a CLI
 * context in CLI_CONFIG_DIR), then `berth cluster join` on every other machine's engine, with the
 * manager token on the manager machines.
 */
export async function joinMachines(
  store: ClusterStore,
  cliConfigDir: string,
  say: (line: string) => void,
): Promise<void> {
  const name = `local-${store.state.tag}`;
  const first = store.state.machines[0];
  const cli = ['--config', cliConfigDir];
  await berth([...cli, '-H', `unix://${first.socket}`, 'cluster', 'init', '--context-name', name]);
  store.update((s) => (s.cliContext = { configDir: cliConfigDir, name }));
  const token = async (role: string) =>
    (await berth([...cli, '--context', name, 'cluster', 'join-token', '-q', role])).trim();
  const tokens = { manager: await token('manager'), worker: await token('worker') };
  const managers = new Set(managerMachines(store.state));
  const firstManager = managerContext(store.state, 1).listen;
  // managers one at a time (each then serves and may take sessions), workers all at once
  for (const m of store.state.machines.slice(1).filter((x) => managers.has(x.index)))
    await berth(['-H', `unix://${m.socket}`, 'cluster', 'join', '--token', tokens.manager, firstManager]);
  await Promise.all(
    store.state.machines
      .filter((m) => !managers.has(m.index))
      .map((m) =>
        berth(['-H', `unix://${m.socket}`, 'cluster', 'join', '--token', tokens.worker, firstManager]),
      ),
  );
  say(
    `cluster: ${managers.size} manager and ${store.state.machines.length - managers.size} worker machines joined; ` +
      `CLI context "${name}" saved in ${cliConfigDir}`,
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
