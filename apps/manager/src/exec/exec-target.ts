/**
 * Which task `berth service exec TARGET` runs in: pure, over the objects the manager holds.
 * TARGET is a service (name, id or unique id prefix: its running task of the lowest slot, or of
 * `--slot N`), a task name as `service ps` shows it (`web.2`, `web.2.<task id>`, a global
 * service's `web.<node id>`), or a task id or unique prefix of one.
 */
import type { Node, Service, Task } from '@berth/cluster';

export type ExecTargetProblem =
  /** nothing has that name, id or id prefix */
  | 'not-found'
  /** an id prefix of several objects */
  | 'ambiguous'
  /** --slot with a task, or a slot below 0 */
  | 'invalid'
  /** the task (or every task of the service or slot) is not running */
  | 'not-running'
  /** the task runs on a node the managers see as down */
  | 'node-down';

export class ExecTargetError extends Error {
  constructor(
    readonly problem: ExecTargetProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ExecTargetError';
  }
}

export interface ExecTargetQuery {
  target: string;
  /** with a service: this slot's task; 0 for the lowest slot running */
  slot: number;
}

export interface ExecObjects {
  services: readonly Service[];
  tasks: readonly Task[];
  nodes: readonly Node[];
}

export interface ExecTarget {
  task: Task;
  node: Node;
  /** SERVICE.SLOT (global: SERVICE.NODE_ID), as `service ps` names it */
  name: string;
}

export function execTaskName(task: Pick<Task, 'serviceName' | 'slot' | 'nodeId'>): string {
  return `${task.serviceName}.${task.slot || task.nodeId}`;
}

export function resolveExecTarget(query: ExecTargetQuery, objects: ExecObjects): ExecTarget {
  const { target, slot } = query;
  if (!target) throw new ExecTargetError('invalid', 'no service or task given: name a service or a task');
  if (!Number.isInteger(slot) || slot < 0)
    throw new ExecTargetError(
      'invalid',
      `--slot ${slot}: a slot is a number from 1 (see \`berth service ps\`)`,
    );
  const found = findTarget(target, objects);
  if ('service' in found) return serviceTask(found.service, slot, objects);
  if (slot)
    throw new ExecTargetError(
      'invalid',
      `--slot picks a task of a service, and ${target} is a task: give the service, or the task alone`,
    );
  return runningTarget(found.task, objects);
}

type Found = { service: Service } | { task: Task };

/** TARGET as an exact service id or name, a task name, then an id prefix of one service or task. */
function findTarget(target: string, objects: ExecObjects): Found {
  const service = objects.services.find((s) => s.id === target || s.spec.name === target);
  if (service) return { service };
  const task = objects.tasks.find((t) => t.id === target) ?? taskByName(target, objects.tasks);
  if (task) return { task };
  const services = objects.services.filter((s) => s.id.startsWith(target));
  const tasks = objects.tasks.filter((t) => t.id.startsWith(target));
  const matches: Found[] = [...services.map((s) => ({ service: s })), ...tasks.map((t) => ({ task: t }))];
  if (matches.length === 1) return matches[0];
  if (matches.length > 1)
    throw new ExecTargetError(
      'ambiguous',
      `${target} is the start of ${matches.length} ids (${matches.slice(0, 4).map(describeFound).join(', ')}${matches.length > 4 ? ', …' : ''}): give more of the id`,
    );
  throw new ExecTargetError(
    'not-found',
    `no service or task ${target}: see \`berth service ls\` and \`berth service ps SERVICE\``,
  );
}

function describeFound(found: Found): string {
  return 'service' in found
    ? `service ${found.service.spec.name} ${found.service.id}`
    : `task ${execTaskName(found.task)} ${found.task.id}`;
}

/**
 * `web.2` or `web.2.<task id>` (`web.<node id>` for a global service): the slot's running task
 * (the slot's newest task otherwise, to say why it cannot be used), or the task with that id.
 */
function taskByName(target: string, tasks: readonly Task[]): Task | undefined {
  const named = tasks.filter((t) => target === execTaskName(t) || target === `${execTaskName(t)}.${t.id}`);
  return named.find(isRunning) ?? newest(named);
}

function newest(tasks: readonly Task[]): Task | undefined {
  return [...tasks].sort((a, b) => b.meta.createdAt - a.meta.createdAt)[0];
}

function isRunning(task: Task): boolean {
  return task.desiredState === 'running' && task.status.state === 'running';
}

/** A running task of SERVICE (of SLOT, or the lowest slot) on a node that is not down. */
function serviceTask(service: Service, slot: number, objects: ExecObjects): ExecTarget {
  const name = service.spec.name;
  const ofService = objects.tasks.filter((t) => t.serviceId === service.id && (!slot || t.slot === slot));
  const running = ofService.filter(isRunning).sort(bySlotThenId);
  const where = slot ? `slot ${slot} of service ${name}` : `service ${name}`;
  if (!running.length)
    throw new ExecTargetError(
      'not-running',
      `${where} has no running task: see \`berth service ps ${name}\`${slot ? '' : ' and wait for one to start'}`,
    );
  const reachable = running.find((t) => {
    const node = nodeOf(t, objects);
    return node && !unreachable(node);
  });
  if (!reachable) return runningTarget(running[0], objects); // says which node is down
  return runningTarget(reachable, objects);
}

function bySlotThenId(a: Task, b: Task): number {
  return a.slot - b.slot || a.id.localeCompare(b.id);
}

function nodeOf(task: Task, objects: ExecObjects): Node | undefined {
  return objects.nodes.find((n) => n.id === task.nodeId);
}

/** TASK, if it runs on a node that is up. */
function runningTarget(task: Task, objects: ExecObjects): ExecTarget {
  const name = execTaskName(task);
  const node = nodeOf(task, objects);
  const see = `\`berth service ps ${task.serviceName}\``;
  // a task its node last said runs is out of reach while the node is: that is the reason to give
  if (task.status.state === 'running' && !node)
    throw new ExecTargetError(
      'node-down',
      `task ${name} runs on node ${task.nodeId}, which is no longer in the cluster: wait for its replacement (${see})`,
    );
  if (task.status.state === 'running' && node && unreachable(node))
    throw new ExecTargetError(
      'node-down',
      `task ${name} runs on node ${node.description.hostname} (${node.id}), which is ${node.status.state}: exec into a task on another node (${see}), or wait for the node to come back`,
    );
  if (!isRunning(task) || !node)
    throw new ExecTargetError(
      'not-running',
      task.status.state === 'running'
        ? `task ${name} (${task.id}) is being stopped (wanted ${task.desiredState}): exec into a running task, see ${see}`
        : `task ${name} (${task.id}) is not running (it is ${task.status.state}, wanted ${task.desiredState}): exec into a running task, see ${see}`,
    );
  return { task, node, name };
}

/** Down (missed its heartbeats) or disconnected (left): the managers cannot reach its agent. */
function unreachable(node: Node): boolean {
  return node.status.state === 'down' || node.status.state === 'disconnected';
}
