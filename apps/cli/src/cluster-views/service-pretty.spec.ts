import type { Service } from '@berth/cluster';
import { makeService } from '@berth/cluster/testing';
import { servicePretty } from './service-pretty';

const MiB = 1024 ** 2;
const NOW = 1_700_000_000_000;
const ctx = { networkNames: new Map([['net-back-id', 'app_back']]), now: NOW };

/** The brief's service: a stack's replicated service with everything docker shows. */
function stackService(): Service {
  const service = makeService({
    id: 'svc-0123456789',
    name: 'app_web',
    image: 'busybox:latest',
    replicas: 3,
    constraints: ['node.role==worker'],
    ports: [{ publishedPort: 8080, targetPort: 80 }],
  });
  const { spec } = service;
  spec.labels = { 'com.docker.stack.namespace': 'app' };
  spec.updateConfig = { ...spec.updateConfig!, delayMs: 10_000 };
  spec.task.container.args = ['sleep', '1000'];
  spec.task.container.env = ['A=1'];
  spec.task.resources.limits = { nanoCpus: 0.5e9, memoryBytes: 64 * MiB };
  spec.networks = [{ target: 'net-back-id', aliases: [] }];
  return service;
}

describe(servicePretty.name, () => {
  it("should print a service as docker's --pretty does", () => {
    expect(servicePretty(stackService(), ctx)).toBe(
      [
        '',
        'ID:\t\tsvc-0123456789',
        'Name:\t\tapp_web',
        'Labels:',
        ' com.docker.stack.namespace=app',
        'Service Mode:\tReplicated',
        ' Replicas:\t3',
        'Placement:',
        ' Constraints:\t[node.role==worker]',
        'UpdateConfig:',
        ' Parallelism:\t1',
        ' Delay:\t\t10s',
        ' On failure:\tpause',
        ' Monitoring Period: 5s',
        ' Max failure ratio: 0',
        ' Update order:      stop-first',
        'RollbackConfig:',
        ' Parallelism:\t1',
        ' On failure:\tpause',
        ' Monitoring Period: 5s',
        ' Max failure ratio: 0',
        ' Rollback order:    stop-first',
        'ContainerSpec:',
        ' Image:\t\tbusybox:latest',
        // docker's template puts a space after each argument and variable
        ' Args:\t\tsleep 1000 ',
        ' Env:\t\tA=1 ',
        'Resources:',
        ' Limits:',
        '  CPU:\t\t0.5',
        '  Memory:\t64MiB',
        'Networks: app_back ',
        'Endpoint Mode:\tvip',
        'Ports:',
        ' PublishedPort = 8080',
        '  Protocol = tcp',
        '  TargetPort = 80',
        '  PublishMode = ingress ',
        '',
      ].join('\n'),
    );
  });

  it('should leave out what is empty, and say Global for a global service', () => {
    const service = makeService({ id: 'svc-agent', name: 'agent', image: 'agent:2', global: true });
    delete service.spec.updateConfig;
    delete service.spec.rollbackConfig;
    expect(servicePretty(service, ctx)).toBe(
      [
        '',
        'ID:\t\tsvc-agent',
        'Name:\t\tagent',
        'Service Mode:\tGlobal',
        'Placement:',
        'ContainerSpec:',
        ' Image:\t\tagent:2',
        'Endpoint Mode:\tvip',
        '',
      ].join('\n'),
    );
  });

  it('should show the rollout, preferences, reservations, files and health check', () => {
    const service = makeService({
      id: 'svc-db',
      name: 'db',
      image: 'postgres:16',
      preferences: ['node.labels.zone'],
      maxReplicasPerNode: 2,
      reservations: { memoryBytes: 1.5 * 1024 * MiB },
    });
    service.updateStatus = {
      state: 'completed',
      startedAt: NOW - 5 * 60_000,
      completedAt: NOW - 3 * 60_000,
      message: 'update completed',
    };
    const container = service.spec.task.container;
    container.user = 'postgres';
    container.workdir = '/data';
    container.capAdd = ['NET_ADMIN', 'SYS_TIME'];
    container.mounts = [{ type: 'volume', source: 'db_data', target: '/data', readOnly: false }];
    container.secrets = [{ source: 'db_password', target: 'db_password', uid: '0', gid: '0', mode: 0o444 }];
    container.healthcheck = {
      test: ['CMD-SHELL', 'pg_isready'],
      intervalMs: 30_000,
      timeoutMs: 5_000,
      retries: 3,
      startPeriodMs: 0,
    };
    delete service.spec.rollbackConfig;
    const text = servicePretty(service, ctx);
    expect(text).toContain(
      'UpdateStatus:\n State:\t\tcompleted\n Started:\t5 minutes ago\n Completed:\t3 minutes ago\n Message:\tupdate completed\n',
    );
    expect(text).toContain(
      'Placement:\n Preferences:   [spread=node.labels.zone]\n Max Replicas Per Node:   2\nUpdateConfig:',
    );
    expect(text).toContain(' Dir:\t\t/data\n User: postgres\nCapabilities:\n Add: NET_ADMIN, SYS_TIME\n');
    expect(text).toContain(
      'Mounts:\n Target:\t/data\n  Source:\tdb_data\n  ReadOnly:\tfalse\n  Type:\t\tvolume\n',
    );
    expect(text).toContain('Secrets:\n Target:\tdb_password\n  Source:\tdb_password\n');
    expect(text).toContain('Resources:\n Reservations:\n  Memory:\t1.5GiB\nEndpoint Mode:\tvip');
    expect(
      text.endsWith(
        'Endpoint Mode:\tvip\n Healthcheck:\n  Interval = 30s\n  Retries = 3\n  StartPeriod =\t0s\n  Timeout =\t5s' +
          '\n  Tests:\n\t Test = CMD-SHELL\n\t Test = pg_isready \n',
      ),
    ).toBe(true);
  });
});
