import type { CgroupLayout } from '../cgroups/layout';
import { ANNOTATION } from '../oci/annotations';
import { buildSpec, type ContainerOptions } from '../oci/container-spec';
import type { OciSpec } from '../oci/spec';
import { commonDirectory, compileCreate, compileExec, deviceRules, type CreateContext } from './compile';
import type { Instruction } from './instructions';
import { MS } from './mount-options';

const HYBRID: CgroupLayout = {
  mode: 'hybrid',
  hierarchies: [
    { mountPoint: '/sys/fs/cgroup/cpu,cpuacct', controllers: ['cpu', 'cpuacct'] },
    { mountPoint: '/sys/fs/cgroup/memory', controllers: ['memory'] },
    { mountPoint: '/sys/fs/cgroup/systemd', controllers: [], name: 'systemd' },
  ],
  unifiedMountPoint: '/sys/fs/cgroup/unified',
};
const V2: CgroupLayout = { mode: 'v2', mountPoint: '/sys/fs/cgroup' };

function context(overrides: Partial<CreateContext> = {}): CreateContext {
  return {
    stateDir: '/run/berth/containers/c1',
    bundle: '/bundles/c1',
    log: { path: '/var/lib/berth/containers/c1/log.json', maxSize: 1024, maxFiles: 3 },
    autostart: false,
    cgroupPath: 'berth/c1',
    cgroupLayout: HYBRID,
    cgroupProcsFiles: ['/sys/fs/cgroup/memory/berth/c1/cgroup.procs'],
    cgroupNamespaces: true,
    hookState: { ociVersion: '1.0.2', id: 'c1', bundle: '/bundles/c1', annotations: {} },
    ...overrides,
  };
}

const spec = (overrides: Partial<ContainerOptions> = {}): OciSpec =>
  buildSpec({
    args: ['/bin/sh', '-c', 'echo hi'],
    rootfs: { path: 'rootfs' },
    hostname: 'box',
    ...overrides,
  });

const ops = (list: Instruction[]): string[] => list.map((i) => i[0]);
const find = (list: Instruction[], op: string): (readonly string[])[] => list.filter((i) => i[0] === op);

describe('compileCreate', () => {
  it('should tell the monitor where state, logs and cgroups are', () => {
    const out = compileCreate(spec(), context());
    expect(out.slice(0, 4)).toEqual([
      ['state-dir', '/run/berth/containers/c1'],
      ['rootfs', '/bundles/c1/rootfs'],
      ['log', '/var/lib/berth/containers/c1/log.json', '1024', '3'],
      ['cgroup', '/sys/fs/cgroup/memory/berth/c1/cgroup.procs'],
    ]);
    expect(ops(out)).not.toContain('autostart');
    expect(ops(compileCreate(spec(), context({ autostart: true })))).toContain('autostart');
    expect(ops(compileCreate(spec(), context({ log: null })))).not.toContain('log');
  });

  it('should ask for a terminal of the given size and for a stdin fifo only when wanted', () => {
    const tty = compileCreate(spec({ terminal: { rows: 30, cols: 100 } }), context({ openStdin: true }));
    expect(find(tty, 'terminal')).toEqual([['terminal', '30', '100']]);
    expect(ops(tty)).toContain('open-stdin');
    expect(find(compileCreate(spec({ terminal: true }), context()), 'terminal')).toEqual([
      ['terminal', '0', '0'],
    ]);
    const plain = compileCreate(spec(), context());
    expect(ops(plain)).not.toContain('terminal');
    expect(ops(plain)).not.toContain('open-stdin');
  });

  it('should create every namespace the spec asks for, and join the ones given by path', () => {
    const out = compileCreate(spec({ network: { path: '/run/netns/n1' } }), context());
    expect(find(out, 'ns')).toEqual([
      ['ns', 'pid', ''],
      ['ns', 'ipc', ''],
      ['ns', 'uts', ''],
      ['ns', 'mount', ''],
      ['ns', 'cgroup', ''],
      ['ns', 'network', '/run/netns/n1'],
    ]);
  });

  it("should bring loopback up first when the spec asks, and only in a network namespace of the container's", () => {
    const steps = (o: Partial<ContainerOptions>, annotations?: Record<string, string>) => {
      const s = spec(o);
      if (annotations) s.annotations = annotations;
      return compileCreate(s, context()).filter(([op]) => op === 'loopback-up' || op === 'mount-root');
    };
    expect(steps({}).map(([op]) => op)).toEqual(['loopback-up', 'mount-root']);
    expect(steps({ network: { path: '/run/netns/x' } }).map(([op]) => op)).toEqual([
      'loopback-up',
      'mount-root',
    ]);
    expect(steps({}, {}).map(([op]) => op)).toEqual(['mount-root']); // a hand-made bundle without the annotation
    expect(steps({ network: 'host' }, { [ANNOTATION.loopbackUp]: 'true' }).map(([op]) => op)).toEqual([
      'mount-root',
    ]);
  });

  it('should leave out the cgroup namespace on a kernel without one', () => {
    const out = compileCreate(spec(), context({ cgroupNamespaces: false }));
    expect(find(out, 'ns').map((i) => i[1])).not.toContain('cgroup');
  });

  it('should run setup in the order that works: root, mounts, devices, pivot, then masks and read-only paths', () => {
    const order = ops(compileCreate(spec({ readOnlyRootfs: true }), context()));
    const at = (op: string) => order.indexOf(op);
    const lastOf = (op: string) => order.lastIndexOf(op);
    expect(at('mount-root')).toBeLessThan(at('mount'));
    expect(lastOf('mount')).toBeLessThan(at('mkdev'));
    expect(lastOf('mkdev')).toBeLessThan(at('pivot'));
    expect(at('pivot')).toBeLessThan(at('mask'));
    expect(lastOf('mask')).toBeLessThan(at('readonly-root'));
    expect(at('readonly-root')).toBeLessThan(at('hostname'));
    expect(at('hostname')).toBeLessThan(at('arg'));
  });

  it('should bind a plain rootfs onto itself and mount an overlay root from the annotations', () => {
    expect(find(compileCreate(spec(), context()), 'mount-root')).toEqual([
      ['mount-root', '', '', '0', '', ''],
    ]);
    const overlay = spec({
      rootfs: {
        path: '/c/merged',
        overlay: { lowerDirs: ['/l/2', '/l/1'], upperDir: '/c/upper', workDir: '/c/work' },
      },
    });
    expect(find(compileCreate(overlay, context()), 'mount-root')).toEqual([
      ['mount-root', 'overlay', 'overlay', '0', 'lowerdir=/l/2:/l/1,upperdir=/c/upper,workdir=/c/work', ''],
    ]);
  });

  const overlayOf = (layers: number) =>
    spec({
      rootfs: {
        path: '/var/lib/berth/containers/c1/merged',
        overlay: {
          lowerDirs: Array.from(
            { length: layers },
            (_, i) => `/var/lib/berth/layers/${'f'.repeat(62)}${String(i).padStart(2, '0')}/diff`,
          ),
          upperDir: '/var/lib/berth/containers/c1/upper',
          workDir: '/var/lib/berth/containers/c1/work',
        },
      },
    });

  it('should shorten long overlay options to paths relative to a common directory', () => {
    const [root] = find(compileCreate(overlayOf(45), context()), 'mount-root');
    expect(root[5]).toBe('/var/lib/berth');
    expect(root[4]).toMatch(/^lowerdir=layers\/f+00\/diff:/);
    expect(root[4]).toContain(',upperdir=containers/c1/upper,workdir=containers/c1/work');
    expect(root[4]!.length).toBeLessThan(4096);
  });

  it('should refuse more layers than fit in one page of mount options', () => {
    expect(() => compileCreate(overlayOf(60), context())).toThrow(
      /60 layers make \d+ bytes of overlay options/,
    );
  });

  it('should bind sources relative to the bundle and keep read-only binds read-only', () => {
    const s = spec({ mounts: [{ source: 'data', destination: '/data', readOnly: true }] });
    const bind = find(compileCreate(s, context()), 'mount').find((m) => m[2] === '/data')!;
    expect(bind[1]).toBe('/bundles/c1/data');
    expect(Number(bind[4]) & MS.BIND).toBe(MS.BIND);
    expect(Number(bind[4]) & MS.RDONLY).toBe(MS.RDONLY);
    expect(Number(bind[5])).toBe(MS.PRIVATE | MS.REC);
  });

  it('should mount each v1 hierarchy afresh in a cgroup namespace and link co-mounted controllers', () => {
    const out = compileCreate(spec(), context());
    const cgroup = find(out, 'mount').filter((m) => m[2].startsWith('/sys/fs/cgroup'));
    expect(cgroup.map((m) => [m[2], m[3], m[6]])).toEqual([
      ['/sys/fs/cgroup', 'tmpfs', 'mode=755'],
      ['/sys/fs/cgroup/cpu,cpuacct', 'cgroup', 'cpu,cpuacct'],
      ['/sys/fs/cgroup/memory', 'cgroup', 'memory'],
      ['/sys/fs/cgroup/systemd', 'cgroup', 'none,name=systemd'],
    ]);
    expect(find(out, 'symlink')).toEqual(
      expect.arrayContaining([
        ['symlink', 'cpu,cpuacct', '/sys/fs/cgroup/cpu'],
        ['symlink', 'cpu,cpuacct', '/sys/fs/cgroup/cpuacct'],
      ]),
    );
    // the tmpfs is made read-only only after pivot_root, when its mount points exist
    expect(out.findIndex((r) => r[0] === 'readonly' && r[1] === '/sys/fs/cgroup')).toBeGreaterThan(
      ops(out).indexOf('pivot'),
    );
  });

  it("should bind the container's own cgroup directories when there is no cgroup namespace", () => {
    const out = compileCreate(spec(), context({ cgroupNamespaces: false }));
    const memory = find(out, 'mount').find((m) => m[2] === '/sys/fs/cgroup/memory')!;
    expect(memory[1]).toBe('/sys/fs/cgroup/memory/berth/c1');
    expect(Number(memory[4]) & MS.BIND).toBe(MS.BIND);
  });

  it('should mount cgroup2 on a v2 machine', () => {
    const out = compileCreate(spec(), context({ cgroupLayout: V2 }));
    const cgroup = find(out, 'mount').filter((m) => m[2].startsWith('/sys/fs/cgroup'));
    expect(cgroup.map((m) => [m[1], m[2], m[3]])).toEqual([['cgroup2', '/sys/fs/cgroup', 'cgroup2']]);
  });

  it('should make the standard device nodes with exact modes, and the /dev links', () => {
    const out = compileCreate(spec(), context());
    expect(find(out, 'mkdev')).toContainEqual(['mkdev', '/dev/null', 'c', '1', '3', '666', '0', '0']);
    expect(find(out, 'mkdev').map((m) => m[1])).toEqual([
      '/dev/null',
      '/dev/zero',
      '/dev/full',
      '/dev/random',
      '/dev/urandom',
      '/dev/tty',
    ]);
    expect(find(out, 'symlink')).toContainEqual(['symlink', 'pts/ptmx', '/dev/ptmx']);
  });

  it('should not make device nodes when /dev is not a tmpfs of ours', () => {
    const s = spec();
    s.mounts = s.mounts!.filter((m) => m.destination !== '/dev');
    expect(find(compileCreate(s, context()), 'mkdev')).toEqual([]);
  });

  it("should write sysctls as /proc/sys paths, after pivot_root into the container's /proc", () => {
    const out = compileCreate(spec({ sysctls: { 'net.ipv4.ip_forward': '1' } }), context());
    const sysctl = out.findIndex((i) => i[0] === 'sysctl');
    expect(out[sysctl]).toEqual(['sysctl', 'net/ipv4/ip_forward', '1']);
    expect(sysctl).toBeGreaterThan(ops(out).indexOf('pivot'));
    expect(sysctl).toBeLessThan(out.findIndex((i) => i[0] === 'readonly' && i[1] === '/proc/sys'));
  });

  it('should carry the process: args, env, cwd, user, groups, capabilities, rlimits', () => {
    const s = spec({
      args: ['sleep', '1'],
      env: ['A=1'],
      cwd: '/tmp',
      user: { uid: 1000, gid: 100, additionalGids: [10, 20] },
      umask: 0o027,
      rlimits: [{ type: 'RLIMIT_NOFILE', soft: 256, hard: 512 }],
      noNewPrivileges: true,
      oomScoreAdj: 500,
      seccomp: 'unconfined', // the filter has its own tests below
    });
    const out = compileCreate(s, context());
    const proc = out.slice(ops(out).indexOf('arg'));
    expect(proc).toEqual([
      ['arg', 'sleep'],
      ['arg', '1'],
      ['env', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      ['env', 'A=1'],
      ['cwd', '/tmp'],
      ['user', '1000', '100'],
      ['group', '10'],
      ['group', '20'],
      ['umask', '27'],
      ['caps', 'a80425fb', 'a80425fb', 'a80425fb', '0', '0'],
      ['no-new-privs'],
      ['rlimit', '7', '256', '512'],
      ['oom-score-adj', '500'],
    ]);
  });

  it('should drop ambient capabilities that are not both permitted and inheritable, as runc does', () => {
    const s = spec();
    s.process!.capabilities = {
      bounding: ['CAP_KILL', 'CAP_CHOWN'],
      permitted: ['CAP_KILL', 'CAP_CHOWN'],
      inheritable: ['CAP_KILL'],
      effective: ['CAP_KILL'],
      ambient: ['CAP_KILL', 'CAP_CHOWN'],
    };
    expect(find(compileCreate(s, context()), 'caps')).toEqual([['caps', '21', '20', '21', '20', '20']]);
  });

  it('should leave capabilities alone when the spec has none', () => {
    const s = spec();
    delete s.process!.capabilities;
    expect(find(compileCreate(s, context()), 'caps')).toEqual([]);
  });
});

describe('deviceRules', () => {
  it("should put the spec's rules first, then Docker's allow list, then the devices the spec creates", () => {
    const s = spec();
    s.linux!.resources!.devices = [{ allow: false, access: 'rwm' }];
    s.linux!.devices = [{ type: 'c', path: '/dev/fuse', major: 10, minor: 229 }];
    const rules = deviceRules(s);
    expect(rules[0]).toEqual({ allow: false, access: 'rwm' });
    expect(rules[1]).toEqual({ allow: true, type: 'c', major: null, minor: null, access: 'm' });
    expect(rules[rules.length - 1]).toEqual({ allow: true, type: 'c', major: 10, minor: 229, access: 'rwm' });
  });
});

describe('compileExec', () => {
  it("should join the init's namespaces and cgroups and run the exec's process", () => {
    const s = spec();
    const out = compileExec(
      s,
      { ...s.process!, args: ['ps'] },
      {
        pid: 4242,
        cgroupProcsFiles: ['/sys/fs/cgroup/pids/berth/c1/cgroup.procs'],
        cgroupNamespaces: true,
      },
    );
    expect(out.slice(0, 7)).toEqual([
      ['cgroup', '/sys/fs/cgroup/pids/berth/c1/cgroup.procs'],
      ['ns', 'pid', '/proc/4242/ns/pid'],
      ['ns', 'ipc', '/proc/4242/ns/ipc'],
      ['ns', 'uts', '/proc/4242/ns/uts'],
      ['ns', 'mount', '/proc/4242/ns/mnt'],
      ['ns', 'cgroup', '/proc/4242/ns/cgroup'],
      ['ns', 'network', '/proc/4242/ns/net'],
    ]);
    expect(find(out, 'arg')).toEqual([['arg', 'ps']]);
  });

  it('should not join namespaces the container shares with the host', () => {
    const s = spec({ network: 'host' });
    const out = compileExec(s, s.process!, { pid: 1, cgroupProcsFiles: [], cgroupNamespaces: false });
    expect(find(out, 'ns').map((n) => n[1])).toEqual(['pid', 'ipc', 'uts', 'mount']);
  });
});

describe('commonDirectory', () => {
  it('should find the deepest directory shared by all paths', () => {
    expect(commonDirectory(['/a/b/c/d', '/a/b/e', '/a/b/c'])).toBe('/a/b');
    expect(commonDirectory(['/x/1', '/y/2'])).toBe('/');
  });
});

describe('seccomp', () => {
  const seccomp = {
    defaultAction: 'SCMP_ACT_ERRNO',
    flags: ['SECCOMP_FILTER_FLAG_LOG'],
    syscalls: [{ names: ['read'], action: 'SCMP_ACT_ALLOW' }],
  };
  const withFilter = (): OciSpec => {
    const s = spec();
    return { ...s, linux: { ...s.linux, seccomp } };
  };

  it("should hand the shim the compiled filter as the process's last instruction, in create and in exec", () => {
    const create = compileCreate(withFilter(), context());
    const exec = compileExec(withFilter(), withFilter().process!, {
      pid: 1,
      cgroupProcsFiles: [],
      cgroupNamespaces: true,
    });
    for (const out of [create, exec]) {
      const last = out[out.length - 1];
      expect(last.slice(0, 2)).toEqual(['seccomp', '2']);
      expect(last[2]).toMatch(/^([0-9a-f]{16})+$/);
    }
  });

  it('should hand over no filter when the spec has none', () => {
    const s = spec();
    expect(ops(compileCreate({ ...s, linux: { ...s.linux, seccomp: undefined } }, context()))).not.toContain(
      'seccomp',
    );
  });
});
