import { TASK_STATES, type Task, type TaskStatus } from '../objects';
import type { SchedulingRejection } from '../rejections';
import {
  array,
  boolean,
  nullable,
  number,
  object,
  oneOf,
  optional,
  type Decoder,
  type Fields,
} from './decoder';
import { entry } from './entry';
import { count, decodeMeta, decodeNetworkAddress } from './common';
import { decodeEndpointSpec, decodeTaskSpec } from './service';
import { LIMITS, message, name, strings, text } from './limits';
import { taggedUnion } from './union';

export const decodeTaskState = oneOf(TASK_STATES);

const counts = { rejected: count, examined: count };

const decodeRejection: Decoder<SchedulingRejection> = taggedUnion<SchedulingRejection, 'filter'>('filter', {
  ready: object({ filter: oneOf(['ready'] as const), ...counts }),
  resources: object({
    filter: oneOf(['resources'] as const),
    ...counts,
    shortOfCpu: count,
    shortOfMemory: count,
  }),
  constraints: object({
    filter: oneOf(['constraints'] as const),
    ...counts,
    unsatisfied: array(object({ constraint: text, satisfiedBy: count }), LIMITS.listItems),
  }),
  'host-ports': object({ filter: oneOf(['host-ports'] as const), ...counts, ports: strings(name) }),
  'max-replicas': object({ filter: oneOf(['max-replicas'] as const), ...counts, max: count }),
  node: object({ filter: oneOf(['node'] as const), ...counts, nodeId: name }),
  nodes: object({ filter: oneOf(['nodes'] as const), ...counts }),
});

/** An exit code: a process's 0..255, or what a runtime says when it has none (-1). */
const exitCode = number({ min: -(2 ** 31), max: 2 ** 31 - 1 });

/**
 * The fields of a task's status its agent sets. The others are the manager's: when the task began
 * to run (noted from the agent's reports), and why it waits for a node (the scheduler's).
 */
export const AGENT_STATUS_FIELDS = [
  'state',
  'timestamp',
  'message',
  'err',
  'containerId',
  'exitCode',
  'logTail',
] as const;

/** A task's status as its agent reports it: only the agent's fields. */
export type ReportedStatus = Pick<TaskStatus, (typeof AGENT_STATUS_FIELDS)[number]>;

const reportedFields: Fields<ReportedStatus> = {
  state: decodeTaskState,
  timestamp: count,
  message,
  err: message,
  containerId: name,
  exitCode: nullable(exitCode),
  logTail: optional(array(message, LIMITS.logLines)),
};

/** An agent's report of a task's status: any field that is not the agent's is left behind. */
export const decodeReportedStatus = entry('status', object<ReportedStatus>(reportedFields));

/** A task's status as the manager keeps it. */
export const decodeTaskStatus = entry(
  'status',
  object<TaskStatus>({
    ...reportedFields,
    startedAt: optional(count),
    rejections: optional(array(decodeRejection, LIMITS.listItems)),
  }),
);

export const decodeTask = entry(
  'task',
  object<Task>({
    id: name,
    meta: decodeMeta,
    serviceId: name,
    serviceName: name,
    slot: count,
    nodeId: name,
    spec: decodeTaskSpec,
    specVersion: count,
    endpoint: decodeEndpointSpec,
    desiredState: decodeTaskState,
    status: decodeTaskStatus,
    restarts: array(count, LIMITS.restarts),
    notBefore: count,
    networks: optional(array(decodeNetworkAddress, LIMITS.listItems)),
    waitingForDependencies: optional(boolean),
  }),
);
