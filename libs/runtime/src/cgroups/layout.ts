/**
 * Which cgroup hierarchies this machine has, read from /proc/self/mountinfo.
 * Detected, never assumed: pure v2 (one cgroup2 mount), pure v1, or hybrid
 * (v1 controllers plus a cgroup2 mount, usually at /sys/fs/cgroup/unified,
 * holding whatever controllers v1 did not take).
 */

export interface V1Hierarchy {
  /** Where it is mounted, e.g. /sys/fs/cgroup/cpu,cpuacct. */
  mountPoint: string;
  /** Controllers bound to it, e.g. ['cpu', 'cpuacct']; empty for named hierarchies. */
  controllers: string[];
  /** For named hierarchies such as name=systemd. */
  name?: string;
}

export type CgroupLayout =
  | { mode: 'v2'; mountPoint: string }
  | { mode: 'v1' | 'hybrid'; hierarchies: V1Hierarchy[]; unifiedMountPoint?: string }
  | { mode: 'none' };

interface MountEntry {
  mountPoint: string;
  root: string;
  fsType: string;
  superOptions: string[];
}

const V1_CONTROLLERS = new Set([
  'cpu',
  'cpuacct',
  'cpuset',
  'memory',
  'devices',
  'freezer',
  'net_cls',
  'blkio',
  'perf_event',
  'net_prio',
  'hugetlb',
  'pids',
  'rdma',
  'misc',
]);

/** mountinfo escapes spaces and a few other characters as octal: `\040`. */
function unescapeMountPath(path: string): string {
  return path.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

export function parseMountInfo(text: string): MountEntry[] {
  const entries: MountEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const fields = line.split(' ');
    const separator = fields.indexOf('-', 6);
    if (separator < 0) continue;
    entries.push({
      root: unescapeMountPath(fields[3]),
      mountPoint: unescapeMountPath(fields[4]),
      fsType: fields[separator + 1],
      superOptions: (fields[separator + 3] ?? '').split(','),
    });
  }
  return entries;
}

export function detectCgroupLayout(mountInfo: string): CgroupLayout {
  const mounts = parseMountInfo(mountInfo);
  const v2 = mounts.filter((m) => m.fsType === 'cgroup2');
  const hierarchies: V1Hierarchy[] = [];
  const seen = new Set<string>();
  for (const m of mounts.filter((e) => e.fsType === 'cgroup')) {
    const controllers = m.superOptions.filter((o) => V1_CONTROLLERS.has(o)).sort();
    const name = m.superOptions.find((o) => o.startsWith('name='))?.slice('name='.length);
    const key = name ? `name=${name}` : controllers.join(',');
    if (!key || seen.has(key)) continue; // the same hierarchy mounted twice: keep the first
    seen.add(key);
    hierarchies.push(
      name ? { mountPoint: m.mountPoint, controllers, name } : { mountPoint: m.mountPoint, controllers },
    );
  }
  if (hierarchies.length === 0) {
    const main = v2.find((m) => m.mountPoint === '/sys/fs/cgroup') ?? v2[0];
    return main ? { mode: 'v2', mountPoint: main.mountPoint } : { mode: 'none' };
  }
  const unified = v2.find((m) => m.mountPoint === '/sys/fs/cgroup/unified') ?? v2[0];
  return unified
    ? { mode: 'hybrid', hierarchies, unifiedMountPoint: unified.mountPoint }
    : { mode: 'v1', hierarchies };
}

/** The v1 hierarchy holding CONTROLLER, if any. */
export function hierarchyOf(layout: CgroupLayout, controller: string): V1Hierarchy | undefined {
  if (layout.mode !== 'v1' && layout.mode !== 'hybrid') return undefined;
  return layout.hierarchies.find((h) => h.controllers.includes(controller));
}

/** "berth/abc" from "/berth/abc", "berth//abc/"; refuses ".." so a path cannot climb out. */
export function normaliseCgroupPath(path: string): string {
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw new Error(`cgroup path "${path}" must not contain ".."`);
  return parts.join('/');
}
