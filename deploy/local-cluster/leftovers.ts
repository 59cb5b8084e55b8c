/**
 * What a cluster left on the host after its teardown: network namespaces,
 * links, mounts, cgroups, processes and iptables rules that carry its tag or
 * live under its state dir. An empty list is a clean teardown.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cgroupRoots, containerNetns } from './engine-state';
import { mountsUnder, tryRun } from './host';
import { clusterPrefix } from './names';
import { isRunning } from './processes';
import type { ProcessRecord } from './state';

export interface LeftoverScope {
  tag: string;
  stateDir: string;
  /** The containers the cluster's agents had (their netns are named after them, not the tag). */
  containerIds: readonly string[];
  /** The fabric's subnet, which its iptables rules name. */
  subnet?: string;
  /** Processes it started (Redis, for one, rewrites its command line, so the state dir is not in it). */
  processes: readonly ProcessRecord[];
}

function netnsLeft(scope: LeftoverScope): string[] {
  const names = fs.existsSync('/run/netns') ? fs.readdirSync('/run/netns') : [];
  const containers = new Set(scope.containerIds.map(containerNetns));
  return names
    .filter((n) => n.startsWith(clusterPrefix(scope.tag)) || containers.has(n))
    .map((n) => `netns: ${n}`);
}

/** The cluster's device names: bc<tag> (the fabric), bm<tag><i> and its p and d forms (see names.ts). */
const deviceName = (tag: string) => `(bc${tag}|bm${tag}\\d+[pd]?)`;

function linksLeft(tag: string): string[] {
  const ours = new RegExp(`^${deviceName(tag)}$`);
  return fs
    .readdirSync('/sys/class/net')
    .filter((n) => ours.test(n))
    .map((n) => `link: ${n}`);
}

function cgroupsLeft(tag: string): string[] {
  const found: string[] = [];
  for (const root of cgroupRoots())
    for (const name of fs.readdirSync(root))
      if (name.startsWith(clusterPrefix(tag))) found.push(`cgroup: ${path.join(root, name)}`);
  return found;
}

function processesLeft(scope: LeftoverScope): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let cmdline: string;
    try {
      cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    } catch {
      continue; // gone
    }
    if (cmdline.includes(`${scope.stateDir}/`) && Number(pid) !== process.pid)
      found.push(`process: ${pid} ${cmdline}`);
  }
  for (const p of scope.processes)
    if (isRunning(p) && !found.some((f) => f.startsWith(`process: ${p.pid} `)))
      found.push(`process: ${p.pid} (${p.marker})`);
  return found;
}

async function rulesLeft(scope: LeftoverScope): Promise<string[]> {
  const device = new RegExp(`\\b${deviceName(scope.tag)}\\b`);
  const found: string[] = [];
  for (const line of (await tryRun('iptables-save', [])).stdout.split('\n'))
    if (device.test(line) || (scope.subnet && line.includes(`${scope.subnet} `)))
      found.push(`iptables: ${line}`);
  return found;
}

export async function findLeftovers(scope: LeftoverScope): Promise<string[]> {
  return [
    ...netnsLeft(scope),
    ...linksLeft(scope.tag),
    ...mountsUnder(scope.stateDir).map((m) => `mount: ${m}`),
    ...cgroupsLeft(scope.tag),
    ...processesLeft(scope),
    ...(await rulesLeft(scope)),
  ];
}
