import type { ClusterSnapshot, Task, TaskChange } from '@berth/cluster';
import { ConstraintError } from '@berth/cluster';
import { defaultFilters } from './filters';
import { HostPortIndex } from './host-ports';
import type { NodeInfo } from './node-info';
import { NodeSet } from './node-set';
import { Pipeline } from './pipeline';
import { SpreadTree } from './spread';
import { assignment, pendingReason } from './task-changes';
import { groupTasksAwaitingPlacement, type TaskGroup } from './task-groups';

/** What became of one group's tasks. */
interface GroupPlan {
  assigned: { task: Task; nodeId: string }[];
  unplaced: readonly Task[];
  /** why the unplaced tasks stay pending */
  reason: string;
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
      return nowhere(group, noSuitableNode(`node ${group.nodeId} is not in the cluster`));
    if (candidates.length === 0) return nowhere(group, noSuitableNode('no nodes in the cluster'));
    const [first] = group.tasks;
    try {
      this.pipeline.setTask(first);
    } catch (error) {
      if (error instanceof ConstraintError) return nowhere(group, error.message);
      throw error;
    }
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
    const reason = unplaced.length > 0 ? noSuitableNode(this.pipeline.explain()) : '';
    return { assigned, unplaced, reason };
  }
}

function nowhere(group: TaskGroup, reason: string): GroupPlan {
  return { assigned: [], unplaced: group.tasks, reason };
}

/** `no suitable node (insufficient memory on 3 nodes)` */
function noSuitableNode(explanation: string): string {
  return explanation === '' ? 'no suitable node' : `no suitable node (${explanation})`;
}
