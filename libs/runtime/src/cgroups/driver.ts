/**
 * One interface over cgroup v1 and v2 (crun's table of operations, as a
 * TypeScript interface). Paths are relative to the hierarchy roots, e.g.
 * "berth/web-1".
 */
import * as fs from 'node:fs';
import { InvalidSpecError, type SpecProblem } from '../errors';
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

/**
 * Each write with the file this machine has for it (its own, else an alternative) and the
 * directory it goes in, or, when any has none, every such field refused at once, before a
 * single value is written. DIR_OF gives a write's cgroup directory, undefined when its
 * controller is not mounted.
 */
export function resolveWrites(
  writes: readonly CgroupWrite[],
  dirOf: (write: CgroupWrite) => string | undefined,
  version: 1 | 2,
): { dir: string; write: CgroupWrite }[] {
  const problems: SpecProblem[] = [];
  const resolved: { dir: string; write: CgroupWrite }[] = [];
  for (const write of writes) {
    const dir = dirOf(write);
    if (!dir) {
      problems.push({
        path: write.specPath,
        message: `the ${write.controller} cgroup controller is not mounted on this machine (cgroup v1), so ${write.file} cannot be set; mount it (mount -t cgroup -o ${write.controller} ${write.controller} /sys/fs/cgroup/${write.controller}) or remove the field`,
      });
      continue;
    }
    // a file every kernel with the controller has is just written: the kernel's answer speaks
    const optional = write.alternatives?.length || write.missing;
    const chosen = [{ file: write.file, value: write.value }, ...(write.alternatives ?? [])].find(
      (c) => !optional || fs.existsSync(`${dir}/${c.file}`),
    );
    if (chosen) resolved.push({ dir, write: { ...write, ...chosen } });
    else {
      const files = [write.file, ...(write.alternatives ?? []).map((a) => a.file)].join(' or ');
      problems.push({
        path: write.specPath,
        message: `this kernel’s cgroup v${version} has no ${files}${write.missing ? `: ${write.missing}` : '; remove the field'}`,
      });
    }
  }
  if (problems.length) throw new InvalidSpecError(problems);
  return resolved;
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
