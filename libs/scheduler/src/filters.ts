import type {
  ConstraintRejection,
  HostPortRejection,
  MaxReplicasRejection,
  ReadyRejection,
  ResourceRejection,
  Resources,
  SchedulingRejection,
  Task,
} from '@berth/cluster';
import { compiledConstraints, satisfies, type Constraint } from '@berth/cluster';
import type { HostPortIndex } from './host-ports';
import type { NodeInfo } from './node-info';

/**
 * One reason a node may not take a task, in swarmkit's shape: take the task, check nodes one by
 * one, and explain why the ones refused were refused (as data: `describeRejections` words it). A
 * filter remembers what it saw since `setTask`, so that its explanation can be precise.
 */
export interface Filter {
  /** Whether what it checks changes as this pass places tasks (resources, ports, replica counts). */
  readonly dependsOnLoad: boolean;
  /** Take the task to check nodes for; false when the filter has nothing to check for it. */
  setTask(task: Task): boolean;
  check(node: NodeInfo): boolean;
  /** Why `rejected` of the `examined` nodes it checked for this task were refused. */
  explain(rejected: number, examined: number): SchedulingRejection;
}

/** The node is up and its operator lets it take new tasks (not paused, not drained). */
export class ReadyFilter implements Filter {
  readonly dependsOnLoad = false;

  setTask(): boolean {
    return true;
  }

  check({ node }: NodeInfo): boolean {
    return node.status.state === 'ready' && node.spec.availability === 'active';
  }

  explain(rejected: number, examined: number): ReadyRejection {
    return { filter: 'ready', rejected, examined };
  }
}

/** The task's reservations fit in what the node's tasks have not reserved yet. */
export class ResourceFilter implements Filter {
  readonly dependsOnLoad = true;
  private wanted: Resources = { nanoCpus: 0, memoryBytes: 0 };
  private shortOfCpu = 0;
  private shortOfMemory = 0;

  setTask(task: Task): boolean {
    this.wanted = task.spec.resources.reservations;
    this.shortOfCpu = 0;
    this.shortOfMemory = 0;
    return this.wanted.nanoCpus > 0 || this.wanted.memoryBytes > 0;
  }

  check({ available }: NodeInfo): boolean {
    const cpu = fits(this.wanted.nanoCpus, available.nanoCpus);
    const memory = fits(this.wanted.memoryBytes, available.memoryBytes);
    if (!cpu) this.shortOfCpu++;
    if (!memory) this.shortOfMemory++;
    return cpu && memory;
  }

  explain(rejected: number, examined: number): ResourceRejection {
    const { shortOfCpu, shortOfMemory } = this;
    return { filter: 'resources', rejected, examined, shortOfCpu, shortOfMemory };
  }
}

/** Nothing reserved always fits, even on a node already given more than it has. */
function fits(wanted: number, available: number): boolean {
  return wanted <= 0 || wanted <= available;
}

/** The node satisfies every placement constraint of the task (`node.labels.zone==a`). */
export class ConstraintFilter implements Filter {
  readonly dependsOnLoad = false;
  private constraints: readonly Constraint[] = [];
  /** per constraint, how many of the nodes checked satisfy it */
  private satisfiedBy: number[] = [];

  /** @throws ConstraintError when a constraint does not parse: then no node can take the task. */
  setTask(task: Task): boolean {
    const compiled = compiledConstraints(task.spec.placement);
    if (!compiled.ok) throw compiled.error;
    this.constraints = compiled.constraints;
    this.satisfiedBy = this.constraints.map(() => 0);
    return this.constraints.length > 0;
  }

  /** Checks every constraint, not only up to the first failure, to count each one's matches. */
  check({ node }: NodeInfo): boolean {
    let all = true;
    this.constraints.forEach((constraint, index) => {
      if (satisfies(node, constraint)) this.satisfiedBy[index]++;
      else all = false;
    });
    return all;
  }

  /** Names each constraint some node failed, with how many nodes satisfy it. */
  explain(rejected: number, examined: number): ConstraintRejection {
    const unsatisfied = this.constraints.flatMap((constraint, index) => {
      const satisfiedBy = this.satisfiedBy[index];
      return satisfiedBy < examined ? [{ constraint: constraint.text, satisfiedBy }] : [];
    });
    return { filter: 'constraints', rejected, examined, unsatisfied };
  }
}

/** No other task on the node holds one of the task's host-mode published ports. */
export class HostPortFilter implements Filter {
  readonly dependsOnLoad = true;
  private wanted: readonly string[] = [];
  private readonly taken = new Set<string>();

  constructor(private readonly hostPorts: HostPortIndex) {}

  setTask(task: Task): boolean {
    this.wanted = this.hostPorts.of(task.serviceId);
    this.taken.clear();
    return this.wanted.length > 0;
  }

  check(node: NodeInfo): boolean {
    let free = true;
    for (const port of this.wanted)
      if (node.usesHostPort(port)) {
        this.taken.add(port);
        free = false;
      }
    return free;
  }

  explain(rejected: number, examined: number): HostPortRejection {
    const ports = this.wanted.filter((port) => this.taken.has(port));
    return { filter: 'host-ports', rejected, examined, ports };
  }
}

/** The service's `maxReplicasPerNode`: no more than that many of its live tasks on one node. */
export class MaxReplicasFilter implements Filter {
  readonly dependsOnLoad = true;
  private serviceId = '';
  private max = 0;

  setTask(task: Task): boolean {
    this.serviceId = task.serviceId;
    this.max = task.spec.placement.maxReplicasPerNode;
    return this.max > 0;
  }

  check(node: NodeInfo): boolean {
    return node.liveTasksOf(this.serviceId) < this.max;
  }

  explain(rejected: number, examined: number): MaxReplicasRejection {
    return { filter: 'max-replicas', rejected, examined, max: this.max };
  }
}

/** swarmkit's order: the cheap and common refusals first, so that their explanation comes first. */
export function defaultFilters(hostPorts: HostPortIndex): Filter[] {
  return [
    new ReadyFilter(),
    new ResourceFilter(),
    new ConstraintFilter(),
    new HostPortFilter(hostPorts),
    new MaxReplicasFilter(),
  ];
}
