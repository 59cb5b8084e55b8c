/**
 * Named network namespaces (/run/netns/NAME, as `ip netns` keeps them):
 * they outlive the agent, so a restarted agent finds its containers'
 * networks where it left them.
 */
import { runChecked, runDirect, type RunProgram } from '@berth/process';
import * as fs from 'node:fs';

export const NETNS_DIR = '/run/netns';

export function netnsPath(name: string): string {
  return `${NETNS_DIR}/${name}`;
}

export async function createNetns(name: string, run: RunProgram = runDirect): Promise<string> {
  await runChecked(run, ['ip', 'netns', 'add', name]);
  return netnsPath(name);
}

export async function deleteNetns(name: string, run: RunProgram = runDirect): Promise<void> {
  if (!fs.existsSync(netnsPath(name))) return;
  await runChecked(run, ['ip', 'netns', 'delete', name]);
}

/** Moves a mount to a new path: bind what is mounted on FROM onto the file TO, then detach FROM (the agent's is `berth-shim rebind`). */
export type Rebind = (from: string, to: string) => Promise<void>;

/**
 * Gives the namespace named FROM the name TO, as `ip netns` cannot: TO becomes a bind mount of it,
 * then FROM is unmounted (lazily, as `ip netns delete` does) and removed.
 */
export async function renameNetns(from: string, to: string, rebind: Rebind): Promise<string> {
  const target = netnsPath(to);
  fs.writeFileSync(target, '', { flag: 'wx', mode: 0 });
  try {
    await rebind(netnsPath(from), target);
  } catch (error) {
    fs.rmSync(target, { force: true });
    throw error;
  }
  fs.rmSync(netnsPath(from), { force: true });
  return target;
}
