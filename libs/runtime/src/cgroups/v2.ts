/** cgroup v2: one unified hierarchy; controllers are enabled level by level. */
import * as fs from 'node:fs';
import type { OciDeviceRule, OciResources } from '../oci/spec';
import {
  applyWrite,
  readKeyValues,
  readNumber,
  readPids,
  readTrimmed,
  removeCgroupDir,
  type CgroupDriver,
  type CgroupStats,
} from './driver';
import { pollUntil } from '../poll';
import type { CgroupLayout } from './layout';
import { v2Writes } from './resources';

/** The controllers Berth's limits and stats use; only these are delegated down the tree. */
const WANTED_CONTROLLERS = ['cpuset', 'cpu', 'io', 'memory', 'pids'];

export class CgroupV2Driver implements CgroupDriver {
  readonly version = 2 as const;

  /** MOUNT_POINT is the cgroup2 mount: /sys/fs/cgroup, or …/unified on a hybrid machine. */
  constructor(
    readonly layout: CgroupLayout,
    private readonly mountPoint: string,
  ) {}

  private dir(path: string): string {
    return `${this.mountPoint}/${path}`;
  }

  /** v2 devices are policed by eBPF programs, which Berth does not attach yet: rules are not enforced. */
  create(path: string, resources: OciResources | undefined, _deviceRules: readonly OciDeviceRule[]): void {
    const dir = this.dir(path);
    const existed = fs.existsSync(dir);
    this.enableControllers(path);
    fs.mkdirSync(dir, { recursive: true });
    try {
      for (const write of v2Writes(resources)) applyWrite(dir, write);
    } catch (error) {
      if (!existed) fs.rmdirSync(dir);
      throw error;
    }
  }

  delegate(path: string, uid: number, gid: number, listFile = '/sys/kernel/cgroup/delegate'): void {
    const dir = this.dir(path);
    // kernels before 4.15 have no list; these three are what they delegate
    const listed = fs.existsSync(listFile)
      ? readTrimmed(listFile).split(/\s+/).filter(Boolean)
      : ['cgroup.procs', 'cgroup.subtree_control', 'cgroup.threads'];
    fs.chownSync(dir, uid, gid);
    for (const name of listed) if (fs.existsSync(`${dir}/${name}`)) fs.chownSync(`${dir}/${name}`, uid, gid);
  }

  /** Each ancestor must delegate the controllers its children use (cgroup.subtree_control). */
  private enableControllers(path: string): void {
    let dir = this.mountPoint;
    for (const part of path.split('/').slice(0, -1).concat([''])) {
      const available = readTrimmed(`${dir}/cgroup.controllers`).split(' ').filter(Boolean);
      const enabled = new Set(readTrimmed(`${dir}/cgroup.subtree_control`).split(' ').filter(Boolean));
      const missing = WANTED_CONTROLLERS.filter((c) => available.includes(c) && !enabled.has(c));
      if (missing.length)
        fs.writeFileSync(`${dir}/cgroup.subtree_control`, missing.map((c) => `+${c}`).join(' '));
      if (!part) break;
      dir = `${dir}/${part}`;
      fs.mkdirSync(dir, { recursive: true });
    }
  }

  procsFiles(path: string): string[] {
    return [`${this.dir(path)}/cgroup.procs`];
  }

  processes(path: string): number[] {
    return readPids(`${this.dir(path)}/cgroup.procs`);
  }

  exists(path: string): boolean {
    return fs.existsSync(this.dir(path));
  }

  async freeze(path: string): Promise<void> {
    fs.writeFileSync(`${this.dir(path)}/cgroup.freeze`, '1');
    await pollUntil(() => this.isFrozen(path), 5000, `cgroup ${path} to freeze`);
  }

  async thaw(path: string): Promise<void> {
    fs.writeFileSync(`${this.dir(path)}/cgroup.freeze`, '0');
    await pollUntil(() => !this.isFrozen(path), 5000, `cgroup ${path} to thaw`);
  }

  isFrozen(path: string): boolean {
    return readKeyValues(`${this.dir(path)}/cgroup.events`).get('frozen') === 1;
  }

  stats(path: string): CgroupStats {
    const dir = this.dir(path);
    const max = (file: string): number | null => {
      try {
        const v = readTrimmed(`${dir}/${file}`);
        return v === 'max' ? null : Number(v);
      } catch {
        return null;
      }
    };
    return {
      cpuUsageNs: (readKeyValues(`${dir}/cpu.stat`).get('usage_usec') ?? 0) * 1000,
      memoryUsageBytes: readNumber(`${dir}/memory.current`),
      memoryLimitBytes: max('memory.max'),
      memoryCacheBytes: readKeyValues(`${dir}/memory.stat`).get('inactive_file') ?? 0,
      pidsCurrent: readNumber(`${dir}/pids.current`),
      pidsLimit: max('pids.max'),
    };
  }

  oomKillCount(path: string): number {
    return readKeyValues(`${this.dir(path)}/memory.events`).get('oom_kill') ?? 0;
  }

  async destroy(path: string): Promise<void> {
    await removeCgroupDir(this.dir(path));
  }
}
