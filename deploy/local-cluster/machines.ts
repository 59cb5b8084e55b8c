/**
 * A machine: a network namespace with a veth into the fabric bridge, an
 * address on the fabric's /24, a default route through the host, and its
 * own agent. Everything is recorded before it is made, so a machine half
 * made is removed as well as a whole one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startAgent, utsFile } from './agent';
import { removeEngineState } from './engine-state';
import { LocalClusterError, StateError } from './errors';
import { deleteLink, inNetns, ip, linkExists, netnsExists, run } from './host';
import { machinePlan, type FabricPlan } from './names';
import { stopRecorded } from './processes';
import type { ClusterStore, MachineRecord } from './state';

export { createFabric, destroyFabric } from './fabric';
export { killAgent, startAgent } from './agent';

/** Linux refuses unix socket paths longer than this. */
const MAX_SOCKET_PATH = 107;

function machineRecord(store: ClusterStore, fabric: FabricPlan, index: number): MachineRecord {
  const plan = machinePlan(store.state.tag, fabric, index);
  const dir = path.join(store.dir, plan.name);
  const execRoot = path.join(dir, 'run');
  const socket = path.join(execRoot, 'berth.sock');
  if (socket.length > MAX_SOCKET_PATH)
    throw new LocalClusterError(`${socket} is too long for a unix socket; choose a shorter --state-dir`);
  return {
    ...plan,
    dir,
    dataRoot: path.join(dir, 'data'),
    execRoot,
    socket,
    configDir: path.join(dir, 'config'),
    log: path.join(dir, 'agent.log'),
    agentFlags: [],
    agent: null,
  };
}

/** The machine's netns, with eth0 on the fabric and a default route through the host. */
async function plumb(m: MachineRecord, fabric: FabricPlan): Promise<void> {
  await ip('netns', 'add', m.netns);
  await ip('link', 'add', m.hostVeth, 'type', 'veth', 'peer', 'name', m.peerVeth);
  await ip('link', 'set', m.peerVeth, 'netns', m.netns);
  await ip('link', 'set', m.hostVeth, 'master', fabric.bridge, 'up');
  await ip('-n', m.netns, 'link', 'set', m.peerVeth, 'name', 'eth0');
  await ip('-n', m.netns, 'addr', 'add', `${m.address}/24`, 'dev', 'eth0');
  await ip('-n', m.netns, 'link', 'set', 'eth0', 'up');
  await ip('-n', m.netns, 'link', 'set', 'lo', 'up');
  await ip('-n', m.netns, 'route', 'add', 'default', 'via', fabric.gateway);
  // the machine routes for its containers (and published ports reach them)
  await inNetns(m.netns, ['sysctl', '-qw', 'net.ipv4.ip_forward=1']);
  await nameMachine(m);
}

/**
 * The machine's own UTS namespace, kept by a bind mount under its directory, so its agent
 * reports the machine's name as its hostname (a node's name in `berth node ls`).
 */
async function nameMachine(m: MachineRecord): Promise<void> {
  fs.mkdirSync(m.dir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(utsFile(m), '');
  await run('unshare', [`--uts=${utsFile(m)}`, 'hostname', m.name]);
}

/** Adds machine INDEX to the fabric and starts its agent; resolves once the agent serves. */
export async function addMachine(store: ClusterStore, index: number): Promise<MachineRecord> {
  const fabric = store.state.fabric;
  if (!fabric)
    throw new StateError(`no fabric is recorded in ${store.dir}: create it before adding machines`);
  if (store.state.machines.some((m) => m.index === index))
    throw new StateError(`machine ${index} is already recorded in ${store.dir}`);
  const m = machineRecord(store, fabric, index);
  for (const [what, taken] of [
    [`netns ${m.netns}`, netnsExists(m.netns)],
    [`link ${m.hostVeth}`, linkExists(m.hostVeth)],
  ] as const)
    if (taken)
      throw new StateError(
        `${what} exists but is not recorded in ${store.dir}: remove it, or use another tag`,
      );
  store.update((s) => s.machines.push(m));
  fs.mkdirSync(m.configDir, { recursive: true, mode: 0o700 });
  await plumb(m, fabric);
  await startAgent(store, index);
  return store.machine(index);
}

/** Stops machine INDEX's agent, removes what it left, then its veth, netns and directory; returns what it removed. */
export async function removeMachine(store: ClusterStore, index: number): Promise<string[]> {
  const m = store.machine(index);
  const removed: string[] = [];
  const agent = m.agent;
  if (await stopRecorded(agent)) removed.push(`agent of ${m.name} (pid ${agent!.pid})`);
  store.update(() => (store.machine(index).agent = null));
  removed.push(...(await removeEngineState(m)));
  if (await deleteLink(m.hostVeth)) removed.push(`veth ${m.hostVeth}`);
  if (netnsExists(m.netns)) {
    await ip('netns', 'delete', m.netns);
    removed.push(`netns ${m.netns} (with ${m.engineBridge} and the engine's iptables rules in it)`);
  }
  if (fs.existsSync(m.dir)) {
    fs.rmSync(m.dir, { recursive: true, force: true });
    removed.push(`directory ${m.dir}`);
  }
  store.update((s) => (s.machines = s.machines.filter((x) => x.index !== index)));
  return removed;
}
