/**
 * How `berth service ls|ps` and `berth node ls` show cluster objects: Docker's columns and
 * wording, computed from the objects. Pure.
 */
import { humanDuration } from '@berth/cli-support/args';
import type { DockerServiceStatus, Node, Service, Task, TaskState } from '@berth/cluster';
import { describeRejections, serviceStatus } from '@berth/cluster';

const STATE_WORDS: Record<TaskState, string> = {
  new: 'New',
  pending: 'Pending',
  assigned: 'Assigned',
  accepted: 'Accepted',
  preparing: 'Preparing',
  ready: 'Ready',
  starting: 'Starting',
  running: 'Running',
  complete: 'Complete',
  shutdown: 'Shutdown',
  failed: 'Failed',
  rejected: 'Rejected',
  remove: 'Remove',
  orphaned: 'Orphaned',
};

export function stateWord(state: TaskState): string {
  return STATE_WORDS[state];
}

const shortId = (id: string) => id.slice(0, 12);

/** Running tasks of the service's current tasks against what it asks for: "2/3", or "3/3" for global. */
export function replicasColumn(service: Service, tasks: readonly Task[]): string {
  return replicasOf(serviceStatus(service, tasks));
}

/** The REPLICAS column from a service's counts. */
export function replicasOf({ RunningTasks, DesiredTasks }: ServiceCounts): string {
  return `${RunningTasks}/${DesiredTasks}`;
}

export type ServiceCounts = Pick<DockerServiceStatus, 'RunningTasks' | 'DesiredTasks'>;

/** Whether the same tasks run (and are meant to) in BEFORE and AFTER: none ended, none replaced. */
export function sameRunningTasks(before: readonly Task[], after: readonly Task[]): boolean {
  const running = (tasks: readonly Task[]) =>
    tasks
      .filter((t) => t.status.state === 'running' && t.desiredState === 'running')
      .map((t) => t.id)
      .sort()
      .join();
  return running(before) === running(after);
}

export function portsColumn(service: Service): string {
  return service.spec.endpoint.ports
    .map((p) => `*:${p.publishedPort || ''}->${p.targetPort}/${p.protocol}`)
    .join(', ');
}

export function serviceRow(service: Service, counts: ServiceCounts): Record<string, unknown> {
  return {
    ID: shortId(service.id),
    Name: service.spec.name,
    Mode: 'replicated' in service.spec.mode ? 'replicated' : 'global',
    Replicas: replicasOf(counts),
    Image: service.spec.task.container.image,
    Ports: portsColumn(service),
  };
}

/** Why the scheduler found no node for a pending task, in words; '' when it is not waiting for one. */
export function unplacedReason(task: Pick<Task, 'status'>): string {
  const { state, rejections } = task.status;
  return state === 'pending' && rejections ? describeRejections(rejections) : '';
}

/** `web.1`, or `agent.<node id>` for a global task; `\_ web.1` for an older task of the same slot. */
export function taskRows(
  tasks: readonly Task[],
  nodes: ReadonlyMap<string, Node>,
  now: number,
  options: { noTrunc?: boolean } = {},
): Record<string, unknown>[] {
  const sorted = [...tasks].sort(
    (a, b) =>
      a.serviceName.localeCompare(b.serviceName) ||
      a.slot - b.slot ||
      a.nodeId.localeCompare(b.nodeId) ||
      b.meta.createdAt - a.meta.createdAt,
  );
  let previousSlot = '';
  return sorted.map((task) => {
    const slotName = `${task.serviceName}.${task.slot || task.nodeId}`;
    const name = slotName === previousSlot ? ` \\_ ${slotName}` : slotName;
    previousSlot = slotName;
    const node = nodes.get(task.nodeId);
    const error = task.status.err || unplacedReason(task);
    return {
      ID: options.noTrunc ? task.id : shortId(task.id),
      Name: name,
      Image: task.spec.container.image,
      Node: node?.description.hostname ?? '',
      DesiredState: stateWord(task.desiredState),
      CurrentState: `${stateWord(task.status.state)} ${humanDuration(Math.max(0, now - task.status.timestamp))} ago`,
      Error: options.noTrunc || error.length <= 60 ? error : `${error.slice(0, 57)}...`,
      // its addresses on overlay networks (`--format '{{.Addresses}}'`)
      Addresses: (task.networks ?? []).map((a) => a.address).join(','),
    };
  });
}

export function nodeRow(node: Node): Record<string, unknown> {
  const status =
    node.status.state === 'ready'
      ? 'Ready'
      : node.status.state === 'down'
        ? 'Down'
        : node.status.state === 'disconnected'
          ? 'Disconnected'
          : 'Unknown';
  return {
    ID: node.id,
    Hostname: node.description.hostname,
    Status: status,
    Availability: node.spec.availability[0].toUpperCase() + node.spec.availability.slice(1),
    ManagerStatus: managerStatusWord(node),
    EngineVersion: node.description.engineVersion,
  };
}

/** Docker's MANAGER STATUS column: Leader, Reachable or Unreachable for a manager; empty for a worker. */
export function managerStatusWord(node: Node): string {
  if (node.spec.role !== 'manager') return '';
  if (!node.managerStatus || node.managerStatus.reachability === 'unreachable') return 'Unreachable';
  return node.managerStatus.leader ? 'Leader' : 'Reachable';
}
