import type { Meta, NetworkAddress } from './common';
import type { EndpointSpec, TaskSpec } from './service';
import type { SchedulingRejection } from '../rejections';

/**
 * swarmkit's task states, in the only order a task may move through them (DESIGN.md, decision 4).
 * The manager moves a task up to ASSIGNED; the agent reports the rest.
 */
export const TASK_STATES = [
  'new',
  'pending',
  'assigned',
  'accepted',
  'preparing',
  'ready',
  'starting',
  'running',
  'complete',
  'shutdown',
  'failed',
  'rejected',
  'remove',
  'orphaned',
] as const;
export type TaskState = (typeof TASK_STATES)[number];

export interface TaskStatus {
  state: TaskState;
  timestamp: number;
  /** what happened, for people: "started", "no suitable node (…)" */
  message: string;
  /** why it failed, when it failed */
  err: string;
  containerId: string;
  exitCode: number | null;
  /** when its agent first reported it running (the manager notes it); absent if it never ran */
  startedAt?: number;
  /** the last lines its container wrote, when it ended on its own: kept with the task, as its container may not be */
  logTail?: string[];
  /** while pending for want of a node: why, as the scheduler's filters saw it (the message says it in words) */
  rejections?: SchedulingRejection[];
}

export interface Task {
  id: string;
  meta: Meta;
  serviceId: string;
  /** the service's name when the task was made: names its container (`web.1.<task id>`) */
  serviceName: string;
  /** replicated services: 1..replicas; global services: 0 (the node is the slot) */
  slot: number;
  /** '' until the scheduler assigns it; set at creation for global services */
  nodeId: string;
  spec: TaskSpec;
  /** the service's specVersion this task was made from */
  specVersion: number;
  /** the service's ports when the task was made: host-mode ones are bound on its node */
  endpoint: EndpointSpec;
  /** what the manager wants: running, ready (placed but held, e.g. restart delay), shutdown, remove */
  desiredState: TaskState;
  status: TaskStatus;
  /** times this slot restarted before this task was made (restart policy window and attempts) */
  restarts: number[];
  /** a restart delay holds the task in `ready` until this time */
  notBefore: number;
  /** its address on each of its service's networks, from the allocator (a task waits in `new` for them) */
  networks?: NetworkAddress[];
  /**
   * made while a service it depends_on had not started: not placed until released; the reason
   * ("waiting for db: 0 of 1 running") is its status.err, so `service ps` shows it
   */
  waitingForDependencies?: boolean;
}
