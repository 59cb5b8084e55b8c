import { InvalidSpecError } from '../errors';
import { ANNOTATION } from './annotations';
import { buildSpec, capabilitySet, type ContainerOptions } from './container-spec';
import { DOCKER_DEFAULT_CAPABILITIES } from './docker-defaults';

describe('buildSpec', () => {
  it("should give Docker's defaults: namespaces, mounts, masked paths, capabilities, PATH", () => {
    const spec = buildSpec({ args: ['sh'], rootfs: { path: '/r' } });
    expect(spec.linux!.namespaces!.map((n) => n.type)).toEqual([
      'pid',
      'ipc',
      'uts',
      'mount',
      'cgroup',
      'network',
    ]);
    expect(spec.mounts!.map((m) => m.destination)).toEqual([
      '/proc',
      '/dev',
      '/dev/pts',
      '/sys',
      '/sys/fs/cgroup',
      '/dev/mqueue',
      '/dev/shm',
    ]);
    expect(spec.linux!.maskedPaths).toContain('/proc/kcore');
    expect(spec.linux!.readonlyPaths).toContain('/proc/sys');
    expect(spec.process!.capabilities!.bounding).toEqual([...DOCKER_DEFAULT_CAPABILITIES]);
    expect(spec.process!.capabilities!.inheritable).toEqual([]);
    expect(spec.process!.env).toEqual(['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']);
    expect(spec.process!.user).toEqual({ uid: 0, gid: 0 });
    expect(spec.linux!.resources).toEqual({ devices: [{ allow: false, access: 'rwm' }] });
  });

  it('should keep a PATH the caller gives', () => {
    const spec = buildSpec({ args: ['sh'], rootfs: { path: '/r' }, env: ['PATH=/opt/bin', 'X=1'] });
    expect(spec.process!.env).toEqual(['PATH=/opt/bin', 'X=1']);
  });

  it('should set swap equal to memory unless told, and cpus as a quota', () => {
    const spec = buildSpec({
      args: ['sh'],
      rootfs: { path: '/r' },
      memoryBytes: 64 << 20,
      cpus: 1.5,
      pidsLimit: 20,
    });
    expect(spec.linux!.resources).toEqual({
      devices: [{ allow: false, access: 'rwm' }],
      memory: { limit: 64 << 20, swap: 128 << 20 },
      cpu: { quota: 150000, period: 100000 },
      pids: { limit: 20 },
    });
    const noSwap = buildSpec({
      args: ['sh'],
      rootfs: { path: '/r' },
      memoryBytes: 64 << 20,
      memorySwapBytes: 64 << 20,
    });
    expect(noSwap.linux!.resources!.memory!.swap).toBe(64 << 20);
  });

  it('should share the host network by leaving the namespace out, and bind /sys then', () => {
    const spec = buildSpec({ args: ['sh'], rootfs: { path: '/r' }, network: 'host' });
    expect(spec.linux!.namespaces!.map((n) => n.type)).not.toContain('network');
    expect(spec.mounts!.find((m) => m.destination === '/sys')).toMatchObject({
      type: 'bind',
      source: '/sys',
    });
  });

  it('should bind /etc files and volumes, read-only where asked', () => {
    const spec = buildSpec({
      args: ['sh'],
      rootfs: { path: '/r' },
      etcFiles: { hosts: '/c/hosts', hostname: '/c/hostname', resolvConf: '/c/resolv.conf' },
      mounts: [{ source: '/v', destination: '/data', readOnly: true }],
    });
    const binds = spec.mounts!.filter((m) => m.type === 'bind');
    expect(binds.map((m) => [m.source, m.destination])).toEqual([
      ['/c/resolv.conf', '/etc/resolv.conf'],
      ['/c/hostname', '/etc/hostname'],
      ['/c/hosts', '/etc/hosts'],
      ['/v', '/data'],
    ]);
    expect(binds[3].options).toContain('ro');
  });

  it('should carry an overlay root as annotations', () => {
    const spec = buildSpec({
      args: ['sh'],
      rootfs: {
        path: '/c/merged',
        overlay: { lowerDirs: ['/l1', '/l2'], upperDir: '/c/u', workDir: '/c/w' },
      },
    });
    expect(spec.annotations).toEqual({
      [ANNOTATION.overlayLowerDirs]: '/l1:/l2',
      [ANNOTATION.overlayUpperDir]: '/c/u',
      [ANNOTATION.overlayWorkDir]: '/c/w',
      [ANNOTATION.loopbackUp]: 'true',
    });
  });

  it("should ask for loopback up in a network namespace of the container's own, never on the host's", () => {
    const annotation = (network?: ContainerOptions['network']) =>
      buildSpec({ args: ['sh'], rootfs: { path: '/r' }, network }).annotations?.[ANNOTATION.loopbackUp];
    expect(annotation()).toBe('true');
    expect(annotation('none')).toBe('true');
    expect(annotation({ path: '/run/netns/berth-1' })).toBe('true');
    expect(annotation('host')).toBeUndefined();
  });
});

describe('capabilitySet', () => {
  it('should add and drop as docker run --cap-add/--cap-drop', () => {
    const caps = capabilitySet(['NET_ADMIN'], ['chown']);
    expect(caps).toContain('CAP_NET_ADMIN');
    expect(caps).not.toContain('CAP_CHOWN');
    expect(caps).toHaveLength(DOCKER_DEFAULT_CAPABILITIES.length);
  });

  it('should understand ALL', () => {
    expect(capabilitySet([], ['ALL'])).toEqual([]);
    expect(capabilitySet(['KILL'], ['ALL'])).toEqual(['CAP_KILL']);
    expect(capabilitySet(['ALL'], [])).toContain('CAP_SYS_ADMIN');
  });

  it('should refuse names it does not know', () => {
    expect(() => capabilitySet(['FLY'], [])).toThrow(InvalidSpecError);
  });
});

describe('buildSpec seccomp', () => {
  const base: ContainerOptions = { args: ['sh'], rootfs: { path: '/r' } };
  const namesAllowed = (o: Partial<ContainerOptions>) =>
    (buildSpec({ ...base, ...o }).linux!.seccomp?.syscalls ?? [])
      .filter((r) => r.action === 'SCMP_ACT_ALLOW' && !r.args)
      .flatMap((r) => r.names);

  it("should give every container Docker's default profile, for its final capability set", () => {
    const seccomp = buildSpec(base).linux!.seccomp!;
    expect(seccomp.defaultAction).toBe('SCMP_ACT_ERRNO');
    expect(namesAllowed({})).toContain('read');
    expect(namesAllowed({})).not.toContain('mount');
    expect(namesAllowed({ capAdd: ['SYS_ADMIN'] })).toContain('mount');
    expect(namesAllowed({ capAdd: ['ALL'] })).toContain('mount');
    expect(namesAllowed({ capDrop: ['SYS_CHROOT'] })).not.toContain('chroot');
    expect(namesAllowed({})).toContain('chroot');
  });

  it('should give no filter when unconfined, and a Docker-format profile when given one', () => {
    expect(buildSpec({ ...base, seccomp: 'unconfined' }).linux!.seccomp).toBeUndefined();
    const profile = {
      defaultAction: 'SCMP_ACT_ALLOW',
      syscalls: [{ names: ['mkdir'], action: 'SCMP_ACT_ERRNO', errnoRet: 30 }],
    };
    expect(buildSpec({ ...base, seccomp: { profile } }).linux!.seccomp).toEqual({
      defaultAction: 'SCMP_ACT_ALLOW',
      syscalls: [{ names: ['mkdir'], action: 'SCMP_ACT_ERRNO', errnoRet: 30 }],
    });
  });
});
