import { dependencyWait, holdOrRelease } from './dependencies';
import type { ClusterSnapshot, Node, Service, TaskChange } from '@berth/cluster';
import { constraintsOf, isGlobal, type ServiceContext, type Step } from './context';
import { nextWake, releaseDelayed } from './delay';
import { reconcileGlobal } from './global';
import { reapHistory } from './history';
import { moveTasks } from './node-loss';
import { compileOptions, type ReconcileOptions } from './options';
import { byId, Plan } from './plan';
import { removeOrphanedTasks } from './removed';
import { restartTasks } from './restart';
import { scaleReplicated } from './replicated';

export interface ReconcileResult {
  /** at most one per task, in a deterministic order */
  changes: TaskChange[];
  /** the earliest time a delayed restart is due, for the caller to reconcile again; null if none */
  wakeAt: number | null;
  /** the same per service, for a caller that reconciles only the services that changed */
  wakeAtByService: Map<string, number>;
}

/** Each step sees the tasks as the steps before it left them. */
const REPLICATED: readonly Step[] = [restartTasks, moveTasks, scaleReplicated, releaseDelayed, reapHistory];
const GLOBAL: readonly Step[] = [restartTasks, reconcileGlobal, releaseDelayed, reapHistory];

/**
 * Desired against actual: what must change for every service to have its tasks, computed from one
 * snapshot. Pure: reads no clock (snapshot.now), draws ids only from `newId`, modifies no input.
 */
export function reconcile(
  snapshot: ClusterSnapshot,
  newId: () => string,
  options?: ReconcileOptions,
): ReconcileResult {
  const { taskHistoryLimit, maxNewSlots } = compileOptions(options);
  const nodes = new Map(snapshot.nodes.map((node) => [node.id, node]));
  const services = [...snapshot.services].sort(byId);
  const plan = new Plan(snapshot.tasks);
  plan.apply(removeOrphanedTasks(plan.tasks(), services, nodes));
  const wakeAtByService = new Map<string, number>();
  for (const service of services) {
    const ctx = contextFor(service, nodes, snapshot.now, newId, taskHistoryLimit, maxNewSlots);
    for (const step of isGlobal(service) ? GLOBAL : REPLICATED)
      plan.apply(step(ctx, plan.tasksOf(service.id)));
    // a service whose dependencies have not started has its unplaced tasks held, with the reason (depends_on)
    plan.apply(holdOrRelease(ctx, plan.tasksOf(service.id), dependencyWait(service, snapshot)));
    const wake = nextWake(plan.tasksOf(service.id), snapshot.now);
    if (wake !== null) wakeAtByService.set(service.id, wake);
  }
  const wakes = [...wakeAtByService.values()];
  return {
    changes: plan.changes(),
    wakeAt: wakes.length ? Math.min(...wakes) : null,
    wakeAtByService,
  };
}

function contextFor(
  service: Service,
  nodes: ReadonlyMap<string, Node>,
  now: number,
  newId: () => string,
  taskHistoryLimit: number,
  maxNewSlots: number,
): ServiceContext {
  return { service, constraints: constraintsOf(service), nodes, now, newId, taskHistoryLimit, maxNewSlots };
}
