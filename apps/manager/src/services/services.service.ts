import { Injectable } from '@nestjs/common';
import {
  newObjectId,
  serviceStatus,
  type DockerServiceStatus,
  type Network,
  type Service,
  type ServiceSpec,
  type Task,
  type UpdateStatus,
} from '@berth/cluster';
import { RolloutsService } from '../rollouts/rollouts.service';
import { conflict, invalid } from '../errors';
import { resolveRef } from '../state/refs';
import { StateService } from '../state/state.service';
import { withIngressPorts } from './ingress-ports';
import { FilesService } from '../files/files.service';
import { problemsOf, taskSpecChanged } from './validate';

@Injectable()
export class ServicesService {
  constructor(
    private readonly state: StateService,
    private readonly rollouts: RolloutsService,
    private readonly files: FilesService,
  ) {}

  list(): Service[] {
    return [...this.state.cache.list('services')].sort((a, b) => a.spec.name.localeCompare(b.spec.name));
  }

  get(ref: string): Service {
    return resolveRef(this.list(), ref, (s) => s.spec.name, 'service');
  }

  /** The spec with its networks named by id (a person names them by name); PENDING: networks made in the same write. */
  withNetworkIds(spec: ServiceSpec, pending: readonly Network[] = []): ServiceSpec {
    if (!spec.networks?.length) return spec;
    const networks = [...this.state.cache.list('networks'), ...pending];
    return {
      ...spec,
      networks: spec.networks.map((attachment) => ({
        ...attachment,
        target: resolveRef(networks, attachment.target, (n) => n.spec.name, 'network').id,
      })),
    };
  }

  /** SPEC's ingress ports published, checked against every other service's (SELF: the one updated; ALSO: services written with it). */
  withPorts(spec: ServiceSpec, self: Service | null, also: readonly Service[] = []): ServiceSpec {
    const others = [...this.list().filter((s) => s.id !== self?.id && s.spec.name !== spec.name), ...also];
    const result = withIngressPorts(spec, others, self?.spec ?? null);
    if ('problem' in result) throw conflict(result.problem);
    return result.spec;
  }

  async create(requested: ServiceSpec): Promise<Service> {
    assertValid(requested);
    this.files.assertReferences(requested);
    const spec = this.withPorts(this.withNetworkIds(requested), null);
    if (this.list().some((s) => s.spec.name === spec.name))
      throw conflict(`a service named ${spec.name} already exists; update it or choose another name`);
    const service: Service = {
      id: newObjectId(),
      meta: { version: 0, createdAt: 0, updatedAt: 0 },
      spec,
      specVersion: 1,
      previousSpec: null,
    };
    const result = await this.state.commit([{ op: 'create', kind: 'services', object: service }], {
      atomic: true,
    });
    return result.written[0] as Service;
  }

  /** A new service object for SPEC (checked and resolved by the caller). */
  newService(spec: ServiceSpec): Service {
    return {
      id: newObjectId(),
      meta: { version: 0, createdAt: 0, updatedAt: 0 },
      spec,
      specVersion: 1,
      previousSpec: null,
    };
  }

  /** SERVICE with SPEC: a new spec version and a rollout when its tasks must change. */
  updated(service: Service, spec: ServiceSpec): { next: Service; rollout: boolean } {
    const changed = taskSpecChanged(service.spec, spec);
    return {
      next: {
        ...service,
        spec,
        specVersion: service.specVersion + (changed ? 1 : 0),
        previousSpec: changed ? service.spec : service.previousSpec,
        ...(changed ? { updateStatus: rolloutStatus('updating', 'update in progress') } : {}),
      },
      rollout: changed,
    };
  }

  async update(ref: string, requested: ServiceSpec, version: number): Promise<Service> {
    assertValid(requested);
    this.files.assertReferences(requested);
    const service = this.get(ref);
    const spec = this.withPorts(this.withNetworkIds(requested), service);
    if (spec.name !== service.spec.name) throw invalid('a service cannot be renamed');
    const read = version ? { ...service, meta: { ...service.meta, version } } : service;
    const { next, rollout } = this.updated(read, spec);
    return this.write(
      next,
      rollout,
      `service ${service.spec.name} changed since it was read (update out of sequence); try again`,
    );
  }

  /** Back to the previous spec, rolled out with the rollback config (`service rollback`). */
  async rollback(ref: string): Promise<Service> {
    const service = this.get(ref);
    if (!service.previousSpec)
      throw conflict(`service ${service.spec.name} has no previous spec to roll back to`);
    const next: Service = {
      ...service,
      spec: service.previousSpec,
      previousSpec: service.spec,
      specVersion: service.specVersion + 1,
      updateStatus: rolloutStatus('rollback_started', 'manually requested rollback'),
    };
    return this.write(next, true, `service ${service.spec.name} changed meanwhile; try again`);
  }

  /**
   * Writes NEXT; a change of its tasks' spec is queued as a rollout first, so that with Redis
   * unreachable the change is refused whole rather than written and never rolled out.
   */
  private async write(next: Service, rollout: boolean, onConflict: string): Promise<Service> {
    if (rollout) await this.rollouts.enqueue(next.id, next.specVersion);
    const result = await this.state.commit([{ op: 'update', kind: 'services', object: next }]);
    if (result.conflicts.length) throw conflict(onConflict);
    return result.written[0] as Service;
  }

  async remove(ref: string): Promise<void> {
    // a rollout or the reconciler may write the service between our read and our delete; removing
    // it is wanted whatever they wrote, so read it again and retry a few times before giving up
    for (let attempt = 1; ; attempt++) {
      const service = this.get(ref);
      const result = await this.state.commit([{ op: 'delete', kind: 'services', object: service }]);
      if (!result.conflicts.length) return;
      if (attempt === REMOVE_ATTEMPTS)
        throw conflict(`service ${service.spec.name} changed meanwhile; try again`);
    }
  }

  /**
   * REF's service now and after each change of it (WITH_TASKS: or of one of its tasks), until it
   * is removed or SIGNAL aborts. Changes made while the caller reads fold into the next state; a
   * change of tasks alone is sent at most every TASKS_EVERY_MS (they move by the hundred in a
   * rollout, and a progress line needs no more).
   */
  async *watch(
    ref: string,
    withTasks: boolean,
    signal: AbortSignal,
  ): AsyncGenerator<{ service: Service; tasks: Task[] }> {
    const id = this.get(ref).id;
    let serviceChanged = true;
    let tasksChanged = false;
    let wake: (() => void) | null = null;
    const off = this.state.cache.onChange((event) => {
      if (event.kind === 'services' && event.id === id) serviceChanged = true;
      else if (withTasks && event.kind === 'tasks' && (event.object as Task | null)?.serviceId === id)
        tasksChanged = true;
      else return;
      wake?.();
    });
    const onAbort = () => wake?.();
    signal.addEventListener('abort', onAbort);
    const changeOr = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = Number.isFinite(ms) ? setTimeout(() => wake?.(), Math.max(0, ms)) : null;
        wake = () => {
          wake = null;
          if (timer) clearTimeout(timer);
          resolve();
        };
      });
    let sentAt = 0;
    try {
      while (!signal.aborted) {
        const tasksDue = tasksChanged && Date.now() >= sentAt + TASKS_EVERY_MS;
        if (!serviceChanged && !tasksDue) {
          await changeOr(tasksChanged ? sentAt + TASKS_EVERY_MS - Date.now() : Infinity);
          continue;
        }
        serviceChanged = tasksChanged = false;
        const service = this.state.cache.get('services', id);
        if (!service) return;
        sentAt = Date.now();
        // its ended tasks too: a progress display tells a crash loop by them
        yield { service, tasks: withTasks ? this.tasks({ service: id }) : [] };
      }
    } finally {
      off();
      signal.removeEventListener('abort', onAbort);
    }
  }

  /** Its task counts, as `service ls` and Docker's status=true show them: from its own tasks, not the cluster's. */
  status(service: Service): DockerServiceStatus {
    return serviceStatus(service, this.state.cache.tasksOf(service.id));
  }

  tasks(filter: { service?: string; node?: string; desiredState?: string }): Task[] {
    const serviceId = filter.service ? this.get(filter.service).id : undefined;
    // from the cache's indexes: `service ps` costs the service's tasks, not the cluster's
    const { cache } = this.state;
    const tasks = serviceId
      ? cache.tasksOf(serviceId)
      : filter.node
        ? cache.tasksOnNode(filter.node)
        : cache.list('tasks');
    return tasks.filter(
      (t) =>
        (!filter.node || t.nodeId === filter.node) &&
        (!filter.desiredState || matchesDesired(t, filter.desiredState)),
    );
  }
}

/** how many times remove reads a service again after it changed under it */
const REMOVE_ATTEMPTS = 5;

/** how often WatchService sends a service whose tasks alone changed */
const TASKS_EVERY_MS = 100;

function rolloutStatus(state: UpdateStatus['state'], message: string): UpdateStatus {
  return { state, startedAt: Date.now(), completedAt: 0, message };
}

export function assertValid(spec: ServiceSpec): void {
  const problems = problemsOf(spec);
  if (problems.length) throw invalid(problems.join('; '));
}

/** Docker's desired-state filter: running (also ready), shutdown (and later), accepted (any). */
function matchesDesired(task: Task, desired: string): boolean {
  if (desired === 'running') return task.desiredState === 'running' || task.desiredState === 'ready';
  if (desired === 'shutdown') return !['running', 'ready'].includes(task.desiredState);
  return true;
}
