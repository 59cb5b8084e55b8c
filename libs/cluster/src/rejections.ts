/**
 * Why the scheduler left a task pending, as data: which filter refused how many of the nodes it
 * examined, and what it saw. The scheduler writes it on the task (beside the message it renders
 * to), so that readers decide on fields rather than parse words back.
 */

interface Counts {
  /** nodes this filter refused (a node is counted by the first filter that refuses it) */
  rejected: number;
  /** nodes this filter checked */
  examined: number;
}

/** The nodes are down, paused or drained. */
export interface ReadyRejection extends Counts {
  filter: 'ready';
}

/** The nodes lack CPU or memory for the task's reservations. */
export interface ResourceRejection extends Counts {
  filter: 'resources';
  /** nodes short of CPU, and of memory (a node may be short of both) */
  shortOfCpu: number;
  shortOfMemory: number;
}

/** The nodes do not satisfy the task's placement constraints. */
export interface ConstraintRejection extends Counts {
  filter: 'constraints';
  /** each constraint some examined node failed, as written, with how many nodes satisfy it */
  unsatisfied: { constraint: string; satisfiedBy: number }[];
}

/** Other tasks on the nodes hold the task's host-mode published ports. */
export interface HostPortRejection extends Counts {
  filter: 'host-ports';
  /** the ports taken (`80/tcp`), in the service's order */
  ports: string[];
}

/** The nodes run the service's maximum of tasks per node. */
export interface MaxReplicasRejection extends Counts {
  filter: 'max-replicas';
  max: number;
}

/** The task is pinned to a node (a global service's) the cluster no longer has; nothing examined. */
export interface MissingNodeRejection extends Counts {
  filter: 'node';
  nodeId: string;
}

/** The cluster has no nodes at all; nothing examined. */
export interface NoNodesRejection extends Counts {
  filter: 'nodes';
}

export type SchedulingRejection =
  | ReadyRejection
  | ResourceRejection
  | ConstraintRejection
  | HostPortRejection
  | MaxReplicasRejection
  | MissingNodeRejection
  | NoNodesRejection;

/**
 * `no suitable node (1 node not available for new tasks; insufficient memory on 2 nodes)`: the
 * rejections in the order given (the filters'); just `no suitable node` when there are none.
 */
export function describeRejections(rejections: readonly SchedulingRejection[]): string {
  const reasons = rejections.map(describeRejection).join('; ');
  return reasons === '' ? 'no suitable node' : `no suitable node (${reasons})`;
}

/** One rejection's words: `insufficient memory on 2 nodes`. */
export function describeRejection(rejection: SchedulingRejection): string {
  switch (rejection.filter) {
    case 'ready':
      return `${nodes(rejection.rejected)} not available for new tasks`;
    case 'resources':
      return describeShortage(rejection);
    case 'constraints':
      return rejection.unsatisfied
        .map(
          ({ constraint, satisfiedBy }) =>
            `constraint ${constraint}: ${satisfiedBy} of ${nodes(rejection.examined)}`,
        )
        .join(', ');
    case 'host-ports':
      return `host ${noun(rejection.ports.length, 'port')} ${rejection.ports.join(', ')} already in use on ${nodes(rejection.rejected)}`;
    case 'max-replicas':
      return `max replicas per node (${rejection.max}) reached on ${nodes(rejection.rejected)}`;
    case 'node':
      return `node ${rejection.nodeId} is not in the cluster`;
    case 'nodes':
      return 'no nodes in the cluster';
  }
}

function describeShortage({ rejected, shortOfCpu: cpu, shortOfMemory: memory }: ResourceRejection): string {
  if (cpu === 0) return `insufficient memory on ${nodes(memory)}`;
  if (memory === 0) return `insufficient CPU on ${nodes(cpu)}`;
  if (cpu === rejected && memory === rejected) return `insufficient CPU and memory on ${nodes(rejected)}`;
  return `insufficient CPU on ${nodes(cpu)}, memory on ${nodes(memory)}`;
}

/** `node` or `nodes`, as the count wants. */
function noun(n: number, singular: string): string {
  return n === 1 ? singular : `${singular}s`;
}

/** `1 node`, `3 nodes`. */
function nodes(n: number): string {
  return `${n} ${noun(n, 'node')}`;
}
