/**
 * The `filters` of the swarm list endpoints, matched against the Docker shapes the endpoints
 * answer, as swarmkit matches them: ids and names by prefix, labels as `k` or `k=v`, a task's
 * labels being its service's. Pure.
 */
import type { DockerFileObject, DockerNode, DockerService, DockerTask } from '@berth/cluster';
import { FilterError } from '../docker-views';
import type { DockerFilters } from '../docker-filters';

export const NODE_FILTERS = ['id', 'name', 'role', 'membership', 'label', 'node.label'] as const;
export const SERVICE_FILTERS = ['id', 'name', 'label', 'mode'] as const;
export const TASK_FILTERS = [
  'id',
  'name',
  'service',
  'node',
  'desired-state',
  'label',
  '_up-to-date',
] as const;
export const FILE_FILTERS = ['id', 'name', 'names', 'label'] as const;

/** True when KEY is not given, or SOURCE starts with one of its values. */
function prefix(f: DockerFilters, key: string, source: string): boolean {
  return !f.has(key) || f.get(key).some((v) => source.startsWith(v));
}

function oneOf(f: DockerFilters, key: string, accepted: readonly string[]): void {
  for (const v of f.get(key))
    if (!accepted.includes(v)) throw new FilterError(`Invalid filter '${key}=${v}'`);
}

export function nodeMatches(n: DockerNode, f: DockerFilters): boolean {
  oneOf(f, 'role', ['manager', 'worker']);
  oneOf(f, 'membership', ['accepted', 'pending']);
  return (
    prefix(f, 'id', n.ID) &&
    prefix(f, 'name', n.Description.Hostname) &&
    f.exact('role', n.Spec.Role) &&
    // every node of a Berth cluster was accepted: its join token admitted it
    f.exact('membership', 'accepted') &&
    f.labels('label', n.Description.Engine.Labels ?? {}) &&
    f.labels('node.label', n.Spec.Labels)
  );
}

export function serviceMatches(s: DockerService, f: DockerFilters): boolean {
  oneOf(f, 'mode', ['replicated', 'global', 'replicated-job', 'global-job']);
  const mode = 'Replicated' in s.Spec.Mode ? 'replicated' : 'global';
  return (
    prefix(f, 'id', s.ID) &&
    prefix(f, 'name', s.Spec.Name) &&
    f.exact('mode', mode) &&
    f.labels('label', s.Spec.Labels)
  );
}

/** What a task is matched by beyond its own shape: its service and node by id. */
export interface TaskContext {
  services: ReadonlyMap<string, DockerService>;
  nodes: ReadonlyMap<string, DockerNode>;
}

/** A task's name as Docker's: `service.slot`, or `service.node` for a global service's. */
export function taskName(t: DockerTask, service: DockerService | undefined): string {
  return `${service?.Spec.Name ?? t.ServiceID}.${t.Slot ?? t.NodeID ?? ''}`;
}

export function taskMatches(t: DockerTask, f: DockerFilters, context: TaskContext): boolean {
  oneOf(f, 'desired-state', ['running', 'shutdown', 'accepted']);
  const service = context.services.get(t.ServiceID);
  const node = t.NodeID ? context.nodes.get(t.NodeID) : undefined;
  const byService = (v: string) => v === t.ServiceID || v === service?.Spec.Name;
  const byNode = (v: string) => !!t.NodeID && (v === t.NodeID || v === node?.Description.Hostname);
  return (
    prefix(f, 'id', t.ID) &&
    prefix(f, 'name', taskName(t, service)) &&
    (!f.has('service') || f.get('service').some(byService)) &&
    (!f.has('node') || f.get('node').some(byNode)) &&
    // swarm's `accepted` is every state a task is wanted in before it runs
    (!f.has('desired-state') ||
      f
        .get('desired-state')
        .some((v) =>
          v === 'accepted' ? !['running', 'shutdown'].includes(t.DesiredState) : v === t.DesiredState,
        )) &&
    f.labels('label', service?.Spec.Labels ?? {})
  );
}

/** `names` exact (as dockerd's Names), `name` and `id` by prefix. */
export function fileMatches(o: DockerFileObject, f: DockerFilters): boolean {
  return (
    prefix(f, 'id', o.ID) &&
    prefix(f, 'name', o.Spec.Name) &&
    f.exact('names', o.Spec.Name) &&
    f.labels('label', o.Spec.Labels)
  );
}
