import { isGlobal } from '@berth/orchestrator';
import {
  isTerminal,
  occupiesNode,
  type ClusterSnapshot,
  type Node,
  type Service,
  type Task,
  type TaskChange,
} from '@berth/cluster';
import { slotUnit, taskWrite, type Kind, type StoredObject, type StoreEvent } from '@berth/store';

/**
 * What the leader's next pass must look at, gathered from the cache's events so a pass costs
 * what changed rather than the cluster: the services whose tasks or spec changed (reconciled
 * alone), and whether placement must see the whole cluster this time — addresses to give
 * (a service, network or machine changed) or room freed for tasks left pending.
 */
export interface PassScope {
  /** reconcile every service (a leader's first pass, after a failed pass, the periodic resync) */
  all: boolean;
  services: Set<string>;
  /** services whose tasks only progressed on their machines: what services depending on them wait for */
  progressed: Set<string>;
  /** the allocator must run over the whole cluster: VIPs, machines' ingress addresses */
  addresses: boolean;
  /** a task left a machine or a machine changed: pending tasks may fit now */
  room: boolean;
}

export function emptyScope(all = false): PassScope {
  return { all, services: new Set(), progressed: new Set(), addresses: all, room: all };
}

/** What the cache can tell about machines, without a pass having to scan every task. */
export interface ScopeLookups {
  servicesOnNode(nodeId: string): Iterable<string>;
  services(): readonly Service[];
}

/** SCOPE widened by EVENT (the object before it was PREVIOUS). */
export function widenScope(
  scope: PassScope,
  event: Pick<StoreEvent, 'kind' | 'id' | 'object'>,
  previous: StoredObject | undefined,
  lookups: ScopeLookups,
): void {
  const kind: Kind = event.kind;
  switch (kind) {
    case 'cluster': // the task history limit
      scope.all = true;
      return;
    case 'services':
      scope.services.add(event.id);
      scope.addresses = scope.room = true;
      return;
    case 'networks':
      scope.addresses = true;
      return;
    case 'nodes': {
      // its tasks may have to move; a global service may need a task on it; it may take pending ones
      for (const id of lookups.servicesOnNode(event.id)) scope.services.add(id);
      for (const service of lookups.services()) if (isGlobal(service)) scope.services.add(service.id);
      scope.addresses = scope.room = true;
      return;
    }
    case 'tasks': {
      const task = event.object as Task | null;
      const before = previous as Task | undefined;
      if (task && before && progressOnly(before, task)) {
        scope.progressed.add(task.serviceId);
        return;
      }
      if (task) scope.services.add(task.serviceId);
      if (before) scope.services.add(before.serviceId);
      if (before && occupiesNode(before) && !(task && occupiesNode(task) && task.nodeId === before.nodeId))
        scope.room = true;
      return;
    }
    case 'secrets':
    case 'configs':
      return;
  }
}

/**
 * A task moving on through its machine's states (assigned … starting → running), or its status
 * message changing: nothing the orchestrators decide on — they act on tasks made, ended, moved,
 * wanted otherwise or held — so the reports that make most of the cluster's writes cost its
 * service no pass.
 */
export function progressOnly(before: Task, after: Task): boolean {
  return (
    before.desiredState === after.desiredState &&
    before.nodeId === after.nodeId &&
    before.specVersion === after.specVersion &&
    before.slot === after.slot &&
    before.notBefore === after.notBefore &&
    !!before.waitingForDependencies === !!after.waitingForDependencies &&
    !isTerminal(before.status.state) &&
    !isTerminal(after.status.state)
  );
}

/**
 * The services to reconcile for SCOPE: those named, those that depend_on one of them or on one
 * whose tasks progressed (their hold follows it), and those they depend on (read for the hold,
 * reconciled too: harmless).
 */
export function servicesInScope(scope: PassScope, services: readonly Service[]): Set<string> {
  const ids = new Set(scope.services);
  const byName = new Map(services.map((s) => [s.spec.name, s]));
  const named = new Set(
    services.filter((s) => ids.has(s.id) || scope.progressed.has(s.id)).map((s) => s.spec.name),
  );
  for (const service of services) {
    const dependsOn = service.spec.dependsOn ?? [];
    if (dependsOn.some((d) => named.has(d.service))) ids.add(service.id);
    if (ids.has(service.id))
      for (const d of dependsOn) {
        const other = byName.get(d.service);
        if (other) ids.add(other.id);
      }
  }
  return ids;
}

/**
 * The first of SERVICES (in their order) up to about MAX tasks in all — at least one, whatever
 * its size — and the rest for a later pass: every service of 150,000 tasks reconciled at once
 * (a leader's first pass) held the event loop past the leader's lease.
 */
export function sliceServices(
  services: Iterable<string>,
  taskCountOf: (serviceId: string) => number,
  max: number,
): { now: Set<string>; later: string[] } {
  const now = new Set<string>();
  const later: string[] = [];
  let tasks = 0;
  for (const id of services) {
    if (now.size > 0 && tasks >= max) later.push(id);
    else {
      now.add(id);
      tasks += taskCountOf(id);
    }
  }
  return { now, later };
}

/** The snapshot a scoped pass reconciles: every machine, the scope's services and their tasks. */
export function scopedSnapshot(
  ids: ReadonlySet<string>,
  all: { nodes: readonly Node[]; services: readonly Service[]; networks: ClusterSnapshot['networks'] },
  tasksOf: (serviceId: string) => readonly Task[],
  now: number,
): ClusterSnapshot {
  return {
    nodes: all.nodes,
    networks: all.networks,
    services: all.services.filter((s) => ids.has(s.id)),
    // a service removed still has its tasks here, for them to go
    tasks: [...ids].flatMap((id) => tasksOf(id)),
    now,
  };
}

/**
 * At most about MAX of CHANGES, whole slots at a time (a slot's changes go together), in their
 * order; the rest DEFERRED, for the next pass to decide again. A service scaled from 0 to 150,000
 * would otherwise be reconciled, addressed and placed in one synchronous stretch of seconds, long
 * enough for the leader's lease to lapse; in slices the loop keeps its lease and its API answering.
 */
export function firstSlots(
  changes: readonly TaskChange[],
  max: number,
): { kept: TaskChange[]; deferred: TaskChange[] } {
  if (changes.length <= max) return { kept: [...changes], deferred: [] };
  const units = new Set<string>();
  const kept: TaskChange[] = [];
  const deferred: TaskChange[] = [];
  for (const change of changes) {
    const unit = slotUnit(taskWrite(change));
    if (units.has(unit) || units.size < max) {
      units.add(unit);
      kept.push(change);
    } else deferred.push(change);
  }
  return { kept, deferred };
}
