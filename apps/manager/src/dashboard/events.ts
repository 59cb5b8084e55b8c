/**
 * The dashboard's "last events": what changed between two views, in words. The cluster keeps no
 * event log, so each manager tells what its own watch saw since it started. Pure.
 */
import type { DashboardView, MachineView, ServiceView, TaskView } from './view';

export interface DashboardEvent {
  /** epoch ms when this manager saw it */
  at: number;
  revision: number;
  kind: 'machine' | 'service' | 'rollout' | 'task';
  /** the object's name: a hostname, a service name, a task name (web.2) */
  subject: string;
  text: string;
}

/** how many events a manager keeps for its pages */
export const EVENTS_KEPT = 50;

type Change = Omit<DashboardEvent, 'at' | 'revision'>;

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/** What SAID makes of each item added, kept (it tells whether it changed) or gone. */
function compare<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  said: (old: T | undefined, now: T | undefined) => Change | null,
): Change[] {
  const old = byId(before);
  const now = byId(after);
  const changes: (Change | null)[] = [];
  for (const [id, item] of now) changes.push(said(old.get(id), item));
  for (const [id, item] of old) if (!now.has(id)) changes.push(said(item, undefined));
  return changes.filter((c): c is Change => c !== null);
}

function machineChange(old: MachineView | undefined, now: MachineView | undefined): Change | null {
  const subject = (now ?? old)!.hostname;
  if (!old) return { kind: 'machine', subject, text: `joined as a ${now!.role} (${now!.state})` };
  if (!now) return { kind: 'machine', subject, text: 'left the cluster' };
  if (old.state !== now.state)
    return { kind: 'machine', subject, text: `is ${now.state} (was ${old.state})` };
  if (old.availability !== now.availability)
    return { kind: 'machine', subject, text: `availability ${now.availability} (was ${old.availability})` };
  if (old.role !== now.role) return { kind: 'machine', subject, text: `is now a ${now.role}` };
  return null;
}

function serviceChange(old: ServiceView | undefined, now: ServiceView | undefined): Change | null {
  const subject = (now ?? old)!.name;
  if (!old) return { kind: 'service', subject, text: `created: ${now!.desired} × ${now!.image}` };
  if (!now) return { kind: 'service', subject, text: 'removed' };
  if (old.desired !== now.desired)
    return { kind: 'service', subject, text: `scaled to ${now.desired} (was ${old.desired})` };
  return null;
}

function rolloutChange(old: ServiceView | undefined, now: ServiceView | undefined): Change | null {
  const rollout = now?.rollout;
  if (!rollout) return null;
  const before = old?.rollout;
  if (before?.state === rollout.state && before.startedAt === rollout.startedAt) return null;
  const message = rollout.message ? `: ${rollout.message}` : '';
  return { kind: 'rollout', subject: now.name, text: `rollout ${rollout.state.replace('_', ' ')}${message}` };
}

function taskChange(
  old: TaskView | undefined,
  now: TaskView | undefined,
  hostname: (nodeId: string) => string,
): Change | null {
  const task = (now ?? old)!;
  const where = task.nodeId ? ` on ${hostname(task.nodeId)}` : '';
  if (!now) return { kind: 'task', subject: task.name, text: `gone${where} (ended or removed)` };
  if (old?.state === now.state && old.nodeId === now.nodeId) return null;
  const message = now.message && now.message !== now.state ? ` (${now.message})` : '';
  return { kind: 'task', subject: now.name, text: `${now.state}${where}${message}` };
}

function allTasks(view: DashboardView): TaskView[] {
  return [...view.machines.flatMap((m) => m.tasks), ...view.unplaced];
}

/**
 * What changed from BEFORE to AFTER, seen at AT, in order: machines, services, rollouts, tasks.
 * No BEFORE (the manager's first view) tells nothing: everything would be "new".
 */
export function eventsBetween(
  before: DashboardView | null,
  after: DashboardView,
  at: number,
): DashboardEvent[] {
  if (!before) return [];
  const hostnames = new Map([...before.machines, ...after.machines].map((m) => [m.id, m.hostname]));
  const hostname = (id: string) => hostnames.get(id) ?? id.slice(0, 12);
  const changes = [
    ...compare(before.machines, after.machines, machineChange),
    ...compare(before.services, after.services, serviceChange),
    ...compare(before.services, after.services, rolloutChange),
    ...compare(allTasks(before), allTasks(after), (o, n) => taskChange(o, n, hostname)),
  ];
  return changes.map((change) => ({ at, revision: after.revision, ...change }));
}

/** The newest LIMIT of KEPT and FRESH, newest first. */
export function keepLatest(
  kept: readonly DashboardEvent[],
  fresh: readonly DashboardEvent[],
  limit = EVENTS_KEPT,
): DashboardEvent[] {
  return [...[...fresh].reverse(), ...kept].slice(0, limit);
}
