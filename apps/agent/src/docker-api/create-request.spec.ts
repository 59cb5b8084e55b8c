import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planContainer } from '../containers/plan';
import { containerRequest, type ContainerRequest, type MountRequest } from '../containers/request';
import { InvalidArgumentError } from '../errors';
import { containerRequestFromDocker, type CreateQuery } from './create-request';
import { dockerErrorOf } from './http-errors';
import { NotSupportedError } from './json-fields';

const AMD64 = { os: 'linux', architecture: 'amd64' };
const TESTDATA = join(__dirname, '..', '..', 'testdata', 'docker-create');

/** A body captured from a real docker client (testdata/docker-create), with its URL's query. */
function captured(name: string): { body: unknown; query: CreateQuery } {
  const doc = JSON.parse(readFileSync(join(TESTDATA, `${name}.json`), 'utf8')) as {
    url: string;
    body: unknown;
  };
  const params = new URL(doc.url, 'http://berth').searchParams;
  return {
    body: doc.body,
    query: { name: params.get('name') ?? undefined, platform: params.get('platform') ?? undefined },
  };
}

const fromCapture = (name: string) => {
  const { body, query } = captured(name);
  return containerRequestFromDocker(body, query, AMD64);
};
const create = (body: Record<string, unknown>, query: CreateQuery = {}) =>
  containerRequestFromDocker({ Image: 'busybox', ...body }, query, AMD64);
const withHostConfig = (hostConfig: Record<string, unknown>) => create({ HostConfig: hostConfig });
const mount = (fields: Partial<MountRequest>): MountRequest => ({
  type: 'volume',
  source: '',
  target: '',
  readOnly: false,
  options: [],
  createHostPath: false,
  ...fields,
});
const tcp = (containerPort: number, hostPort = 0, hostIp = '') =>
  ({ hostIp, hostPort, containerPort, protocol: 'tcp' }) as const;

/** The error CALL throws (and fails when it throws none). */
function errorOf(call: () => unknown): Error {
  try {
    call();
  } catch (error) {
    return error as Error;
  }
  throw new Error('it did not throw');
}

describe(containerRequestFromDocker.name, () => {
  describe('bodies captured from docker 28 and docker 20.10', () => {
    const CLIENTS = ['docker28', 'docker20'];

    it.each(CLIENTS)("should read %s's `docker run` of the brief", (client) => {
      expect(fromCapture(`${client}-run-brief`)).toEqual(
        containerRequest('busybox', {
          name: 'foo',
          cmd: ['echo', 'hi'],
          env: ['A=1'],
          ports: [tcp(80, 8080)],
          mounts: [
            mount({ type: 'bind', source: '/tmp', target: '/x', readOnly: true, createHostPath: true }),
            mount({ type: 'tmpfs', target: '/t', options: ['size=1048576'] }),
          ],
          restart: { name: 'on-failure', maximumRetryCount: 3 },
          memoryBytes: 64 * 1024 * 1024,
          cpus: 0.5,
        }),
      );
    });

    it.each(CLIENTS)("should read %s's --rm", (client) => {
      expect(fromCapture(`${client}-run-rm`)).toEqual(
        containerRequest('busybox', { name: 'foo', cmd: ['echo', 'hi'], autoRemove: true }),
      );
    });

    it.each(CLIENTS)("should read %s's create -it as a terminal and an open stdin", (client) => {
      expect(fromCapture(`${client}-create-it`)).toEqual(
        containerRequest('busybox', { name: 'bar', cmd: ['sh'], tty: true, openStdin: true }),
      );
    });

    it.each(CLIENTS)("should read every field of %s's many-flag run", (client) => {
      expect(fromCapture(`${client}-many-flags`)).toEqual(
        containerRequest('busybox', {
          entrypoint: [],
          hostname: 'myhost',
          user: '1000:1000',
          workingDir: '/app',
          labels: { a: 'b' },
          stopSignal: 'SIGINT',
          stopTimeoutMs: 20_000,
          healthcheck: {
            test: ['CMD-SHELL', 'true'],
            intervalMs: 5000,
            timeoutMs: 2000,
            startPeriodMs: 1000,
            retries: 4,
          },
          network: 'mynet',
          networkAliases: ['web'],
          autoRemove: true,
          readOnly: true,
          // docker 28 spells capabilities with their CAP_ prefix; the runtime takes both
          capAdd: [client === 'docker28' ? 'CAP_NET_ADMIN' : 'NET_ADMIN'],
          capDrop: [client === 'docker28' ? 'CAP_MKNOD' : 'MKNOD'],
          extraHosts: ['db:10.0.0.2'],
          dns: ['8.8.8.8'],
          sysctls: { 'net.ipv4.ip_forward': '1' },
          ulimits: [{ name: 'nofile', soft: 1024, hard: 2048 }],
          pidsLimit: 100,
          memorySwapBytes: 128 * 1024 * 1024,
          cpuShares: 512,
          publishAll: true,
          // --expose 9000 with -P: only the body knows it
          ports: [tcp(9000)],
          mounts: [
            mount({ type: 'volume', source: 'data', target: '/data' }),
            mount({ type: 'tmpfs', target: '/run', options: ['size=64k', 'mode=1777'] }),
            mount({ type: 'volume', target: '/anon' }),
          ],
        }),
      );
    });

    it.each(CLIENTS)(
      "should read %s's host network, privileged, entrypoint and --no-healthcheck",
      (client) => {
        expect(fromCapture(`${client}-host-network`)).toEqual(
          containerRequest('busybox', {
            entrypoint: ['/bin/sh'],
            cmd: ['-c', 'echo hi'],
            network: 'host',
            privileged: true,
            noHealthcheck: true,
          }),
        );
      },
    );

    it.each(CLIENTS)("should read %s's CPU quota, unlimited pids and swap, and published ports", (client) => {
      expect(fromCapture(`${client}-none-network`)).toEqual(
        containerRequest('busybox', {
          network: 'none',
          cpus: 0.5,
          memoryBytes: 32 * 1024 * 1024,
          memorySwapBytes: -1,
          pidsLimit: 0,
          ports: [
            { hostIp: '', hostPort: 53, containerPort: 53, protocol: 'udp' },
            tcp(7000, 7000),
            tcp(7001, 7001),
            tcp(9000, 0, '127.0.0.1'),
          ],
        }),
      );
    });

    it.each(CLIENTS)("should read %s's --mount of each type as the CLI's --mount makes them", (client) => {
      expect(fromCapture(`${client}-mounts`).mounts).toEqual([
        mount({ type: 'bind', source: '/tmp', target: '/b', readOnly: true }),
        mount({ type: 'volume', source: 'v1', target: '/v' }),
        mount({ type: 'tmpfs', target: '/t', options: ['size=2097152', 'mode=1770'] }),
      ]);
    });

    it.each(CLIENTS)("should join %s's second network with its aliases", (client) => {
      const r = fromCapture(`${client}-two-networks`);
      expect([r.network, r.networkAliases, r.endpoints]).toEqual([
        'n1',
        ['a1'],
        [{ network: 'n2', address: '', aliases: [] }],
      ]);
    });

    it.each(CLIENTS)("should keep %s's security options, which Berth acts on or does anyway", (client) => {
      expect(fromCapture(`${client}-security-opts`)).toEqual(
        containerRequest('busybox', {
          securityOpt: ['seccomp=unconfined', 'apparmor=unconfined', 'label=disable'],
        }),
      );
    });

    it.each(
      CLIENTS.flatMap((client) =>
        ['run-brief', 'run-rm', 'create-it', 'host-network', 'none-network', 'mounts', 'two-networks'].map(
          (name) => `${client}-${name}`,
        ),
      ),
    )('should read %s into a request the engine plans', (name) => {
      const image = {
        reference: 'busybox:latest',
        configDigest: 'sha256:c',
        manifestDigest: 'sha256:m',
        config: { Cmd: ['sh'] },
      };
      const request = fromCapture(name);
      const record = planContainer(request, image, 'c'.repeat(64), 'web', new Date());
      // the process is the entrypoint asked for, else the command asked for, else the image's CMD
      const expected = request.entrypoint?.length ? request.entrypoint[0] : (request.cmd[0] ?? 'sh');
      expect(record.path).toBe(expected);
    });

    it.each(CLIENTS)(
      'should leave %s\'s --entrypoint "" without a command to the engine, which refuses it as dockerd does',
      (client) => {
        const image = {
          reference: 'busybox',
          configDigest: 'c',
          manifestDigest: 'm',
          config: { Cmd: ['sh'] },
        };
        expect(() =>
          planContainer(fromCapture(`${client}-many-flags`), image, 'c', 'web', new Date()),
        ).toThrow('No command specified');
      },
    );

    it.each(
      CLIENTS.flatMap((client) => [
        [`${client}-unsupported`, 'is not supported by Berth'],
        [`${client}-gpus`, 'HostConfig.DeviceRequests [{"Driver":"","Count":-1,'],
        [`${client}-ip`, 'NetworkingConfig.EndpointsConfig.mynet.IPAMConfig.IPv4Address "10.1.0.5"'],
        [`${client}-container-network`, 'HostConfig.NetworkMode "container:abc" is not supported by Berth'],
        [`${client}-mounts-refused`, 'bind propagation "rshared" is not supported by Berth'],
        [`${client}-host-port-range`, 'a host port range is not supported by Berth'],
      ]),
    )('should refuse %s as not supported: %s', (name, message) => {
      const error = errorOf(() => fromCapture(name));
      expect(error).toBeInstanceOf(NotSupportedError);
      expect(error.message).toContain(message);
      expect(dockerErrorOf(error).status).toBe(501);
    });
  });

  describe('the body', () => {
    it.each([undefined, null, 'busybox', [], {}, { HostConfig: {}, NetworkingConfig: {} }])(
      "should refuse %p with dockerd's words for a missing config",
      (body) => {
        expect(() => containerRequestFromDocker(body, {}, AMD64)).toThrow(
          new InvalidArgumentError('config cannot be empty in order to create a container'),
        );
      },
    );

    it('should refuse a body without an image: Berth has no image-less containers', () => {
      const error = errorOf(() => containerRequestFromDocker({ Cmd: ['true'] }, {}, AMD64));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error.message).toBe('no image given: Image is required, Berth creates containers from an image');
      expect(() => containerRequestFromDocker({ Image: '' }, {}, AMD64)).toThrow('Image is required');
    });

    it("should read dockerode's sparse body as the defaults: the image decides", () => {
      const body = { Image: 'ubuntu', Cmd: ['/bin/bash'], name: 'ignored-in-the-body' };
      expect(containerRequestFromDocker(body, { name: 'ubuntu-test' }, AMD64)).toEqual(
        containerRequest('ubuntu', { name: 'ubuntu-test', cmd: ['/bin/bash'] }),
      );
    });

    it("should read null as Go's zero value everywhere", () => {
      const nulls = {
        Image: 'busybox',
        ...Object.fromEntries(
          ['Cmd', 'Entrypoint', 'Env', 'Labels', 'Healthcheck', 'StopTimeout'].map((k) => [k, null]),
        ),
        HostConfig: Object.fromEntries(
          ['Binds', 'Mounts', 'PortBindings', 'RestartPolicy', 'Memory', 'Ulimits', 'Sysctls', 'Devices'].map(
            (k) => [k, null],
          ),
        ),
        NetworkingConfig: null,
      };
      expect(containerRequestFromDocker(nulls, {}, AMD64)).toEqual(containerRequest('busybox'));
    });

    it('should not read what an object only inherits as a field', () => {
      expect(create(JSON.parse('{"HostConfig": {"__proto__": {"Privileged": true}}}'))).toEqual(
        containerRequest('busybox'),
      );
      expect(withHostConfig({ constructor: 'x' })).toEqual(containerRequest('busybox'));
    });

    it('should ignore what only the client uses and fields it does not know', () => {
      const body = {
        AttachStdin: true,
        AttachStdout: true,
        StdinOnce: true,
        ArgsEscaped: false,
        OnBuild: ['RUN x'],
        Shell: ['/bin/sh'],
        Whatever: 1,
        HostConfig: { ContainerIDFile: '/tmp/id', ConsoleSize: [40, 100], Whatever: 1 },
      };
      expect(create(body)).toEqual(containerRequest('busybox'));
    });

    it.each([
      [{ Image: 5 }, 'Image must be a string'],
      [{ Cmd: 5 }, 'Cmd must be a list of strings'],
      [{ Entrypoint: [1] }, 'Entrypoint must be a list of strings'],
      [{ Env: ['A=1', 2] }, 'Env must be a list of strings'],
      [{ Labels: { a: 1 } }, 'Labels must be an object of strings'],
      [{ Labels: ['a=b'] }, 'Labels must be an object of strings'],
      [{ Tty: 'yes' }, 'Tty must be true or false'],
      [{ StopTimeout: '10' }, 'StopTimeout must be an integer'],
      [{ Healthcheck: 'true' }, 'Healthcheck must be an object'],
      [{ Healthcheck: { Interval: 1.5 } }, 'Healthcheck.Interval must be an integer'],
      [{ HostConfig: 'x' }, 'HostConfig must be an object'],
      [{ HostConfig: { Memory: '64m' } }, 'HostConfig.Memory must be an integer'],
      [{ HostConfig: { Memory: 1.5 } }, 'HostConfig.Memory must be an integer'],
      [{ HostConfig: { Privileged: 1 } }, 'HostConfig.Privileged must be true or false'],
      [{ HostConfig: { Binds: '/a:/b' } }, 'HostConfig.Binds must be a list of strings'],
      [
        { HostConfig: { Mounts: [{ Type: 'bind', Target: '/t', Source: 1 }] } },
        'HostConfig.Mounts[0].Source must be a string',
      ],
      [{ HostConfig: { Mounts: ['x'] } }, 'HostConfig.Mounts must be a list of objects'],
      [{ HostConfig: { PortBindings: [] } }, 'HostConfig.PortBindings must be an object'],
      [
        { HostConfig: { PortBindings: { '80/tcp': {} } } },
        'HostConfig.PortBindings["80/tcp"] must be a list',
      ],
      [
        { HostConfig: { PortBindings: { '80/tcp': [{ HostPort: 8080 }] } } },
        'HostConfig.PortBindings["80/tcp"][0].HostPort must be a string',
      ],
      [{ HostConfig: { RestartPolicy: 'always' } }, 'HostConfig.RestartPolicy must be an object'],
      [
        { HostConfig: { Ulimits: [{ Name: 'nofile', Soft: '1' }] } },
        'HostConfig.Ulimits[0].Soft must be an integer',
      ],
      [{ HostConfig: { Tmpfs: { '/t': 1 } } }, 'HostConfig.Tmpfs["/t"] must be a string'],
      [{ HostConfig: { Sysctls: { a: 1 } } }, 'HostConfig.Sysctls must be an object of strings'],
      [
        { NetworkingConfig: { EndpointsConfig: { n1: 'x' } } },
        'NetworkingConfig.EndpointsConfig.n1 must be an object',
      ],
      [
        { NetworkingConfig: { EndpointsConfig: { n1: { Aliases: 'a' } } } },
        'NetworkingConfig.EndpointsConfig.n1.Aliases must be a list of strings',
      ],
    ])('should refuse %j, naming the field: %s', (body, message) => {
      const error = errorOf(() => create(body));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error.message).toContain(message);
      expect(dockerErrorOf(error).status).toBe(400);
    });
  });

  describe('the query', () => {
    it('should take the name, or leave it to the engine', () => {
      expect(create({}, { name: 'web' }).name).toBe('web');
      expect(create({}).name).toBe('');
    });

    it.each(['', 'linux', 'linux/amd64', 'Linux/AMD64', 'linux/x86_64', 'linux/amd64/v3'])(
      'should accept the platform %p on a linux/amd64 machine',
      (platform) => {
        expect(create({}, { platform })).toEqual(containerRequest('busybox'));
      },
    );

    it.each(['linux/arm64', 'windows/amd64', 'windows'])('should refuse the platform %p', (platform) => {
      const error = errorOf(() => create({}, { platform }));
      expect(error).toBeInstanceOf(NotSupportedError);
      expect(error.message).toBe(
        `platform "${platform}" is not supported by Berth on this linux/amd64 machine: it runs images of its own platform only`,
      );
    });
  });

  describe('Config', () => {
    it('should take the image\'s entrypoint for null or none, and clear it with [] or [""]', () => {
      expect(create({}).entrypoint).toBeNull();
      expect(create({ Entrypoint: null }).entrypoint).toBeNull();
      expect(create({ Entrypoint: [] }).entrypoint).toEqual([]);
      expect(create({ Entrypoint: [''] }).entrypoint).toEqual([]);
      expect(create({ Entrypoint: ['sh', '-c'] }).entrypoint).toEqual(['sh', '-c']);
    });

    it("should read a string Cmd or Entrypoint as a list of one, as moby's StrSlice", () => {
      const r = create({ Entrypoint: '/bin/sh', Cmd: 'echo hi' });
      expect([r.entrypoint, r.cmd]).toEqual([['/bin/sh'], ['echo hi']]);
      expect(create({ Entrypoint: '' }).entrypoint).toEqual([]);
    });

    it('should take the process fields as they are', () => {
      const r = create({
        Cmd: ['echo', 'hi'],
        Env: ['A=1', 'B='],
        WorkingDir: '/srv',
        User: 'nobody',
        Hostname: 'h1',
        Labels: { a: 'b', c: '' },
        Tty: true,
        OpenStdin: true,
        StopSignal: 'SIGQUIT',
      });
      expect(r).toEqual(
        containerRequest('busybox', {
          cmd: ['echo', 'hi'],
          env: ['A=1', 'B='],
          workingDir: '/srv',
          user: 'nobody',
          hostname: 'h1',
          labels: { a: 'b', c: '' },
          tty: true,
          openStdin: true,
          stopSignal: 'SIGQUIT',
        }),
      );
    });

    it("should turn StopTimeout's seconds into milliseconds, null into Docker's default", () => {
      expect(create({ StopTimeout: 20 }).stopTimeoutMs).toBe(20_000);
      expect(create({ StopTimeout: 0 }).stopTimeoutMs).toBe(0);
      expect(create({ StopTimeout: null }).stopTimeoutMs).toBeNull();
    });

    it('should refuse a StopTimeout that waits for ever', () => {
      const error = errorOf(() => create({ StopTimeout: -1 }));
      expect(error).toBeInstanceOf(NotSupportedError);
      expect(error.message).toBe(
        'StopTimeout -1 (wait for ever) is not supported by Berth: give a number of seconds',
      );
    });

    it('should turn a health check off with NONE', () => {
      const r = create({ Healthcheck: { Test: ['NONE'] } });
      expect([r.healthcheck, r.noHealthcheck]).toEqual([null, true]);
    });

    it("should turn the health check's nanoseconds into milliseconds, keeping an empty test for the image's", () => {
      expect(
        create({
          Healthcheck: { Test: ['CMD', 'true'], Interval: 2_000_000_000, Timeout: 1_500_000, Retries: 2 },
        }).healthcheck,
      ).toEqual({
        test: ['CMD', 'true'],
        intervalMs: 2000,
        timeoutMs: 2,
        startPeriodMs: 0,
        retries: 2,
      });
      expect(create({ Healthcheck: { Interval: 10_000_000_000 } }).healthcheck).toEqual({
        test: [],
        intervalMs: 10_000,
        timeoutMs: 0,
        startPeriodMs: 0,
        retries: 0,
      });
      expect(create({ Healthcheck: null }).healthcheck).toBeNull();
    });

    it.each([
      [{ Interval: 500 }, 'Interval in Healthcheck cannot be less than 1ms'],
      [{ Timeout: -1 }, 'Timeout in Healthcheck cannot be less than 1ms'],
      [{ StartPeriod: 999_999 }, 'StartPeriod in Healthcheck cannot be less than 1ms'],
      [{ Retries: -1 }, 'Retries in Healthcheck cannot be negative'],
    ])("should refuse the health check %j with dockerd's words", (healthcheck, message) => {
      expect(() => create({ Healthcheck: { Test: ['CMD', 'true'], ...healthcheck } })).toThrow(
        new InvalidArgumentError(message),
      );
    });

    it.each([
      [
        { Healthcheck: { Test: ['CMD', 'true'], StartInterval: 1_000_000_000 } },
        'Healthcheck.StartInterval 1000000000 is not supported by Berth (--health-start-interval)',
      ],
      [{ Domainname: 'example.com' }, 'Domainname "example.com" is not supported by Berth (--domainname)'],
      [
        { MacAddress: '02:42:ac:11:00:02' },
        'MacAddress "02:42:ac:11:00:02" is not supported by Berth (--mac-address)',
      ],
    ])('should refuse %j as not supported', (body, message) => {
      const error = errorOf(() => create(body));
      expect(error).toBeInstanceOf(NotSupportedError);
      expect(error.message).toBe(message);
    });

    it('should accept those fields at their zero values', () => {
      expect(
        create({ Domainname: '', MacAddress: '', Healthcheck: { Test: ['CMD', 'true'], StartInterval: 0 } })
          .healthcheck?.test,
      ).toEqual(['CMD', 'true']);
    });
  });

  describe('HostConfig.Binds', () => {
    const binds = (...specs: string[]) => withHostConfig({ Binds: specs }).mounts;

    it('should bind an absolute source, making it when missing as -v does', () => {
      expect(binds('/srv/data:/data', '/etc/hosts:/h:ro', '/a:/b:rw')).toEqual([
        mount({ type: 'bind', source: '/srv/data', target: '/data', createHostPath: true }),
        mount({ type: 'bind', source: '/etc/hosts', target: '/h', readOnly: true, createHostPath: true }),
        mount({ type: 'bind', source: '/a', target: '/b', createHostPath: true }),
      ]);
    });

    it('should mount a named volume for any other source, and an anonymous one for a lone target', () => {
      expect(binds('data:/data:ro', '/anon')).toEqual([
        mount({ type: 'volume', source: 'data', target: '/data', readOnly: true }),
        mount({ type: 'volume', target: '/anon' }),
      ]);
    });

    it('should accept the modes that change nothing on Berth: SELinux labels, macOS hints, rprivate', () => {
      expect(
        binds('/a:/b:ro,z', '/c:/d:Z,rprivate', '/e:/f:private,cached,consistent,delegated'),
      ).toHaveLength(3);
    });

    it.each([
      [
        './x:/y',
        "HostConfig.Binds: invalid volume specification: './x:/y': a host directory must be an absolute path",
      ],
      [
        'x/y:/z',
        "HostConfig.Binds: invalid volume specification: 'x/y:/z': a host directory must be an absolute path",
      ],
      [
        'data:rel',
        "HostConfig.Binds: invalid volume specification: 'data:rel': the mount point must be an absolute path",
      ],
      [
        'rel',
        "HostConfig.Binds: invalid volume specification: 'rel': the mount point must be an absolute path",
      ],
      ['a:/b:c:d', "HostConfig.Binds: invalid volume specification: 'a:/b:c:d'"],
      ['a::/b', "HostConfig.Binds: invalid volume specification: 'a::/b'"],
      ['/a:/b:xx', "HostConfig.Binds: invalid mode: xx in volume specification '/a:/b:xx'"],
      ['/a:/b:ro,rw', "HostConfig.Binds: invalid mode: 'ro,rw': ro and rw both given in '/a:/b:ro,rw'"],
    ])('should refuse %p as invalid', (spec, message) => {
      expect(() => binds(spec)).toThrow(new InvalidArgumentError(message));
    });

    it.each([
      [
        'data:/d:nocopy',
        "HostConfig.Binds 'data:/d:nocopy': nocopy is not supported by Berth: a new volume always starts as a copy of the image's content",
      ],
      [
        '/a:/b:rshared',
        'HostConfig.Binds: bind propagation "rshared" is not supported by Berth: its binds are rprivate',
      ],
      [
        '/a:/b:ro,slave',
        'HostConfig.Binds: bind propagation "slave" is not supported by Berth: its binds are rprivate',
      ],
    ])('should refuse %p as not supported', (spec, message) => {
      const error = errorOf(() => binds(spec));
      expect(error).toBeInstanceOf(NotSupportedError);
      expect(error.message).toBe(message);
    });
  });

  describe('HostConfig.Mounts', () => {
    const mounts = (...list: Record<string, unknown>[]) => withHostConfig({ Mounts: list }).mounts;

    it('should make a bind, a volume and a tmpfs as --mount does', () => {
      expect(
        mounts(
          { Type: 'bind', Source: '/srv', Target: '/srv', ReadOnly: true, Consistency: 'cached' },
          { Type: 'volume', Source: 'v1', Target: '/v' },
          { Type: 'volume', Target: '/anon' },
          { Type: 'tmpfs', Target: '/t', TmpfsOptions: { SizeBytes: 65536, Mode: 0o1777 } },
        ),
      ).toEqual([
        mount({ type: 'bind', source: '/srv', target: '/srv', readOnly: true }),
        mount({ type: 'volume', source: 'v1', target: '/v' }),
        mount({ type: 'volume', target: '/anon' }),
        mount({ type: 'tmpfs', target: '/t', options: ['size=65536', 'mode=1777'] }),
      ]);
    });

    it('should make a missing bind source only when CreateMountpoint asks', () => {
      expect(
        mounts({ Type: 'bind', Source: '/a', Target: '/b', BindOptions: { CreateMountpoint: true } }),
      ).toEqual([mount({ type: 'bind', source: '/a', target: '/b', createHostPath: true })]);
    });

    it('should accept the bind and volume options that ask for what Berth does', () => {
      const list = mounts(
        {
          Type: 'bind',
          Source: '/a',
          Target: '/b',
          ReadOnly: true,
          BindOptions: { Propagation: 'rprivate', NonRecursive: false, ReadOnlyNonRecursive: true },
        },
        {
          Type: 'volume',
          Source: 'v',
          Target: '/v',
          VolumeOptions: { NoCopy: false, Labels: { a: 'b' }, DriverConfig: { Name: 'local', Options: {} } },
        },
      );
      expect(list.map((m) => m.type)).toEqual(['bind', 'volume']);
    });

    it("should pass a tmpfs's raw Options on as mount options", () => {
      expect(
        mounts({ Type: 'tmpfs', Target: '/t', TmpfsOptions: { Options: [['exec'], ['nr_inodes', '100']] } }),
      ).toEqual([mount({ type: 'tmpfs', target: '/t', options: ['exec', 'nr_inodes=100'] })]);
    });

    it.each([
      [
        { Type: 'foo', Target: '/t' },
        'HostConfig.Mounts[0].Type "foo" is not a mount type: use bind, volume or tmpfs',
      ],
      [{ Target: '/t' }, 'HostConfig.Mounts[0].Type "" is not a mount type: use bind, volume or tmpfs'],
      [{ Type: 'volume' }, 'HostConfig.Mounts[0].Target must not be empty'],
      [{ Type: 'bind', Target: '/t' }, 'HostConfig.Mounts[0].Source must not be empty for a bind mount'],
      [
        { Type: 'tmpfs', Source: 'x', Target: '/t' },
        'HostConfig.Mounts[0].Source must be empty for a tmpfs mount',
      ],
      [
        { Type: 'volume', Target: '/t', BindOptions: {} },
        'HostConfig.Mounts[0].BindOptions is for bind mounts, not volume',
      ],
      [
        { Type: 'bind', Source: '/a', Target: '/t', TmpfsOptions: {} },
        'HostConfig.Mounts[0].TmpfsOptions is for tmpfs mounts, not bind',
      ],
      [
        { Type: 'tmpfs', Target: '/t', TmpfsOptions: { SizeBytes: -1 } },
        'HostConfig.Mounts[0].TmpfsOptions.SizeBytes must not be negative',
      ],
      [
        { Type: 'tmpfs', Target: '/t', TmpfsOptions: { Options: ['exec'] } },
        'HostConfig.Mounts[0].TmpfsOptions.Options must be a list of [option] or [option, value]',
      ],
    ])('should refuse %j as invalid', (m, message) => {
      expect(() => mounts(m)).toThrow(new InvalidArgumentError(message));
    });

    it.each([
      [
        { Type: 'npipe', Source: 'x', Target: '/t' },
        'HostConfig.Mounts[0].Type "npipe" is not supported by Berth',
      ],
      [
        { Type: 'image', Source: 'alpine', Target: '/t' },
        'HostConfig.Mounts[0].Type "image" is not supported by Berth',
      ],
      [
        { Type: 'bind', Source: '/a', Target: '/t', BindOptions: { Propagation: 'rslave' } },
        'HostConfig.Mounts[0].BindOptions.Propagation: bind propagation "rslave" is not supported by Berth: its binds are rprivate',
      ],
      [
        { Type: 'bind', Source: '/a', Target: '/t', BindOptions: { NonRecursive: true } },
        'HostConfig.Mounts[0].BindOptions.NonRecursive true is not supported by Berth (bind-recursive=disabled)',
      ],
      [
        {
          Type: 'bind',
          Source: '/a',
          Target: '/t',
          ReadOnly: true,
          BindOptions: { ReadOnlyForceRecursive: true },
        },
        'HostConfig.Mounts[0].BindOptions.ReadOnlyForceRecursive true is not supported by Berth (bind-recursive=readonly)',
      ],
      [
        { Type: 'volume', Source: 'v', Target: '/t', VolumeOptions: { NoCopy: true } },
        "HostConfig.Mounts[0].VolumeOptions.NoCopy is not supported by Berth: a new volume always starts as a copy of the image's content",
      ],
      [
        { Type: 'volume', Source: 'v', Target: '/t', VolumeOptions: { Subpath: 'a/b' } },
        'HostConfig.Mounts[0].VolumeOptions.Subpath "a/b" is not supported by Berth (volume-subpath)',
      ],
      [
        { Type: 'volume', Source: 'v', Target: '/t', VolumeOptions: { DriverConfig: { Name: 'nfs' } } },
        'HostConfig.Mounts[0].VolumeOptions.DriverConfig.Name "nfs" is not supported by Berth (volume-driver)',
      ],
      [
        {
          Type: 'volume',
          Source: 'v',
          Target: '/t',
          VolumeOptions: { DriverConfig: { Name: 'local', Options: { type: 'nfs' } } },
        },
        'HostConfig.Mounts[0].VolumeOptions.DriverConfig.Options {"type":"nfs"} is not supported by Berth (volume-opt)',
      ],
    ])('should refuse %j as not supported', (m, message) => {
      const error = errorOf(() => mounts(m));
      expect(error).toBeInstanceOf(NotSupportedError);
      expect(error.message).toBe(message);
    });
  });

  describe('HostConfig.Tmpfs and Config.Volumes', () => {
    it('should make a tmpfs of each Tmpfs entry with its options, as --tmpfs does', () => {
      expect(withHostConfig({ Tmpfs: { '/run': 'size=64k,mode=1777', '/tmp': '' } }).mounts).toEqual([
        mount({ type: 'tmpfs', target: '/run', options: ['size=64k', 'mode=1777'] }),
        mount({ type: 'tmpfs', target: '/tmp' }),
      ]);
    });

    it('should refuse a relative Tmpfs target', () => {
      expect(() => withHostConfig({ Tmpfs: { run: '' } })).toThrow(
        new InvalidArgumentError('HostConfig.Tmpfs["run"]: the mount point must be an absolute path'),
      );
    });

    it('should make an anonymous volume of each Volumes entry no other mount covers (the old Volumes + Binds style)', () => {
      const r = create({
        Volumes: { '/data': {}, '/cache': {}, '/run': {}, '/m': {} },
        HostConfig: {
          Binds: ['/srv:/data'],
          Tmpfs: { '/run': '' },
          Mounts: [{ Type: 'volume', Source: 'm', Target: '/m' }],
        },
      });
      expect(r.mounts.map((m) => [m.type, m.source, m.target])).toEqual([
        ['bind', '/srv', '/data'],
        ['volume', 'm', '/m'],
        ['tmpfs', '', '/run'],
        ['volume', '', '/cache'],
      ]);
    });
  });

  describe('HostConfig.PortBindings and PublishAllPorts', () => {
    const ports = (bindings: Record<string, unknown>) => withHostConfig({ PortBindings: bindings }).ports;

    it('should publish each binding: an empty HostPort is any free port, a key without protocol is tcp', () => {
      expect(
        ports({
          '80/tcp': [
            { HostIp: '', HostPort: '8080' },
            { HostIp: '::1', HostPort: '8081' },
          ],
          '53/udp': [{ HostPort: '' }],
          '9/sctp': [{ HostIp: '127.0.0.1', HostPort: '9' }],
          '8000': [{}],
          '7000/tcp': null,
          '7001/tcp': [],
        }),
      ).toEqual([
        tcp(8000), // JavaScript puts an object's integer keys first
        tcp(80, 8080),
        tcp(80, 8081, '::1'),
        { hostIp: '', hostPort: 0, containerPort: 53, protocol: 'udp' },
        { hostIp: '127.0.0.1', hostPort: 9, containerPort: 9, protocol: 'sctp' },
      ]);
    });

    it.each([
      [
        { '80/xyz': [] },
        'HostConfig.PortBindings: invalid port "80/xyz": use PORT/tcp, PORT/udp or PORT/sctp',
      ],
      [{ '0/tcp': [] }, 'HostConfig.PortBindings: invalid port "0/tcp": use PORT/tcp, PORT/udp or PORT/sctp'],
      [
        { '70000/tcp': [] },
        'HostConfig.PortBindings: invalid port "70000/tcp": use PORT/tcp, PORT/udp or PORT/sctp',
      ],
      [
        { '7000-7001/tcp': [] },
        'HostConfig.PortBindings: invalid port "7000-7001/tcp": use PORT/tcp, PORT/udp or PORT/sctp',
      ],
      [
        { '80/tcp': [{ HostPort: 'http' }] },
        'HostConfig.PortBindings["80/tcp"][0].HostPort: invalid host port "http"',
      ],
      [
        { '80/tcp': [{ HostPort: '70000' }] },
        'HostConfig.PortBindings["80/tcp"][0].HostPort: invalid host port "70000"',
      ],
    ])('should refuse %j', (bindings, message) => {
      expect(() => ports(bindings)).toThrow(new InvalidArgumentError(message));
    });

    it('should refuse a host port range', () => {
      const error = errorOf(() => ports({ '80/tcp': [{ HostPort: '8000-8010' }] }));
      expect(error).toBeInstanceOf(NotSupportedError);
      expect(error.message).toBe(
        'HostConfig.PortBindings["80/tcp"][0].HostPort "8000-8010": a host port range is not supported by Berth: publish to one port, or to any ("")',
      );
    });

    it("should publish the body's exposed ports with PublishAllPorts, leaving the image's to the engine", () => {
      const r = create({
        ExposedPorts: { '80/tcp': {}, '9000/tcp': {}, '53/udp': {} },
        HostConfig: { PublishAllPorts: true, PortBindings: { '80/tcp': [{ HostPort: '8080' }] } },
      });
      expect([r.publishAll, r.ports]).toEqual([
        true,
        [tcp(80, 8080), tcp(9000), { hostIp: '', hostPort: 0, containerPort: 53, protocol: 'udp' }],
      ]);
    });

    it('should not publish exposed ports without PublishAllPorts', () => {
      expect(create({ ExposedPorts: { '80/tcp': {} } }).ports).toEqual([]);
    });
  });

  describe('HostConfig.RestartPolicy', () => {
    const restart = (policy: unknown) => withHostConfig({ RestartPolicy: policy }).restart;

    it.each([
      [undefined, { name: 'no', maximumRetryCount: 0 }],
      [{}, { name: 'no', maximumRetryCount: 0 }],
      [
        { Name: '', MaximumRetryCount: 0 },
        { name: 'no', maximumRetryCount: 0 },
      ],
      [{ Name: 'always' }, { name: 'always', maximumRetryCount: 0 }],
      [{ Name: 'unless-stopped' }, { name: 'unless-stopped', maximumRetryCount: 0 }],
      [
        { Name: 'on-failure', MaximumRetryCount: 3 },
        { name: 'on-failure', maximumRetryCount: 3 },
      ],
    ])('should read %j', (policy, expected) => {
      expect(restart(policy)).toEqual(expected);
    });

    it.each([
      [
        { Name: 'sometimes' },
        'invalid restart policy "sometimes": use no, always, unless-stopped or on-failure',
      ],
      [
        { Name: 'always', MaximumRetryCount: 2 },
        "invalid restart policy: maximum retry count can only be used with 'on-failure'",
      ],
      [
        { Name: 'on-failure', MaximumRetryCount: -1 },
        'invalid restart policy: maximum retry count cannot be negative',
      ],
    ])('should refuse %j', (policy, message) => {
      expect(() => restart(policy)).toThrow(new InvalidArgumentError(message));
    });
  });

  describe('HostConfig resources', () => {
    it('should take memory and swap in bytes, swap -1 as unlimited', () => {
      const r = withHostConfig({ Memory: 64 * 1024 * 1024, MemorySwap: -1 });
      expect([r.memoryBytes, r.memorySwapBytes]).toEqual([64 * 1024 * 1024, -1]);
    });

    it.each([
      [{ Memory: -1 }, 'HostConfig.Memory must not be negative'],
      [{ MemorySwap: -2 }, 'HostConfig.MemorySwap must be -1 (unlimited), 0 or a size in bytes'],
      [{ CpuShares: -1 }, 'HostConfig.CpuShares must not be negative'],
      [{ NanoCpus: -1 }, 'HostConfig.NanoCpus must not be negative'],
      [
        { NanoCpus: 1e9, CpuPeriod: 100000 },
        'Conflicting options: Nano CPUs and CPU Period cannot both be set',
      ],
      [{ NanoCpus: 1e9, CpuQuota: 50000 }, 'Conflicting options: Nano CPUs and CPU Quota cannot both be set'],
      [
        { CpuPeriod: 999 },
        'CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)',
      ],
      [{ CpuQuota: 999 }, 'CPU cfs quota can not be less than 1ms (i.e. 1000)'],
    ])('should refuse %j', (hostConfig, message) => {
      expect(() => withHostConfig(hostConfig)).toThrow(new InvalidArgumentError(message));
    });

    it.each([
      [{ NanoCpus: 1_500_000_000 }, 1.5],
      [{ CpuQuota: 50_000, CpuPeriod: 100_000 }, 0.5],
      [{ CpuQuota: 200_000 }, 2],
      [{ CpuQuota: 25_000, CpuPeriod: 50_000 }, 0.5],
      [{ CpuQuota: -1 }, 0],
      [{ CpuPeriod: 50_000 }, 0],
      [{}, 0],
    ])('should read %j as %p CPUs', (hostConfig, cpus) => {
      expect(withHostConfig(hostConfig).cpus).toBe(cpus);
    });

    it.each([
      [null, 0],
      [0, 0],
      [-1, 0],
      [100, 100],
    ])('should read PidsLimit %p as %p', (pidsLimit, expected) => {
      expect(withHostConfig({ PidsLimit: pidsLimit }).pidsLimit).toBe(expected);
    });

    it('should take CPU shares and ulimits, checked as --ulimit is', () => {
      const r = withHostConfig({
        CpuShares: 512,
        Ulimits: [
          { Name: 'nofile', Soft: 1024, Hard: 2048 },
          { Name: 'core', Soft: -1, Hard: -1 },
        ],
      });
      expect([r.cpuShares, r.ulimits]).toEqual([
        512,
        [
          { name: 'nofile', soft: 1024, hard: 2048 },
          { name: 'core', soft: -1, hard: -1 },
        ],
      ]);
      expect(() => withHostConfig({ Ulimits: [{ Name: 'bogus', Soft: 1, Hard: 1 }] })).toThrow(
        'invalid ulimit "bogus=1:1"',
      );
      expect(() => withHostConfig({ Ulimits: [{ Name: 'nofile', Soft: 2, Hard: 1 }] })).toThrow(
        'the soft limit is above the hard one',
      );
    });
  });

  describe('HostConfig security and the rest', () => {
    it('should take the security and process settings as they are', () => {
      const r = withHostConfig({
        AutoRemove: true,
        ReadonlyRootfs: true,
        CapAdd: ['NET_ADMIN'],
        CapDrop: ['ALL'],
        ExtraHosts: ['db:10.0.0.2', 'gw:host-gateway'],
        Dns: ['1.1.1.1'],
        Privileged: true,
        Sysctls: { 'net.core.somaxconn': '1024' },
      });
      expect(r).toEqual(
        containerRequest('busybox', {
          autoRemove: true,
          readOnly: true,
          capAdd: ['NET_ADMIN'],
          capDrop: ['ALL'],
          extraHosts: ['db:10.0.0.2', 'gw:host-gateway'],
          dns: ['1.1.1.1'],
          privileged: true,
          sysctls: { 'net.core.somaxconn': '1024' },
        }),
      );
    });

    it('should read what changes nothing on Berth and keep none of it', () => {
      const hostConfig = {
        Init: true,
        ConsoleSize: [40, 100],
        ContainerIDFile: '/tmp/cid',
        MemorySwappiness: 0,
        KernelMemory: 1024,
        KernelMemoryTCP: 1024,
        LogConfig: { Type: 'json-file', Config: { 'max-size': '10m' } },
      };
      expect(withHostConfig(hostConfig)).toEqual(containerRequest('busybox'));
    });

    it('should accept the values of the refused fields that mean what Berth does', () => {
      const hostConfig = {
        Runtime: 'runc',
        Isolation: 'default',
        CgroupnsMode: 'private',
        IpcMode: 'shareable',
        VolumeDriver: 'local',
        ShmSize: 64 * 1024 * 1024,
        MaskedPaths: [],
        ReadonlyPaths: [],
        SecurityOpt: [
          'seccomp=unconfined',
          'apparmor:unconfined',
          'label:disable',
          'no-new-privileges:false',
        ],
        LogConfig: { Type: '' },
      };
      expect(withHostConfig(hostConfig)).toEqual(
        containerRequest('busybox', { securityOpt: hostConfig.SecurityOpt }),
      );
      expect(withHostConfig({ IpcMode: 'private' })).toEqual(containerRequest('busybox'));
    });

    it('should keep --userns=host, which turns the daemon’s remapping off for the container', () => {
      expect(withHostConfig({ UsernsMode: 'host' })).toEqual({
        ...containerRequest('busybox'),
        usernsMode: 'host',
      });
      expect(withHostConfig({ UsernsMode: '' })).toEqual(containerRequest('busybox'));
    });

    const REFUSALS: [string, unknown, string][] = [
      [
        'Devices',
        [{ PathOnHost: '/dev/fuse' }],
        '[{"PathOnHost":"/dev/fuse"}] is not supported by Berth (--device)',
      ],
      ['DeviceRequests', [{ Count: -1 }], '[{"Count":-1}] is not supported by Berth (--gpus)'],
      ['DeviceCgroupRules', ['c 1:3 mr'], '["c 1:3 mr"] is not supported by Berth (--device-cgroup-rule)'],
      ['Runtime', 'runsc', '"runsc" is not supported by Berth (--runtime)'],
      ['Isolation', 'hyperv', '"hyperv" is not supported by Berth (--isolation)'],
      ['CgroupParent', 'foo', '"foo" is not supported by Berth (--cgroup-parent)'],
      ['Cgroup', 'container:x', '"container:x" is not supported by Berth'],
      ['CgroupnsMode', 'host', '"host" is not supported by Berth (--cgroupns)'],
      ['IpcMode', 'host', '"host" is not supported by Berth (--ipc)'],
      ['IpcMode', 'container:x', '"container:x" is not supported by Berth (--ipc)'],
      ['PidMode', 'host', '"host" is not supported by Berth (--pid)'],
      ['UTSMode', 'host', '"host" is not supported by Berth (--uts)'],
      ['UsernsMode', 'private', '"private" is not supported by Berth (--userns)'],
      ['VolumesFrom', ['x'], '["x"] is not supported by Berth (--volumes-from)'],
      ['VolumeDriver', 'nfs', '"nfs" is not supported by Berth (--volume-driver)'],
      ['Links', ['a:b'], '["a:b"] is not supported by Berth (--link)'],
      ['GroupAdd', ['10'], '["10"] is not supported by Berth (--group-add)'],
      ['DnsOptions', ['ndots:1'], '["ndots:1"] is not supported by Berth (--dns-option)'],
      ['DnsSearch', ['example.com'], '["example.com"] is not supported by Berth (--dns-search)'],
      ['OomScoreAdj', 500, '500 is not supported by Berth (--oom-score-adj)'],
      ['OomKillDisable', true, 'true is not supported by Berth (--oom-kill-disable)'],
      ['ShmSize', 1024, '1024 is not supported by Berth (--shm-size)'],
      ['StorageOpt', { size: '10G' }, '{"size":"10G"} is not supported by Berth (--storage-opt)'],
      [
        'MaskedPaths',
        ['/proc/kcore'],
        '["/proc/kcore"] is not supported by Berth (--security-opt systempaths)',
      ],
      [
        'ReadonlyPaths',
        ['/proc/sys'],
        '["/proc/sys"] is not supported by Berth (--security-opt systempaths)',
      ],
      ['Annotations', { a: 'b' }, '{"a":"b"} is not supported by Berth (--annotation)'],
      ['BlkioWeight', 300, '300 is not supported by Berth (--blkio-weight)'],
      [
        'BlkioWeightDevice',
        [{ Path: '/dev/sda', Weight: 1 }],
        'is not supported by Berth (--blkio-weight-device)',
      ],
      [
        'BlkioDeviceReadBps',
        [{ Path: '/dev/sda', Rate: 1 }],
        'is not supported by Berth (--device-read-bps)',
      ],
      [
        'BlkioDeviceWriteBps',
        [{ Path: '/dev/sda', Rate: 1 }],
        'is not supported by Berth (--device-write-bps)',
      ],
      [
        'BlkioDeviceReadIOps',
        [{ Path: '/dev/sda', Rate: 1 }],
        'is not supported by Berth (--device-read-iops)',
      ],
      [
        'BlkioDeviceWriteIOps',
        [{ Path: '/dev/sda', Rate: 1 }],
        'is not supported by Berth (--device-write-iops)',
      ],
      ['CpuRealtimePeriod', 1000, '1000 is not supported by Berth (--cpu-rt-period)'],
      ['CpuRealtimeRuntime', 1000, '1000 is not supported by Berth (--cpu-rt-runtime)'],
      ['CpusetCpus', '0-1', '"0-1" is not supported by Berth (--cpuset-cpus)'],
      ['CpusetMems', '0', '"0" is not supported by Berth (--cpuset-mems)'],
      ['MemoryReservation', 1024, '1024 is not supported by Berth (--memory-reservation)'],
      ['CpuCount', 1, '1 is not supported by Berth (--cpu-count)'],
      ['CpuPercent', 50, '50 is not supported by Berth (--cpu-percent)'],
      ['IOMaximumIOps', 1, '1 is not supported by Berth (--io-maxiops)'],
      ['IOMaximumBandwidth', 1, '1 is not supported by Berth (--io-maxbandwidth)'],
    ];

    it.each(REFUSALS)(
      'should refuse HostConfig.%s %j as not supported, naming it',
      (field, value, message) => {
        const error = errorOf(() => withHostConfig({ [field]: value }));
        expect(error).toBeInstanceOf(NotSupportedError);
        expect((error as NotSupportedError).field).toBe(`HostConfig.${field}`);
        expect(error.message).toContain(`HostConfig.${field} `);
        expect(error.message).toContain(message);
        expect(dockerErrorOf(error)).toEqual({ status: 501, body: { message: error.message } });
      },
    );

    it('should accept every refused field at the zero value the docker client sends', () => {
      const zeros = Object.fromEntries(
        REFUSALS.map(([field, value]) => [
          field,
          Array.isArray(value)
            ? []
            : typeof value === 'object'
              ? {}
              : typeof value === 'string'
                ? ''
                : typeof value === 'number'
                  ? 0
                  : false,
        ]),
      );
      expect(withHostConfig(zeros)).toEqual(containerRequest('busybox'));
      expect(withHostConfig(Object.fromEntries(REFUSALS.map(([field]) => [field, null])))).toEqual(
        containerRequest('busybox'),
      );
    });

    it('should shorten a long refused value in its message', () => {
      const label = `label=${'user:u,role:r,type:t,level:s0:c1'.repeat(3)}`;
      const error = errorOf(() => withHostConfig({ SecurityOpt: [label] }));
      expect(error).toBeInstanceOf(NotSupportedError);
      expect(error.message).toBe(
        `HostConfig.SecurityOpt "${label.slice(0, 59)}…" is not supported by Berth (--security-opt)`,
      );
    });

    it('should pass seccomp profiles and no-new-privileges on to the engine, which checks them', () => {
      const profile = `seccomp=${JSON.stringify({ defaultAction: 'SCMP_ACT_ALLOW' })}`;
      const SecurityOpt = [profile, 'no-new-privileges', 'seccomp=/p.json'];
      expect(withHostConfig({ SecurityOpt })).toEqual(
        containerRequest('busybox', { securityOpt: SecurityOpt }),
      );
    });

    it.each(['apparmor=docker-default', 'label=user:u'])('should refuse the security option %p', (opt) => {
      const error = errorOf(() => withHostConfig({ SecurityOpt: [opt] }));
      expect(error).toBeInstanceOf(NotSupportedError);
      expect(error.message).toBe(
        `HostConfig.SecurityOpt ${JSON.stringify(opt)} is not supported by Berth (--security-opt)`,
      );
    });

    it('should refuse a log driver other than json-file', () => {
      const error = errorOf(() => withHostConfig({ LogConfig: { Type: 'syslog', Config: {} } }));
      expect(error).toBeInstanceOf(NotSupportedError);
      expect(error.message).toBe(
        'HostConfig.LogConfig.Type "syslog" is not supported by Berth (--log-driver; its logs are json-file)',
      );
    });
  });

  describe('networks', () => {
    const networked = (
      mode: string | undefined,
      endpoints?: Record<string, unknown>,
      config: Record<string, unknown> = {},
    ) => {
      const r = create({
        ...config,
        HostConfig: mode === undefined ? {} : { NetworkMode: mode },
        ...(endpoints ? { NetworkingConfig: { EndpointsConfig: endpoints } } : {}),
      });
      return { network: r.network, networkAliases: r.networkAliases, endpoints: r.endpoints };
    };
    const only = (network: string): Pick<ContainerRequest, 'network' | 'networkAliases' | 'endpoints'> => ({
      network,
      networkAliases: [],
      endpoints: [],
    });

    it.each([
      [undefined, ''],
      ['', ''],
      ['default', ''],
      ['bridge', 'bridge'],
      ['host', 'host'],
      ['none', 'none'],
      ['mynet', 'mynet'],
    ])('should read NetworkMode %p as the network %p', (mode, network) => {
      expect(networked(mode)).toEqual(only(network));
    });

    it('should refuse joining another container’s network namespace', () => {
      const error = errorOf(() => networked('container:db'));
      expect(error).toBeInstanceOf(NotSupportedError);
      expect(error.message).toBe(
        `HostConfig.NetworkMode "container:db" is not supported by Berth: a container cannot join another container's network namespace (--network container:…)`,
      );
    });

    it('should give a container with NetworkDisabled no network', () => {
      expect(networked('default', undefined, { NetworkDisabled: true })).toEqual(only('none'));
    });

    it("should take the first network's aliases from its endpoint, and join the others from the start", () => {
      expect(
        networked('n1', {
          n1: { Aliases: ['web', 'api'], IPAMConfig: null },
          n2: { Aliases: ['db'] },
          n3: {},
        }),
      ).toEqual({
        network: 'n1',
        networkAliases: ['web', 'api'],
        endpoints: [
          { network: 'n2', address: '', aliases: ['db'] },
          { network: 'n3', address: '', aliases: [] },
        ],
      });
    });

    it("should take docker 28's `default` endpoint as the default bridge's, and join a user network beside it", () => {
      expect(networked('default', { default: { Aliases: null }, n2: { Aliases: ['x'] } })).toEqual({
        network: '',
        networkAliases: [],
        endpoints: [{ network: 'n2', address: '', aliases: ['x'] }],
      });
      expect(networked('', { bridge: {} })).toEqual(only(''));
    });

    it("should accept an endpoint's empty settings, as the client sends them", () => {
      const endpoint = {
        IPAMConfig: { IPv4Address: '', IPv6Address: '', LinkLocalIPs: [] },
        Links: null,
        Aliases: null,
        MacAddress: '',
        DriverOpts: null,
        GwPriority: 0,
        NetworkID: '',
        EndpointID: '',
        Gateway: '',
        IPAddress: '',
        IPPrefixLen: 0,
        DNSNames: null,
      };
      expect(networked('mynet', { mynet: endpoint })).toEqual(only('mynet'));
    });

    it.each([
      [
        'default',
        { default: { Aliases: ['a'] } },
        'network-scoped alias is supported only for containers in user defined networks',
      ],
      [
        'host',
        { host: { Aliases: ['a'] } },
        'network-scoped alias is supported only for containers in user defined networks',
      ],
      ['host', { n2: {} }, 'a container on the host network cannot join other networks (n2)'],
      ['none', { n2: {} }, 'a container on the none network cannot join other networks (n2)'],
      ['mynet', { none: {} }, 'a container on the none network cannot join other networks (none)'],
      ['mynet', { n1: null }, 'invalid config for network n1: EndpointsConfig is nil'],
    ])('should refuse NetworkMode %p with %j', (mode, endpoints, message) => {
      expect(() => networked(mode, endpoints)).toThrow(new InvalidArgumentError(message));
    });

    it.each([
      [
        { IPAMConfig: { IPv4Address: '10.1.0.5' } },
        'IPAMConfig.IPv4Address "10.1.0.5" is not supported by Berth (--ip)',
      ],
      [
        { IPAMConfig: { IPv6Address: 'fd00::5' } },
        'IPAMConfig.IPv6Address "fd00::5" is not supported by Berth (--ip6)',
      ],
      [
        { IPAMConfig: { LinkLocalIPs: ['169.254.0.5'] } },
        'IPAMConfig.LinkLocalIPs ["169.254.0.5"] is not supported by Berth (--link-local-ip)',
      ],
      [{ Links: ['db:db'] }, 'Links ["db:db"] is not supported by Berth (--link)'],
      [
        { MacAddress: '02:42:ac:11:00:02' },
        'MacAddress "02:42:ac:11:00:02" is not supported by Berth (--mac-address)',
      ],
      [{ DriverOpts: { a: 'b' } }, 'DriverOpts {"a":"b"} is not supported by Berth (--network driver-opt)'],
      [{ GwPriority: 1 }, 'GwPriority 1 is not supported by Berth (--network gw-priority)'],
    ])('should refuse the endpoint setting %j', (endpoint, message) => {
      for (const name of ['mynet', 'other']) {
        const error = errorOf(() => networked('mynet', { [name]: endpoint }));
        expect(error).toBeInstanceOf(NotSupportedError);
        expect(error.message).toBe(`NetworkingConfig.EndpointsConfig.${name}.${message}`);
      }
    });
  });
});
