/**
 * What `stack deploy` changes, as a pure function: the stack's networks to make, its services to
 * make, update or leave alone (compared by content), and with `--prune` those to remove. The
 * manager then writes the whole plan in one etcd transaction.
 */
import { canonical, type Network, type Service, type ServiceSpec } from '@berth/cluster';

export const STACK_LABEL = 'com.docker.stack.namespace';

export interface DesiredNetwork {
  name: string;
  external: boolean;
  attachable: boolean;
  labels: Record<string, string>;
  subnet: string;
}

export interface StackPlan {
  createNetworks: DesiredNetwork[];
  create: ServiceSpec[];
  update: { service: Service; spec: ServiceSpec }[];
  unchanged: Service[];
  remove: Service[];
  /** with prune: the stack's networks its file no longer declares and no remaining service uses */
  removeNetworks: Network[];
  /** what makes the stack impossible as asked, for people */
  problems: string[];
}

export function servicesOfStack(services: readonly Service[], stack: string): Service[] {
  return services.filter((s) => s.spec.labels[STACK_LABEL] === stack);
}

export function planStack(
  stack: string,
  desired: { services: ServiceSpec[]; networks: DesiredNetwork[] },
  current: { services: readonly Service[]; networks: readonly Network[] },
  prune: boolean,
): StackPlan {
  const problems: string[] = [];
  const existingNetworks = new Set(current.networks.map((n) => n.spec.name));
  for (const n of desired.networks.filter((n) => n.external && !existingNetworks.has(n.name)))
    problems.push(
      `network "${n.name}" is declared as external, but could not be found: create it with berth network create -d overlay`,
    );
  const createNetworks = desired.networks.filter((n) => !n.external && !existingNetworks.has(n.name));
  const byName = new Map(current.services.map((s) => [s.spec.name, s]));
  const plan: StackPlan = {
    createNetworks,
    create: [],
    update: [],
    unchanged: [],
    remove: [],
    removeNetworks: [],
    problems,
  };
  for (const spec of desired.services) {
    const existing = byName.get(spec.name);
    if (!existing) plan.create.push(spec);
    else if (existing.spec.labels[STACK_LABEL] !== stack)
      problems.push(
        `service ${spec.name} exists and is not part of stack ${stack}: remove it or choose another stack name`,
      );
    else if (sameSpec(existing.spec, spec)) plan.unchanged.push(existing);
    else plan.update.push({ service: existing, spec });
  }
  if (prune) {
    const wanted = new Set(desired.services.map((s) => s.name));
    plan.remove = servicesOfStack(current.services, stack).filter((s) => !wanted.has(s.spec.name));
    const declared = new Set(desired.networks.map((n) => n.name));
    const removed = new Set(plan.remove.map((s) => s.id));
    const used = new Set(
      current.services
        .filter((s) => !removed.has(s.id))
        .flatMap((s) => (s.spec.networks ?? []).map((n) => n.target)),
    );
    plan.removeNetworks = current.networks.filter(
      (n) => n.spec.labels[STACK_LABEL] === stack && !declared.has(n.spec.name) && !used.has(n.id),
    );
  }
  return plan;
}

/** Equal as deployed: the manager fills published ports and network ids, so those are compared as they come out. */
function sameSpec(deployed: ServiceSpec, wanted: ServiceSpec): boolean {
  return canonical(deployed) === canonical(wanted);
}
