/**
 * Named network namespaces (/run/netns/NAME, as `ip netns` keeps them):
 * they outlive the agent, so a restarted agent finds its containers'
 * networks where it left them.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';

export const NETNS_DIR = '/run/netns';

function ip(args: string[]): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile('ip', args, (error, _out, stderr) =>
      error ? reject(new Error(`ip ${args.join(' ')}: ${stderr.trim() || error.message}`)) : resolve(),
    ),
  );
}

export function netnsPath(name: string): string {
  return `${NETNS_DIR}/${name}`;
}

export async function createNetns(name: string): Promise<string> {
  await ip(['netns', 'add', name]);
  return netnsPath(name);
}

export async function deleteNetns(name: string): Promise<void> {
  if (!fs.existsSync(netnsPath(name))) return;
  await ip(['netns', 'delete', name]);
}
