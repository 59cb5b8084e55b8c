/** The cluster, its secrets and its configs in Docker's shapes (`GET /swarm`, `/secrets`, `/configs`). Pure. */
import { heartbeatPeriodMs } from '../defaults';
import type { Cluster, FileObject, FileObjectKind } from '../objects';
import { dockerMeta, nanoseconds } from './common';
import type { DockerFileObject, DockerSwarm } from './shapes';

/** The cluster object as the manager shows it: its CA's certificate, never its key. */
export type ClusterFacts = Pick<Cluster, 'id' | 'meta' | 'settings' | 'joinTokens'> & {
  ca: Pick<Cluster['ca'], 'certPem'>;
};

/** What the Swarm document says of Berth's overlay networks and certificates. */
export interface SwarmNetworkFacts {
  /** the pool overlay subnets come from (libs/network's DEFAULT_OVERLAY_POOL) */
  defaultAddrPool: string[];
  /** the prefix length of each overlay subnet taken from it */
  subnetSize: number;
  /** VXLAN's UDP port (libs/network's VXLAN_PORT) */
  dataPathPort: number;
  /** how long a node certificate is valid (libs/trust issues them for 90 days, as swarm does) */
  nodeCertExpiryMs: number;
}

export const BERTH_SWARM_FACTS: SwarmNetworkFacts = {
  defaultAddrPool: ['10.0.0.0/8'],
  subnetSize: 24,
  dataPathPort: 4789,
  nodeCertExpiryMs: 90 * 24 * 3600 * 1000,
};

export interface DockerSwarmOptions {
  /** the caller may join nodes (a manager's own client): the document carries the join tokens */
  joinTokens: boolean;
  facts?: SwarmNetworkFacts;
}

/**
 * The cluster as Docker's Swarm. Berth keeps its state in etcd rather than swarmkit's raft, so
 * Spec.Raft carries swarm's defaults for the clients that print it (`docker info`); the
 * dispatcher's heartbeat period is the one agents are given; managers keep the key that opens the
 * cluster's CA key on disk (unlock.key), so they are not auto-locked.
 */
export function dockerSwarm(cluster: ClusterFacts, options: DockerSwarmOptions): DockerSwarm {
  const facts = options.facts ?? BERTH_SWARM_FACTS;
  return {
    ...dockerMeta(cluster.id, cluster.meta),
    Spec: {
      Name: 'default',
      Labels: {},
      Orchestration: { TaskHistoryRetentionLimit: cluster.settings.taskHistoryLimit },
      Raft: {
        SnapshotInterval: 10_000,
        KeepOldSnapshots: 0,
        LogEntriesForSlowFollowers: 500,
        ElectionTick: 10,
        HeartbeatTick: 1,
      },
      Dispatcher: { HeartbeatPeriod: nanoseconds(heartbeatPeriodMs(cluster.settings.heartbeatGraceMs)) },
      CAConfig: { NodeCertExpiry: nanoseconds(facts.nodeCertExpiryMs) },
      TaskDefaults: {},
      EncryptionConfig: { AutoLockManagers: false },
    },
    TLSInfo: { TrustRoot: cluster.ca.certPem },
    RootRotationInProgress: false,
    DefaultAddrPool: [...facts.defaultAddrPool],
    SubnetSize: facts.subnetSize,
    DataPathPort: facts.dataPathPort,
    ...(options.joinTokens && {
      JoinTokens: { Worker: cluster.joinTokens.worker, Manager: cluster.joinTokens.manager },
    }),
  };
}

/** A secret or config as the manager shows it (a secret without its data). */
export type FileObjectFacts = Pick<FileObject, 'id' | 'meta' | 'spec'> & { data?: string };

/** A secret: its name and labels, never its data (Docker's `SecretSpec.Data` is for create only). */
export function dockerSecret(secret: FileObjectFacts): DockerFileObject {
  return dockerFileObject('secrets', secret);
}

/** A config, with its data (base64) as `docker config inspect` shows it, when the caller has it. */
export function dockerConfig(config: FileObjectFacts): DockerFileObject {
  return dockerFileObject('configs', config);
}

function dockerFileObject(kind: FileObjectKind, object: FileObjectFacts): DockerFileObject {
  return {
    ...dockerMeta(object.id, object.meta),
    Spec: {
      Name: object.spec.name,
      Labels: { ...object.spec.labels },
      ...(kind === 'configs' && object.data !== undefined && { Data: object.data }),
    },
  };
}
