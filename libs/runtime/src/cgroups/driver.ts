/**
 * One interface over cgroup v1 and v2 (crun's table of operations, as a
 * TypeScript interface). Paths are relative to the hierarchy roots, e.g.
 * "berth/web-1".
 */
import * as fs from 'node:fs';
import { InvalidSpecError } from '../errors';
import { sleep } from '../poll';
import type { OciDeviceRule, OciResources } from '../oci/spec';
import type { CgroupLayout } from './layout';
import type { CgroupWrite } from './resources';

export interface CgroupStats {
  /** Total CPU time of every process in the cgroup, in nanoseconds. */
  cpuUsageNs: number;
  memoryUsageBytes: number;
  /** null when unlimited. */
  memoryLimitBytes: number | null;
  /** Page cache in the usage, which `docker stats` subtracts. */
  memoryCacheBytes: number;
  pidsCurrent: number;
  pidsLimit: number | null;
}

export interface CgroupDriver {
  readonly version: 1 | 2;
  readonly layout: CgroupLayout;
  /** Make the cgroup and apply the limits; on a refused limit nothing is left behind. */
  create(path: string, resources: OciResources | undefined, deviceRules: readonly OciDeviceRule[]): void;
  /** The cgroup.procs files a process is written into to join the cgroup. */
  procsFiles(path: string): string[];
  processes(path: string): number[];
  exists(path: string): boolean;
  freeze(path: string): Promise<void>;
  thaw(path: string): Promise<void>;
  isFrozen(path: string): boolean;
  stats(path: string): CgroupStats;
  oomKillCount(path: string): number;
  /**
   * Hand the cgroup to UID:GID, as the kernel's delegation model has it: the directory and the
   * files it lists in /sys/kernel/cgroup/delegate (v2 only; v1 has no such model).
   */
  delegate?(path: string, uid: number, gid: number): void;
  /** Remove the cgroup; waits briefly for exiting processes to leave it. */
  destroy(path: string): Promise<void>;
}

export function readTrimmed(file: string): string {
  return fs.readFileSync(file, 'utf8').trim();
}

export function readNumber(file: string): number {
  try {
    return Number(readTrimmed(file));
  } catch {
    return 0;
  }
}

/** "key value" lines (memory.stat, cpu.stat, memory.events) as a map. */
export function readKeyValues(file: string): Map<string, number> {
  const map = new Map<string, number>();
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return map;
  }
  for (const line of text.split('\n')) {
    const [key, value] = line.split(' ');
    if (key && value !== undefined) map.set(key, Number(value));
  }
  return map;
}

export function readPids(procsFile: string): number[] {
  try {
    return readTrimmed(procsFile).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Apply one limit; the kernel's refusal becomes an error naming the config.json field. */
export function applyWrite(dir: string, write: CgroupWrite): void {
  try {
    fs.writeFileSync(`${dir}/${write.file}`, write.value);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EINVAL' ? 'invalid value' : code === 'EBUSY' ? 'current usage is above it' : code;
    throw new InvalidSpecError([
      { path: write.specPath, message: `the kernel refused ${write.file}=${write.value} (${why})` },
    ]);
  }
}

/** rmdir, retrying while the last processes finish leaving. */
export async function removeCgroupDir(dir: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.rmdirSync(dir);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      if (code !== 'EBUSY' || Date.now() > deadline) throw error;
      await sleep(5);
    }
  }
}
