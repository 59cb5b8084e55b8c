/** cgroup v1: one directory per hierarchy (cpu, memory, pids, freezer, …). */
import * as fs from 'node:fs';
import type { OciDeviceRule, OciResources } from '../oci/spec';
import {
  applyWrite,
  readKeyValues,
  readNumber,
  readPids,
  readTrimmed,
  removeCgroupDir,
  resolveWrites,
  type CgroupDriver,
  type CgroupStats,
} from './driver';
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

  create(path: string, resources: OciResources | undefined, deviceRules: readonly OciDeviceRule[]): void {
    const created: string[] = [];
    try {
      for (const h of this.hierarchies) {
        const dir = `${h.mountPoint}/${path}`;
        if (!fs.existsSync(dir)) {
          fs.mkdirSync(dir, { recursive: true });
          created.push(dir);
        }
        if (h.controllers.includes('cpuset')) this.inheritCpuset(h.mountPoint, path);
      }
      // as Docker: without swap accounting (memsw), the swap limit is dropped and memory.limit holds
      const writes = v1Writes(resources, deviceRules).filter(
        (w) => w.file !== 'memory.memsw.limit_in_bytes' || this.hasFile('memory', path, w.file),
      );
      for (const { dir, write } of resolveWrites(writes, (w) => this.dirFor(w.controller!, path), 1))
        applyWrite(dir, write);
    } catch (error) {
      for (const dir of created) removeDirSync(dir);
      throw error;
    }
  }

  private hasFile(controller: string, path: string, file: string): boolean {
    const dir = this.dirFor(controller, path);
    return dir !== undefined && fs.existsSync(`${dir}/${file}`);
  }

  /** A new cpuset cgroup starts with no CPUs and no memory nodes; give it its parent's, level by level. */
  private inheritCpuset(mountPoint: string, path: string): void {
    let dir = mountPoint;
    for (const part of path.split('/')) {
      const parent = dir;
      dir = `${dir}/${part}`;
      for (const file of ['cpuset.cpus', 'cpuset.mems']) {
        if (readTrimmed(`${dir}/${file}`) === '')
          fs.writeFileSync(`${dir}/${file}`, readTrimmed(`${parent}/${file}`));
      }
    }
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

function removeDirSync(dir: string): void {
  try {
    fs.rmdirSync(dir);
  } catch {
    // already gone or never made
  }
}
