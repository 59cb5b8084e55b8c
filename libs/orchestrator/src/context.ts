import type { Node, Service, Task, TaskChange } from '@berth/cluster';
import { compiledConstraints, type Constraint } from '@berth/cluster';

/** What every per-service step reads. */
export interface ServiceContext {
  service: Service;
  /** the service's current placement constraints; null when they do not parse */
  constraints: readonly Constraint[] | null;
  nodes: ReadonlyMap<string, Node>;
  now: number;
  newId: () => string;
  taskHistoryLimit: number;
  /** new slots this reconcile may add at most (CompiledOptions.maxNewSlots) */
  maxNewSlots: number;
}

/** One concern of the reconcile: reads the service's tasks as planned so far, returns changes. */
export type Step = (ctx: ServiceContext, tasks: readonly Task[]) => TaskChange[];

export function isGlobal(service: Service): boolean {
  return 'global' in service.spec.mode;
}

export function replicasOf(service: Service): number {
  const { mode } = service.spec;
  return 'replicated' in mode ? mode.replicated.replicas : 0;
}

/**
 * The service's constraints, parsed once per spec version. They are validated when a service is
 * written; one that slipped through must not stop the reconcile of every other service, so it
 * reads as "unknown" (null) and callers stay conservative.
 */
export function constraintsOf(service: Service): readonly Constraint[] | null {
  const compiled = compiledConstraints(service.spec.task.placement);
  return compiled.ok ? compiled.constraints : null;
}
