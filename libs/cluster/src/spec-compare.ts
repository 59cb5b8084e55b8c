import type { ServiceSpec, Service, Task } from './objects';

/** JSON with every object's keys sorted: equal content, equal text, whatever order keys were written in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          // code-unit order: any fixed order does, and localeCompare costs a rollout's planning most of its time
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/**
 * canonical(VALUE) of an object never changed in place (every object of the cluster's state: they
 * are replaced, not changed), worked out once: a task's spec stays the same object across the
 * status changes a rollout plans over again and again.
 */
const canonicalOf = new WeakMap<object, string>();
function canonicalOnce(value: object): string {
  let text = canonicalOf.get(value);
  if (text === undefined) canonicalOf.set(value, (text = canonical(value)));
  return text;
}

/** runs() of each task spec object, with the ports object it was worked out with */
const runsOf = new WeakMap<object, { ports: object; text: string }>();

/** What a task runs from its service's spec: its task spec and its ports. */
function runs(task: ServiceSpec['task'], endpoint: ServiceSpec['endpoint']): string {
  const known = runsOf.get(task);
  if (known && known.ports === endpoint.ports) return known.text;
  const text = `[${canonicalOnce(task)},${canonicalOnce(endpoint.ports)}]`;
  runsOf.set(task, { ports: endpoint.ports, text });
  return text;
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
  return dirtyCheck(service)(task);
}

/** isTaskDirty against one SERVICE for many tasks: the service's side worked out once. */
export function dirtyCheck(service: Service): (task: Task) => boolean {
  const wanted = runs(service.spec.task, service.spec.endpoint);
  return (task) => runs(task.spec, task.endpoint) !== wanted;
}
