import type { SchedulingRejection, Task } from '@berth/cluster';
import type { Filter } from './filters';
import type { NodeInfo } from './node-info';

/** A filter with what it did for the current task. */
interface Stage {
  readonly filter: Filter;
  /** nodes it checked on their first look (rechecks after a placement not counted) */
  examined: number;
  /** nodes it refused, each node counted once: a refused node is not offered again */
  rejected: number;
}

/**
 * The filters in order, for one task at a time. A node is refused by the first filter that
 * refuses it, and that filter counts it, so that a task no node can take gets a reason made of
 * every filter's explanation (swarmkit's pipeline.go).
 */
export class Pipeline {
  private readonly stages: readonly Stage[];
  private applicable: Stage[] = [];
  private loadDependent: Stage[] = [];

  constructor(filters: readonly Filter[]) {
    this.stages = filters.map((filter) => ({ filter, examined: 0, rejected: 0 }));
  }

  /**
   * Take the task to check nodes for, forgetting the previous one's counts.
   * @throws ConstraintError when one of its constraints does not parse.
   */
  setTask(task: Task): void {
    this.applicable = this.loadDependent = [];
    for (const stage of this.stages) stage.examined = stage.rejected = 0;
    this.applicable = this.stages.filter((stage) => stage.filter.setTask(task));
    this.loadDependent = this.applicable.filter((stage) => stage.filter.dependsOnLoad);
  }

  /** Whether the node passes every filter that applies to the task. Check each node once. */
  process(node: NodeInfo): boolean {
    return this.run(this.applicable, node, true);
  }

  /** After a task was placed on the node: whether it can still take another like it. */
  recheck(node: NodeInfo): boolean {
    return this.run(this.loadDependent, node, false);
  }

  /** Each filter that refused nodes for the task, in filter order, with what it saw; none if none refused. */
  explain(): SchedulingRejection[] {
    return this.applicable
      .filter((stage) => stage.rejected > 0)
      .map((stage) => stage.filter.explain(stage.rejected, stage.examined));
  }

  private run(stages: readonly Stage[], node: NodeInfo, firstLook: boolean): boolean {
    for (const stage of stages) {
      if (firstLook) stage.examined++;
      if (!stage.filter.check(node)) {
        stage.rejected++;
        return false;
      }
    }
    return true;
  }
}
