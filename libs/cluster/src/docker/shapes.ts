/**
 * The cluster's objects in the Docker Engine API's shapes (moby's api/swagger.yaml and its Go
 * types in api/types/swarm): the fields Berth fills. Durations are nanoseconds, times RFC 3339
 * text. A field Docker's Go type leaves out when empty (`omitempty`) is optional here and left
 * out the same way, so a document reads as dockerd's would.
 */

/** Docker's ObjectVersion: what a client sends back with an update (`?version=`). */
export interface DockerVersion {
  Index: number;
}

/** What every swarm object starts with. */
export interface DockerMeta {
  ID: string;
  Version: DockerVersion;
  CreatedAt: string;
  UpdatedAt: string;
}

export interface DockerResources {
  NanoCPUs?: number;
  MemoryBytes?: number;
}

export interface DockerTlsInfo {
  TrustRoot?: string;
}

export interface DockerNode extends DockerMeta {
  Spec: { Name?: string; Labels: Record<string, string>; Role: string; Availability: string };
  Description: {
    Hostname: string;
    Platform: { Architecture: string; OS: string };
    Resources: DockerResources;
    Engine: { EngineVersion: string; Labels?: Record<string, string> };
    TLSInfo: DockerTlsInfo;
  };
  Status: { State: string; Message?: string; Addr: string };
  ManagerStatus?: { Leader: boolean; Reachability: string; Addr?: string };
}

export interface DockerMount {
  Type: string;
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
}

export interface DockerHealthConfig {
  Test: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  Retries?: number;
}

export interface DockerFileTarget {
  Name: string;
  UID: string;
  GID: string;
  Mode: number;
}

export interface DockerSecretReference {
  File: DockerFileTarget;
  SecretID: string;
  SecretName: string;
}

export interface DockerConfigReference {
  File: DockerFileTarget;
  ConfigID: string;
  ConfigName: string;
}

export interface DockerContainerSpec {
  Image: string;
  Labels?: Record<string, string>;
  Command?: string[];
  Args?: string[];
  Hostname?: string;
  Env?: string[];
  Dir?: string;
  User?: string;
  Init?: boolean;
  StopSignal?: string;
  ReadOnly?: boolean;
  Mounts?: DockerMount[];
  StopGracePeriod?: number;
  Healthcheck?: DockerHealthConfig;
  Secrets?: DockerSecretReference[];
  Configs?: DockerConfigReference[];
  Sysctls?: Record<string, string>;
  CapabilityAdd?: string[];
  CapabilityDrop?: string[];
  Ulimits?: { Name: string; Soft: number; Hard: number }[];
  /** Profile: the JSON profile's bytes, base64 (Go's []byte) */
  Privileges?: { Seccomp: { Mode: 'unconfined' | 'custom'; Profile?: string } };
}

export interface DockerRestartPolicy {
  Condition: string;
  Delay: number;
  MaxAttempts: number;
  Window: number;
}

export interface DockerPlacement {
  Constraints?: string[];
  Preferences?: { Spread: { SpreadDescriptor: string } }[];
  MaxReplicas?: number;
}

export interface DockerNetworkAttachmentConfig {
  Target: string;
  Aliases?: string[];
}

export interface DockerTaskSpec {
  ContainerSpec: DockerContainerSpec;
  Resources: { Limits: DockerResources; Reservations: DockerResources };
  RestartPolicy: DockerRestartPolicy;
  Placement: DockerPlacement;
  Networks?: DockerNetworkAttachmentConfig[];
  ForceUpdate: number;
  Runtime: 'container';
}

export interface DockerUpdateConfig {
  Parallelism: number;
  Delay?: number;
  FailureAction: string;
  Monitor?: number;
  MaxFailureRatio: number;
  Order: string;
}

export interface DockerPortConfig {
  Protocol: string;
  TargetPort: number;
  PublishedPort?: number;
  PublishMode: string;
}

export interface DockerEndpointSpec {
  Mode: string;
  Ports?: DockerPortConfig[];
}

export interface DockerServiceSpec {
  Name: string;
  Labels: Record<string, string>;
  TaskTemplate: DockerTaskSpec;
  Mode: { Replicated: { Replicas: number } } | { Global: Record<string, never> };
  UpdateConfig: DockerUpdateConfig;
  RollbackConfig: DockerUpdateConfig;
  EndpointSpec: DockerEndpointSpec;
}

export interface DockerService extends DockerMeta {
  Spec: DockerServiceSpec;
  PreviousSpec?: DockerServiceSpec;
  Endpoint: {
    Spec: DockerEndpointSpec;
    Ports?: DockerPortConfig[];
    VirtualIPs?: { NetworkID: string; Addr: string }[];
  };
  UpdateStatus?: { State: string; StartedAt?: string; CompletedAt?: string; Message?: string };
  ServiceStatus?: DockerServiceStatus;
}

/** How many of a service's tasks run, of how many it wants (`docker service ls`'s REPLICAS). */
export interface DockerServiceStatus {
  RunningTasks: number;
  DesiredTasks: number;
  CompletedTasks: number;
}

/** An overlay network as a task's attachment names it (Docker's swarm.Network). */
export interface DockerSwarmNetwork extends DockerMeta {
  Spec: {
    Name: string;
    Labels: Record<string, string>;
    DriverConfiguration: { Name: string };
    Attachable?: boolean;
    Ingress?: boolean;
    IPAMOptions: DockerIpamOptions;
    Scope: 'swarm';
  };
  DriverState: { Name: string; Options: Record<string, string> };
  IPAMOptions: DockerIpamOptions;
}

export interface DockerIpamOptions {
  Driver: { Name: string };
  Configs: { Subnet: string; Gateway?: string }[];
}

export interface DockerTask extends DockerMeta {
  Labels: Record<string, string>;
  Spec: DockerTaskSpec;
  ServiceID: string;
  Slot?: number;
  NodeID?: string;
  Status: {
    Timestamp: string;
    State: string;
    Message?: string;
    Err?: string;
    ContainerStatus?: { ContainerID: string; PID: number; ExitCode: number };
    PortStatus: { Ports?: DockerPortConfig[] };
  };
  DesiredState: string;
  NetworksAttachments?: { Network: DockerSwarmNetwork | { ID: string }; Addresses: string[] }[];
}

/** A secret or a config: a secret never with its data, a config with it (`docker config inspect`). */
export interface DockerFileObject extends DockerMeta {
  Spec: { Name: string; Labels: Record<string, string>; Data?: string };
}

export interface DockerSwarm extends DockerMeta {
  Spec: {
    Name: 'default';
    Labels: Record<string, string>;
    Orchestration: { TaskHistoryRetentionLimit: number };
    Raft: {
      SnapshotInterval: number;
      KeepOldSnapshots: number;
      LogEntriesForSlowFollowers: number;
      ElectionTick: number;
      HeartbeatTick: number;
    };
    Dispatcher: { HeartbeatPeriod: number };
    CAConfig: { NodeCertExpiry: number };
    TaskDefaults: Record<string, never>;
    EncryptionConfig: { AutoLockManagers: boolean };
  };
  TLSInfo: DockerTlsInfo;
  RootRotationInProgress: false;
  DefaultAddrPool: string[];
  SubnetSize: number;
  DataPathPort: number;
  JoinTokens?: { Worker: string; Manager: string };
}
