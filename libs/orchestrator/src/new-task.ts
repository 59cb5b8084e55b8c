import { needsAddresses, type Service, type Task, type TaskState } from '@berth/cluster';

export interface NewTaskFields {
  id: string;
  slot: number;
  /** '' for the scheduler to choose; a node id for global services */
  nodeId: string;
  now: number;
  /** 'running', or 'ready' while a restart delay holds it */
  desiredState?: TaskState;
  notBefore?: number;
  restarts?: number[];
}

/** A task made from the service's current spec, waiting for the scheduler (swarmkit's NewTask). */
export function newTask(service: Service, fields: NewTaskFields): Task {
  const { id, slot, nodeId, now } = fields;
  return {
    id,
    meta: { version: 0, createdAt: now, updatedAt: now },
    serviceId: service.id,
    serviceName: service.spec.name,
    slot,
    nodeId,
    spec: service.spec.task,
    specVersion: service.specVersion,
    endpoint: service.spec.endpoint,
    desiredState: fields.desiredState ?? 'running',
    // a task on networks waits in `new` for the allocator to give it its addresses
    status: {
      state: needsAddresses(service.spec) ? 'new' : 'pending',
      timestamp: now,
      message: needsAddresses(service.spec) ? 'waiting for network addresses' : 'pending task scheduling',
      err: '',
      containerId: '',
      exitCode: null,
    },
    restarts: fields.restarts ?? [],
    notBefore: fields.notBefore ?? 0,
  };
}

/** The same task with another desired state; `meta` untouched so the store can compare versions. */
export function withDesiredState(task: Task, desiredState: TaskState): Task {
  return { ...task, desiredState };
}
