import type { ServiceSpec, Service, Task } from './objects';

/** JSON with every object's keys sorted: equal content, equal text, whatever order keys were written in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/** What a task runs from its service's spec: its task spec and its ports. */
function runs(task: ServiceSpec['task'], endpoint: ServiceSpec['endpoint']): string {
  return canonical([task, endpoint.ports]);
}

/** The change from BEFORE to AFTER needs new tasks (not only more or fewer of them). */
export function taskSpecChanged(before: ServiceSpec, after: ServiceSpec): boolean {
  return (
    runs(before.task, before.endpoint) !== runs(after.task, after.endpoint) ||
    canonical(before.networks ?? []) !== canonical(after.networks ?? [])
  );
}

/**
 * TASK does not run what SERVICE now says (swarmkit's IsTaskDirty): compared by content, so a
 * rollback to the spec a task already runs leaves that task alone.
 */
export function isTaskDirty(task: Task, service: Service): boolean {
  return runs(task.spec, task.endpoint) !== runs(service.spec.task, service.spec.endpoint);
}
