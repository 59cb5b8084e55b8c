import type { ClusterSnapshot, SchedulingRejection, Task, TaskChange } from '@berth/cluster';
import { compiledConstraints, describeRejections } from '@berth/cluster';
import { defaultFilters } from './filters';
import { HostPortIndex } from './host-ports';
import type { NodeInfo } from './node-info';
import { NodeSet } from './node-set';
import { Pipeline } from './pipeline';
import { SpreadTree } from './spread';
import { assignment, pendingReason, type PendingReason } from './task-changes';
import { groupTasksAwaitingPlacement, type TaskGroup } from './task-groups';

/** What became of one group's tasks. */
interface GroupPlan {
  assigned: { task: Task; nodeId: string }[];
  unplaced: readonly Task[];
  /** why the unplaced tasks stay pending */
  reason: PendingReason;
}

/**
 * Gives pending tasks to nodes: one `update` per task placed (now `assigned`, with its node), and
 * one per task left pending whose reason changed. Pure: reads the snapshot, mutates nothing,
 * reads no clock (`snapshot.now` stamps the changes).
 */
export function schedule(snapshot: ClusterSnapshot): TaskChange[] {
  const groups = groupTasksAwaitingPlacement(snapshot.tasks);
  // most of the loop's passes have nothing to place: no need to weigh every node's load
  if (!groups.length) return [];
  const pass = new SchedulingPass(snapshot);
  const changes: TaskChange[] = [];
  for (const group of groups) {
    const plan = pass.place(group);
    for (const { task, nodeId } of plan.assigned) changes.push(assignment(task, nodeId, snapshot.now));
    for (const task of plan.unplaced) {
      const change = pendingReason(task, plan.reason, snapshot.now);
      if (change) changes.push(change);
    }
  }
  return changes;
}

/** The nodes' load as this pass places tasks, group after group. */
class SchedulingPass {
  private readonly hostPorts: HostPortIndex;
  private readonly nodes: NodeSet;
  private readonly pipeline: Pipeline;

  constructor(snapshot: ClusterSnapshot) {
    this.hostPorts = new HostPortIndex(snapshot.services);
    this.nodes = NodeSet.from(snapshot);
    this.pipeline = new Pipeline(defaultFilters(this.hostPorts));
  }

  place(group: TaskGroup): GroupPlan {
    const candidates = this.candidates(group);
    if (candidates === undefined)
      return nowhere(group, rejected([{ filter: 'node', nodeId: group.nodeId, rejected: 0, examined: 0 }]));
    if (candidates.length === 0)
      return nowhere(group, rejected([{ filter: 'nodes', rejected: 0, examined: 0 }]));
    const [first] = group.tasks;
    // validated when the service was written; one that slipped through leaves its tasks pending, saying why
    const constraints = compiledConstraints(first.spec.placement);
    if (!constraints.ok) return nowhere(group, { message: constraints.error.message });
    this.pipeline.setTask(first);
    return this.distribute(group, this.tree(group, candidates));
  }

  /** Every node, or only the node the group is pinned to (undefined when it is gone). */
  private candidates(group: TaskGroup): readonly NodeInfo[] | undefined {
    if (group.nodeId === '') return this.nodes.all;
    const node = this.nodes.get(group.nodeId);
    return node && [node];
  }

  /** Runs the filters once per candidate; a pinned group has no choice to spread. */
  private tree(group: TaskGroup, candidates: readonly NodeInfo[]): SpreadTree {
    const preferences = group.nodeId === '' ? group.tasks[0].spec.placement.preferences : [];
    return SpreadTree.build(
      candidates,
      (node) => this.pipeline.process(node),
      group.serviceId,
      preferences.map((preference) => preference.spread),
    );
  }

  /** One task after another on the best node left; a node drops out when it can take no more. */
  private distribute(group: TaskGroup, tree: SpreadTree): GroupPlan {
    const ports = this.hostPorts.of(group.serviceId);
    const assigned: GroupPlan['assigned'] = [];
    for (const task of group.tasks) {
      const node = tree.placeNext((info) => {
        info.add(task, ports);
        return this.pipeline.recheck(info);
      });
      if (!node) break;
      assigned.push({ task, nodeId: node.id });
    }
    const unplaced = group.tasks.slice(assigned.length);
    const reason = rejected(unplaced.length > 0 ? this.pipeline.explain() : []);
    return { assigned, unplaced, reason };
  }
}

function nowhere(group: TaskGroup, reason: PendingReason): GroupPlan {
  return { assigned: [], unplaced: group.tasks, reason };
}

/** The rejections, and in words: `no suitable node (insufficient memory on 3 nodes)`. */
function rejected(rejections: SchedulingRejection[]): PendingReason {
  return { message: describeRejections(rejections), rejections };
}
