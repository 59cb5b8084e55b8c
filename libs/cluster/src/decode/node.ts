import type { ManagerStatus, Node, NodeDescription, NodeSpec, NodeStatus } from '../objects';
import { boolean, object, oneOf, optional } from './decoder';
import { entry } from './entry';
import { decodeMeta, decodeResources } from './common';
import { labels, message, name, text } from './limits';

export const decodeNodeRole = oneOf(['manager', 'worker'] as const);

export const decodeNodeSpec = entry(
  'spec',
  object<NodeSpec>({
    role: decodeNodeRole,
    availability: oneOf(['active', 'pause', 'drain'] as const),
    labels,
  }),
);

/** What an agent says of its machine (hello, join). */
export const decodeNodeDescription = entry(
  'description',
  object<NodeDescription>({
    hostname: name,
    platform: object<NodeDescription['platform']>({ os: name, architecture: name }),
    resources: decodeResources,
    engineVersion: name,
    engineLabels: labels,
  }),
);

const decodeNodeStatus = object<NodeStatus>({
  state: oneOf(['unknown', 'ready', 'down', 'disconnected'] as const),
  message,
  addr: text,
});

const decodeManagerStatus = object<ManagerStatus>({
  leader: boolean,
  reachability: oneOf(['reachable', 'unreachable'] as const),
  addr: text,
});

export const decodeNode = entry(
  'node',
  object<Node>({
    id: name,
    meta: decodeMeta,
    spec: decodeNodeSpec,
    description: decodeNodeDescription,
    status: decodeNodeStatus,
    managerStatus: optional(decodeManagerStatus),
  }),
);
