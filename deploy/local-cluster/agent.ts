/**
 * A machine's agent: bin/berthd run inside the machine's network and UTS
 * namespaces (nsenter --net --uts only: it keeps the host's mounts and cgroup
 * tree, so what it mounts and the netns it makes for containers are the
 * host's to see; the UTS namespace gives it the machine's hostname), with
 * the machine's own roots, socket, bridge, subnets and cgroup parent.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LocalClusterError } from './errors';
import { isRunning, signalAndWait, spawnRecorded, unixSocketAnswers, waitUntilServing } from './processes';
import { BERTHD, checkBuilt } from './repo';
import type { ClusterStore, MachineRecord } from './state';

/** The machine's UTS namespace, bind-mounted in its directory (its hostname is the machine's name). */
export function utsFile(m: Pick<MachineRecord, 'dir'>): string {
  return path.join(m.dir, 'uts');
}

/** Where each machine's agent serves /metrics, on the machine's address (as dockerd's usual port). */
export const AGENT_METRICS_PORT = 9323;

export function agentArgs(m: MachineRecord): string[] {
  return [
    '--data-root',
    m.dataRoot,
    '--exec-root',
    m.execRoot,
    '-H',
    `unix://${m.socket}`,
    '--bridge',
    m.engineBridge,
    '--bip',
    m.bip,
    '--network-pool',
    m.networkPool,
    '--cgroup-parent',
    m.cgroupParent,
    '--log-level',
    'info',
    '--metrics-addr',
    `${m.address}:${AGENT_METRICS_PORT}`,
    ...m.agentFlags,
  ];
}

/** Starts machine INDEX's agent (again: same roots, so it restores its containers) and waits until it serves. */
export async function startAgent(store: ClusterStore, index: number): Promise<void> {
  checkBuilt();
  const m = store.machine(index);
  if (m.agent && isRunning(m.agent))
    throw new LocalClusterError(`the agent of ${m.name} already runs (pid ${m.agent.pid}); kill it first`);
  fs.appendFileSync(m.log, `--- berthd starting at ${new Date().toISOString()}\n`);
  const uts = utsFile(m);
  const args = [
    `--net=/run/netns/${m.netns}`,
    ...(fs.existsSync(uts) ? [`--uts=${uts}`] : []),
    '--',
    BERTHD,
    ...agentArgs(m),
  ];
  const agent = spawnRecorded('nsenter', args, { log: m.log, marker: m.dataRoot });
  store.update(() => (store.machine(index).agent = agent));
  await waitUntilServing(`berthd of ${m.name}`, agent, () => unixSocketAnswers(m.socket));
}

/** Sends SIGNAL to machine INDEX's agent and waits until it has exited; its containers stay. */
export async function killAgent(
  store: ClusterStore,
  index: number,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  const m = store.machine(index);
  if (!m.agent || !isRunning(m.agent)) throw new LocalClusterError(`the agent of ${m.name} is not running`);
  if (!(await signalAndWait(m.agent, signal, 15_000)))
    throw new LocalClusterError(
      `the agent of ${m.name} (pid ${m.agent.pid}) still runs 15 s after ${signal}; send SIGKILL`,
    );
  store.update(() => (store.machine(index).agent = null));
}
