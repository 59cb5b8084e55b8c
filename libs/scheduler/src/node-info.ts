import { isLive, type Node, type Resources, type Task } from '@berth/cluster';

/**
 * A node with what the scheduler needs to know of its load: the resources its tasks have not
 * reserved, its host ports in use, and how many live tasks it runs, in all and per service.
 * Built from the snapshot, then updated as this pass places tasks on it.
 */
export class NodeInfo {
  /** may go below zero when a node was given more than it has (tasks placed before it shrank) */
  readonly available: Resources;
  private readonly usedHostPorts = new Set<string>();
  private readonly liveByService = new Map<string, number>();
  private live = 0;

  constructor(readonly node: Node) {
    this.available = { ...node.description.resources };
  }

  get id(): string {
    return this.node.id;
  }

  /** live tasks on the node, of any service */
  get liveTasks(): number {
    return this.live;
  }

  /** live tasks of one service on the node */
  liveTasksOf(serviceId: string): number {
    return this.liveByService.get(serviceId) ?? 0;
  }

  usesHostPort(name: string): boolean {
    return this.usedHostPorts.has(name);
  }

  /**
   * A task on the node: it holds its reservations and host ports while it occupies the node;
   * it counts for spread and replica limits while it is live (the manager still wants it).
   */
  add(task: Task, hostPorts: readonly string[]): void {
    const { nanoCpus, memoryBytes } = task.spec.resources.reservations;
    this.available.nanoCpus -= nanoCpus;
    this.available.memoryBytes -= memoryBytes;
    for (const port of hostPorts) this.usedHostPorts.add(port);
    if (!isLive(task)) return;
    this.live++;
    this.liveByService.set(task.serviceId, this.liveTasksOf(task.serviceId) + 1);
  }
}
