import { berth } from '@berth/proto';
import { ConflictError, InvalidArgumentError } from '../errors';
import {
  hostsFile,
  mergeEnv,
  parseUlimit,
  planContainer,
  resolvConf,
  runtimeOptions,
  type ImageFacts,
  type Resolved,
} from './plan';
import { requestFromProto } from './request-proto';

const ID = '0123456789ab'.padEnd(64, 'c');
const image: ImageFacts = {
  reference: 'busybox',
  configDigest: 'sha256:cfg',
  manifestDigest: 'sha256:man',
  config: {
    Cmd: ['sh'],
    Env: ['PATH=/bin', 'A=image'],
    WorkingDir: '/srv',
    ExposedPorts: { '80/tcp': {} },
    Volumes: { '/data': {} },
    Labels: { from: 'image' },
  },
};
/** What the engine API's create carries, through the wire and into a request, as the controller does. */
const spec = (fields: Record<string, unknown> = {}) =>
  requestFromProto(
    berth.engine.v1.ContainerSpec.decode(
      berth.engine.v1.ContainerSpec.encode({ image: 'busybox', ...fields }).finish(),
    ),
  );
const plan = (fields: Record<string, unknown> = {}) =>
  planContainer(spec(fields), image, ID, 'web', new Date('2026-01-01T00:00:00Z'));

describe('planContainer', () => {
  it("should take the image's command, environment, working directory and labels when the request gives none", () => {
    const c = plan();
    expect([c.path, ...c.args]).toEqual(['sh']);
    expect(c.config).toMatchObject({
      env: ['PATH=/bin', 'A=image'],
      workingDir: '/srv',
      hostname: '0123456789ab',
      labels: { from: 'image' },
      stopSignal: 'SIGTERM',
      stopTimeoutMs: 10_000,
    });
    expect(c.hostConfig).toMatchObject({ network: 'bridge', restart: { name: 'no', maximumRetryCount: 0 } });
  });

  it('should let the request override, as docker run flags do', () => {
    const c = plan({
      cmd: ['echo', 'hi'],
      env: ['A=req', 'B=2'],
      workingDir: '/tmp',
      user: '1000',
      hostname: 'h',
      labels: { x: 'y' },
      tty: true,
    });
    expect([c.path, ...c.args]).toEqual(['echo', 'hi']);
    expect(c.config.env).toEqual(['PATH=/bin', 'A=req', 'TERM=xterm', 'B=2']);
    expect(c.config).toMatchObject({
      workingDir: '/tmp',
      user: '1000',
      hostname: 'h',
      labels: { from: 'image', x: 'y' },
    });
  });

  it("should drop the image's CMD when --entrypoint is given, and clear the entrypoint with an empty one", () => {
    const withEntry = planContainer(
      spec({ entrypoint: ['/bin/echo'], entrypointSet: true }),
      { ...image, config: { ...image.config, Entrypoint: ['/old'] } },
      ID,
      'w',
      new Date(),
    );
    expect([withEntry.path, ...withEntry.args]).toEqual(['/bin/echo']);
    const cleared = planContainer(
      spec({ entrypoint: [''], entrypointSet: true, cmd: ['ls'] }),
      { ...image, config: { ...image.config, Entrypoint: ['/old'] } },
      ID,
      'w',
      new Date(),
    );
    expect([cleared.path, ...cleared.args]).toEqual(['ls']);
  });

  it('should refuse what Docker refuses', () => {
    expect(() => planContainer(spec(), { ...image, config: {} }, ID, 'w', new Date())).toThrow(
      'No command specified',
    );
    expect(() => plan({ workingDir: 'rel' })).toThrow("the working directory 'rel' is invalid");
    expect(() => plan({ autoRemove: true, restart: { name: 'always' } })).toThrow(ConflictError);
    expect(() => plan({ network: 'host', ports: [{ containerPort: 80 }] })).toThrow(
      'published ports are discarded',
    );
    expect(() => plan({ mounts: [{ type: 'bind', source: 'rel', target: '/x' }] })).toThrow(
      InvalidArgumentError,
    );
    expect(() =>
      plan({
        mounts: [
          { type: 'volume', source: 'a', target: '/x' },
          { type: 'volume', source: 'b', target: '/x' },
        ],
      }),
    ).toThrow('Duplicate mount point: /x');
  });

  it("should give the image's VOLUMEs anonymous volumes unless a mount covers them", () => {
    expect(plan().mounts).toEqual([
      { type: 'volume', source: '', destination: '/data', readOnly: false, anonymous: true },
    ]);
    expect(plan({ mounts: [{ type: 'volume', source: 'named', target: '/data' }] }).mounts).toEqual([
      { type: 'volume', source: 'named', destination: '/data', readOnly: false, anonymous: false },
    ]);
  });

  it('should publish exposed ports with -P, beside the ones given', () => {
    const c = plan({ ports: [{ containerPort: 8080, hostPort: 9000 }], publishAll: true });
    expect(c.hostConfig.ports).toEqual([
      { hostIp: '', hostPort: 9000, containerPort: 8080, protocol: 'tcp' },
      { hostIp: '', hostPort: 0, containerPort: 80, protocol: 'tcp' },
    ]);
    expect(c.config.exposedPorts).toEqual(['80/tcp', '8080/tcp']);
  });

  it('should take the healthcheck from the request over the image, with Docker’s defaults', () => {
    const fromImage = planContainer(
      spec(),
      { ...image, config: { ...image.config, Healthcheck: { Test: ['CMD-SHELL', 'true'], Interval: 5e9 } } },
      ID,
      'w',
      new Date(),
    );
    expect(fromImage.config.healthcheck).toEqual({
      test: ['CMD-SHELL', 'true'],
      intervalMs: 5000,
      timeoutMs: 30000,
      startPeriodMs: 0,
      retries: 3,
    });
    const given = plan({ healthcheck: { test: ['CMD', 'false'], retries: 2 } });
    expect(given.config.healthcheck).toMatchObject({ test: ['CMD', 'false'], retries: 2 });
    expect(plan({ noHealthcheck: true }).config.healthcheck).toBeNull();
  });
});

describe('runtimeOptions', () => {
  const resolved: Resolved = {
    lowerDirs: ['/init', '/l1'],
    upperDir: '/c/upper',
    workDir: '/c/work',
    mergedDir: '/c/merged',
    user: { uid: 1000, gid: 1000, additionalGids: [] },
    netnsPath: '/run/netns/x',
    etcFiles: { hosts: '/c/hosts', hostname: '/c/hostname', resolvConf: '/c/resolv.conf' },
    volumeDirs: { '/data': '/v/anon/_data' },
  };

  it('should join the network namespace, bind volumes and carry limits', () => {
    const c = plan({
      memoryBytes: 64 << 20,
      cpus: 1.5,
      pidsLimit: 20,
      mounts: [{ type: 'tmpfs', target: '/run', options: ['size=1m'] }],
    });
    const o = runtimeOptions(c, resolved);
    expect(o).toMatchObject({
      args: ['sh'],
      cwd: '/srv',
      user: resolved.user,
      network: { path: '/run/netns/x' },
      memoryBytes: 64 << 20,
      cpus: 1.5,
      pidsLimit: 20,
    });
    expect(o.env).toEqual(['HOSTNAME=0123456789ab', 'PATH=/bin', 'A=image']);
    expect(o.mounts).toEqual([{ source: '/v/anon/_data', destination: '/data', readOnly: false }]);
    expect(o.tmpfs).toEqual([{ destination: '/run', options: ['nosuid', 'nodev', 'noexec', 'size=1m'] }]);
  });

  it('should share the host network, keeping only /etc/hostname of its own', () => {
    const o = runtimeOptions(plan({ network: 'host' }), { ...resolved, netnsPath: null });
    expect(o.network).toBe('host');
    expect(o.etcFiles).toEqual({ hostname: '/c/hostname' });
  });

  it('should turn --privileged into every capability and no seccomp filter', () => {
    expect(runtimeOptions(plan({ privileged: true, capDrop: ['CHOWN'] }), resolved)).toMatchObject({
      capAdd: ['ALL'],
      capDrop: [],
      seccomp: 'unconfined',
    });
    const withProfile = plan({ privileged: true, securityOpt: ['seccomp={"defaultAction":"SCMP_ACT_LOG"}'] });
    expect(runtimeOptions(withProfile, resolved).seccomp).toBe('unconfined');
  });

  it("should leave Docker's default seccomp profile to buildSpec unless --security-opt says otherwise", () => {
    expect(runtimeOptions(plan(), resolved)).not.toHaveProperty('seccomp');
    expect(runtimeOptions(plan({ securityOpt: ['seccomp=builtin'] }), resolved)).not.toHaveProperty(
      'seccomp',
    );
    expect(runtimeOptions(plan({ securityOpt: ['seccomp:unconfined'] }), resolved).seccomp).toBe(
      'unconfined',
    );
    const profile = {
      defaultAction: 'SCMP_ACT_ALLOW',
      syscalls: [{ names: ['mkdir'], action: 'SCMP_ACT_ERRNO' }],
    };
    const c = plan({ securityOpt: [`seccomp=${JSON.stringify(profile)}`, 'no-new-privileges'] });
    expect(c.hostConfig.securityOpt).toEqual([`seccomp=${JSON.stringify(profile)}`, 'no-new-privileges']);
    expect(runtimeOptions(c, resolved)).toMatchObject({ seccomp: { profile }, noNewPrivileges: true });
  });

  it('should refuse a bad seccomp profile when the container is made, naming the problem', () => {
    expect(() => plan({ securityOpt: ['seccomp=/etc/p.json'] })).toThrow(/give the profile's JSON/);
    expect(() => plan({ securityOpt: ['seccomp={"defaultAction":"SCMP_ACT_MAYBE"}'] })).toThrow(
      /seccomp profile.defaultAction: unknown action "SCMP_ACT_MAYBE"/,
    );
    expect(() => plan({ securityOpt: ['seccomp={'] })).toThrow(/seccomp profile: is not JSON/);
    expect(() => plan({ securityOpt: ['apparmor=docker-default'] })).toThrow(
      /invalid --security-opt "apparmor=docker-default"/,
    );
    expect(() => plan({ securityOpt: ['no-new-privileges=yes'] })).toThrow(/must be true or false/);
  });
});

describe('files a container gets', () => {
  it('should write /etc/hosts with its own address and the extra hosts', () => {
    const c = {
      ...plan({ extraHosts: ['db:10.0.0.9'] }),
      networks: [
        { network: 'bridge', ip: '10.88.0.5', prefixLength: 16, gateway: '10.88.0.1', mac: '', aliases: [] },
      ],
    };
    const hosts = hostsFile(c);
    expect(hosts.split('\n').slice(-3)).toEqual(['10.88.0.5\t0123456789ab', '10.0.0.9\tdb', '']);
  });

  it("should keep the host's resolvers but not loopback ones, or point at the agent's DNS", () => {
    const host = 'search example.com\nnameserver 127.0.0.53\nnameserver 10.0.0.2\n';
    expect(resolvConf(host, {})).toBe('search example.com\nnameserver 10.0.0.2\n');
    expect(resolvConf('nameserver 127.0.0.1\n', {})).toBe('nameserver 8.8.8.8\nnameserver 8.8.4.4\n');
    expect(resolvConf(host, { embeddedDns: '10.89.0.1' })).toBe('nameserver 10.89.0.1\noptions ndots:0\n');
    expect(resolvConf(host, { nameservers: ['1.1.1.1'] })).toBe('search example.com\nnameserver 1.1.1.1\n');
  });
});

describe('small parsers', () => {
  it('should merge environments by name', () => {
    expect(mergeEnv(['A=1', 'B=2'], ['A=3'])).toEqual(['A=3', 'B=2']);
  });

  it('should read ulimits', () => {
    expect(parseUlimit('nofile=1024:2048')).toEqual({ name: 'nofile', soft: 1024, hard: 2048 });
    expect(parseUlimit('nproc=50')).toEqual({ name: 'nproc', soft: 50, hard: 50 });
    expect(() => parseUlimit('files=1')).toThrow('invalid ulimit');
    expect(() => parseUlimit('nofile=10:5')).toThrow('soft limit is above');
  });
});
