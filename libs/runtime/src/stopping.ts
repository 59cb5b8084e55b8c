/**
 * Making a container's processes go: signalling the init and its cgroup,
 * waiting a grace period on its monitor, and clearing the cgroup after.
 */
import * as fs from 'node:fs';
import type { CgroupDriver } from './cgroups';
import { applyFsOps } from './fs-ops';
import { mountsUnder } from './plan/compile';
import { pollFor } from './poll';
import type { ContainerInfo } from './runtime-types';
import type { ShimHandle } from './shim/launcher';
import { killQuietly } from './signals';
import type { StateDir, StoredState } from './state/files';
import { isSameProcessAlive } from './state/proc';

/** The init of a create that failed, killed, and its monitor gone (SHIM: if one was started). */
export async function killCreated(dir: StateDir, shim: ShimHandle | undefined): Promise<void> {
  if (!shim) return;
  const pid = dir.readPid();
  if (pid) killQuietly(pid, 'SIGKILL');
  await shim.exit;
}

/** Signal the init and everything in its cgroup, ignoring processes already gone. */
export function killAll(cgroups: CgroupDriver, info: ContainerInfo, signal: NodeJS.Signals): void {
  const pids = cgroups.exists(info.cgroupPath) ? cgroups.processes(info.cgroupPath) : [];
  for (const pid of info.pid !== undefined ? [info.pid, ...pids] : pids) killQuietly(pid, signal);
}

/** Resolves when SHIM (a monitor this instance started) exits, or after GRACE_MS, whichever comes first. */
export async function shimExitWithin(shim: ShimHandle, graceMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(resolve, graceMs, false)));
  shim.ref();
  try {
    await Promise.race([shim.exit, timeout]);
  } finally {
    clearTimeout(timer);
    shim.unref();
  }
}

/**
 * The monitor finishes writing logs and the exit record before it goes; give it a moment, then make it go.
 * SHIM is the monitor when this instance started it; else it is found by the pid STORED.
 */
export async function monitorGone(shim: ShimHandle | undefined, stored: StoredState): Promise<void> {
  if (shim) {
    shim.ref();
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(resolve, 5000, 'timeout').unref());
    const outcome = await Promise.race([shim.exit, timeout]).finally(() => shim.unref());
    if (outcome !== 'timeout') return;
  } else if (stored.shimPid !== undefined) {
    const gone = () => !isSameProcessAlive(stored.shimPid!, stored.shimStartTime);
    if (await pollFor(gone, 5000)) return;
  }
  if (stored.shimPid !== undefined) killQuietly(stored.shimPid, 'SIGKILL');
}

/** The container's cgroup gone, with any process left in it. */
export async function removeCgroup(cgroups: CgroupDriver, cgroupPath: string): Promise<void> {
  for (const pid of cgroups.exists(cgroupPath) ? cgroups.processes(cgroupPath) : [])
    killQuietly(pid, 'SIGKILL');
  if (cgroups.exists(cgroupPath)) await cgroups.destroy(cgroupPath);
}

/**
 * A container without a mount namespace made its mounts in the host's table, under its rootfs
 * (plan/compile.ts sharedMountSteps): they come off with it, deepest first.
 */
export async function unmountShared(stored: StoredState): Promise<void> {
  if (stored.spec.linux?.namespaces?.some((ns) => ns.type === 'mount')) return;
  let rootfs: string;
  try {
    rootfs = fs.realpathSync(stored.rootfs);
  } catch {
    return; // the rootfs is gone, and whatever was mounted on it with it
  }
  const points = mountsUnder(fs.readFileSync('/proc/self/mountinfo', 'utf8'), rootfs);
  if (points.length) await applyFsOps(points.map((path) => ({ op: 'umount' as const, path })));
}
