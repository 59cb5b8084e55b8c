import { detectCgroupLayout, hierarchyOf, normaliseCgroupPath, parseMountInfo } from './layout';

// This machine's kind: v1 controllers, a cgroup2 mount at .../unified (Firecracker VM, Debian 12).
const HYBRID = `23 1 0:21 / /sys rw,nosuid,nodev,noexec,relatime - sysfs sysfs rw
31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,xattr,name=systemd
41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
`;

// A systemd machine of today: one cgroup2 mount.
const PURE_V2 = `25 1 0:23 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw
30 25 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
`;

// Older layout: co-mounted cpu,cpuacct and no cgroup2 at all.
const PURE_V1 = `28 24 0:25 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid,nodev,noexec,relatime shared:10 - cgroup cgroup rw,cpu,cpuacct
29 24 0:26 / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime shared:11 - cgroup cgroup rw,memory
`;

describe('detectCgroupLayout', () => {
  it('should see a hybrid machine as v1 controllers plus the unified mount', () => {
    const layout = detectCgroupLayout(HYBRID);
    expect(layout.mode).toBe('hybrid');
    if (layout.mode !== 'hybrid') return;
    expect(layout.unifiedMountPoint).toBe('/sys/fs/cgroup/unified');
    expect(layout.hierarchies.map((h) => h.mountPoint)).toEqual([
      '/sys/fs/cgroup/cpu',
      '/sys/fs/cgroup/cpuacct',
      '/sys/fs/cgroup/memory',
      '/sys/fs/cgroup/pids',
      '/sys/fs/cgroup/systemd',
    ]);
    expect(layout.hierarchies.find((h) => h.name === 'systemd')).toEqual({
      mountPoint: '/sys/fs/cgroup/systemd',
      controllers: [],
      name: 'systemd',
    });
  });

  it('should see a single cgroup2 mount as v2', () => {
    expect(detectCgroupLayout(PURE_V2)).toEqual({ mode: 'v2', mountPoint: '/sys/fs/cgroup' });
  });

  it('should see v1 without cgroup2 as v1 and keep co-mounted controllers together', () => {
    const layout = detectCgroupLayout(PURE_V1);
    expect(layout.mode).toBe('v1');
    expect(hierarchyOf(layout, 'cpuacct')?.mountPoint).toBe('/sys/fs/cgroup/cpu,cpuacct');
    expect(hierarchyOf(layout, 'cpu')?.controllers).toEqual(['cpu', 'cpuacct']);
    expect(hierarchyOf(layout, 'pids')).toBeUndefined();
  });

  it('should report no cgroups when none are mounted', () => {
    expect(detectCgroupLayout('22 1 0:5 / /proc rw - proc proc rw\n')).toEqual({ mode: 'none' });
  });

  it('should keep the first mount when a hierarchy is mounted twice', () => {
    const twice = PURE_V1 + '90 24 0:26 / /mnt/memory rw - cgroup cgroup rw,memory\n';
    const layout = detectCgroupLayout(twice);
    expect(hierarchyOf(layout, 'memory')?.mountPoint).toBe('/sys/fs/cgroup/memory');
  });
});

describe('parseMountInfo', () => {
  it('should unescape octal escapes and find the fields after the separator', () => {
    const [entry] = parseMountInfo(
      '50 1 0:40 / /mnt/with\\040space rw shared:1 master:2 - tmpfs none rw,size=1k\n',
    );
    expect(entry).toEqual({
      root: '/',
      mountPoint: '/mnt/with space',
      fsType: 'tmpfs',
      superOptions: ['rw', 'size=1k'],
    });
  });
});

describe('normaliseCgroupPath', () => {
  it('should strip slashes and dots', () => {
    expect(normaliseCgroupPath('/berth//web/./1/')).toBe('berth/web/1');
  });
  it('should refuse a path that climbs out', () => {
    expect(() => normaliseCgroupPath('berth/../../etc')).toThrow('must not contain ".."');
  });
});
