/**
 * What a machine's agent leaves behind once it is stopped — its containers'
 * processes and cgroups, their network namespaces, mounts under its roots —
 * removed through the engine's own removal paths: the runtime's delete (which
 * stops a container by the pids it recorded and removes its cgroup and state)
 * and @berth/network's deleteNetns. The engine's bridges, veths and iptables
 * rules live in the machine's netns and go with it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { deleteNetns } from '@berth/network';
import { openCgroupDriver, Runtime, type ShimLauncher } from '@berth/runtime';
import { LocalClusterError } from './errors';
import { unmountUnder } from './host';
import type { MachineRecord } from './state';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The netns the agent makes for a container (apps/agent networks.service netnsName). */
export function containerNetns(containerId: string): string {
  return `berth-${containerId.slice(0, 12)}`;
}

/** Where this machine's cgroup hierarchies are mounted, the unified one of a hybrid layout included. */
export function cgroupRoots(): string[] {
  const layout = openCgroupDriver().layout;
  if (layout.mode === 'v2') return [layout.mountPoint];
  if (layout.mode === 'none') return [];
  const roots = layout.hierarchies.map((h) => h.mountPoint);
  return layout.unifiedMountPoint ? [...roots, layout.unifiedMountPoint] : roots;
}

/** The cgroup parents an agent uses: its containers', and its builds' (images.service). */
export function cgroupParentsOf(m: MachineRecord): string[] {
  return [m.cgroupParent, `${m.cgroupParent}-build`];
}

/** Every container the agent knows of, from its data root and the runtime's state dirs. */
export function containerIdsOf(m: MachineRecord): string[] {
  const ids = new Set<string>();
  for (const dir of [path.join(m.dataRoot, 'containers'), path.join(m.execRoot, 'containers')])
    if (fs.existsSync(dir)) for (const id of fs.readdirSync(dir)) ids.add(id);
  // removed containers whose network teardown the agent journaled but had not finished when it stopped
  const teardowns = path.join(m.dataRoot, 'network', 'teardowns');
  if (fs.existsSync(teardowns))
    for (const file of fs.readdirSync(teardowns)) if (file.endsWith('.json')) ids.add(file.slice(0, -5));
  return [...ids];
}

const noShim: ShimLauncher = {
  launch() {
    throw new LocalClusterError('a machine being removed starts no containers');
  },
};

async function deleteContainers(m: MachineRecord): Promise<string[]> {
  const removed: string[] = [];
  const [containers, builds] = cgroupParentsOf(m);
  for (const [stateRoot, cgroupParent] of [
    [path.join(m.execRoot, 'containers'), containers],
    [path.join(m.execRoot, 'build'), builds],
  ]) {
    if (!fs.existsSync(stateRoot)) continue;
    const runtime = Runtime.open({ stateRoot, cgroupParent, shim: noShim });
    for (const c of runtime.list()) {
      // what delete could not stop, the cgroup sweep below does
      if (
        !(await runtime.delete(c.id, { force: true }).then(
          () => true,
          () => false,
        ))
      )
        continue;
      removed.push(`container ${c.id.slice(0, 12)} of ${m.name}${c.pid ? ` (pid ${c.pid})` : ''}`);
    }
  }
  return removed;
}

/** rmdir, retrying while the last processes leave. */
async function removeCgroupDir(dir: string): Promise<void> {
  for (let tries = 0; ; tries++) {
    try {
      fs.rmdirSync(dir);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      if (code !== 'EBUSY' || tries > 250) throw error;
      await sleep(20);
    }
  }
}

function readPids(file: string): number[] {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Removes DIR and the cgroups under it, deepest first, SIGKILLing what is still in them (only our agents' containers are). */
async function removeCgroupTree(dir: string): Promise<void> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }))
    if (entry.isDirectory()) await removeCgroupTree(path.join(dir, entry.name));
  for (const pid of readPids(path.join(dir, 'cgroup.procs')))
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  await removeCgroupDir(dir);
}

async function removeCgroups(m: MachineRecord): Promise<string[]> {
  const removed: string[] = [];
  for (const parent of cgroupParentsOf(m)) {
    const dirs = cgroupRoots()
      .map((root) => path.join(root, parent))
      .filter((dir) => fs.existsSync(dir));
    for (const dir of dirs) await removeCgroupTree(dir);
    if (dirs.length) removed.push(`cgroup ${parent} (in ${dirs.length} hierarchies)`);
  }
  return removed;
}

/** Removes what machine M's agent left (the agent must be stopped); returns what it removed. */
export async function removeEngineState(m: MachineRecord): Promise<string[]> {
  const removed = await deleteContainers(m);
  for (const id of containerIdsOf(m)) {
    const name = containerNetns(id);
    if (!fs.existsSync(`/run/netns/${name}`)) continue;
    await deleteNetns(name);
    removed.push(`netns ${name}`);
  }
  removed.push(...(await unmountUnder(m.dir)).map((point) => `mount ${point}`));
  removed.push(...(await removeCgroups(m)));
  return removed;
}
