/** cgroup v1: one directory per hierarchy (cpu, memory, pids, freezer, …). */
import * as fs from 'node:fs';
import type { OciDeviceRule, OciResources } from '../oci/spec';
import {
  applyCgroupPlan,
  readKeyValues,
  readNumber,
  readPids,
  readTrimmed,
  removeCgroupDir,
  type CgroupDriver,
  type CgroupPlan,
  type CgroupStats,
  unmountedController,
} from './driver';
import { InvalidSpecError, type SpecProblem } from '../errors';
import { pollUntil } from '../poll';
import type { CgroupLayout, V1Hierarchy } from './layout';
import { v1Writes } from './resources';

/** v1 reports "no limit" as the largest page-aligned signed 64-bit value. */
const V1_UNLIMITED = 2 ** 62;

export class CgroupV1Driver implements CgroupDriver {
  readonly version = 1 as const;
  private readonly hierarchies: V1Hierarchy[];

  constructor(readonly layout: CgroupLayout & { mode: 'v1' | 'hybrid' }) {
    this.hierarchies = layout.hierarchies;
  }

  private dirFor(controller: string, path: string): string | undefined {
    const h = this.hierarchies.find((x) => x.controllers.includes(controller));
    return h && `${h.mountPoint}/${path}`;
  }

  private dirs(path: string): string[] {
    return this.hierarchies.map((h) => `${h.mountPoint}/${path}`);
  }

  plan(path: string, resources: OciResources | undefined, deviceRules: readonly OciDeviceRule[]): CgroupPlan {
    const plan: CgroupPlan = { dirs: this.dirs(path), writes: [] };
    const cpuset = this.hierarchies.find((h) => h.controllers.includes('cpuset'));
    if (cpuset) plan.writes.push(...inheritedCpuset(cpuset.mountPoint, path));
    const problems: SpecProblem[] = [];
    for (const write of v1Writes(resources, deviceRules)) {
      const dir = this.dirFor(write.controller!, path);
      if (!dir) {
        problems.push(unmountedController(write));
        continue;
      }
      // as Docker: without swap accounting (memsw), the swap limit is dropped and memory.limit holds
      if (write.file === 'memory.memsw.limit_in_bytes' && !this.hasFile(write.controller!, write.file))
        continue;
      plan.writes.push({
        file: `${dir}/${write.file}`,
        value: write.value,
        specPath: write.specPath,
        ...(write.alternatives?.length
          ? { alternatives: write.alternatives.map((a) => ({ file: `${dir}/${a.file}`, value: a.value })) }
          : {}),
        ...(write.missing ? { missing: write.missing } : {}),
      });
    }
    if (problems.length) throw new InvalidSpecError(problems);
    return plan;
  }

  create(path: string, resources: OciResources | undefined, deviceRules: readonly OciDeviceRule[]): void {
    applyCgroupPlan(this.plan(path, resources, deviceRules), 1);
  }

  /** Whether the controller's root has FILE (swap accounting may be off). */
  private hasFile(controller: string, file: string): boolean {
    const h = this.hierarchies.find((x) => x.controllers.includes(controller));
    return h !== undefined && fs.existsSync(`${h.mountPoint}/${file}`);
  }

  procsFiles(path: string): string[] {
    return this.dirs(path).map((d) => `${d}/cgroup.procs`);
  }

  processes(path: string): number[] {
    const dir = this.dirFor('pids', path) ?? this.dirs(path)[0];
    return dir ? readPids(`${dir}/cgroup.procs`) : [];
  }

  exists(path: string): boolean {
    return this.dirs(path).some((d) => fs.existsSync(d));
  }

  private freezerState(path: string): string {
    const dir = this.dirFor('freezer', path);
    return dir ? readTrimmed(`${dir}/freezer.state`) : 'THAWED';
  }

  async freeze(path: string): Promise<void> {
    const dir = this.dirFor('freezer', path);
    if (!dir) throw new Error('the freezer cgroup controller is not mounted');
    fs.writeFileSync(`${dir}/freezer.state`, 'FROZEN');
    await pollUntil(() => this.freezerState(path) === 'FROZEN', 5000, `cgroup ${path} to freeze`);
  }

  async thaw(path: string): Promise<void> {
    const dir = this.dirFor('freezer', path);
    if (!dir) throw new Error('the freezer cgroup controller is not mounted');
    fs.writeFileSync(`${dir}/freezer.state`, 'THAWED');
    await pollUntil(() => this.freezerState(path) === 'THAWED', 5000, `cgroup ${path} to thaw`);
  }

  isFrozen(path: string): boolean {
    try {
      return this.freezerState(path) !== 'THAWED';
    } catch {
      return false;
    }
  }

  stats(path: string): CgroupStats {
    const memory = this.dirFor('memory', path);
    const cpuacct = this.dirFor('cpuacct', path);
    const pids = this.dirFor('pids', path);
    const limit = memory ? readNumber(`${memory}/memory.limit_in_bytes`) : 0;
    const pidsMax = pids ? readTrimmed(`${pids}/pids.max`) : 'max';
    const memStat = memory ? readKeyValues(`${memory}/memory.stat`) : new Map<string, number>();
    return {
      cpuUsageNs: cpuacct ? readNumber(`${cpuacct}/cpuacct.usage`) : 0,
      memoryUsageBytes: memory ? readNumber(`${memory}/memory.usage_in_bytes`) : 0,
      memoryLimitBytes: limit && limit < V1_UNLIMITED ? limit : null,
      memoryCacheBytes: memStat.get('total_inactive_file') ?? 0,
      pidsCurrent: pids ? readNumber(`${pids}/pids.current`) : 0,
      pidsLimit: pidsMax === 'max' ? null : Number(pidsMax),
    };
  }

  oomKillCount(path: string): number {
    const memory = this.dirFor('memory', path);
    return memory ? (readKeyValues(`${memory}/memory.oom_control`).get('oom_kill') ?? 0) : 0;
  }

  async destroy(path: string): Promise<void> {
    await Promise.all(this.dirs(path).map((dir) => removeCgroupDir(dir)));
  }
}

/**
 * A new cpuset cgroup starts with no CPUs and no memory nodes: each level of PATH that has none
 * yet (or does not exist yet) gets its parent's, as read now.
 */
function inheritedCpuset(mountPoint: string, path: string): CgroupPlan['writes'] {
  const writes: CgroupPlan['writes'] = [];
  const inherited: Record<string, string> = {};
  for (const file of CPUSET_FILES) inherited[file] = readTrimmed(`${mountPoint}/${file}`);
  let dir = mountPoint;
  for (const part of path.split('/')) {
    dir = `${dir}/${part}`;
    for (const file of CPUSET_FILES) {
      const own = fs.existsSync(dir) ? readTrimmed(`${dir}/${file}`) : '';
      if (own === '')
        writes.push({ file: `${dir}/${file}`, value: inherited[file], specPath: 'linux.resources.cpu' });
      else inherited[file] = own;
    }
  }
  return writes;
}

const CPUSET_FILES = ['cpuset.cpus', 'cpuset.mems'];
