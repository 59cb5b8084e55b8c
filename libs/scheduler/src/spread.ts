import { nodeAttribute } from '@berth/cluster';
import { Heap } from './heap';
import type { NodeInfo } from './node-info';

/** A node with its spread rank for the task being placed, refreshed each time it takes one. */
interface Ranked {
  readonly node: NodeInfo;
  /** live tasks of the task's service on the node */
  ofService: number;
  /** live tasks of any service on the node */
  overall: number;
}

/**
 * The node order for a task: fewest live tasks of its service first, then fewest live tasks
 * overall, then node id so that the same snapshot always gives the same plan.
 */
function rankedBefore(a: Ranked, b: Ranked): boolean {
  if (a.ofService !== b.ofService) return a.ofService < b.ofService;
  if (a.overall !== b.overall) return a.overall < b.overall;
  return a.node.id < b.node.id;
}

/**
 * One value of a placement preference (`zone=a`) with the branches or nodes below it. Only
 * branches with a node that can take the task are kept; an emptied branch is dropped.
 */
type Branch = {
  /** the preference's value on the nodes below; undefined for nodes without it */
  readonly value: string | undefined;
  /** live tasks of the service on every node below, able to take the task or not */
  tasks: number;
} & (
  | { readonly children: Heap<Branch>; readonly nodes?: never }
  | { readonly nodes: Heap<Ranked>; readonly children?: never }
);

/** Fewest tasks first; ties by value, nodes without the attribute last. */
function branchBefore(a: Branch, b: Branch): boolean {
  if (a.tasks !== b.tasks) return a.tasks < b.tasks;
  if (a.value === undefined || b.value === undefined) return b.value === undefined && a.value !== undefined;
  return a.value < b.value;
}

/** A branch while the tree is being built. */
class Draft {
  tasks = 0;
  readonly feasible: Ranked[] = [];
  readonly children = new Map<string | undefined, Draft>();

  child(value: string | undefined): Draft {
    let child = this.children.get(value);
    if (!child) this.children.set(value, (child = new Draft()));
    return child;
  }

  seal(value: string | undefined): Branch | undefined {
    if (this.children.size === 0)
      return this.feasible.length > 0
        ? { value, tasks: this.tasks, nodes: new Heap(rankedBefore, this.feasible) }
        : undefined;
    const children: Branch[] = [];
    for (const [childValue, child] of this.children) {
      const branch = child.seal(childValue);
      if (branch) children.push(branch);
    }
    return children.length > 0
      ? { value, tasks: this.tasks, children: new Heap(branchBefore, children) }
      : undefined;
  }
}

/**
 * swarmkit's decision tree for placement preferences: one level per `spread` preference, the
 * nodes at the bottom. Each task goes down the branch with the fewest of the service's tasks
 * at every level, then to the first node there in spread order. Without preferences it is
 * just a heap of nodes. Placing a task costs O(levels · log branches + log nodes).
 */
export class SpreadTree {
  private constructor(
    private root: Branch | undefined,
    private readonly serviceId: string,
  ) {}

  /**
   * @param candidates the nodes the task may go to; every one counts the service's tasks on it
   * @param fits whether a node can take the task now; asked once per candidate
   * @param preferences node attributes to spread over, outermost first (`node.labels.zone`)
   */
  static build(
    candidates: readonly NodeInfo[],
    fits: (node: NodeInfo) => boolean,
    serviceId: string,
    preferences: readonly string[],
  ): SpreadTree {
    const root = new Draft();
    for (const node of candidates) {
      const feasible = fits(node);
      let draft = root;
      for (const preference of preferences) {
        draft = draft.child(nodeAttribute(node.node, preference));
        draft.tasks += node.liveTasksOf(serviceId);
      }
      if (feasible)
        draft.feasible.push({ node, ofService: node.liveTasksOf(serviceId), overall: node.liveTasks });
    }
    return new SpreadTree(root.seal(undefined), serviceId);
  }

  /**
   * Puts the next task on the best node and returns it, or undefined when no node is left.
   * @param assign records the task on the node; says whether the node can take another one
   */
  placeNext(assign: (node: NodeInfo) => boolean): NodeInfo | undefined {
    if (!this.root) return undefined;
    const node = this.descend(this.root, assign);
    if (isEmpty(this.root)) this.root = undefined;
    return node;
  }

  /** Takes the first node under a non-empty branch, keeping every heap on the way in order. */
  private descend(branch: Branch, assign: (node: NodeInfo) => boolean): NodeInfo {
    if (branch.nodes) {
      const ranked = branch.nodes.pop()!;
      if (assign(ranked.node)) branch.nodes.push(this.rerank(ranked));
      return ranked.node;
    }
    const child = branch.children.pop()!;
    const node = this.descend(child, assign);
    child.tasks++;
    if (!isEmpty(child)) branch.children.push(child);
    return node;
  }

  private rerank(ranked: Ranked): Ranked {
    ranked.ofService = ranked.node.liveTasksOf(this.serviceId);
    ranked.overall = ranked.node.liveTasks;
    return ranked;
  }
}

function isEmpty(branch: Branch): boolean {
  return branch.nodes ? branch.nodes.size === 0 : branch.children.size === 0;
}
