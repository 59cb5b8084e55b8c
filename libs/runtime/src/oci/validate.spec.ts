import { buildSpec } from './container-spec';
import type { OciSpec } from './spec';
import { validateSpec } from './validate';

const valid = (): OciSpec => buildSpec({ args: ['true'], rootfs: { path: '/r' }, hostname: 'h' });
const paths = (spec: OciSpec) => validateSpec(spec).map((p) => p.path);

describe('validateSpec', () => {
  it('should accept what buildSpec makes', () => {
    expect(validateSpec(valid())).toEqual([]);
  });

  it('should name a missing command, root and version', () => {
    const spec = valid();
    spec.process!.args = [];
    delete (spec as Partial<OciSpec>).ociVersion;
    delete spec.root;
    expect(paths(spec)).toEqual(['ociVersion', 'root.path', 'process.args']);
  });

  it('should refuse AppArmor profiles and SELinux labels it would not apply', () => {
    const spec = valid() as OciSpec & { linux: { mountLabel?: string } };
    Object.assign(spec.process!, {
      apparmorProfile: 'docker-default',
      selinuxLabel: 'system_u:system_r:svirt_lxc_net_t:s0',
    });
    spec.linux.mountLabel = 'system_u:object_r:svirt_sandbox_file_t:s0';
    expect(paths(spec)).toEqual(['process.apparmorProfile', 'process.selinuxLabel', 'linux.mountLabel']);
  });

  it('should refuse huge page limits without a size such as 2MB or with a negative limit', () => {
    const spec = valid();
    spec.linux!.resources = {
      hugepageLimits: [
        { pageSize: '2MB', limit: 0 },
        { pageSize: '2 MB', limit: 1 },
        { pageSize: '1GB', limit: -1 },
      ],
    };
    expect(paths(spec)).toEqual([
      'linux.resources.hugepageLimits[1].pageSize',
      'linux.resources.hugepageLimits[2].limit',
    ]);
  });

  it('should refuse memory limits below 6 MiB and swap below the limit', () => {
    const spec = valid();
    spec.linux!.resources = { memory: { limit: 1024, swap: 512 } };
    const problems = validateSpec(spec);
    expect(problems.map((p) => p.path)).toEqual([
      'linux.resources.memory.limit',
      'linux.resources.memory.swap',
    ]);
    expect(problems[0].message).toContain('at least 6291456 bytes');
  });

  it('should refuse block I/O weights out of 10..1000, devices without numbers and negative rates', () => {
    const spec = valid();
    spec.linux!.resources = {
      blockIO: {
        weight: 5,
        leafWeight: 1001,
        weightDevice: [{ major: 8, minor: 0, weight: 2000 }],
        throttleReadBpsDevice: [{ major: 8, minor: 0, rate: -1 }],
        throttleWriteIOPSDevice: [{ major: 8 } as never],
      },
      memory: { disableOOMKiller: 'yes' as never },
      network: { classID: -1, priorities: [{ name: '', priority: 1 }] },
    };
    expect(paths(spec)).toEqual([
      'linux.resources.memory.disableOOMKiller',
      'linux.resources.blockIO.weight',
      'linux.resources.blockIO.leafWeight',
      'linux.resources.blockIO.weightDevice[0]',
      'linux.resources.blockIO.throttleReadBpsDevice[0]',
      'linux.resources.blockIO.throttleWriteIOPSDevice[0]',
      'linux.resources.network.classID',
      'linux.resources.network.priorities[0]',
    ]);
  });

  it('should accept block I/O, OOM and network settings in range', () => {
    const spec = valid();
    spec.linux!.resources = {
      blockIO: {
        weight: 10,
        leafWeight: 1000,
        weightDevice: [{ major: 8, minor: 0, weight: 500 }],
        throttleReadBpsDevice: [{ major: 8, minor: 0, rate: 0 }],
      },
      memory: { disableOOMKiller: true },
      network: { classID: 0x100001, priorities: [{ name: 'eth0', priority: 0 }] },
    };
    expect(validateSpec(spec)).toEqual([]);
  });

  it('should refuse hooks with relative paths, bad args or env, non-positive timeouts, unknown points', () => {
    const spec = valid();
    spec.hooks = {
      prestart: [{ path: 'x' }],
      poststop: [{ path: '/x', args: [1 as never], env: ['NOEQUALS'], timeout: 1.5 }],
      ['later' as never]: [],
    };
    expect(paths(spec)).toEqual([
      'hooks.prestart[0].path',
      'hooks.poststop[0].args',
      'hooks.poststop[0].env',
      'hooks.poststop[0].timeout',
      'hooks.later',
    ]);
  });

  it('should refuse CPU values the kernel would refuse', () => {
    const spec = valid();
    spec.linux!.resources = { cpu: { shares: 1, quota: 10, period: 10 } };
    expect(paths(spec)).toEqual([
      'linux.resources.cpu.shares',
      'linux.resources.cpu.period',
      'linux.resources.cpu.quota',
    ]);
  });

  it('should accept -1 as unlimited', () => {
    const spec = valid();
    spec.linux!.resources = { memory: { limit: -1, swap: -1 }, cpu: { quota: -1 }, pids: { limit: -1 } };
    expect(validateSpec(spec)).toEqual([]);
  });

  it('should refuse a pids limit below -1 and non-integers', () => {
    const spec = valid();
    spec.linux!.resources = { pids: { limit: -5 } };
    expect(paths(spec)).toEqual(['linux.resources.pids.limit']);
    spec.linux!.resources = { memory: { limit: 1.5e7 + 0.5 } };
    expect(paths(spec)).toEqual(['linux.resources.memory.limit']);
  });

  it('should refuse unknown, unsupported and duplicate namespaces, and a hostname without uts', () => {
    const spec = valid();
    spec.linux!.namespaces = [
      { type: 'pid' },
      { type: 'pid' },
      { type: 'time' },
      { type: 'bogus' as 'pid' },
      { type: 'mount' },
    ];
    expect(paths(spec)).toEqual([
      'linux.namespaces[1]',
      'linux.namespaces[2].type',
      'linux.namespaces[3].type',
      'hostname',
    ]);
  });

  it('should refuse, without a mount namespace, everything that would mount beyond the rootfs', () => {
    const spec = valid();
    spec.linux!.namespaces = spec.linux!.namespaces!.filter((n) => n.type !== 'mount');
    spec.root!.readonly = true;
    spec.linux!.devices = [{ path: '/dev/fuse', type: 'c', major: 10, minor: 229 }];
    spec.linux!.sysctl = { 'net.ipv4.ip_forward': '1' };
    spec.linux!.rootfsPropagation = 'rslave';
    spec.annotations = { 'io.berth.rootfs.lowerdirs': '/l', 'io.berth.rootfs.upperdir': '/u' };
    const problems = validateSpec(spec);
    expect(problems.map((p) => p.path)).toEqual([
      'linux.maskedPaths',
      'linux.readonlyPaths',
      'root.readonly',
      'linux.devices',
      'linux.sysctl',
      'linux.rootfsPropagation',
      'annotations.io.berth.rootfs.lowerdirs',
    ]);
    expect(problems[0].message).toContain("would change the host's mount table");
  });

  it('should accept a spec without a mount namespace that mounts nothing', () => {
    const spec = valid();
    spec.linux!.namespaces = spec.linux!.namespaces!.filter((n) => n.type !== 'mount');
    spec.mounts = [];
    spec.linux!.maskedPaths = [];
    spec.linux!.readonlyPaths = [];
    expect(validateSpec(spec)).toEqual([]);
  });

  it('should check the process: cwd, user, env, rlimits, capabilities, oom score', () => {
    const spec = valid();
    Object.assign(spec.process!, {
      cwd: 'relative',
      user: { uid: -1, gid: 0 },
      env: ['NOEQUALS'],
      rlimits: [{ type: 'RLIMIT_BOGUS', soft: 2, hard: 1 }],
      capabilities: { bounding: ['CAP_FLY'] },
      oomScoreAdj: 2000,
    });
    expect(paths(spec)).toEqual([
      'process.cwd',
      'process.user',
      'process.env',
      'process.oomScoreAdj',
      'process.capabilities.bounding',
      'process.rlimits[0].type',
      'process.rlimits[0]',
    ]);
  });

  it('should take a terminal and refuse a umask out of range', () => {
    const spec = valid();
    spec.process!.terminal = true;
    spec.process!.user.umask = 0o1000;
    expect(validateSpec(spec).map((p) => p.path)).toEqual(['process.user.umask']);
  });

  it('should require absolute mount destinations', () => {
    const spec = valid();
    spec.mounts!.push({ destination: 'data', type: 'tmpfs' });
    expect(paths(spec)).toEqual([`mounts[${spec.mounts!.length - 1}].destination`]);
  });
});
