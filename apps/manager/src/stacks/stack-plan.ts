/**
 * What `stack deploy` changes, as a pure function: the stack's networks to make, its services to
 * make, update or leave alone (compared by content), and with `--prune` those to remove. The
 * manager then writes the whole plan in one etcd transaction.
 */
import {
  canonical,
  FILE_OBJECT_WORD,
  STACK_LABEL,
  type FileObject,
  type FileObjectKind,
  type Network,
  type Service,
  type ServiceSpec,
} from '@berth/cluster';
import { referencedNames } from '../files/file-objects';

export { STACK_LABEL };

export interface DesiredNetwork {
  name: string;
  external: boolean;
  attachable: boolean;
  labels: Record<string, string>;
  subnet: string;
}

/** A secret or config as the stack file declares it (the CLI reads its file or variable). */
export interface DesiredFile {
  kind: FileObjectKind;
  name: string;
  external: boolean;
  labels: Record<string, string>;
  /** base64; '' when external */
  data: string;
}

export interface StackPlan {
  createNetworks: DesiredNetwork[];
  /** the stack's secrets and configs that do not exist yet */
  createFiles: DesiredFile[];
  /** with prune: the stack's secrets and configs its file no longer declares and no remaining service uses */
  removeFiles: { kind: FileObjectKind; object: FileObject }[];
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

export interface CurrentState {
  services: readonly Service[];
  networks: readonly Network[];
  secrets: readonly FileObject[];
  configs: readonly FileObject[];
}

export function planStack(
  stack: string,
  desired: {
    services: ServiceSpec[];
    networks: DesiredNetwork[];
    files: (DesiredFile & { digest: string })[];
  },
  current: CurrentState,
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
  const createFiles: DesiredFile[] = [];
  for (const file of desired.files) {
    const what = FILE_OBJECT_WORD[file.kind];
    const existing = current[file.kind].find((o) => o.spec.name === file.name);
    if (file.external) {
      if (!existing)
        problems.push(
          `${what} "${file.name}" is declared as external, but could not be found: create it with berth ${what} create ${file.name} FILE`,
        );
    } else if (!existing) createFiles.push(file);
    else if (existing.digest !== file.digest)
      problems.push(
        `${what} ${file.name} exists with another content, and a ${what} cannot change: give the new content a new name (name: in the file)`,
      );
  }
  const plan: StackPlan = {
    createNetworks,
    createFiles,
    removeFiles: [],
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
    const remaining = [
      ...current.services.filter((s) => !removed.has(s.id)).map((s) => s.spec),
      ...desired.services,
    ];
    for (const kind of ['secrets', 'configs'] as const) {
      const wantedFiles = new Set(desired.files.filter((f) => f.kind === kind).map((f) => f.name));
      const inUse = new Set(remaining.flatMap((s) => referencedNames(s, kind)));
      for (const object of current[kind])
        if (
          object.spec.labels[STACK_LABEL] === stack &&
          !wantedFiles.has(object.spec.name) &&
          !inUse.has(object.spec.name)
        )
          plan.removeFiles.push({ kind, object });
    }
  }
  return plan;
}

/** Equal as deployed: the manager fills published ports and network ids, so those are compared as they come out. */
function sameSpec(deployed: ServiceSpec, wanted: ServiceSpec): boolean {
  return canonical(deployed) === canonical(wanted);
}

export interface StackRemoval {
  services: Service[];
  networks: Network[];
  files: { kind: FileObjectKind; object: FileObject }[];
  /** the stack's networks, secrets and configs that services of other stacks still use: kept, for people */
  kept: string[];
}

/**
 * What `stack rm` removes: the stack's services, and its networks, secrets and configs unless a
 * service outside the stack still uses them (as Docker's stack rm fails to remove those).
 */
export function planStackRemoval(stack: string, current: CurrentState): StackRemoval {
  const services = servicesOfStack(current.services, stack);
  const others = current.services.filter((s) => s.spec.labels[STACK_LABEL] !== stack);
  const kept: string[] = [];
  const users = (uses: (s: Service) => boolean) => others.filter(uses).map((s) => s.spec.name);
  const networks = current.networks.filter((n) => {
    if (n.spec.labels[STACK_LABEL] !== stack) return false;
    const by = users((s) => (s.spec.networks ?? []).some((a) => a.target === n.id));
    if (by.length) kept.push(`network ${n.spec.name} (in use by ${by.join(', ')})`);
    return by.length === 0;
  });
  const files = (['secrets', 'configs'] as const).flatMap((kind) =>
    current[kind]
      .filter((o) => {
        if (o.spec.labels[STACK_LABEL] !== stack) return false;
        const by = users((s) => referencedNames(s.spec, kind).includes(o.spec.name));
        if (by.length) kept.push(`${FILE_OBJECT_WORD[kind]} ${o.spec.name} (in use by ${by.join(', ')})`);
        return by.length === 0;
      })
      .map((object) => ({ kind, object })),
  );
  return { services, networks, files, kept };
}
