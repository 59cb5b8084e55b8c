import type { Meta, Resources } from './common';

export type NodeRole = 'manager' | 'worker';
export type NodeAvailability = 'active' | 'pause' | 'drain';
/** `down`: missed its heartbeats for the grace period; `disconnected`: left the cluster. */
export type NodeState = 'unknown' | 'ready' | 'down' | 'disconnected';

/** What the operator decides about a node (`berth node update`). */
export interface NodeSpec {
  role: NodeRole;
  availability: NodeAvailability;
  labels: Record<string, string>;
}

/** What the node says about itself when its agent connects. */
export interface NodeDescription {
  hostname: string;
  platform: { os: string; architecture: string };
  resources: Resources;
  engineVersion: string;
  engineLabels: Record<string, string>;
}

export interface NodeStatus {
  state: NodeState;
  message: string;
  /** the address the node's session came from */
  addr: string;
}

/** Docker's ManagerStatus, for manager nodes: worked out when asked (from presence), never stored. */
export interface ManagerStatus {
  leader: boolean;
  reachability: 'reachable' | 'unreachable';
  /** where its manager serves; empty while it is unreachable */
  addr: string;
}

export interface Node {
  id: string;
  meta: Meta;
  spec: NodeSpec;
  description: NodeDescription;
  status: NodeStatus;
  /** set in the API's answers about manager nodes */
  managerStatus?: ManagerStatus;
}
