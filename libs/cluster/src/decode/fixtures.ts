/**
 * One valid object of each kind, every optional field set, for the decoders' tests: what the
 * fuzzer breaks. Test support only: not exported from @berth/cluster.
 */
import { defaultServiceSpec } from '../defaults';
import type { ClusterView } from './cluster';
import type { FileObjectView } from './files';
import type {
  Network,
  NetworkView,
  Node,
  Service,
  ServiceSpec,
  StackSummary,
  Task,
  TaskStatus,
} from '../objects';

const meta = { version: 7, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_500 };

export function fullServiceSpec(): ServiceSpec {
  const spec = defaultServiceSpec('web', 'nginx:1.25@sha256:' + 'a'.repeat(64));
  Object.assign(spec.task.container, {
    command: ['nginx'],
    args: ['-g', 'daemon off;'],
    env: ['A=1', 'B=two'],
    labels: { 'com.example.team': 'web' },
    mounts: [{ type: 'volume', source: 'data', target: '/data', readOnly: false }],
    healthcheck: { test: ['CMD', 'true'], intervalMs: 1000, timeoutMs: 500, retries: 3, startPeriodMs: 0 },
    capAdd: ['NET_ADMIN'],
    capDrop: ['MKNOD'],
    sysctls: { 'net.core.somaxconn': '1024' },
    ulimits: [{ name: 'nofile', soft: 1024, hard: -1 }],
    seccomp: { mode: 'custom', profile: '{"defaultAction":"SCMP_ACT_ALLOW"}' },
    secrets: [{ source: 'db_password', target: 'db_password', uid: '0', gid: '0', mode: 0o444 }],
    configs: [{ source: 'nginx_conf', target: '/etc/nginx/nginx.conf', uid: '0', gid: '0', mode: 0o444 }],
  });
  spec.task.resources.limits = { nanoCpus: 500_000_000, memoryBytes: 1363148.8 };
  spec.task.placement = {
    constraints: ['node.labels.zone==a'],
    preferences: [{ spread: 'node.labels.zone' }],
    maxReplicasPerNode: 2,
  };
  spec.endpoint.ports = [{ protocol: 'tcp', targetPort: 80, publishedPort: 8080, publishMode: 'ingress' }];
  spec.networks = [{ target: 'net-1', aliases: ['www'] }];
  spec.dependsOn = [{ service: 'db', condition: 'service_healthy' }];
  return spec;
}

export function fullService(): Service {
  return {
    id: 'svc1',
    meta,
    spec: fullServiceSpec(),
    specVersion: 3,
    previousSpec: { ...fullServiceSpec(), mode: { global: {} } },
    virtualIps: [{ networkId: 'net-1', address: '10.0.1.2/24' }],
    updateStatus: { state: 'completed', startedAt: 1, completedAt: 2, message: 'update completed' },
  };
}

export function fullTaskStatus(): TaskStatus {
  return {
    state: 'pending',
    timestamp: 1_700_000_000_000,
    message: 'no suitable node (1 node not available for new tasks)',
    err: '',
    containerId: 'c0ffee',
    exitCode: null,
    startedAt: 1_700_000_000_000,
    logTail: ['starting', 'oops'],
    rejections: [
      { filter: 'ready', rejected: 1, examined: 3 },
      { filter: 'resources', rejected: 1, examined: 2, shortOfCpu: 1, shortOfMemory: 0 },
      {
        filter: 'constraints',
        rejected: 1,
        examined: 1,
        unsatisfied: [{ constraint: 'node.role==manager', satisfiedBy: 0 }],
      },
      { filter: 'host-ports', rejected: 0, examined: 0, ports: ['80/tcp'] },
      { filter: 'max-replicas', rejected: 0, examined: 0, max: 2 },
      { filter: 'node', rejected: 0, examined: 0, nodeId: 'gone' },
      { filter: 'nodes', rejected: 0, examined: 0 },
    ],
  };
}

export function fullTask(nodeId = 'node-1'): Task {
  const spec = fullServiceSpec();
  return {
    id: 'task1',
    meta,
    serviceId: 'svc1',
    serviceName: 'web',
    slot: 1,
    nodeId,
    spec: spec.task,
    specVersion: 3,
    endpoint: spec.endpoint,
    desiredState: 'running',
    status: fullTaskStatus(),
    restarts: [1_700_000_000_000],
    notBefore: Number.MAX_SAFE_INTEGER,
    networks: [{ networkId: 'net-1', address: '10.0.1.5/24' }],
    waitingForDependencies: true,
  };
}

export function fullNode(): Node {
  return {
    id: 'node-1',
    meta,
    spec: { role: 'manager', availability: 'active', labels: { zone: 'a' } },
    description: {
      hostname: 'm1',
      platform: { os: 'linux', architecture: 'x86_64' },
      resources: { nanoCpus: 4e9, memoryBytes: 8 * 2 ** 30 },
      engineVersion: '0.1.0',
      engineLabels: { disk: 'ssd' },
    },
    status: { state: 'ready', message: '', addr: '10.0.0.1' },
    managerStatus: { leader: true, reachability: 'reachable', addr: '10.0.0.1:4243' },
  };
}

export function fullNetwork(): Network {
  return {
    id: 'net-1',
    meta,
    spec: { name: 'front', driver: 'overlay', labels: {}, attachable: true, ingress: false, subnet: '' },
    subnet: '10.0.1.0/24',
    gateway: '10.0.1.1',
    vni: 4097,
    nodeAddresses: [{ nodeId: 'node-1', address: '10.0.1.254/24' }],
    attachments: [{ id: 'att1', nodeId: 'node-1', containerId: 'c1', address: '10.0.1.9/24' }],
  };
}

export function fullNetworkView(): NetworkView {
  return {
    network: fullNetwork(),
    peers: ['10.0.0.2'],
    endpoints: [
      {
        taskId: 'task1',
        serviceId: 'svc1',
        address: '10.0.1.5/24',
        nodeId: 'node-1',
        nodeAddr: '10.0.0.1',
        ready: true,
      },
    ],
    services: [
      {
        id: 'svc1',
        name: 'web',
        aliases: ['www'],
        virtualIp: '10.0.1.2/24',
        mode: 'vip',
        ports: [{ protocol: 'tcp', targetPort: 80, publishedPort: 8080, publishMode: 'ingress' }],
      },
    ],
  };
}

export function fullFileObjectView(): FileObjectView {
  return {
    id: 'f1',
    meta,
    spec: { name: 'nginx_conf', labels: { a: 'b' } },
    data: 'aGVsbG8=',
    digest: 'ab'.repeat(32),
  };
}

export function fullStackSummary(): StackSummary {
  return {
    networks: ['app_front'],
    created: ['app_web'],
    updated: [],
    unchanged: ['app_db'],
    removed: [],
    removedNetworks: [],
    files: ['secret app_db_password'],
    removedFiles: [],
    kept: [],
  };
}

export function fullClusterView(): ClusterView {
  return {
    id: 'cluster1',
    meta,
    settings: { heartbeatGraceMs: 3000, taskHistoryLimit: 5 },
    ca: { certPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' },
    joinTokens: { worker: 'BTHTKN-1-abc-worker', manager: 'BTHTKN-1-abc-manager' },
    sealedDataKey: 'c2VhbGVk',
  };
}
