import { UsageError } from '@berth/cli-support/args';
import { defaultServiceSpec, type ServiceSpec } from '@berth/cluster';
import type { FlagContext } from './run-flags';
import { serviceSpec } from './service-flags';
import { create as serviceCreate } from './service';

/** A FlagContext over an in-memory file system and environment. */
function context(files: Record<string, string> = {}, env: Record<string, string> = {}): FlagContext {
  return {
    env,
    readFile: (file) => {
      if (!(file in files))
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${file}'`), {
          code: 'ENOENT',
        });
      return files[file];
    },
    cwd: '/home/me',
    durationNs: () => 0,
  };
}

/** What `berth service create ARGS` asks the manager for, parsed the way the CLI parses it. */
function create(args: string[], ctx: FlagContext = context()): ServiceSpec {
  const { values, positionals } = serviceCreate.parse(args);
  return serviceSpec(values, positionals, ctx);
}

/** The UsageError `berth service create ARGS` fails with. */
function usageError(args: string[], ctx: FlagContext = context()): UsageError {
  try {
    create(args, ctx);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error(`service create ${args.join(' ')} was accepted`);
}

describe('service-flags', () => {
  describe(serviceSpec.name, () => {
    describe('defaults', () => {
      it('should take the update and rollback flags, and refuse what Docker refuses', () => {
        const spec = create([
          '--update-parallelism',
          '5',
          '--update-delay',
          '2s',
          '--update-order',
          'start-first',
          '--update-failure-action',
          'rollback',
          '--update-monitor',
          '1s',
          '--update-max-failure-ratio',
          '0.2',
          '--rollback-parallelism',
          '0',
          'nginx:1',
        ]);
        expect(spec.updateConfig).toEqual({
          parallelism: 5,
          delayMs: 2000,
          failureAction: 'rollback',
          monitorMs: 1000,
          maxFailureRatio: 0.2,
          order: 'start-first',
        });
        expect(spec.rollbackConfig).toMatchObject({
          parallelism: 0,
          failureAction: 'pause',
          order: 'stop-first',
        });
        expect(() => create(['--update-order', 'sideways', 'nginx:1'])).toThrow(
          'invalid --update-order "sideways": use stop-first or start-first',
        );
        expect(() => create(['--rollback-failure-action', 'rollback', 'nginx:1'])).toThrow(
          'invalid --rollback-failure-action "rollback": use pause, continue',
        );
        expect(() => create(['--update-max-failure-ratio', '2', 'nginx:1'])).toThrow(
          'expected a number from 0 to 1',
        );
      });

      it("should fill Docker's defaults for a bare image", () => {
        expect(create(['nginx:1'])).toEqual(defaultServiceSpec('', 'nginx:1'));
      });

      it('should run one replica, restarting on any exit every 5 s forever, with 10 s to stop, behind a VIP', () => {
        const spec = create(['nginx:1']);
        expect(spec.mode).toEqual({ replicated: { replicas: 1 } });
        expect(spec.task.restartPolicy).toEqual({
          condition: 'any',
          delayMs: 5000,
          maxAttempts: 0,
          windowMs: 0,
        });
        expect(spec.task.container.stopGracePeriodMs).toBe(10_000);
        expect(spec.endpoint).toEqual({ mode: 'vip', ports: [] });
        expect(spec.task.container.healthcheck).toBeNull();
        expect(spec.task.resources).toEqual({
          limits: { nanoCpus: 0, memoryBytes: 0 },
          reservations: { nanoCpus: 0, memoryBytes: 0 },
        });
      });

      it('should leave the name empty when none is given', () => {
        expect(create(['nginx']).name).toBe('');
      });
    });

    describe('image and command', () => {
      it('should take the first operand as the image and the rest as arguments, flags included', () => {
        const spec = create(['--name', 'web', 'busybox', 'sh', '-c', 'echo hi', '--name', 'x']);
        expect(spec.name).toBe('web');
        expect(spec.task.container.image).toBe('busybox');
        expect(spec.task.container.args).toEqual(['sh', '-c', 'echo hi', '--name', 'x']);
        expect(spec.task.container.command).toEqual([]);
      });

      it('should split --entrypoint into the command that replaces the image ENTRYPOINT', () => {
        const spec = create(['--entrypoint', '  /bin/sh   -c ', 'busybox', 'date']);
        expect(spec.task.container.command).toEqual(['/bin/sh', '-c']);
        expect(spec.task.container.args).toEqual(['date']);
      });

      it('should refuse a command line without an image', () => {
        expect(() => create(['--name', 'web'])).toThrow('missing <image>');
      });
    });

    describe('--mode and --replicas', () => {
      it('should take the replica count of a replicated service', () => {
        expect(create(['--replicas', '3', 'nginx']).mode).toEqual({ replicated: { replicas: 3 } });
        expect(create(['--mode', 'replicated', '--replicas=0', 'nginx']).mode).toEqual({
          replicated: { replicas: 0 },
        });
      });

      it('should make a global service', () => {
        expect(create(['--mode', 'global', 'nginx']).mode).toEqual({ global: {} });
      });

      it('should refuse --replicas with a global service', () => {
        expect(usageError(['--mode', 'global', '--replicas', '2', 'nginx']).message).toBe(
          'replicas can only be used with replicated mode',
        );
      });

      it('should refuse an unknown mode', () => {
        expect(usageError(['--mode', 'daemonset', 'nginx']).message).toBe(
          'invalid mode "daemonset": use replicated or global',
        );
      });

      it.each(['-1', '1.5', 'three', '', '1e3', '99999999999999999999'])(
        'should refuse the replica count "%s"',
        (text) => {
          expect(usageError([`--replicas=${text}`, 'nginx']).message).toBe(
            `invalid argument "${text}" for "--replicas" flag: expected a whole number`,
          );
        },
      );
    });

    describe('labels', () => {
      it('should take service labels and container labels apart, a bare key meaning an empty value', () => {
        const spec = create(['-l', 'tier=web', '--label', 'team', '--container-label', 'a=b=c', 'nginx']);
        expect(spec.labels).toEqual({ tier: 'web', team: '' });
        expect(spec.task.container.labels).toEqual({ a: 'b=c' });
      });
    });

    describe('environment', () => {
      it('should take NAME=VALUE as given and a bare NAME from the environment', () => {
        const spec = create(
          ['-e', 'A=1', '--env', 'HOME', '-e', 'B=x=y', 'nginx'],
          context({}, { HOME: '/root' }),
        );
        expect(spec.task.container.env).toEqual(['A=1', 'HOME=/root', 'B=x=y']);
      });

      it('should put the env files first, in order, and the --env flags after them', () => {
        const ctx = context({ 'a.env': '# comment\nX=1\r\n\nY\n', 'b.env': 'Z=3' }, { Y: 'from-env' });
        const spec = create(['-e', 'W=0', '--env-file', 'a.env', '--env-file', 'b.env', 'nginx'], ctx);
        expect(spec.task.container.env).toEqual(['X=1', 'Y=from-env', 'Z=3', 'W=0']);
      });

      it('should refuse an env file line without a name', () => {
        expect(usageError(['--env-file', 'bad.env', 'nginx'], context({ 'bad.env': '=1' })).message).toMatch(
          'the variable name is missing',
        );
      });

      it('should leave out a bare NAME that is not set in the environment, as an env file does', () => {
        expect(create(['-e', 'UNSET', 'nginx']).task.container.env).toEqual([]);
      });

      it('should refuse a missing env file with a UsageError', () => {
        expect(usageError(['--env-file', 'missing.env', 'nginx']).message).toMatch('missing.env');
      });
    });

    describe('--mount', () => {
      it('should take bind mounts relative to the working directory, and volumes and tmpfs as given', () => {
        const spec = create([
          '--mount',
          'type=bind,source=./data,target=/data,readonly',
          '--mount',
          'type=volume,src=cache,dst=/cache',
          '--mount',
          'type=tmpfs,target=/tmp',
          'nginx',
        ]);
        expect(spec.task.container.mounts).toEqual([
          { type: 'bind', source: '/home/me/data', target: '/data', readOnly: true },
          { type: 'volume', source: 'cache', target: '/cache', readOnly: false },
          { type: 'tmpfs', source: '', target: '/tmp', readOnly: false },
        ]);
      });

      it('should refuse a mount without a target or of an unknown type', () => {
        expect(usageError(['--mount', 'type=volume,source=x', 'nginx']).message).toMatch(
          'a target is required',
        );
        expect(usageError(['--mount', 'type=nfs,target=/x', 'nginx']).message).toMatch(
          'type must be bind, volume or tmpfs',
        );
      });
    });

    describe('container settings', () => {
      it('should take the working directory, user, hostname, stop signal and switches', () => {
        const { container } = create([
          '-w',
          '/app',
          '-u',
          '1000:1000',
          '--hostname',
          'box',
          '--stop-signal',
          'SIGINT',
          '--stop-grace-period',
          '1m30s',
          '--read-only',
          '--init',
          'nginx',
        ]).task;
        expect(container).toMatchObject({
          workdir: '/app',
          user: '1000:1000',
          hostname: 'box',
          stopSignal: 'SIGINT',
          stopGracePeriodMs: 90_000,
          readOnly: true,
          init: true,
        });
      });

      it('should not let --detach or --quiet change the spec', () => {
        expect(create(['-d', '-q', 'nginx'])).toEqual(create(['nginx']));
      });
    });

    describe('resources', () => {
      it('should take CPUs as nano-CPUs and sizes as bytes', () => {
        const spec = create([
          '--limit-cpu',
          '1.5',
          '--limit-memory',
          '512m',
          '--reserve-cpu',
          '0.25',
          '--reserve-memory',
          '1g',
          'nginx',
        ]);
        expect(spec.task.resources).toEqual({
          limits: { nanoCpus: 1_500_000_000, memoryBytes: 512 * 1024 ** 2 },
          reservations: { nanoCpus: 250_000_000, memoryBytes: 1024 ** 3 },
        });
      });

      it('should read sizes as a stack file does (one parser): 1GiB, 512MB, 100b', () => {
        expect(create(['--reserve-memory', '1GiB', 'nginx']).task.resources.reservations.memoryBytes).toBe(
          1024 ** 3,
        );
        expect(create(['--limit-memory', '512MB', 'nginx']).task.resources.limits.memoryBytes).toBe(
          512 * 1024 ** 2,
        );
        expect(create(['--limit-memory', '100b', 'nginx']).task.resources.limits.memoryBytes).toBe(100);
      });

      it('should round CPUs to whole nano-CPUs', () => {
        expect(create(['--limit-cpu', '0.0000000004', 'nginx']).task.resources.limits.nanoCpus).toBe(0);
        expect(create(['--reserve-cpu', '0.0000000016', 'nginx']).task.resources.reservations.nanoCpus).toBe(
          2,
        );
      });

      it.each([
        ['limit-cpu', 'two', 'expected a number of CPUs'],
        ['reserve-cpu', '-1', 'expected a number of CPUs'],
        ['limit-cpu', 'Infinity', 'expected a number of CPUs'],
        ['limit-memory', 'lots', 'expected a size like 512m'],
        ['reserve-memory', '5x', 'expected a size like 512m'],
      ])('should refuse --%s %s', (flag, text, reason) => {
        expect(usageError([`--${flag}=${text}`, 'nginx']).message).toBe(
          `invalid argument "${text}" for "--${flag}" flag: ${reason}`,
        );
      });
    });

    describe('restart policy', () => {
      it('should take the condition, delay, attempts and window', () => {
        const spec = create([
          '--restart-condition',
          'on-failure',
          '--restart-delay',
          '500ms',
          '--restart-max-attempts',
          '3',
          '--restart-window',
          '2m',
          'nginx',
        ]);
        expect(spec.task.restartPolicy).toEqual({
          condition: 'on-failure',
          delayMs: 500,
          maxAttempts: 3,
          windowMs: 120_000,
        });
        expect(create(['--restart-condition', 'none', 'nginx']).task.restartPolicy.condition).toBe('none');
      });

      it('should refuse an unknown restart condition', () => {
        expect(usageError(['--restart-condition', 'always', 'nginx']).message).toBe(
          'invalid restart condition "always": use none, on-failure or any',
        );
      });

      it.each([
        ['restart-delay', '5'],
        ['restart-delay', 'soon'],
        ['restart-window', '-1s'],
        ['stop-grace-period', '10 s'],
        ['health-interval', '1d'],
      ])('should refuse the duration --%s %s', (flag, text) => {
        const args = flag.startsWith('health') ? ['--health-cmd', 'true'] : [];
        expect(usageError([...args, `--${flag}=${text}`, 'nginx']).message).toBe(
          `invalid argument "${text}" for "--${flag}" flag: use a duration like 30s or 1m30s`,
        );
      });

      it('should refuse a restart attempt count that is no whole number', () => {
        expect(usageError(['--restart-max-attempts', '2.5', 'nginx']).message).toBe(
          'invalid argument "2.5" for "--restart-max-attempts" flag: expected a whole number',
        );
      });

      it('should take a zero duration written without a unit, as Docker does', () => {
        expect(create(['--restart-delay', '0', 'nginx']).task.restartPolicy.delayMs).toBe(0);
      });
    });

    describe('placement', () => {
      it('should take constraints as written, spread preferences and the per-node maximum', () => {
        const spec = create([
          '--constraint',
          'node.role==worker',
          '--constraint',
          'node.labels.zone!=b',
          '--placement-pref',
          'spread=node.labels.zone',
          '--max-replicas',
          '2',
          'nginx',
        ]);
        expect(spec.task.placement).toEqual({
          constraints: ['node.role==worker', 'node.labels.zone!=b'],
          preferences: [{ spread: 'node.labels.zone' }],
          maxReplicasPerNode: 2,
        });
      });

      it('should refuse a placement preference that is not spread=…', () => {
        expect(usageError(['--placement-pref', 'pack=node.id', 'nginx']).message).toBe(
          'invalid placement preference "pack=node.id": use spread=node.labels.NAME',
        );
      });

      it('should refuse a per-node maximum that is no whole number', () => {
        expect(usageError(['--max-replicas', 'many', 'nginx']).message).toMatch('"--max-replicas" flag');
      });
    });

    describe('endpoint', () => {
      it('should take published ports in both forms, and the DNS round-robin mode', () => {
        const spec = create([
          '-p',
          '8080:80',
          '--publish',
          'published=53,target=53,protocol=udp,mode=host',
          'nginx',
        ]);
        expect(spec.endpoint.ports).toEqual([
          { publishedPort: 8080, targetPort: 80, protocol: 'tcp', publishMode: 'ingress' },
          { publishedPort: 53, targetPort: 53, protocol: 'udp', publishMode: 'host' },
        ]);
        expect(create(['--endpoint-mode', 'dnsrr', 'nginx']).endpoint.mode).toBe('dnsrr');
      });

      it('should refuse an unknown endpoint mode', () => {
        expect(usageError(['--endpoint-mode', 'lb', 'nginx']).message).toBe(
          'invalid endpoint mode "lb": use vip or dnsrr',
        );
      });

      it('should refuse a malformed port', () => {
        expect(usageError(['-p', 'eighty', 'nginx']).message).toMatch('invalid publish "eighty"');
      });
    });

    describe('health check', () => {
      it("should run --health-cmd in a shell with Docker's default timings", () => {
        expect(create(['--health-cmd', 'curl -f localhost', 'nginx']).task.container.healthcheck).toEqual({
          test: ['CMD-SHELL', 'curl -f localhost'],
          intervalMs: 30_000,
          timeoutMs: 30_000,
          retries: 3,
          startPeriodMs: 0,
        });
      });

      it('should take the interval, timeout, retries and start period', () => {
        const spec = create([
          '--health-cmd',
          'true',
          '--health-interval',
          '5s',
          '--health-timeout',
          '2s',
          '--health-retries',
          '7',
          '--health-start-period',
          '1m',
          'nginx',
        ]);
        expect(spec.task.container.healthcheck).toEqual({
          test: ['CMD-SHELL', 'true'],
          intervalMs: 5000,
          timeoutMs: 2000,
          retries: 7,
          startPeriodMs: 60_000,
        });
      });

      it("should turn the image's health check off with --no-healthcheck", () => {
        expect(create(['--no-healthcheck', 'nginx']).task.container.healthcheck).toEqual({
          test: ['NONE'],
          intervalMs: 0,
          timeoutMs: 0,
          retries: 0,
          startPeriodMs: 0,
        });
      });

      it('should refuse retries that are no whole number', () => {
        expect(usageError(['--health-cmd', 'true', '--health-retries', 'x', 'nginx']).message).toBe(
          'invalid argument "x" for "--health-retries" flag: expected a whole number',
        );
      });

      it('should refuse --no-healthcheck together with --health-cmd, as berth run does', () => {
        usageError(['--no-healthcheck', '--health-cmd', 'true', 'nginx']);
      });
    });
  });
});
