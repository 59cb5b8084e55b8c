import { defaultServiceSpec } from '../defaults';
import type { Network, Service, ServiceSpec } from '../objects';
import { parseFileReference, specFromFlags } from '../service-flags';
import { makeService, makeTask, runningTask } from '../testing';
import { serviceSpecFromDocker } from './service-from-docker';
import { dockerService, dockerServiceSpec, serviceStatus } from './service';
import { dockerTask } from './task';

const MAY_1 = Date.parse('2025-05-01T10:00:00Z');
const meta = { version: 7, createdAt: MAY_1, updatedAt: MAY_1 };

/** `berth service create` of nearly every flag, with what stack files add. */
function everything(): ServiceSpec {
  const spec = specFromFlags(
    {
      name: 'api',
      replicas: '2',
      label: ['tier=api'],
      'container-label': ['cl=1'],
      entrypoint: '/bin/sh -c',
      workdir: '/app',
      user: '1000',
      hostname: 'h1',
      'stop-signal': 'SIGINT',
      'stop-grace-period': '20s',
      'read-only': true,
      init: true,
      'health-cmd': 'true',
      'health-interval': '10s',
      secret: ['db', 'source=db,target=/etc/db,uid=1,gid=2,mode=0400'],
      config: ['conf', 'source=conf,target=/etc/app/conf'],
      'limit-cpu': '1.5',
      'reserve-memory': '32m',
      'restart-condition': 'on-failure',
      'restart-max-attempts': '3',
      constraint: ['node.role==worker'],
      'placement-pref': ['spread=node.labels.zone'],
      'max-replicas': '2',
      publish: ['8080:80', 'mode=host,published=9000,target=90,protocol=udp'],
      'update-delay': '4s',
      'update-order': 'start-first',
      'rollback-monitor': '7s',
    },
    ['nginx:1', 'echo', 'hi'],
    {
      environment: () => ['A=1'],
      mounts: () => [
        { type: 'tmpfs', source: '', target: '/tmp', readOnly: false },
        { type: 'volume', source: 'data', target: '/data', readOnly: true },
      ],
    },
  );
  Object.assign(spec.task.container, {
    capAdd: ['NET_ADMIN'],
    capDrop: ['CHOWN'],
    sysctls: { 'net.core.somaxconn': '1024' },
    ulimits: [{ name: 'nofile', soft: 1024, hard: 2048 }],
  });
  spec.networks = [{ target: 'net1', aliases: ['api'] }];
  return spec;
}

describe(dockerService.name, () => {
  it('should show a plain service as docker service inspect does', () => {
    const service: Service = { ...makeService({ id: 's1', name: 'web', replicas: 3, image: 'nginx' }), meta };
    expect(dockerService(service)).toEqual({
      ID: 's1',
      Version: { Index: 7 },
      CreatedAt: '2025-05-01T10:00:00Z',
      UpdatedAt: '2025-05-01T10:00:00Z',
      Spec: {
        Name: 'web',
        Labels: {},
        TaskTemplate: {
          ContainerSpec: { Image: 'nginx', StopGracePeriod: 10e9 },
          Resources: { Limits: {}, Reservations: {} },
          RestartPolicy: { Condition: 'any', Delay: 5e9, MaxAttempts: 0, Window: 0 },
          Placement: {},
          ForceUpdate: 0,
          Runtime: 'container',
        },
        Mode: { Replicated: { Replicas: 3 } },
        UpdateConfig: {
          Parallelism: 1,
          FailureAction: 'pause',
          Monitor: 5e9,
          MaxFailureRatio: 0,
          Order: 'stop-first',
        },
        RollbackConfig: {
          Parallelism: 1,
          FailureAction: 'pause',
          Monitor: 5e9,
          MaxFailureRatio: 0,
          Order: 'stop-first',
        },
        EndpointSpec: { Mode: 'vip' },
      },
      Endpoint: { Spec: { Mode: 'vip' } },
    });
  });

  it('should show everything a service says in Docker’s words', () => {
    const service: Service = {
      id: 's2',
      meta,
      spec: everything(),
      specVersion: 2,
      previousSpec: defaultServiceSpec('api', 'nginx:0'),
      virtualIps: [{ networkId: 'net1', address: '10.0.1.2/24' }],
      updateStatus: {
        state: 'completed',
        startedAt: MAY_1,
        completedAt: MAY_1 + 1500,
        message: 'update completed',
      },
    };
    const files = { secrets: [{ id: 'sid', spec: { name: 'db' } }], configs: [] };
    const doc = dockerService(service, { files });
    const container = doc.Spec.TaskTemplate.ContainerSpec;
    expect(container).toMatchObject({
      Image: 'nginx:1',
      Labels: { cl: '1' },
      Command: ['/bin/sh', '-c'],
      Args: ['echo', 'hi'],
      Env: ['A=1'],
      Dir: '/app',
      User: '1000',
      Hostname: 'h1',
      Init: true,
      ReadOnly: true,
      StopSignal: 'SIGINT',
      StopGracePeriod: 20e9,
      Mounts: [
        { Type: 'tmpfs', Target: '/tmp' },
        { Type: 'volume', Source: 'data', Target: '/data', ReadOnly: true },
      ],
      Healthcheck: { Test: ['CMD-SHELL', 'true'], Interval: 10e9, Timeout: 30e9, Retries: 3 },
      CapabilityAdd: ['NET_ADMIN'],
      Ulimits: [{ Name: 'nofile', Soft: 1024, Hard: 2048 }],
    });
    expect(container.Secrets).toEqual([
      { File: { Name: 'db', UID: '0', GID: '0', Mode: 0o444 }, SecretID: 'sid', SecretName: 'db' },
      { File: { Name: '/etc/db', UID: '1', GID: '2', Mode: 0o400 }, SecretID: 'sid', SecretName: 'db' },
    ]);
    // a config Berth was not told of has no id to show
    expect(container.Configs?.map((c) => [c.File.Name, c.ConfigID])).toEqual([
      ['conf', ''],
      ['/etc/app/conf', ''],
    ]);
    expect(doc.Spec.TaskTemplate).toMatchObject({
      Resources: { Limits: { NanoCPUs: 1.5e9 }, Reservations: { MemoryBytes: 32 * 1024 ** 2 } },
      RestartPolicy: { Condition: 'on-failure', Delay: 5e9, MaxAttempts: 3, Window: 0 },
      Placement: {
        Constraints: ['node.role==worker'],
        Preferences: [{ Spread: { SpreadDescriptor: 'node.labels.zone' } }],
        MaxReplicas: 2,
      },
      Networks: [{ Target: 'net1', Aliases: ['api'] }],
    });
    expect(doc.Spec.UpdateConfig).toEqual({
      Parallelism: 1,
      Delay: 4e9,
      FailureAction: 'pause',
      Monitor: 5e9,
      MaxFailureRatio: 0,
      Order: 'start-first',
    });
    expect(doc.Spec.RollbackConfig.Monitor).toBe(7e9);
    const ports = [
      { Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' },
      { Protocol: 'udp', TargetPort: 90, PublishedPort: 9000, PublishMode: 'host' },
    ];
    expect(doc.Endpoint).toEqual({
      Spec: { Mode: 'vip', Ports: ports },
      Ports: ports,
      VirtualIPs: [{ NetworkID: 'net1', Addr: '10.0.1.2/24' }],
    });
    expect(doc.PreviousSpec?.TaskTemplate.ContainerSpec.Image).toBe('nginx:0');
    expect(doc.UpdateStatus).toEqual({
      State: 'completed',
      StartedAt: '2025-05-01T10:00:00Z',
      CompletedAt: '2025-05-01T10:00:01.5Z',
      Message: 'update completed',
    });
  });

  it('should show no virtual IPs for a dnsrr service, and an update in progress without its end', () => {
    const service = makeService({ id: 's3' });
    service.spec.endpoint.mode = 'dnsrr';
    service.virtualIps = [{ networkId: 'net1', address: '10.0.1.2/24' }];
    service.updateStatus = { state: 'updating', startedAt: MAY_1, completedAt: 0, message: '' };
    const doc = dockerService(service);
    expect(doc.Endpoint).toEqual({ Spec: { Mode: 'dnsrr' } });
    expect(doc.UpdateStatus).toEqual({ State: 'updating', StartedAt: '2025-05-01T10:00:00Z' });
  });
});

describe(serviceStatus.name, () => {
  it('should count running tasks against the replicas, or against the nodes a global service wants', () => {
    const web = makeService({ id: 'web', replicas: 3 });
    const agent = makeService({ id: 'agent', global: true });
    const tasks = [
      runningTask(web, 'n1', 1),
      runningTask(web, 'n2', 2, { desiredState: 'shutdown' }),
      makeTask({ service: web, slot: 3 }),
      runningTask(agent, 'n1', 0),
      makeTask({ service: agent, nodeId: 'n2', state: 'preparing' }),
    ];
    expect(serviceStatus(web, tasks)).toEqual({ RunningTasks: 1, DesiredTasks: 3, CompletedTasks: 0 });
    expect(serviceStatus(agent, tasks)).toEqual({ RunningTasks: 1, DesiredTasks: 2, CompletedTasks: 0 });
    expect(dockerService(web, { status: serviceStatus(web, tasks) }).ServiceStatus).toEqual({
      RunningTasks: 1,
      DesiredTasks: 3,
      CompletedTasks: 0,
    });
  });
});

describe(dockerTask.name, () => {
  const service = makeService({
    id: 'web',
    ports: [{ targetPort: 80, publishedPort: 8080, publishMode: 'host' }],
  });

  it('should show a pending task with no node and no container', () => {
    const doc = dockerTask({
      ...makeTask({ service, id: 't1', createdAt: MAY_1, message: 'pending task scheduling' }),
      meta,
    });
    expect(doc).toMatchObject({
      ID: 't1',
      Version: { Index: 7 },
      Labels: {},
      ServiceID: 'web',
      Slot: 1,
      Status: {
        Timestamp: '2025-05-01T10:00:00Z',
        State: 'pending',
        Message: 'pending task scheduling',
        PortStatus: {},
      },
      DesiredState: 'running',
    });
    expect(doc).not.toHaveProperty('NodeID');
    expect(doc.Status).not.toHaveProperty('ContainerStatus');
    expect(doc.Spec.ContainerSpec.Image).toBe('busybox');
  });

  it('should show a task that ran: its node, container, exit, error, host ports and networks', () => {
    const ingress = {
      id: 'ing',
      meta,
      spec: { name: 'ingress', driver: 'overlay', labels: {}, attachable: false, ingress: true, subnet: '' },
      subnet: '10.255.0.0/16',
      gateway: '10.255.0.1',
      vni: 4096,
    } satisfies Network;
    const task = runningTask(service, 'n1', 2, { id: 't2', state: 'failed', exitCode: 3 });
    task.status = { ...task.status, err: 'task: non-zero exit (3)', containerId: 'c0ffee' };
    task.networks = [
      { networkId: 'ing', address: '10.255.0.5/16' },
      { networkId: 'app', address: '10.0.1.5/24' },
    ];
    const doc = dockerTask(task, { networks: [ingress] });
    expect(doc.NodeID).toBe('n1');
    expect(doc.Status).toMatchObject({
      State: 'failed',
      Err: 'task: non-zero exit (3)',
      ContainerStatus: { ContainerID: 'c0ffee', PID: 0, ExitCode: 3 },
      PortStatus: { Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'host' }] },
    });
    // the spec's networks are the service's own: not the routing mesh's
    expect(doc.Spec.Networks).toEqual([{ Target: 'app' }]);
    expect(doc.NetworksAttachments).toEqual([
      {
        Network: {
          ID: 'ing',
          Version: { Index: 7 },
          CreatedAt: '2025-05-01T10:00:00Z',
          UpdatedAt: '2025-05-01T10:00:00Z',
          Spec: {
            Name: 'ingress',
            Labels: {},
            DriverConfiguration: { Name: 'overlay' },
            Ingress: true,
            IPAMOptions: {
              Driver: { Name: 'default' },
              Configs: [{ Subnet: '10.255.0.0/16', Gateway: '10.255.0.1' }],
            },
            Scope: 'swarm',
          },
          DriverState: {
            Name: 'overlay',
            Options: { 'com.docker.network.driver.overlay.vxlanid_list': '4096' },
          },
          IPAMOptions: {
            Driver: { Name: 'default' },
            Configs: [{ Subnet: '10.255.0.0/16', Gateway: '10.255.0.1' }],
          },
        },
        Addresses: ['10.255.0.5/16'],
      },
      { Network: { ID: 'app' }, Addresses: ['10.0.1.5/24'] },
    ]);
  });

  it('should leave out the slot of a global task', () => {
    const agent = makeService({ id: 'agent', global: true });
    expect(dockerTask(runningTask(agent, 'n1', 0))).not.toHaveProperty('Slot');
  });
});

describe('a spec there and back', () => {
  const files = {
    secrets: [{ id: 'sid', spec: { name: 'db' } }],
    configs: [{ id: 'cid', spec: { name: 'conf' } }],
  };

  it.each([
    ['a default service', defaultServiceSpec('web', 'nginx')],
    ['a global service of nearly every flag', { ...everything(), mode: { global: {} } }],
    ['a service of nearly every flag', everything()],
    [
      'a stack service',
      {
        ...defaultServiceSpec('app_web', 'nginx'),
        labels: { 'com.docker.stack.namespace': 'app' },
        networks: [{ target: 'app_default', aliases: ['web'] }],
        endpoint: {
          mode: 'dnsrr' as const,
          ports: [
            { protocol: 'tcp' as const, targetPort: 80, publishedPort: 0, publishMode: 'host' as const },
          ],
        },
      },
    ],
  ])('should come back the same: %s', (_, spec) => {
    expect(serviceSpecFromDocker(dockerServiceSpec(spec, files))).toEqual({ spec, warnings: [] });
  });

  it("should keep a healthcheck that only switches the image's off, and one that keeps the image's test", () => {
    const spec = defaultServiceSpec('web', 'nginx');
    spec.task.container.healthcheck = {
      test: ['NONE'],
      intervalMs: 0,
      timeoutMs: 0,
      retries: 0,
      startPeriodMs: 0,
    };
    expect(serviceSpecFromDocker(dockerServiceSpec(spec)).spec).toEqual(spec);
    spec.task.container.healthcheck = {
      test: [],
      intervalMs: 1500,
      timeoutMs: 0,
      retries: 2,
      startPeriodMs: 0,
    };
    expect(serviceSpecFromDocker(dockerServiceSpec(spec)).spec).toEqual(spec);
    spec.task.container.secrets = [parseFileReference('secret', 'source=db,target=/run/secrets/a/b')];
    expect(serviceSpecFromDocker(dockerServiceSpec(spec)).spec).toEqual(spec);
  });
});
