import type { CgroupLayout } from '../cgroups/layout';
import { ANNOTATION } from '../oci/annotations';
import { buildSpec, type ContainerOptions } from '../oci/container-spec';
import type { OciSpec } from '../oci/spec';
import { compileCreate, compileExec, type CreateContext } from './compile';
import { cgroupOwner } from './userns';
import type { Instruction } from './instructions';
import { MS } from './mount-options';

const V2: CgroupLayout = { mode: 'v2', mountPoint: '/sys/fs/cgroup' };
const context: CreateContext = {
  stateDir: '/run/berth/containers/c1',
  bundle: '/bundles/c1',
  log: null,
  autostart: true,
  cgroupPath: 'berth/c1',
  cgroupLayout: V2,
  cgroupProcsFiles: ['/sys/fs/cgroup/berth/c1/cgroup.procs'],
  cgroupNamespaces: true,
  hookState: { ociVersion: '1.0.2', id: 'c1', bundle: '/bundles/c1', annotations: {} },
};
const RANGE = [{ containerID: 0, hostID: 100000, size: 65536 }];
const OVERLAY = { lowerDirs: ['/l/b', '/l/a'], upperDir: '/c/upper', workDir: '/c/work' };

const spec = (overrides: Partial<ContainerOptions> = {}): OciSpec =>
  buildSpec({
    args: ['true'],
    rootfs: { path: '/c/merged', overlay: OVERLAY },
    userNamespace: {
      uidMappings: RANGE,
      gidMappings: [...RANGE, { containerID: 65536, hostID: 5, size: 1 }],
    },
    ...overrides,
  });
const find = (list: Instruction[], op: string): (readonly string[])[] => list.filter((i) => i[0] === op);
const ops = (list: Instruction[]): string[] => list.map((i) => i[0]);

describe('compileCreate with a new user namespace', () => {
  it('should have the monitor clone it and write every mapping line', () => {
    const out = compileCreate(spec(), context);
    expect(find(out, 'ns')).toContainEqual(['ns', 'user', '']);
    expect(find(out, 'id-map')).toEqual([
      ['id-map', 'uid', '0', '100000', '65536'],
      ['id-map', 'gid', '0', '100000', '65536'],
      ['id-map', 'gid', '65536', '5', '1'],
    ]);
  });

  it('should have the monitor join namespaces given by path and bring their loopback up', () => {
    const out = compileCreate(spec({ network: { path: '/run/netns/x' } }), context);
    expect(find(out, 'ns-early')).toEqual([['ns-early', 'network', '/run/netns/x']]);
    expect(find(out, 'ns').map((i) => i[1])).not.toContain('network');
    expect(ops(out)).toContain('early-loopback-up');
    expect(ops(out)).not.toContain('loopback-up');
  });

  it('should leave a new network namespace and its loopback to the init', () => {
    const out = compileCreate(spec(), context);
    expect(find(out, 'ns-early')).toEqual([]);
    expect(ops(out)).toContain('loopback-up');
    expect(ops(out)).not.toContain('early-loopback-up');
  });

  it('should keep a pid namespace by path with the monitor’s own join, not an early one', () => {
    const s = spec();
    s.linux!.namespaces!.find((n) => n.type === 'pid')!.path = '/proc/9/ns/pid';
    const out = compileCreate(s, context);
    expect(find(out, 'ns')).toContainEqual(['ns', 'pid', '/proc/9/ns/pid']);
    expect(find(out, 'ns-early')).toEqual([]);
  });

  it('should have the monitor mount the overlay and the init only bind it', () => {
    const out = compileCreate(spec(), context);
    expect(find(out, 'premount-root')).toEqual([
      [
        'premount-root',
        'overlay',
        'overlay',
        '0',
        'lowerdir=/l/b:/l/a,upperdir=/c/upper,workdir=/c/work',
        '',
      ],
    ]);
    expect(find(out, 'mount-root')).toEqual([['mount-root', '', '', '0', '', '']]);
    expect(find(out, 'idmap-dir')).toEqual([]);
  });

  it('should idmap each lower layer, before the overlay is mounted, when asked', () => {
    const out = compileCreate(
      spec({ userNamespace: { uidMappings: RANGE, gidMappings: RANGE, idmapLayers: true } }),
      context,
    );
    expect(
      out.filter((i) => i[0] === 'idmap-dir' || i[0] === 'premount-root').map((i) => i[0] + ' ' + i[1]),
    ).toEqual(['idmap-dir /l/b', 'idmap-dir /l/a', 'premount-root overlay']);
    expect(spec().annotations?.[ANNOTATION.overlayIdmap]).toBeUndefined();
  });

  it('should leave a plain directory root to the init', () => {
    const out = compileCreate(spec({ rootfs: { path: '/c/dir' } }), context);
    expect(find(out, 'premount-root')).toEqual([]);
    expect(find(out, 'mount-root')).toEqual([['mount-root', '', '', '0', '', '']]);
  });

  it('should bind the host’s device nodes instead of making them', () => {
    const out = compileCreate(spec(), context);
    expect(find(out, 'mkdev')).toEqual([]);
    expect(find(out, 'mount')).toContainEqual([
      'mount',
      '/dev/null',
      '/dev/null',
      '',
      String(MS.BIND),
      '0',
      '',
    ]);
    expect(find(out, 'symlink')).toContainEqual(['symlink', 'pts/ptmx', '/dev/ptmx']);
    expect(find(out, 'symlink').map((i) => i[2])).not.toContain('/dev/core'); // no /proc/kcore in a user namespace
  });

  it('should bind /sys read-only when the network namespace is not its own, and mount sysfs when it is', () => {
    const sysOf = (s: OciSpec) => find(compileCreate(s, context), 'mount').find((i) => i[2] === '/sys');
    const bound = sysOf(spec({ network: { path: '/run/netns/x' } }))!;
    expect(bound.slice(0, 4)).toEqual(['mount', '/sys', '/sys', '']);
    const flags = Number(bound[4]);
    for (const f of [MS.BIND, MS.REC, MS.RDONLY, MS.NOSUID, MS.NODEV, MS.NOEXEC]) expect(flags & f).toBe(f);
    expect(sysOf(spec())!.slice(0, 4)).toEqual(['mount', 'sysfs', '/sys', 'sysfs']);
  });

  it('should change nothing for a container without a user namespace', () => {
    const plain = spec({ userNamespace: undefined, network: { path: '/run/netns/x' } });
    const out = compileCreate(plain, context);
    for (const op of ['id-map', 'ns-early', 'early-loopback-up', 'premount-root', 'idmap-dir'])
      expect(ops(out)).not.toContain(op);
    expect(find(out, 'mkdev').length).toBeGreaterThan(0);
    expect(find(out, 'mount').find((i) => i[2] === '/sys')![3]).toBe('sysfs');
  });
});

describe(cgroupOwner.name, () => {
  const HYBRID: CgroupLayout = {
    mode: 'hybrid',
    hierarchies: [],
    unifiedMountPoint: '/sys/fs/cgroup/unified',
  };
  const writableCgroups = (s: OciSpec) => {
    s.mounts!.find((m) => m.destination === '/sys/fs/cgroup')!.options = ['nosuid', 'noexec', 'nodev', 'rw'];
    return s;
  };

  it('should give a v2 cgroup to the process’s user as the host knows it, when its mount is writable', () => {
    const s = writableCgroups(spec({ user: { uid: 1000, gid: 1000 } }));
    expect(cgroupOwner(s, V2)).toEqual({ uid: 101000, gid: 101000 });
    expect(cgroupOwner(writableCgroups(spec()), V2)).toEqual({ uid: 100000, gid: 100000 });
  });

  it('should leave the cgroup alone with Docker’s read-only mount, on v1, or without a cgroup namespace', () => {
    expect(cgroupOwner(spec(), V2)).toBeNull();
    expect(cgroupOwner(writableCgroups(spec()), HYBRID)).toBeNull();
    const hostCgroupNs = writableCgroups(spec());
    hostCgroupNs.linux!.namespaces = hostCgroupNs.linux!.namespaces!.filter((n) => n.type !== 'cgroup');
    expect(cgroupOwner(hostCgroupNs, V2)).toBeNull();
  });

  it('should use the ids themselves without a user namespace, and change nothing for root', () => {
    expect(
      cgroupOwner(writableCgroups(spec({ userNamespace: undefined, user: { uid: 7, gid: 8 } })), V2),
    ).toEqual({
      uid: 7,
      gid: 8,
    });
    expect(cgroupOwner(writableCgroups(spec({ userNamespace: undefined })), V2)).toBeNull();
  });

  it('should leave the cgroup alone for a user the mappings do not hold', () => {
    expect(cgroupOwner(writableCgroups(spec({ user: { uid: 70000, gid: 0 } })), V2)).toBeNull();
  });
});

describe('limits in a user namespace', () => {
  const limited = (o: Partial<ContainerOptions> = {}) =>
    spec({ rlimits: [{ type: 'RLIMIT_NOFILE', soft: 10, hard: 20 }], oomScoreAdj: -5, ...o });

  it('should have the monitor set rlimits and the OOM score on the init from outside', () => {
    const out = compileCreate(limited(), context);
    expect(ops(out)).not.toContain('rlimit');
    expect(ops(out)).not.toContain('oom-score-adj');
    expect(find(out, 'outer-rlimit')).toEqual([['outer-rlimit', '7', '10', '20']]);
    expect(find(out, 'outer-oom-score-adj')).toEqual([['outer-oom-score-adj', '-5']]);
  });

  it('should have the exec shim set them on itself before it joins', () => {
    const s = limited();
    const out = compileExec(s, s.process!, { pid: 42, cgroupProcsFiles: [], cgroupNamespaces: true });
    expect(ops(out).filter((op) => op.includes('rlimit') || op.includes('oom'))).toEqual([
      'outer-rlimit',
      'outer-oom-score-adj',
    ]);
  });

  it('should leave them to the process itself without a user namespace', () => {
    const out = compileCreate(limited({ userNamespace: undefined }), context);
    expect(ops(out).filter((op) => op.includes('rlimit') || op.includes('oom'))).toEqual([
      'rlimit',
      'oom-score-adj',
    ]);
  });
});

describe('compileExec with a user namespace', () => {
  it('should join the user namespace last', () => {
    const s = spec();
    const out = compileExec(s, s.process!, { pid: 42, cgroupProcsFiles: [], cgroupNamespaces: true });
    const joined = find(out, 'ns').map((i) => i[1]);
    expect(joined.at(-1)).toBe('user');
    expect(joined).toHaveLength(s.linux!.namespaces!.length);
    expect(find(out, 'ns').at(-1)).toEqual(['ns', 'user', '/proc/42/ns/user']);
  });
});
