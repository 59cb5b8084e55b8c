/**
 * OCI `linux.resources` to the files and values a cgroup takes, for v1 and
 * v2. Pure: the drivers write what these return.
 */
import type { OciDeviceRule, OciResources } from '../oci/spec';
import type { CgroupWrite } from './cgroup-write';
import { v1IoWrites, v2IoWrites } from './resources-io';

export type { CgroupWrite } from './cgroup-write';

/** Docker's --cpu-shares scale (2..262144) onto cgroup v2's cpu.weight (1..10000), as runc does. */
export function sharesToWeight(shares: number): number {
  if (shares === 0) return 0;
  return 1 + Math.floor(((shares - 2) * 9999) / 262142);
}

function deviceRuleLine(rule: OciDeviceRule): string {
  const type = rule.type ?? 'a';
  if (type === 'a') return 'a';
  const major = rule.major === undefined || rule.major === null || rule.major < 0 ? '*' : String(rule.major);
  const minor = rule.minor === undefined || rule.minor === null || rule.minor < 0 ? '*' : String(rule.minor);
  return `${type} ${major}:${minor} ${rule.access ?? 'rwm'}`;
}

export function v1Writes(
  resources: OciResources | undefined,
  deviceRules: readonly OciDeviceRule[],
): CgroupWrite[] {
  const writes: CgroupWrite[] = [];
  const memory = resources?.memory;
  const cpu = resources?.cpu;
  const add = (controller: string, file: string, value: number | string | undefined, specPath: string) => {
    if (value !== undefined) writes.push({ controller, file, value: String(value), specPath });
  };
  const R = 'linux.resources';
  if (cpu?.cpus) add('cpuset', 'cpuset.cpus', cpu.cpus, `${R}.cpu.cpus`);
  if (cpu?.mems) add('cpuset', 'cpuset.mems', cpu.mems, `${R}.cpu.mems`);
  // the limit before memsw: the kernel wants memsw >= limit at every step
  add('memory', 'memory.limit_in_bytes', memory?.limit, `${R}.memory.limit`);
  add('memory', 'memory.memsw.limit_in_bytes', memory?.swap, `${R}.memory.swap`);
  add('memory', 'memory.soft_limit_in_bytes', memory?.reservation, `${R}.memory.reservation`);
  add('memory', 'memory.swappiness', memory?.swappiness, `${R}.memory.swappiness`);
  add('cpu', 'cpu.shares', cpu?.shares || undefined, `${R}.cpu.shares`);
  // the period before the quota, so the quota is checked against the right period
  add('cpu', 'cpu.cfs_period_us', cpu?.period || undefined, `${R}.cpu.period`);
  add('cpu', 'cpu.cfs_quota_us', cpu?.quota || undefined, `${R}.cpu.quota`);
  const pids = resources?.pids?.limit;
  if (pids !== undefined && pids !== 0) add('pids', 'pids.max', pids < 0 ? 'max' : pids, `${R}.pids.limit`);
  deviceRules.forEach((rule, i) =>
    add('devices', rule.allow ? 'devices.allow' : 'devices.deny', deviceRuleLine(rule), `${R}.devices[${i}]`),
  );
  return [...writes, ...hugetlbWrites(resources, 'limit_in_bytes', 'hugetlb'), ...v1IoWrites(resources)];
}

export function v2Writes(resources: OciResources | undefined): CgroupWrite[] {
  const writes: CgroupWrite[] = [];
  const memory = resources?.memory;
  const cpu = resources?.cpu;
  const add = (file: string, value: number | string | undefined, specPath: string) => {
    if (value !== undefined) writes.push({ file, value: String(value), specPath });
  };
  const R = 'linux.resources';
  if (cpu?.cpus) add('cpuset.cpus', cpu.cpus, `${R}.cpu.cpus`);
  if (cpu?.mems) add('cpuset.mems', cpu.mems, `${R}.cpu.mems`);
  if (memory?.limit !== undefined)
    add('memory.max', memory.limit < 0 ? 'max' : memory.limit, `${R}.memory.limit`);
  // OCI's swap is memory+swap (v1's memsw); v2 limits swap alone
  if (memory?.swap !== undefined) {
    const swapOnly =
      memory.swap < 0
        ? 'max'
        : memory.limit !== undefined && memory.limit >= 0
          ? memory.swap - memory.limit
          : undefined;
    add('memory.swap.max', swapOnly, `${R}.memory.swap`);
  }
  if (memory?.reservation !== undefined) add('memory.low', memory.reservation, `${R}.memory.reservation`);
  if (cpu?.shares) add('cpu.weight', sharesToWeight(cpu.shares), `${R}.cpu.shares`);
  if (cpu?.quota || cpu?.period) {
    const quota = cpu.quota && cpu.quota > 0 ? String(cpu.quota) : 'max';
    add('cpu.max', `${quota} ${cpu.period || 100000}`, `${R}.cpu.quota`);
  }
  const pids = resources?.pids?.limit;
  if (pids !== undefined && pids !== 0) add('pids.max', pids < 0 ? 'max' : pids, `${R}.pids.limit`);
  return [...writes, ...hugetlbWrites(resources, 'max'), ...v2IoWrites(resources)];
}

/** Docker's `cpus: 1.5` as a CFS quota over the default 100 ms period. */
export function cpusToQuota(cpus: number, periodUs = 100000): { quota: number; period: number } {
  return { quota: Math.round(cpus * periodUs), period: periodUs };
}

/** hugetlb.SIZE.FILE per limit; a size this machine has no huge pages of has no such file, and is refused then. */
function hugetlbWrites(
  resources: OciResources | undefined,
  file: string,
  controller?: string,
): CgroupWrite[] {
  return (resources?.hugepageLimits ?? []).map((h, i) => ({
    ...(controller ? { controller } : {}),
    file: `hugetlb.${h.pageSize}.${file}`,
    value: String(h.limit),
    specPath: `linux.resources.hugepageLimits[${i}]`,
    missing: `this machine has no huge pages of ${h.pageSize} (its sizes are under /sys/kernel/mm/hugepages)`,
  }));
}
