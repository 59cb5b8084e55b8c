import {
  DEFAULT_ROLLBACK_CONFIG,
  DEFAULT_UPDATE_CONFIG,
  defaultServiceSpec,
  defaultTaskSpec,
} from '../defaults';
import type { Mount, ServiceSpec } from '../objects';
import { specFromFlags, type FlagValues } from '../service-flags';
import createEveryFlag from './captured/service-create-every-flag.json';
import create from './captured/service-create.json';
import updateEnvAdd from './captured/service-update-env-add.json';
import stack from './captured/stack-deploy-vote.json';
import { dockerServiceSpec } from './service';
import { serviceSpecFromDocker } from './service-from-docker';

/** What `berth service create` makes of FLAGS and OPERANDS (its environment and mounts given). */
function fromFlags(
  flags: FlagValues,
  operands: string[],
  env: string[] = [],
  mounts: Mount[] = [],
): ServiceSpec {
  return specFromFlags(flags, operands, { environment: () => env, mounts: () => mounts });
}

const spec = (body: unknown) => serviceSpecFromDocker(body).spec;

describe(serviceSpecFromDocker.name, () => {
  describe('what the docker client sends', () => {
    it('should read `docker service create` as `berth service create` reads the same flags', () => {
      const flags = {
        name: 'web',
        replicas: '3',
        publish: ['8080:80'],
        label: ['x=y'],
        constraint: ['node.role==worker'],
        'update-parallelism': '2',
        'limit-memory': '64m',
      };
      const volume: Mount = { type: 'volume', source: 'v', target: '/data', readOnly: false };
      expect(serviceSpecFromDocker(create)).toEqual({
        spec: fromFlags(flags, ['busybox:latest', 'sleep', '1d'], ['A=1'], [volume]),
        warnings: [],
      });
    });

    it('should read every flag of `docker service create` as `berth service create` reads it', () => {
      const flags = {
        name: 'api',
        mode: 'global',
        'restart-condition': 'on-failure',
        'restart-delay': '3s',
        'restart-max-attempts': '4',
        'restart-window': '1m',
        'health-cmd': 'wget -q localhost',
        'health-interval': '10s',
        'health-timeout': '2s',
        'health-retries': '5',
        'health-start-period': '1s',
        secret: ['s1', 'source=s1,target=/etc/s,uid=1,gid=2,mode=0400'],
        config: ['c1', 'source=c1,target=rel.conf'],
        publish: ['mode=host,published=9000,target=90,protocol=udp'],
        'reserve-cpu': '0.5',
        'reserve-memory': '32m',
        'limit-cpu': '1.5',
        'placement-pref': ['spread=node.labels.zone'],
        'stop-grace-period': '20s',
        'stop-signal': 'SIGINT',
        user: '1000:1000',
        workdir: '/app',
        hostname: 'h1',
        'read-only': true,
        init: true,
        entrypoint: '/bin/sh -c',
        'rollback-parallelism': '3',
        'rollback-delay': '2s',
        'rollback-failure-action': 'continue',
        'rollback-monitor': '7s',
        'rollback-max-failure-ratio': '0.2',
        'rollback-order': 'start-first',
        'update-delay': '4s',
        'update-failure-action': 'rollback',
        'update-order': 'start-first',
        'update-max-failure-ratio': '0.5',
        'container-label': ['cl=1'],
      };
      const mounts: Mount[] = [
        { type: 'tmpfs', source: '', target: '/tmp', readOnly: false },
        { type: 'bind', source: '/srv', target: '/srv', readOnly: true },
      ];
      const expected = fromFlags(flags, ['busybox:1.36', 'echo', 'hi'], [], mounts);
      Object.assign(expected.task.container, {
        // flags `berth service create` leaves to stack files
        capAdd: ['CAP_NET_ADMIN'],
        capDrop: ['CAP_CHOWN'],
        sysctls: { 'net.core.somaxconn': '1024' },
        ulimits: [{ name: 'nofile', soft: 1024, hard: 2048 }],
      });
      // the client resolved the networks to their ids
      expected.networks = [
        { target: 'netid-back', aliases: ['api2'] },
        { target: 'netid-front', aliases: [] },
      ];
      expect(serviceSpecFromDocker(createEveryFlag)).toEqual({ spec: expected, warnings: [] });
    });

    it("should read a stack's services, Docker's zero values as Docker's defaults", () => {
      const services = stack.services as Record<string, unknown>;
      const redis = spec(services.vote_redis);
      expect(redis.labels).toEqual({
        'com.docker.stack.image': 'redis',
        'com.docker.stack.namespace': 'vote',
      });
      expect(redis.task.container.healthcheck).toEqual({
        test: ['CMD', 'redis-healthcheck'],
        intervalMs: 5000,
        timeoutMs: 5000,
        retries: 3,
        startPeriodMs: 60_000,
      });
      expect(redis.task.container.configs).toEqual([
        {
          source: 'vote_redis-healthcheck',
          target: '/usr/local/bin/redis-healthcheck',
          uid: '0',
          gid: '0',
          mode: 0o555,
        },
      ]);
      // networks by name (the manager resolves them), aliases the service's short name
      expect(redis.networks).toEqual([{ target: 'vote_frontend', aliases: ['redis'] }]);
      // Monitor left out: the default; Order '': stop-first
      expect(redis.updateConfig).toEqual({ ...DEFAULT_UPDATE_CONFIG, failureAction: 'rollback' });
      expect(redis.endpoint).toEqual({ mode: 'vip', ports: [] });
      expect(redis.task.restartPolicy).toEqual(defaultTaskSpec('').restartPolicy);
      expect(spec(services.vote_vote).updateConfig?.order).toBe('start-first');
      // a named volume, its stack labels left behind
      expect(spec(services.vote_db).task.container.mounts).toEqual([
        { type: 'volume', source: 'vote_db-data', target: '/var/lib/postgresql/data', readOnly: false },
      ]);
      // `Replicated: {}` is one replica; no UpdateConfig is swarm's
      const result = spec(services.vote_result);
      expect(result.mode).toEqual({ replicated: { replicas: 1 } });
      expect(result.updateConfig).toEqual(DEFAULT_UPDATE_CONFIG);
      expect(result.rollbackConfig).toEqual(DEFAULT_ROLLBACK_CONFIG);
      expect(spec(services.vote_worker).mode).toEqual({ replicated: { replicas: 2 } });
    });

    it("should read a service update's whole spec back, the image as it was spelled", () => {
      const current = fromFlags(
        {
          name: 'web',
          replicas: '3',
          publish: ['8080:80'],
          label: ['x=y'],
          constraint: ['node.role==worker'],
          'update-parallelism': '2',
          'limit-memory': '64m',
        },
        ['busybox', 'sleep', '1d'],
        ['A=1'],
        [{ type: 'volume', source: 'v', target: '/data', readOnly: false }],
      );
      const next = serviceSpecFromDocker(updateEnvAdd, { current }).spec;
      expect(next).toEqual({
        ...current,
        task: { ...current.task, container: { ...current.task.container, env: ['A=1', 'B=2'] } },
      });
      // without the current spec, the image is as the client spelled it
      expect(spec(updateEnvAdd).task.container.image).toBe('busybox:latest');
    });
  });

  describe("Docker's zero values", () => {
    const minimal = { TaskTemplate: { ContainerSpec: { Image: 'nginx' } } };

    it("should make swarm's service of a spec with an image alone", () => {
      const expected = defaultServiceSpec('', 'nginx');
      expect(serviceSpecFromDocker(minimal)).toEqual({ spec: expected, warnings: [] });
      expect(spec({ ...minimal, Mode: {} }).mode).toEqual({ replicated: { replicas: 1 } });
      expect(spec({ ...minimal, Mode: { Replicated: { Replicas: null } } }).mode).toEqual({
        replicated: { replicas: 1 },
      });
      expect(spec({ ...minimal, Mode: { Replicated: { Replicas: 0 } } }).mode).toEqual({
        replicated: { replicas: 0 },
      });
      expect(spec({ ...minimal, Mode: { Global: {} } }).mode).toEqual({ global: {} });
    });

    it('should read Privileges.Seccomp: default, unconfined, or a custom profile in base64, and write it back', () => {
      const withSeccomp = (Seccomp: unknown) =>
        spec({ ...minimal, TaskTemplate: { ContainerSpec: { Image: 'nginx', Privileges: { Seccomp } } } });
      expect(withSeccomp({ Mode: 'default' }).task.container.seccomp).toBeUndefined();
      expect(withSeccomp({ Mode: '' }).task.container.seccomp).toBeUndefined();
      expect(withSeccomp({ Mode: 'unconfined' }).task.container.seccomp).toEqual({
        mode: 'unconfined',
        profile: '',
      });
      const profile = '{"defaultAction":"SCMP_ACT_ALLOW"}';
      const custom = withSeccomp({ Mode: 'custom', Profile: Buffer.from(profile).toString('base64') });
      expect(custom.task.container.seccomp).toEqual({ mode: 'custom', profile });
      expect(dockerServiceSpec(custom).TaskTemplate.ContainerSpec!.Privileges).toEqual({
        Seccomp: { Mode: 'custom', Profile: Buffer.from(profile).toString('base64') },
      });
      expect(() => withSeccomp({ Mode: 'custom', Profile: Buffer.from('{').toString('base64') })).toThrow(
        /Privileges.Seccomp.Profile: must be a JSON seccomp profile, base64-encoded/,
      );
      expect(() => withSeccomp({ Mode: 'localhost' })).toThrow(
        /Privileges.Seccomp.Mode: "localhost" is not one of/,
      );
      expect(() => withSeccomp({ Mode: 'unconfined', Profile: 'e30=' })).toThrow(/only with Mode custom/);
    });

    it("should read a restart policy's parts left out as swarm's, and 0 as 0", () => {
      const restart = (policy: unknown) =>
        spec({ TaskTemplate: { ...minimal.TaskTemplate, RestartPolicy: policy } }).task.restartPolicy;
      expect(restart({})).toEqual({ condition: 'any', delayMs: 5000, maxAttempts: 0, windowMs: 0 });
      expect(restart({ Condition: 'none', Delay: 0 })).toEqual({
        condition: 'none',
        delayMs: 0,
        maxAttempts: 0,
        windowMs: 0,
      });
      expect(restart({ Delay: 1_500_000, Window: 60e9, MaxAttempts: 2 })).toEqual({
        condition: 'any',
        delayMs: 1.5,
        maxAttempts: 2,
        windowMs: 60_000,
      });
    });

    it("should read an update config's Monitor 0 as the default, its other zeros as they are", () => {
      const update = spec({ ...minimal, UpdateConfig: { Order: '', FailureAction: '' } }).updateConfig;
      expect(update).toEqual({ ...DEFAULT_UPDATE_CONFIG, parallelism: 0 });
      const rollback = spec({ ...minimal, RollbackConfig: { Parallelism: 2, Monitor: 1e9, Delay: 3e9 } });
      expect(rollback.rollbackConfig).toEqual({
        ...DEFAULT_ROLLBACK_CONFIG,
        parallelism: 2,
        monitorMs: 1000,
        delayMs: 3000,
      });
    });

    it('should leave the stop grace period to the default unless given', () => {
      const grace = (value: unknown) =>
        spec({ TaskTemplate: { ContainerSpec: { Image: 'nginx', StopGracePeriod: value } } }).task.container
          .stopGracePeriodMs;
      expect(grace(undefined)).toBe(10_000);
      expect(grace(null)).toBe(10_000);
      expect(grace(0)).toBe(0);
      expect(grace(2.5e9)).toBe(2500);
    });

    it('should accept the empty objects and nulls the docker client sends for what was not asked', () => {
      const zeros = {
        Name: 'web',
        Labels: null,
        TaskTemplate: {
          ContainerSpec: {
            Image: 'nginx',
            Labels: null,
            Command: null,
            Env: [],
            Init: false,
            TTY: false,
            Groups: [],
            Hosts: null,
            DNSConfig: {},
            Isolation: 'default',
            OomScoreAdj: 0,
            Privileges: {
              CredentialSpec: null,
              SELinuxContext: null,
              NoNewPrivileges: false,
              Seccomp: { Mode: 'default' },
              AppArmor: { Mode: '' },
            },
            Mounts: [
              {
                Type: 'bind',
                Source: '/srv',
                Target: '/srv',
                Consistency: 'cached',
                BindOptions: { Propagation: 'rprivate', NonRecursive: false },
                TmpfsOptions: null,
              },
            ],
          },
          Resources: { Limits: {}, Reservations: {}, SwapBytes: null, MemorySwappiness: null },
          Placement: {
            Platforms: [{ Architecture: 'amd64', OS: 'linux' }],
            Preferences: [{ Spread: null }],
          },
          Networks: [],
          LogDriver: null,
          PluginSpec: null,
          Runtime: 'container',
          ForceUpdate: 0,
        },
        Mode: { Replicated: { Replicas: 2 }, ReplicatedJob: null },
        EndpointSpec: { Mode: '', Ports: null },
      };
      const expected = defaultServiceSpec('web', 'nginx');
      expected.mode = { replicated: { replicas: 2 } };
      expected.task.container.mounts = [{ type: 'bind', source: '/srv', target: '/srv', readOnly: false }];
      expect(serviceSpecFromDocker(zeros)).toEqual({ spec: expected, warnings: [] });
    });

    it('should read the networks API versions before 1.44 put beside the task template', () => {
      const networks = [{ Target: 'front', Aliases: ['web'] }];
      expect(spec({ ...minimal, Networks: networks }).networks).toEqual([
        { target: 'front', aliases: ['web'] },
      ]);
      const both = {
        TaskTemplate: { ...minimal.TaskTemplate, Networks: [{ Target: 'back' }] },
        Networks: networks,
      };
      expect(spec(both).networks).toEqual([{ target: 'back', aliases: [] }]);
    });

    it('should default a port to tcp in ingress mode', () => {
      const ports = spec({ ...minimal, EndpointSpec: { Ports: [{ TargetPort: 80 }] } }).endpoint.ports;
      expect(ports).toEqual([{ protocol: 'tcp', targetPort: 80, publishedPort: 0, publishMode: 'ingress' }]);
    });
  });

  describe('references', () => {
    const withSecret = (reference: unknown) => ({
      TaskTemplate: { ContainerSpec: { Image: 'nginx', Secrets: [reference] } },
    });
    const files = {
      secrets: [{ id: 'sid1', spec: { name: 'db' } }],
      configs: [],
    };

    it('should name a secret given by id alone from the secrets the caller knows', () => {
      const reference = { SecretID: 'sid1', File: { Name: 'db', UID: '0', GID: '0', Mode: 0o400 } };
      expect(serviceSpecFromDocker(withSecret(reference), { files }).spec.task.container.secrets).toEqual([
        { source: 'db', target: '/run/secrets/db', uid: '0', gid: '0', mode: 0o400 },
      ]);
    });

    it('should place a file named by a relative name where swarm does, defaults for its owner', () => {
      const reference = { SecretName: 'db', File: { Name: 'sub/key', Mode: 0o444 } };
      expect(spec(withSecret(reference)).task.container.secrets).toEqual([
        { source: 'db', target: '/run/secrets/sub/key', uid: '0', gid: '0', mode: 0o444 },
      ]);
    });
  });

  describe('what only Berth says', () => {
    it("should keep the current spec's depends_on, which Docker's spec cannot say", () => {
      const current = defaultServiceSpec('app_web', 'nginx');
      current.dependsOn = [{ service: 'app_db', condition: 'service_healthy' }];
      const body = { Name: 'app_web', TaskTemplate: { ContainerSpec: { Image: 'nginx' } } };
      expect(serviceSpecFromDocker(body, { current }).spec).toEqual(current);
      expect(spec(body).dependsOn).toBeUndefined();
    });
  });
});
