import type { ClusterSnapshot, Dependency, Service } from '@berth/cluster';

/**
 * Whether SERVICE may start its tasks (compose's depends_on, which swarm ignores): every service
 * it depends on has a task that started (running or starting), or, for `service_healthy`, one
 * that runs — a task with a health check only runs once healthy. A dependency that does not
 * exist holds the service too: it may be deployed with it and not yet written.
 */
export function dependenciesMet(
  service: Service,
  snapshot: Pick<ClusterSnapshot, 'services' | 'tasks'>,
): boolean {
  return (service.spec.dependsOn ?? []).every((dependency) => met(dependency, snapshot));
}

function met(dependency: Dependency, snapshot: Pick<ClusterSnapshot, 'services' | 'tasks'>): boolean {
  const other = snapshot.services.find((s) => s.spec.name === dependency.service);
  if (!other) return false;
  const states = dependency.condition === 'service_healthy' ? ['running'] : ['starting', 'running'];
  return snapshot.tasks.some(
    (t) => t.serviceId === other.id && t.desiredState === 'running' && states.includes(t.status.state),
  );
}
