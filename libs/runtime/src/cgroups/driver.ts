/**
 * One interface over cgroup v1 and v2 (crun's table of operations, as a
 * TypeScript interface). Paths are relative to the hierarchy roots, e.g.
 * "berth/web-1".
 */
import * as fs from 'node:fs';
import { InvalidSpecError, type SpecProblem } from '../errors';
import { sleep } from '../poll';
import type { OciDeviceRule, OciResources } from '../oci/spec';
import type { CgroupWrite } from './cgroup-write';
import type { CgroupLayout } from './layout';

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

/**
 * What making a cgroup takes, decided before anything is touched: the directories (made with
 * their parents when missing) and the files written, in order, as absolute paths. `create` carries
 * it out; berth-runtime's compiled run plans hand it to the shim, which carries it out the same way.
 */
export interface CgroupPlan {
  dirs: string[];
  writes: PlannedWrite[];
}

export interface PlannedWrite {
  file: string;
  value: string;
  specPath: string;
  /** Files that do the same where FILE is missing (BFQ's weight for CFQ's), tried in order once the dirs exist. */
  alternatives?: { file: string; value: string }[];
  /** Set when FILE may be missing on a kernel with the controller: why, and what to do then. */
  missing?: string;
}

export interface CgroupDriver {
  readonly version: 1 | 2;
  readonly layout: CgroupLayout;
  /** What create(PATH, …) would do on this machine now. */
  plan(path: string, resources: OciResources | undefined, deviceRules: readonly OciDeviceRule[]): CgroupPlan;
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

/**
 * Carry out PLAN; a refused write removes the directories it made and names the config.json field.
 * Writes whose file a kernel may lack are matched to the files the new cgroup has before a single
 * value is written, and refused all at once, by field, when none is there.
 */
export function applyCgroupPlan(plan: CgroupPlan, version: 1 | 2): void {
  const created = plan.dirs.filter((dir) => !fs.existsSync(dir));
  try {
    for (const dir of plan.dirs) fs.mkdirSync(dir, { recursive: true });
    for (const write of resolveWrites(plan.writes, version)) applyWrite(write);
  } catch (error) {
    for (const dir of created.reverse()) removeDirSync(dir);
    throw error;
  }
}

function resolveWrites(writes: readonly PlannedWrite[], version: 1 | 2): PlannedWrite[] {
  const problems: SpecProblem[] = [];
  const resolved: PlannedWrite[] = [];
  for (const write of writes) {
    // a file every kernel with the controller has is just written: the kernel's answer speaks
    const optional = write.alternatives?.length || write.missing;
    const candidates = [{ file: write.file, value: write.value }, ...(write.alternatives ?? [])];
    const chosen = candidates.find((c) => !optional || fs.existsSync(c.file));
    if (chosen) resolved.push({ file: chosen.file, value: chosen.value, specPath: write.specPath });
    else {
      const names = candidates.map((c) => c.file.slice(c.file.lastIndexOf('/') + 1)).join(' or ');
      problems.push({
        path: write.specPath,
        message: `this kernel’s cgroup v${version} has no ${names}${write.missing ? `: ${write.missing}` : '; remove the field'}`,
      });
    }
  }
  if (problems.length) throw new InvalidSpecError(problems);
  return resolved;
}

/** A write for a controller that is not mounted: refused by field (runc refuses too). */
export function unmountedController(write: CgroupWrite): SpecProblem {
  return {
    path: write.specPath,
    message: `the ${write.controller} cgroup controller is not mounted on this machine (cgroup v1), so ${write.file} cannot be set; mount it (mount -t cgroup -o ${write.controller} ${write.controller} /sys/fs/cgroup/${write.controller}) or remove the field`,
  };
}

/** Apply one limit; the kernel's refusal becomes an error naming the config.json field. */
function applyWrite(write: PlannedWrite): void {
  try {
    fs.writeFileSync(write.file, write.value);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EINVAL' ? 'invalid value' : code === 'EBUSY' ? 'current usage is above it' : code;
    const name = write.file.slice(write.file.lastIndexOf('/') + 1);
    throw new InvalidSpecError([
      { path: write.specPath, message: `the kernel refused ${name}=${write.value} (${why})` },
    ]);
  }
}

function removeDirSync(dir: string): void {
  try {
    fs.rmdirSync(dir);
  } catch {
    // already gone or never made
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
