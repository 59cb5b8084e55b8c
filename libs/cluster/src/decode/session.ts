/**
 * The envelopes of an agent's session with a manager (proto/berth/cluster/v1/cluster.proto,
 * service Dispatcher), after protobuf decoded them: protobuf checked their scalar types; these
 * check the JSON they carry, the strings that stand for enums, and sizes.
 */
import type { FileObjectKind, NodeDescription, NodeRole, NetworkView, Task } from '../objects';
import { array, boolean, bytes, fromJson, message, number, oneOf } from './decoder';
import { entry } from './entry';
import { LIMITS, name, text } from './limits';
import { decodeNodeDescription, decodeNodeRole } from './node';
import { decodeReportedStatus, decodeTask, type ReportedStatus } from './task';
import { decodeNetworkView } from './network';

/** As many as a message can carry: the gRPC message limit bounds these lists. */
const MANY = 1_000_000;

// ---- manager → agent -----------------------------------------------------------------------

export interface SessionInfo {
  nodeId: string;
  heartbeatPeriodMs: number;
  managers: string[];
  role: NodeRole;
  unlockKey: string;
}

/** What a manager says of the session: the agent's node, how often to beat, where managers are. */
export const decodeSessionInfo = entry(
  'session',
  message<SessionInfo>({
    nodeId: name,
    heartbeatPeriodMs: number({ min: 1, max: 24 * 3600 * 1000 }),
    managers: array(text, LIMITS.listItems),
    role: decodeNodeRole,
    unlockKey: text,
  }),
);

/** A secret's or config's content, as a manager hands it to the machine of a task that uses it. */
export interface DeliveredContent {
  kind: FileObjectKind;
  name: string;
  data: Uint8Array;
}

/** a config holds at most 1000 KiB (swarm's limit; a secret 500 KiB) */
const MAX_FILE_BYTES = 1000 * 1024;

const decodeDeliveredContent = message<DeliveredContent>({
  kind: oneOf(['secrets', 'configs'] as const),
  name,
  data: bytes(MAX_FILE_BYTES),
});

/** The Assignments message, its tasks parsed. */
export interface Assignments {
  /** every task of the node (anything else is no longer its own), or changes */
  full: boolean;
  tasksJson: Task[];
  removedTaskIds: string[];
  files: DeliveredContent[];
}

/** A node's tasks as a manager sends them: refused whole when any part is malformed. */
export const decodeAssignments = entry(
  'assignments',
  message<Assignments>({
    full: boolean,
    tasksJson: array(fromJson(decodeTask, LIMITS.json), MANY),
    removedTaskIds: array(name, MANY),
    files: array(decodeDeliveredContent, MANY),
  }),
);

/** The overlay networks the machine carries (the NetworkViews message), replacing those sent before. */
export const decodeNetworkViews = entry(
  'networks',
  message<{ viewsJson: NetworkView[] }>({ viewsJson: array(fromJson(decodeNetworkView, LIMITS.json), MANY) }),
);

// ---- agent → manager -----------------------------------------------------------------------

/** What the agent says of its machine when its session opens (the Hello message). */
export const decodeHello = entry(
  'hello',
  message<{ descriptionJson: NodeDescription }>({
    descriptionJson: fromJson(decodeNodeDescription, LIMITS.json),
  }),
);

/** One task's status as its agent reports it (a TaskStatusUpdate): only the fields an agent sets. */
export interface StatusReport {
  taskId: string;
  statusJson: ReportedStatus;
}

export const decodeStatusReport = entry(
  'report',
  message<StatusReport>({ taskId: name, statusJson: fromJson(decodeReportedStatus, LIMITS.json) }),
);
