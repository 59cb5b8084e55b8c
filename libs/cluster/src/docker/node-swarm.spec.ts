import { makeNode } from '../testing';
import { dockerFileName, dockerTime, fullImageName, milliseconds, nanoseconds } from './common';
import { dockerNode } from './node';
import { dockerConfig, dockerSecret, dockerSwarm } from './swarm';

const MAY_1 = Date.parse('2025-05-01T10:00:00.120Z');
const meta = { version: 42, createdAt: MAY_1, updatedAt: MAY_1 + 1000 };

describe(dockerNode.name, () => {
  it('should show a worker as docker node inspect does, with no manager status', () => {
    const node = { ...makeNode({ id: 'n1', hostname: 'w1', labels: { zone: 'a' } }), meta };
    expect(dockerNode(node)).toEqual({
      ID: 'n1',
      Version: { Index: 42 },
      CreatedAt: '2025-05-01T10:00:00.12Z',
      UpdatedAt: '2025-05-01T10:00:01.12Z',
      Spec: { Labels: { zone: 'a' }, Role: 'worker', Availability: 'active' },
      Description: {
        Hostname: 'w1',
        Platform: { Architecture: 'x86_64', OS: 'linux' },
        Resources: { NanoCPUs: 4e9, MemoryBytes: 8 * 1024 ** 3 },
        Engine: { EngineVersion: '0.1.0' },
        TLSInfo: {},
      },
      Status: { State: 'ready', Addr: '10.0.0.1' },
    });
  });

  it("should show a manager's status, leader or not, and what else is known", () => {
    const node = {
      ...makeNode({ id: 'm1', role: 'manager', state: 'down', engineLabels: { os: 'debian' } }),
      managerStatus: { leader: false, reachability: 'unreachable' as const, addr: '' },
    };
    node.status.message = 'heartbeat failure';
    const doc = dockerNode(node, { trustRoot: 'PEM' });
    expect(doc.ManagerStatus).toEqual({ Leader: false, Reachability: 'unreachable' });
    expect(doc.Status).toEqual({ State: 'down', Message: 'heartbeat failure', Addr: '10.0.0.1' });
    expect(doc.Description.Engine).toEqual({ EngineVersion: '0.1.0', Labels: { os: 'debian' } });
    expect(doc.Description.TLSInfo).toEqual({ TrustRoot: 'PEM' });
    const leader = dockerNode({
      ...node,
      managerStatus: { leader: true, reachability: 'reachable', addr: '10.0.0.1:7380' },
    });
    expect(leader.ManagerStatus).toEqual({ Leader: true, Reachability: 'reachable', Addr: '10.0.0.1:7380' });
  });
});

describe(dockerSwarm.name, () => {
  const cluster = {
    id: 'c1',
    meta,
    settings: { heartbeatGraceMs: 3000, taskHistoryLimit: 5 },
    ca: { certPem: '-----BEGIN CERTIFICATE-----' },
    joinTokens: { worker: 'SWMTKN-w', manager: 'SWMTKN-m' },
  };

  it("should show the cluster as Docker's swarm, its join tokens to a caller that may join nodes", () => {
    expect(dockerSwarm(cluster, { joinTokens: true })).toEqual({
      ID: 'c1',
      Version: { Index: 42 },
      CreatedAt: '2025-05-01T10:00:00.12Z',
      UpdatedAt: '2025-05-01T10:00:01.12Z',
      Spec: {
        Name: 'default',
        Labels: {},
        Orchestration: { TaskHistoryRetentionLimit: 5 },
        Raft: {
          SnapshotInterval: 10000,
          KeepOldSnapshots: 0,
          LogEntriesForSlowFollowers: 500,
          ElectionTick: 10,
          HeartbeatTick: 1,
        },
        Dispatcher: { HeartbeatPeriod: 1e9 },
        CAConfig: { NodeCertExpiry: 90 * 24 * 3600 * 1e9 },
        TaskDefaults: {},
        EncryptionConfig: { AutoLockManagers: false },
      },
      TLSInfo: { TrustRoot: '-----BEGIN CERTIFICATE-----' },
      RootRotationInProgress: false,
      DefaultAddrPool: ['10.0.0.0/8'],
      SubnetSize: 24,
      DataPathPort: 4789,
      JoinTokens: { Worker: 'SWMTKN-w', Manager: 'SWMTKN-m' },
    });
  });

  it('should leave the join tokens out for a caller that may not see them, and take the facts given', () => {
    const facts = {
      defaultAddrPool: ['10.20.0.0/16'],
      subnetSize: 26,
      dataPathPort: 4790,
      nodeCertExpiryMs: 1000,
    };
    const doc = dockerSwarm(cluster, { joinTokens: false, facts });
    expect(doc).not.toHaveProperty('JoinTokens');
    expect(doc).toMatchObject({ DefaultAddrPool: ['10.20.0.0/16'], SubnetSize: 26, DataPathPort: 4790 });
    expect(doc.Spec.CAConfig.NodeCertExpiry).toBe(1e9);
  });
});

describe('secrets and configs', () => {
  const object = { id: 's1', meta, spec: { name: 'db', labels: { a: 'b' } }, data: 'aGk=' };

  it("should never show a secret's data", () => {
    expect(dockerSecret(object)).toEqual({
      ID: 's1',
      Version: { Index: 42 },
      CreatedAt: '2025-05-01T10:00:00.12Z',
      UpdatedAt: '2025-05-01T10:00:01.12Z',
      Spec: { Name: 'db', Labels: { a: 'b' } },
    });
  });

  it("should show a config's data when the caller has it", () => {
    expect(dockerConfig(object).Spec).toEqual({ Name: 'db', Labels: { a: 'b' }, Data: 'aGk=' });
    expect(dockerConfig({ ...object, data: undefined }).Spec).toEqual({ Name: 'db', Labels: { a: 'b' } });
  });
});

describe('units', () => {
  it('should write times as Go writes them', () => {
    expect(dockerTime(0)).toBe('1970-01-01T00:00:00Z');
    expect(dockerTime(Date.parse('2025-05-01T10:00:00.100Z'))).toBe('2025-05-01T10:00:00.1Z');
    expect(dockerTime(Date.parse('2025-05-01T10:00:10.000Z'))).toBe('2025-05-01T10:00:10Z');
    expect(dockerTime(Date.parse('2025-05-01T10:00:00.007Z'))).toBe('2025-05-01T10:00:00.007Z');
    expect(dockerTime(Number.MAX_SAFE_INTEGER)).toBe('0001-01-01T00:00:00Z');
  });

  it('should turn milliseconds to nanoseconds and back', () => {
    expect(nanoseconds(1.5)).toBe(1_500_000);
    expect(milliseconds(1_500_000)).toBe(1.5);
    expect(milliseconds(nanoseconds(10_000))).toBe(10_000);
  });

  it("should name a file by its bare name when it sits in its kind's directory", () => {
    expect(dockerFileName('secrets', '/run/secrets/db')).toBe('db');
    expect(dockerFileName('secrets', '/run/secrets/sub/db')).toBe('/run/secrets/sub/db');
    expect(dockerFileName('secrets', '/etc/db')).toBe('/etc/db');
    expect(dockerFileName('configs', '/app.conf')).toBe('app.conf');
    expect(dockerFileName('configs', '/etc/app.conf')).toBe('/etc/app.conf');
  });

  it('should spell image references out as Docker reads them', () => {
    expect(fullImageName('busybox')).toBe('docker.io/library/busybox:latest');
    expect(fullImageName('busybox:latest')).toBe('docker.io/library/busybox:latest');
    expect(fullImageName('docker.io/library/busybox')).toBe('docker.io/library/busybox:latest');
    expect(fullImageName('index.docker.io/bret/vote:before')).toBe('docker.io/bret/vote:before');
    expect(fullImageName('localhost:5000/app')).toBe('localhost:5000/app:latest');
    expect(fullImageName('localhost/app:1')).toBe('localhost/app:1');
    expect(fullImageName('registry.local/team/app@sha256:ab')).toBe('registry.local/team/app@sha256:ab');
    expect(fullImageName('app:1@sha256:ab')).toBe('docker.io/library/app:1@sha256:ab');
  });
});
