/** cgroup v2: one unified hierarchy; controllers are enabled level by level. */
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
} from './driver';
import { pollUntil } from '../poll';
import type { CgroupLayout } from './layout';
import { InvalidSpecError } from '../errors';
import { v2Writes } from './resources';
import { v2Refusals } from './resources-io';

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
  plan(
    path: string,
    resources: OciResources | undefined,
    _deviceRules: readonly OciDeviceRule[],
  ): CgroupPlan {
    const refused = v2Refusals(resources);
    if (refused.length) throw new InvalidSpecError(refused);
    const dir = this.dir(path);
    const writes = this.delegations(path);
    for (const write of v2Writes(resources))
      writes.push({
        file: `${dir}/${write.file}`,
        value: write.value,
        specPath: write.specPath,
        ...(write.alternatives?.length
          ? { alternatives: write.alternatives.map((a) => ({ file: `${dir}/${a.file}`, value: a.value })) }
          : {}),
        ...(write.missing ? { missing: write.missing } : {}),
      });
    return { dirs: [dir], writes };
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

  create(path: string, resources: OciResources | undefined, deviceRules: readonly OciDeviceRule[]): void {
    applyCgroupPlan(this.plan(path, resources, deviceRules), 2);
  }

  /**
   * Each ancestor must delegate the controllers its children use (cgroup.subtree_control). A level
   * not made yet delegates nothing yet, and is offered what its parent delegates.
   */
  private delegations(path: string): CgroupPlan['writes'] {
    const writes: CgroupPlan['writes'] = [];
    const list = (file: string) => (fs.existsSync(file) ? readTrimmed(file).split(' ').filter(Boolean) : []);
    let offered = list(`${this.mountPoint}/cgroup.controllers`);
    let dir = this.mountPoint;
    for (const part of ['', ...path.split('/').slice(0, -1)]) {
      if (part) dir = `${dir}/${part}`;
      if (fs.existsSync(dir)) offered = list(`${dir}/cgroup.controllers`);
      const enabled = new Set(list(`${dir}/cgroup.subtree_control`));
      const missing = WANTED_CONTROLLERS.filter((c) => offered.includes(c) && !enabled.has(c));
      if (missing.length)
        writes.push({
          file: `${dir}/cgroup.subtree_control`,
          value: missing.map((c) => `+${c}`).join(' '),
          specPath: 'linux.resources',
        });
      offered = WANTED_CONTROLLERS.filter((c) => offered.includes(c));
    }
    return writes;
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
