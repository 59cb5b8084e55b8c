/**
 * What the dashboard shows, worked out from the manager's cache: machines with their tasks,
 * services with desired and running counts, their rollouts. Pure: the page only draws it.
 */
import { isLive, serviceStatus, type Node, type Service, type Task, type TaskState } from '@berth/cluster';

export interface TaskView {
  id: string;
  /** web.2, or web.<node> for a global service's task (as its container is named) */
  name: string;
  serviceId: string;
  nodeId: string;
  state: TaskState;
  desiredState: TaskState;
  /** what happened last, in words (the error when it failed) */
  message: string;
  /** made from the service's current spec (false: an old one a rollout still replaces) */
  current: boolean;
}

export interface MachineView {
  id: string;
  hostname: string;
  role: Node['spec']['role'];
  availability: Node['spec']['availability'];
  state: Node['status']['state'];
  addr: string;
  tasks: TaskView[];
}

export interface RolloutView {
  state: NonNullable<Service['updateStatus']>['state'];
  message: string;
  startedAt: number;
  completedAt: number;
  /** tasks running from the current spec, of those the service asks for */
  updated: number;
  desired: number;
}

export interface ServiceView {
  id: string;
  name: string;
  image: string;
  mode: 'replicated' | 'global';
  desired: number;
  running: number;
  /** the current or last rollout; absent before the first update */
  rollout?: RolloutView;
}

export interface DashboardView {
  /** the etcd revision the cache had seen: a later view never has a lower one */
  revision: number;
  /** the manager that serves the page, and whether it leads (the page is served either way) */
  manager: { addr: string; leader: boolean; leaderAddr: string | null };
  machines: MachineView[];
  services: ServiceView[];
  /** live tasks not on a machine yet (pending, waiting for their dependencies) */
  unplaced: TaskView[];
}

export interface ViewInput {
  revision: number;
  manager: DashboardView['manager'];
  nodes: readonly Node[];
  services: readonly Service[];
  tasks: readonly Task[];
}

/** Ended and unwanted tasks are history: the page shows what is (or is about to be) on a machine. */
function shown(task: Task): boolean {
  return isLive(task) || task.status.state === 'running';
}

function taskName(task: Task, hostnames: ReadonlyMap<string, string>): string {
  return `${task.serviceName}.${task.slot || hostnames.get(task.nodeId) || task.nodeId}`;
}

export function taskView(
  task: Task,
  service: Service | undefined,
  hostnames: ReadonlyMap<string, string>,
): TaskView {
  return {
    id: task.id,
    name: taskName(task, hostnames),
    serviceId: task.serviceId,
    nodeId: task.nodeId,
    state: task.status.state,
    desiredState: task.desiredState,
    message: task.status.err || task.status.message,
    current: !service || task.specVersion === service.specVersion,
  };
}

const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name, 'en', { numeric: true }) || 0;

export function serviceView(service: Service, tasks: readonly Task[]): ServiceView {
  const own = tasks.filter((t) => t.serviceId === service.id);
  const { RunningTasks, DesiredTasks } = serviceStatus(service, own);
  const view: ServiceView = {
    id: service.id,
    name: service.spec.name,
    image: service.spec.task.container.image,
    mode: 'replicated' in service.spec.mode ? 'replicated' : 'global',
    desired: DesiredTasks,
    running: RunningTasks,
  };
  const status = service.updateStatus;
  if (status)
    view.rollout = {
      state: status.state,
      message: status.message,
      startedAt: status.startedAt,
      completedAt: status.completedAt,
      updated: own.filter(
        (t) =>
          t.specVersion === service.specVersion &&
          t.desiredState === 'running' &&
          t.status.state === 'running',
      ).length,
      desired: DesiredTasks,
    };
  return view;
}

export function dashboardView(input: ViewInput): DashboardView {
  const hostnames = new Map(input.nodes.map((n) => [n.id, n.description.hostname]));
  const services = new Map(input.services.map((s) => [s.id, s]));
  const tasks = input.tasks
    .filter(shown)
    .map((t) => taskView(t, services.get(t.serviceId), hostnames))
    .sort(byName);
  const machines = input.nodes
    .map((n): MachineView => ({
      id: n.id,
      hostname: n.description.hostname,
      role: n.spec.role,
      availability: n.spec.availability,
      state: n.status.state,
      addr: n.status.addr,
      tasks: tasks.filter((t) => t.nodeId === n.id),
    }))
    .sort((a, b) => byName({ name: a.hostname }, { name: b.hostname }));
  return {
    revision: input.revision,
    manager: input.manager,
    machines,
    services: input.services.map((s) => serviceView(s, input.tasks)).sort(byName),
    unplaced: tasks.filter((t) => !t.nodeId || !hostnames.has(t.nodeId)),
  };
}
