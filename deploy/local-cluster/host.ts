/**
 * The host commands the local cluster runs (ip, iptables, nsenter, umount),
 * each failing with the command and its stderr. One I/O concern, no rules.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import { installAdvice, missingProgram } from '@berth/process';
import { HostCommandError } from './errors';

export interface CommandResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

export function tryRun(command: string, args: readonly string[]): Promise<CommandResult> {
  return new Promise((resolve) =>
    execFile(command, args, { encoding: 'utf8', maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      // a program that could not be started reads as a shell says it: 127 and the reason
      const notStarted = (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
      const missing =
        error && missingProgram([command, ...args], notStarted ? 127 : 1, stderr || error.message);
      resolve({
        ok: !error,
        stdout,
        stderr: missing ? installAdvice(missing) : stderr.trim() || (error?.message ?? ''),
      });
    }),
  );
}

export async function run(command: string, args: readonly string[]): Promise<string> {
  const r = await tryRun(command, args);
  if (!r.ok) throw new HostCommandError(command, args, r.stderr);
  return r.stdout;
}

export const ip = (...args: string[]): Promise<string> => run('ip', args);

/** ARGS run with the network namespace NETNS (and the host's mounts, /sys included). */
export const inNetns = (netns: string, args: string[]): Promise<string> =>
  run('nsenter', [`--net=/run/netns/${netns}`, '--', ...args]);

export function linkExists(name: string): boolean {
  return fs.existsSync(`/sys/class/net/${name}`);
}

export function netnsExists(name: string): boolean {
  return fs.existsSync(`/run/netns/${name}`);
}

/** Removes the link if it is there; a veth takes its peer with it. */
export async function deleteLink(name: string): Promise<boolean> {
  if (!linkExists(name)) return false;
  await ip('link', 'delete', name);
  return true;
}

/** Writes a sysctl file (under /proc/sys) of the current network namespace. */
export function writeSysctl(file: string, value: string): void {
  fs.writeFileSync(file, value);
}

export function readSysctl(file: string): string {
  return fs.readFileSync(file, 'utf8').trim();
}

/** Mount points at or under DIR, deepest first. */
export function mountsUnder(dir: string): string[] {
  const found: string[] = [];
  for (const line of fs.readFileSync('/proc/self/mountinfo', 'utf8').split('\n')) {
    const point = (line.split(' ')[4] ?? '').replace(/\\(\d{3})/g, (_m, o: string) =>
      String.fromCharCode(parseInt(o, 8)),
    );
    if (point === dir || point.startsWith(`${dir}/`)) found.push(point);
  }
  return found.sort((a, b) => b.length - a.length);
}

/** Unmounts everything at or under DIR (lazily when busy); returns what it unmounted. */
export async function unmountUnder(dir: string): Promise<string[]> {
  const points = mountsUnder(dir);
  for (const point of points) if (!(await tryRun('umount', [point])).ok) await run('umount', ['-l', point]);
  return points;
}
