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
